package io.cloudsword.brand.grpc;

import java.time.Instant;
import java.util.Set;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandChangeKind;
import io.cloudsword.api.brand.v1.BrandMention;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.TrustedFlaggerStatus;
import io.cloudsword.api.brand.v1.WatchBrandChangesResponse;
import io.cloudsword.brand.domain.ChangeFeed;
import io.cloudsword.brand.domain.NewBrand;
import io.cloudsword.brand.domain.NewRightsOwner;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.kit.text.MentionMatcher;

/** Translation between the wire messages and the domain; no rules live here. */
final class BrandMessages {

    private BrandMessages() {
    }

    static NewRightsOwner toDomain(RegisterRightsOwnerRequest r) {
        return new NewRightsOwner(r.getLegalName(), r.getCountry(), r.getAddress(), r.getPhone(), r.getEmail(),
                r.getTradeRegisterNumber());
    }

    static NewRightsOwner toDomain(RightsOwner o) {
        return new NewRightsOwner(o.getLegalName(), o.getCountry(), o.getAddress(), o.getPhone(), o.getEmail(),
                o.getTradeRegisterNumber());
    }

    static NewBrand toDomain(RegisterBrandRequest r) {
        return new NewBrand(r.getOwnerId(), r.getName(), r.getAliasesList(), r.getOfficialDomainsList(),
                r.getGs1CompanyPrefixesList(), r.getExclusiveDistribution(), r.getOfficialImageHashesList(),
                r.getDistributionTerritoriesList());
    }

    static NewBrand toDomain(Brand b) {
        return new NewBrand(b.getOwnerId(), b.getName(), b.getAliasesList(), b.getOfficialDomainsList(),
                b.getGs1CompanyPrefixesList(), b.getExclusiveDistribution(), b.getOfficialImageHashesList(),
                b.getDistributionTerritoriesList());
    }

    /** The status as of {@code now}: a temporary suspension that has ended reads as lifted. */
    static RightsOwner toProto(io.cloudsword.brand.domain.RightsOwner o, Instant now) {
        RightsOwner.Builder b = RightsOwner.newBuilder()
                .setId(o.id.toString())
                .setLegalName(o.legalName)
                .setCountry(o.country)
                .setAddress(o.address)
                .setPhone(o.phone)
                .setEmail(o.email)
                .setTradeRegisterNumber(o.tradeRegisterNumber)
                .setStatus(toProto(o.effectiveStatus(now)))
                .setStatusReason(o.effectiveStatus(now) == o.status ? o.statusReason : "")
                .setVerifiedBy(o.verifiedBy)
                .setVersion(o.version)
                .setCreatedAt(ProtoTime.toProto(o.createdAt))
                .setUpdatedAt(ProtoTime.toProto(o.updatedAt));
        if (o.verifiedAt != null) {
            b.setVerifiedAt(ProtoTime.toProto(o.verifiedAt));
        }
        if (o.suspendedUntil != null && o.effectiveStatus(now) == io.cloudsword.brand.domain.RightsOwnerStatus.SUSPENDED) {
            b.setSuspendedUntil(ProtoTime.toProto(o.suspendedUntil));
        }
        TrustedFlaggerStatus.Builder flagger = TrustedFlaggerStatus.newBuilder().setTrusted(o.trustedFlagger)
                .setGrantingAuthority(o.trustedFlaggerAuthority).setReference(o.trustedFlaggerReference);
        if (o.trustedFlaggerGrantedAt != null) {
            flagger.setGrantedAt(ProtoTime.toProto(o.trustedFlaggerGrantedAt));
        }
        if (o.trustedFlaggerRevokedAt != null) {
            flagger.setRevokedAt(ProtoTime.toProto(o.trustedFlaggerRevokedAt));
        }
        return b.setTrustedFlagger(flagger).build();
    }

    static RightsOwnerStatus toProto(io.cloudsword.brand.domain.RightsOwnerStatus status) {
        return RightsOwnerStatus.valueOf("RIGHTS_OWNER_STATUS_" + status.name());
    }

    static io.cloudsword.brand.domain.RightsOwnerStatus toDomain(String field, RightsOwnerStatus status) {
        if (status == RightsOwnerStatus.RIGHTS_OWNER_STATUS_UNSPECIFIED || status == RightsOwnerStatus.UNRECOGNIZED) {
            throw DomainException.invalid(field, "VALUE_OUT_OF_RANGE", field + " must be a rights-owner status");
        }
        return io.cloudsword.brand.domain.RightsOwnerStatus.valueOf(status.name().substring("RIGHTS_OWNER_STATUS_".length()));
    }

    static Brand toProto(io.cloudsword.brand.domain.Brand b) {
        return Brand.newBuilder()
                .setId(b.id.toString())
                .setOwnerId(b.ownerId.toString())
                .setName(b.name)
                .addAllAliases(b.aliases)
                .addAllOfficialDomains(b.officialDomains)
                .addAllGs1CompanyPrefixes(b.gs1CompanyPrefixes)
                .setExclusiveDistribution(b.exclusiveDistribution)
                .addAllOfficialImageHashes(b.officialImageHashes)
                .addAllDistributionTerritories(b.distributionTerritories)
                .setVersion(b.version)
                .setCreatedAt(ProtoTime.toProto(b.createdAt))
                .setUpdatedAt(ProtoTime.toProto(b.updatedAt))
                .build();
    }

    static BrandMention toProto(MentionMatcher.Mention m) {
        return BrandMention.newBuilder().setBrandId(m.brandId()).setMatchedName(m.matchedName())
                .setStart(m.start()).setEnd(m.end()).setMatchedText(m.matchedText()).build();
    }

    /** Kinds a watcher may filter on; control events (heartbeat, resync) always pass. */
    static final Set<BrandChangeKind> FILTERABLE = Set.of(BrandChangeKind.BRAND_CHANGE_KIND_BRAND,
            BrandChangeKind.BRAND_CHANGE_KIND_PRODUCT, BrandChangeKind.BRAND_CHANGE_KIND_AUTHORIZED_SELLER,
            BrandChangeKind.BRAND_CHANGE_KIND_TRADEMARK, BrandChangeKind.BRAND_CHANGE_KIND_CUSTOMS_RECORDATION,
            BrandChangeKind.BRAND_CHANGE_KIND_RIGHTS_OWNER);

    static String kindName(BrandChangeKind kind) {
        return kind.name().substring("BRAND_CHANGE_KIND_".length());
    }

    static WatchBrandChangesResponse toProto(ChangeFeed.Event e) {
        WatchBrandChangesResponse.Builder b = WatchBrandChangesResponse.newBuilder()
                .setSequence(e.sequence())
                .setKind(BrandChangeKind.valueOf("BRAND_CHANGE_KIND_" + e.kind()))
                .setBrandVersion(e.brandVersion())
                .setChangedAt(ProtoTime.toProto(e.changedAt()))
                .setGtin(e.gtin())
                .setPlatform(e.platform())
                .setShopId(e.shopId())
                .setRemoved(e.removed());
        if (e.brandId() != null) {
            b.setBrandId(e.brandId().toString());
        }
        if (e.ownerId() != null) {
            b.setOwnerId(e.ownerId().toString());
        }
        if (e.entityId() != null) {
            b.setEntityId(e.entityId().toString());
        }
        return b.build();
    }
}
