package io.cloudsword.brand.grpc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cloudsword.api.brand.v1.BatchMatchCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.CustomsLineMatch;
import io.cloudsword.api.brand.v1.CustomsLineQuery;
import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.DetentionContact;
import io.cloudsword.api.brand.v1.IdentificationAid;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationRequest;
import io.cloudsword.api.brand.v1.SearchCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.TradeParty;
import io.cloudsword.brand.domain.CustomsRecordation.Aid;
import io.cloudsword.brand.domain.CustomsRecordation.Authority;
import io.cloudsword.brand.domain.CustomsRecordation.Contact;
import io.cloudsword.brand.domain.CustomsRecordation.Party;
import io.cloudsword.brand.domain.CustomsRecordation.Status;
import io.cloudsword.brand.domain.CustomsRecordations;
import io.cloudsword.brand.domain.NewRecordation;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;

/** Translation of the customs-recordation messages; no rules live here. */
final class RecordationMessages {

    private RecordationMessages() {
    }

    static NewRecordation toDomain(RegisterCustomsRecordationRequest r) {
        return new NewRecordation(toDomain(r.getAuthority()), r.getRecordationNumber(), r.getTrademarkIdsList(),
                r.getHsCodesList(), r.getTerritoriesList(), r.getAuthenticGtinsList(), r.getAuthenticImageHashesList(),
                aids(r.getIdentificationAidsList()), parties(r.getAuthorizedDistributorsList()),
                r.hasDetentionContact() ? toDomain(r.getDetentionContact()) : null,
                Wire.date("valid_from", r.hasValidFrom(), r.getValidFrom()),
                Wire.date("valid_until", r.hasValidUntil(), r.getValidUntil()), toDomain(r.getStatus()));
    }

    /** The values of an update; only the masked ones are used. */
    static NewRecordation toDomain(CustomsRecordation r) {
        return new NewRecordation(toDomain(r.getAuthority()), r.getRecordationNumber(), r.getTrademarkIdsList(),
                r.getHsCodesList(), r.getTerritoriesList(), r.getAuthenticGtinsList(), r.getAuthenticImageHashesList(),
                aids(r.getIdentificationAidsList()), parties(r.getAuthorizedDistributorsList()),
                r.hasDetentionContact() ? toDomain(r.getDetentionContact()) : null,
                Wire.date("recordation.valid_from", r.hasValidFrom(), r.getValidFrom()),
                Wire.date("recordation.valid_until", r.hasValidUntil(), r.getValidUntil()), toDomain(r.getStatus()));
    }

    static CustomsRecordations.Search toDomain(SearchCustomsRecordationsRequest r) {
        return new CustomsRecordations.Search(r.getBrandId(), r.getGtin(), r.getHsCode(), toDomain(r.getAuthority()),
                r.getTerritory(), Wire.date("in_force_on", r.hasInForceOn(), r.getInForceOn()), r.getIncludeInactive());
    }

    static List<CustomsRecordations.Line> lines(BatchMatchCustomsRecordationsRequest r) {
        List<CustomsRecordations.Line> out = new ArrayList<>(r.getLinesCount());
        for (CustomsLineQuery l : r.getLinesList()) {
            out.add(new CustomsRecordations.Line(l.getBrandId(), l.getGtin(), l.getHsCode()));
        }
        return out;
    }

    static Party toDomain(TradeParty p) {
        return new Party(p.getName(), p.getCountry(), p.getIdentifier());
    }

    static Set<Status> statuses(List<CustomsRecordationStatus> statuses) {
        Set<Status> out = new LinkedHashSet<>();
        for (int i = 0; i < statuses.size(); i++) {
            Status s = toDomain(statuses.get(i));
            if (s == null) {
                throw DomainException.invalid("statuses[" + i + "]", "VALUE_OUT_OF_RANGE",
                        "statuses[" + i + "] must be a recordation status");
            }
            out.add(s);
        }
        return out;
    }

