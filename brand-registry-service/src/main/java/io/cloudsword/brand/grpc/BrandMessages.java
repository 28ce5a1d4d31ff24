package io.cloudsword.brand.grpc;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.brand.domain.NewBrand;
import io.cloudsword.brand.domain.NewRightsOwner;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.kit.grpc.ProtoTime;

/** Translation between the wire messages and the domain; no rules live here. */
final class BrandMessages {

    private BrandMessages() {
    }

    static NewRightsOwner toDomain(RegisterRightsOwnerRequest r) {
        return new NewRightsOwner(r.getLegalName(), r.getCountry(), r.getAddress(), r.getPhone(), r.getEmail(),
                r.getTradeRegisterNumber());
    }

    static NewBrand toDomain(RegisterBrandRequest r) {
        return new NewBrand(r.getOwnerId(), r.getName(), r.getAliasesList(), r.getOfficialDomainsList(),
                r.getGs1CompanyPrefixesList(), r.getExclusiveDistribution(), r.getOfficialImageHashesList());
    }

    static RightsOwner toProto(io.cloudsword.brand.domain.RightsOwner o) {
        return RightsOwner.newBuilder()
                .setId(o.id.toString())
                .setLegalName(o.legalName)
                .setCountry(o.country)
                .setAddress(o.address)
                .setPhone(o.phone)
                .setEmail(o.email)
                .setTradeRegisterNumber(o.tradeRegisterNumber)
                .setStatus(RightsOwnerStatus.valueOf("RIGHTS_OWNER_STATUS_" + o.status.name()))
                .setCreatedAt(ProtoTime.toProto(o.createdAt))
                .build();
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
                .setCreatedAt(ProtoTime.toProto(b.createdAt))
                .setUpdatedAt(ProtoTime.toProto(b.updatedAt))
                .build();
    }
}
