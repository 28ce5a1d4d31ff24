package io.cloudsword.brand.grpc;

import java.time.LocalDate;
import java.util.Set;

import io.cloudsword.api.brand.v1.CheckRightStandingRequest;
import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
import io.cloudsword.api.brand.v1.RightStanding;
import io.cloudsword.api.brand.v1.RightStandingOutcome;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.brand.domain.NewTrademark;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;

/** Translation of the trademark and right-standing messages; no rules live here. */
final class TrademarkMessages {

    private TrademarkMessages() {
    }

    static NewTrademark toDomain(RegisterTrademarkRequest r) {
        return new NewTrademark(r.getBrandId(), office(r.getOffice()), r.getRegistrationNumber(), r.getMarkText(),
                r.getNiceClassesList(), r.getTerritoriesList(),
                Wire.date("registration_date", r.hasRegistrationDate(), r.getRegistrationDate()),
                Wire.date("expiry_date", r.hasExpiryDate(), r.getExpiryDate()), status(r.getStatus()),
                r.getEvidenceSha256(), r.getMarkImageHash());
    }

    /** The updatable fields of an UpdateTrademark request (only the masked ones are read). */
    static NewTrademark toDomain(Trademark t, Set<String> paths) {
        LocalDate registered = paths.contains("registration_date")
                ? Wire.date("trademark.registration_date", t.hasRegistrationDate(), t.getRegistrationDate()) : null;
        LocalDate expires = paths.contains("expiry_date")
                ? Wire.date("trademark.expiry_date", t.hasExpiryDate(), t.getExpiryDate()) : null;
        return new NewTrademark(t.getBrandId(), office(t.getOffice()), t.getRegistrationNumber(), t.getMarkText(),
                t.getNiceClassesList(), t.getTerritoriesList(), registered, expires, status(t.getStatus()),
                t.getEvidenceSha256(), t.getMarkImageHash());
    }

    /** Null for UNSPECIFIED or a value this build does not know: the domain refuses it by name. */
    static io.cloudsword.brand.domain.Trademark.Office office(TrademarkOffice office) {
        if (office == TrademarkOffice.TRADEMARK_OFFICE_UNSPECIFIED || office == TrademarkOffice.UNRECOGNIZED) {
            return null;
        }
        return io.cloudsword.brand.domain.Trademark.Office.valueOf(office.name().substring("TRADEMARK_OFFICE_".length()));
    }

    static io.cloudsword.brand.domain.Trademark.Status status(TrademarkStatus status) {
        if (status == TrademarkStatus.TRADEMARK_STATUS_UNSPECIFIED || status == TrademarkStatus.UNRECOGNIZED) {
            return null;
        }
        return io.cloudsword.brand.domain.Trademark.Status.valueOf(status.name().substring("TRADEMARK_STATUS_".length()));
    }

    /** A filter value: UNSPECIFIED names nothing and is refused. */
    static io.cloudsword.brand.domain.Trademark.Status statusFilter(String field, TrademarkStatus status) {
        io.cloudsword.brand.domain.Trademark.Status s = status(status);
        if (s == null) {
            throw DomainException.invalid(field, "VALUE_OUT_OF_RANGE", field + " must be a trademark status");
        }
        return s;
    }

    static TrademarkOffice toProto(io.cloudsword.brand.domain.Trademark.Office office) {
        return TrademarkOffice.valueOf("TRADEMARK_OFFICE_" + office.name());
    }

    static TrademarkStatus toProto(io.cloudsword.brand.domain.Trademark.Status status) {
        return TrademarkStatus.valueOf("TRADEMARK_STATUS_" + status.name());
    }

    /** With the effective status on {@code today}. */
    static Trademark toProto(io.cloudsword.brand.domain.Trademark t, LocalDate today) {
        Trademark.Builder b = Trademark.newBuilder()
                .setId(t.id.toString())
                .setOwnerId(t.ownerId.toString())
                .setBrandId(t.brandId.toString())
                .setOffice(toProto(t.office))
                .setRegistrationNumber(t.registrationNumber)
                .setMarkText(t.markText)
                .addAllNiceClasses(t.niceClasses)
                .addAllTerritories(t.territories)
                .setStatus(toProto(t.effectiveStatus(today)))
                .setEvidenceSha256(t.evidenceSha256)
                .setMarkImageHash(t.markImageHash)
                .setCreatedAt(ProtoTime.toProto(t.createdAt))
                .setUpdatedAt(ProtoTime.toProto(t.updatedAt));
        if (t.registrationDate != null) {
            b.setRegistrationDate(Wire.toProto(t.registrationDate));
        }
        if (t.expiryDate != null) {
            b.setExpiryDate(Wire.toProto(t.expiryDate));
        }
        return b.build();
    }

    static io.cloudsword.brand.domain.RightStanding.Check toDomain(CheckRightStandingRequest r) {
        return new io.cloudsword.brand.domain.RightStanding.Check(r.getNotifierOwnerId(), r.getTrademarkId(),
                r.hasAt() ? ProtoTime.fromProto(r.getAt()) : null);
    }

    static RightStanding toProto(io.cloudsword.brand.domain.RightStanding s) {
        RightStanding.Builder b = RightStanding.newBuilder()
                .setNotifierOwnerId(s.notifierOwnerId())
                .setTrademarkId(s.trademarkId())
                .setTrustedFlagger(s.trustedFlagger());
        if (s.error() != null) {
            return b.setError(Wire.itemError(s.error())).build();
        }
        b.setOutcome(RightStandingOutcome.valueOf("RIGHT_STANDING_OUTCOME_" + s.outcome().name()));
        if (s.rightHolderOwnerId() != null) {
            b.setRightHolderOwnerId(s.rightHolderOwnerId().toString());
        }
        if (s.brandId() != null) {
            b.setBrandId(s.brandId().toString());
        }
        if (s.agentMandateId() != null) {
            b.setAgentMandateId(s.agentMandateId().toString());
        }
        if (s.notifierStatus() != null) {
            b.setNotifierStatus(RightsOwnerStatus.valueOf("RIGHTS_OWNER_STATUS_" + s.notifierStatus().name()));
        }
        if (s.trademarkStatus() != null) {
            b.setTrademarkStatus(toProto(s.trademarkStatus()));
        }
        return b.build();
    }
}
