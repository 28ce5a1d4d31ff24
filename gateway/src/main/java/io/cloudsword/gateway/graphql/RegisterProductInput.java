package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RegisterProductRequest;

@Input("RegisterProductInput")
public class RegisterProductInput {
    @Id
    @NonNull
    public String brandId;
    @Description("GTIN-8/12/13/14; must fall under one of the brand's GS1 company prefixes.")
    @NonNull
    public String gtin;
    @NonNull
    public String name;
    @Description("6 digits")
    public String hsCode;
    public List<@NonNull MarketPriceInput> msrps;
    public List<@NonNull String> imageHashes;

    RegisterProductRequest toRequest() {
        return RegisterProductRequest.newBuilder().setBrandId(brandId).setGtin(gtin).setName(name)
                .setHsCode(Inputs.orEmpty(hsCode)).addAllMsrps(MarketPriceInput.toProto(msrps))
                .addAllImageHashes(Inputs.orEmpty(imageHashes)).build();
    }
}