    /** Null for UNSPECIFIED and for values this build does not know. */
    static Authority toDomain(CustomsAuthority a) {
        return switch (a) {
            case CUSTOMS_AUTHORITY_EU_AFA -> Authority.EU_AFA;
            case CUSTOMS_AUTHORITY_US_CBP -> Authority.US_CBP;
            case CUSTOMS_AUTHORITY_CN_GACC -> Authority.CN_GACC;
            case CUSTOMS_AUTHORITY_UK_HMRC -> Authority.UK_HMRC;
            case CUSTOMS_AUTHORITY_JP_CUSTOMS -> Authority.JP_CUSTOMS;
            case CUSTOMS_AUTHORITY_KR_KCS -> Authority.KR_KCS;
            default -> null;
        };
    }

    static CustomsAuthority toProto(Authority a) {
        return CustomsAuthority.valueOf("CUSTOMS_AUTHORITY_" + a.name());
    }

    static Status toDomain(CustomsRecordationStatus s) {
        return switch (s) {
            case CUSTOMS_RECORDATION_STATUS_PENDING -> Status.PENDING;
            case CUSTOMS_RECORDATION_STATUS_ACTIVE -> Status.ACTIVE;
            case CUSTOMS_RECORDATION_STATUS_EXPIRED -> Status.EXPIRED;
            case CUSTOMS_RECORDATION_STATUS_WITHDRAWN -> Status.WITHDRAWN;
            default -> null;
        };
    }

    static CustomsRecordationStatus toProto(Status s) {
        return CustomsRecordationStatus.valueOf("CUSTOMS_RECORDATION_STATUS_" + s.name());
    }

    private static List<Aid> aids(List<IdentificationAid> aids) {
        return aids.stream().map(a -> new Aid(a.getDescription(), a.getLanguage(), a.getImageHashesList(),
                a.getDocumentSha256SList())).toList();
    }

    private static List<Party> parties(List<TradeParty> parties) {
        return parties.stream().map(RecordationMessages::toDomain).toList();
    }

    private static Contact toDomain(DetentionContact c) {
        return new Contact(c.getName(), c.getOrganization(), c.getEmail(), c.getPhone(), c.getAddress(),
                c.getLanguagesList());
    }

    /** With the effective status on {@code today}. */
    static CustomsRecordation toProto(io.cloudsword.brand.domain.CustomsRecordation r, LocalDate today) {
        CustomsRecordation.Builder b = CustomsRecordation.newBuilder()
                .setId(r.id.toString())
                .setOwnerId(r.ownerId.toString())
                .setAuthority(toProto(r.authority))
                .setRecordationNumber(r.recordationNumber)
                .addAllTrademarkIds(r.trademarkIds)
                .addAllBrandIds(r.brandIds)
                .addAllHsCodes(r.hsCodes)
                .addAllTerritories(r.territories)
                .addAllAuthenticGtins(r.authenticGtins)
                .addAllAuthenticImageHashes(r.authenticImageHashes)
                .setValidFrom(Wire.toProto(r.validFrom))
                .setValidUntil(Wire.toProto(r.validUntil))
                .setStatus(toProto(CustomsRecordations.effectiveStatus(r.status, r.validUntil, today)))
                .setCreatedAt(ProtoTime.toProto(r.createdAt))
                .setUpdatedAt(ProtoTime.toProto(r.updatedAt));
        r.aids().forEach(a -> b.addIdentificationAids(IdentificationAid.newBuilder().setDescription(a.description())
                .setLanguage(a.language()).addAllImageHashes(a.imageHashes())
                .addAllDocumentSha256S(a.documentSha256s())));
        r.distributors().forEach(d -> b.addAuthorizedDistributors(TradeParty.newBuilder().setName(d.name())
                .setCountry(d.country()).setIdentifier(d.identifier())));
        Contact c = r.contact();
        b.setDetentionContact(DetentionContact.newBuilder().setName(c.name()).setOrganization(c.organization())
                .setEmail(c.email()).setPhone(c.phone()).setAddress(c.address()).addAllLanguages(c.languages()));
        return b.build();
    }

    static CustomsLineMatch toProto(int index, CustomsRecordations.LineMatch m) {
        CustomsLineMatch.Builder b = CustomsLineMatch.newBuilder().setIndex(index);
        if (m.error() != null) {
            return b.setError(Wire.itemError(m.error())).build();
        }
        m.recordationIds().forEach(id -> b.addRecordationIds(id.toString()));
        return b.setConsignorAuthorized(m.consignorAuthorized()).setGtinListedAsAuthentic(m.gtinListedAsAuthentic())
                .build();
    }
}
