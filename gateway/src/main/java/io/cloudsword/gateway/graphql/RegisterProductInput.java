package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RegisterProductRequest;

@Description("A new product (GTIN) of one of the caller's brands.")
@Input("RegisterProductInput")
public class RegisterProductInput {
    @Description("The brand the product belongs to; must be the caller's (admins: any).")
    @Id
    @NonNull
    public String brandId;
    @Description("GTIN-8/12/13/14; must fall under one of the brand's GS1 company prefixes.")
    @NonNull
    public String gtin;
    @Description("The product's name, e.g. \"Air Runner 2 black 42\".")
    @NonNull
    public String name;
    @Description("6 digits")
    public String hsCode;
    @Description("Suggested retail prices, at most one per market; listings far below them are a risk signal.")
    public List<@NonNull MarketPriceInput> msrps;
    @Description("64-bit perceptual hashes (16 hex) of official images of the product.")
    public List<@NonNull String> imageHashes;

    RegisterProductRequest toRequest() {
        return RegisterProductRequest.newBuilder().setBrandId(brandId).setGtin(gtin).setName(name)
                .setHsCode(Inputs.orEmpty(hsCode)).addAllMsrps(MarketPriceInput.toProto(msrps))
                .addAllImageHashes(Inputs.orEmpty(imageHashes)).build();
    }
}
