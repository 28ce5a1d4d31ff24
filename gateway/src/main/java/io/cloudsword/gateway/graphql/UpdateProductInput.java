package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.UpdateProductRequest;

@Input("UpdateProductInput")
@Description("Only the fields set are changed; msrps and imageHashes are replaced whole. The GTIN never changes.")
public class UpdateProductInput {
    @Description("The product to change; the caller must own its brand (admins: any).")
    @Id
    @NonNull
    public String id;
    @Description("New product name.")
    public String name;
    @Description("New 6-digit HS subheading; \"\" clears.")
    public String hsCode;
    @Description("New suggested retail prices, replacing the old list; [] clears.")
    public List<@NonNull MarketPriceInput> msrps;
    @Description("New official image hashes (16 hex each), replacing the old list; [] clears.")
    public List<@NonNull String> imageHashes;

    UpdateProductRequest toRequest() {
        Product.Builder p = Product.newBuilder().setId(id);
        Inputs.Mask mask = new Inputs.Mask();
        if (mask.has(name, "name")) {
            p.setName(name);
        }
        if (mask.has(hsCode, "hs_code")) {
            p.setHsCode(hsCode);
        }
        if (mask.has(msrps, "msrps")) {
            p.addAllMsrps(MarketPriceInput.toProto(msrps));
        }
        if (mask.has(imageHashes, "image_hashes")) {
            p.addAllImageHashes(Inputs.orEmpty(imageHashes));
        }
        return UpdateProductRequest.newBuilder().setProduct(p).setUpdateMask(mask.build()).build();
    }
}
