package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.AddAuthorizedSellerRequest;

@Input("AddAuthorizedSellerInput")
public class AddAuthorizedSellerInput {
    @Id
    @NonNull
    public String brandId;
    @Description("Platform slug, e.g. \"taobao\", \"amazon-de\"")
    @NonNull
    public String platform;
    @NonNull
    public String shopId;
    @Description("Markets; empty = all")
    public List<@NonNull String> territories;
    @Description("Default: now")
    public Instant validFrom;
    public Instant validUntil;
    public String note;

    AddAuthorizedSellerRequest toRequest() {
        AddAuthorizedSellerRequest.Builder r = AddAuthorizedSellerRequest.newBuilder().setBrandId(brandId)
                .setPlatform(platform).setShopId(shopId).addAllTerritories(Inputs.orEmpty(territories))
                .setNote(Inputs.orEmpty(note));
        if (validFrom != null) {
            r.setValidFrom(Times.toProto(validFrom));
        }
        if (validUntil != null) {
            r.setValidUntil(Times.toProto(validUntil));
        }
        return r.build();
    }
}
