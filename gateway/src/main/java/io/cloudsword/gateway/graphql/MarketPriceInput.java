package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.common.v1.Money;

@Description("A manufacturer's suggested retail price in one market.")
@Input("MarketPriceInput")
public class MarketPriceInput {
    @Description("ISO 3166-1 alpha-2 market")
    @NonNull
    public String country;
    @Description("The suggested retail price; amountMinor > 0.")
    @NonNull
    public MoneyInput price;

    @Input("MoneyInput")
    @Description("An amount in the currency's minor unit and its ISO 4217 code, e.g. {amountMinor: 12999, "
            + "currency: \"EUR\"}.")
    public static class MoneyInput {
        @Description("Amount in the currency's minor unit, e.g. 1999 for 19.99 EUR, 500 for 500 JPY.")
        public long amountMinor;
        @Description("ISO 4217 currency code, e.g. EUR, CNY.")
        @NonNull
        public String currency;
    }

    MarketPrice toProto() {
        return MarketPrice.newBuilder().setCountry(country)
                .setPrice(Money.newBuilder().setAmountMinor(price.amountMinor).setCurrency(price.currency)).build();
    }

    static List<MarketPrice> toProto(List<MarketPriceInput> prices) {
        return prices == null ? List.of() : prices.stream().map(MarketPriceInput::toProto).toList();
    }
}
