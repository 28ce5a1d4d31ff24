package io.cloudsword.brand.grpc;

import java.util.ArrayList;
import java.util.List;

import io.cloudsword.api.brand.v1.AddAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.AuthorizedSeller;
import io.cloudsword.api.brand.v1.IsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.SellerAuthorization;
import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;
import io.cloudsword.brand.domain.AuthorizedSellers;
import io.cloudsword.kit.grpc.ProtoTime;

/** Translation of the authorized-seller messages; no rules live here. */
final class SellerMessages {

    private SellerMessages() {
    }

    static AuthorizedSellers.NewSeller toDomain(AddAuthorizedSellerRequest r) {
        return new AuthorizedSellers.NewSeller(r.getBrandId(), r.getPlatform(), r.getShopId(), r.getTerritoriesList(),
                r.hasValidFrom() ? ProtoTime.fromProto(r.getValidFrom()) : null,
                r.hasValidUntil() ? ProtoTime.fromProto(r.getValidUntil()) : null, r.getNote());
    }

    static AuthorizedSellers.NewSeller toDomain(AuthorizedSeller s) {
        return new AuthorizedSellers.NewSeller(s.getBrandId(), s.getPlatform(), s.getShopId(), s.getTerritoriesList(),
                s.hasValidFrom() ? ProtoTime.fromProto(s.getValidFrom()) : null,
                s.hasValidUntil() ? ProtoTime.fromProto(s.getValidUntil()) : null, s.getNote());
    }

    static io.cloudsword.brand.domain.SellerAuthorization.Check toDomain(IsAuthorizedSellerRequest r) {
        return new io.cloudsword.brand.domain.SellerAuthorization.Check(r.getBrandId(), r.getPlatform(), r.getShopId(),
                r.getCountry(), r.hasAt() ? ProtoTime.fromProto(r.getAt()) : null);
    }

    static List<io.cloudsword.brand.domain.SellerAuthorization.Check> toDomain(List<IsAuthorizedSellerRequest> checks) {
        List<io.cloudsword.brand.domain.SellerAuthorization.Check> out = new ArrayList<>(checks.size());
        checks.forEach(c -> out.add(toDomain(c)));
        return out;
    }

    static AuthorizedSeller toProto(io.cloudsword.brand.domain.AuthorizedSeller s) {
        AuthorizedSeller.Builder b = AuthorizedSeller.newBuilder()
                .setId(s.id.toString())
                .setBrandId(s.brandId.toString())
                .setOwnerId(s.ownerId.toString())
                .setPlatform(s.platform)
                .setShopId(s.shopId)
                .addAllTerritories(s.territories)
                .setValidFrom(ProtoTime.toProto(s.validFrom))
                .setNote(s.note)
                .setCreatedAt(ProtoTime.toProto(s.createdAt))
                .setUpdatedAt(ProtoTime.toProto(s.updatedAt));
        if (s.validUntil != null) {
            b.setValidUntil(ProtoTime.toProto(s.validUntil));
        }
        return b.build();
    }

    /** Echoes the check as asked (validated values when it parsed). */
    static SellerAuthorization toProto(io.cloudsword.brand.domain.SellerAuthorization a) {
        var c = a.check();
        SellerAuthorization.Builder b = SellerAuthorization.newBuilder()
                .setBrandId(nz(c.brandId())).setPlatform(nz(c.platform())).setShopId(nz(c.shopId()))
                .setCountry(nz(c.country()));
        if (a.error() != null) {
            return b.setError(Wire.itemError(a.error())).build();
        }
        b.setAuthorized(a.authorized()).setBasis(toProto(a.basis())).setExclusiveDistribution(a.exclusiveDistribution());
        if (a.sellerId() != null) {
            b.setAuthorizedSellerId(a.sellerId().toString());
        }
        return b.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static SellerAuthorizationBasis toProto(io.cloudsword.brand.domain.SellerAuthorization.Basis basis) {
        return switch (basis) {
            case LISTED -> SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED;
            case NOT_LISTED -> SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED;
            case OUTSIDE_TERRITORY -> SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY;
            case OUTSIDE_VALIDITY -> SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY;
            case BRAND_NOT_FOUND -> SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_BRAND_NOT_FOUND;
        };
    }
}
