package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.Product;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Name("Product")
@Key(fields = @FieldSet("gtin"))
@Description("A product (GTIN) of a brand. Public registry data. A federation entity keyed by gtin.")
public class ProductView {
    @Description("The product's id (UUID).")
    @Id
    @NonNull
    public String id;
    @Description("The brand the product belongs to.")
    @Id
    @NonNull
    public String brandId;
    @Description("The rights owner of the product's brand.")
    @Id
    @NonNull
    public String ownerId;
    @Description("GTIN-14")
    @NonNull
    public String gtin;
    @Description("The product's name as its owner registered it.")
    @NonNull
    public String name;
    @Description("6-digit Harmonized System subheading, e.g. \"640411\"")
    @NonNull
    public String hsCode;
    @Description("Manufacturer's suggested retail prices, at most one per market.")
    @NonNull
    public List<@NonNull Msrp> msrps;
    @Description("Perceptual hashes of official images, 16 hex each.")
    @NonNull
    public List<@NonNull String> imageHashes;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;

    @Description("A manufacturer's suggested retail price in one market.")
    @Name("MarketPrice")
    public static class Msrp {
        @Description("ISO 3166-1 alpha-2 market")
        @NonNull
        public String country;
        @Description("The suggested retail price, in that market's currency.")
        @NonNull
        public Money price;
    }

    @Name("Money")
    @Description("An amount in the currency's minor unit (cents, fen; yen has none) and its ISO 4217 code.")
    public static class Money {
        @Description("Amount in the currency's minor unit, e.g. 1999 for 19.99 EUR, 500 for 500 JPY.")
        public long amountMinor;
        @Description("ISO 4217 currency code, e.g. EUR, CNY.")
        @NonNull
        public String currency;

        static Money of(io.cloudsword.api.common.v1.Money m) {
            Money v = new Money();
            v.amountMinor = m.getAmountMinor();
            v.currency = m.getCurrency();
            return v;
        }
    }

    static ProductView of(Product p) {
        ProductView v = new ProductView();
        v.id = p.getId();
        v.brandId = p.getBrandId();
        v.ownerId = p.getOwnerId();
        v.gtin = p.getGtin();
        v.name = p.getName();
        v.hsCode = p.getHsCode();
        v.msrps = p.getMsrpsList().stream().map(ProductView::msrp).toList();
        v.imageHashes = List.copyOf(p.getImageHashesList());
        v.createdAt = Times.of(p.getCreatedAt());
        v.updatedAt = Times.of(p.getUpdatedAt());
        return v;
    }

    private static Msrp msrp(MarketPrice m) {
        Msrp v = new Msrp();
        v.country = m.getCountry();
        v.price = Money.of(m.getPrice());
        return v;
    }
}
