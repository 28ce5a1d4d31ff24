package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.SellerAuthorization;

@Name("SellerAuthorization")
@Description("Whether a shop may sell a brand in a market at a time.")
public class SellerAuthorizationView {
    @Description("The brand, as asked.")
    @Id
    @NonNull
    public String brandId;
    @Description("The platform slug, as asked.")
    @NonNull
    public String platform;
    @Description("The platform's shop id, as asked.")
    @NonNull
    public String shopId;
    @Description("The market, as asked (ISO alpha-2); empty when none was given.")
    @NonNull
    public String country;
    @Description("True only with basis LISTED.")
    public boolean authorized;
    @Description("LISTED, NOT_LISTED, OUTSIDE_TERRITORY, OUTSIDE_VALIDITY or BRAND_NOT_FOUND")
    public String basis;
    @Description("The brand declares exclusive distribution: an unauthorized seller of new goods is a risk signal.")
    public boolean exclusiveDistribution;
    @Id
    @Description("The matching entry (also for OUTSIDE_TERRITORY / OUTSIDE_VALIDITY).")
    public String authorizedSellerId;

    static SellerAuthorizationView of(SellerAuthorization s) {
        SellerAuthorizationView v = new SellerAuthorizationView();
        v.brandId = s.getBrandId();
        v.platform = s.getPlatform();
        v.shopId = s.getShopId();
        v.country = s.getCountry();
        v.authorized = s.getAuthorized();
        v.basis = Enums.name(s.getBasis(), "SELLER_AUTHORIZATION_BASIS_");
        v.exclusiveDistribution = s.getExclusiveDistribution();
        v.authorizedSellerId = s.getAuthorizedSellerId().isEmpty() ? null : s.getAuthorizedSellerId();
        return v;
    }
}
