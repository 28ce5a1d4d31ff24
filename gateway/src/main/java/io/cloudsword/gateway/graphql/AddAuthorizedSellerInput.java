package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.AddAuthorizedSellerRequest;

@Description("A shop to add to a brand's list of authorized sellers. The brand's owner or an admin only.")
@Input("AddAuthorizedSellerInput")
public class AddAuthorizedSellerInput {
    @Description("The brand that authorizes the shop; must belong to the caller (admins: any brand).")
    @Id
    @NonNull
    public String brandId;
    @Description("Platform slug, e.g. \"taobao\", \"amazon-de\"")
    @NonNull
    public String platform;
    @Description("The shop's id on the platform, exactly as the platform's listings carry it.")
    @NonNull
    public String shopId;
    @Description("Markets; empty = all")
    public List<@NonNull String> territories;
    @Description("Default: now")
    public Instant validFrom;
    public Instant validUntil;
    @Description("Free-text note for the brand's own records (contract reference, contact); max 1,000 "
            + "characters. Seen only by the owner, reviewers and admins.")
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
