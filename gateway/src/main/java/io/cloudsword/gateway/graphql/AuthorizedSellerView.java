package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.AuthorizedSeller;

@Name("AuthorizedSeller")
@Description("A shop the brand authorizes to sell its goods. Visible to the brand's owner, reviewers and admins.")
public class AuthorizedSellerView {
    @Description("Id of this authorization entry; pass it to updateAuthorizedSeller or removeAuthorizedSeller.")
    @Id
    @NonNull
    public String id;
    @Description("The brand the authorization is for.")
    @Id
    @NonNull
    public String brandId;
    @Description("The rights owner of the brand, who maintains this entry.")
    @Id
    @NonNull
    public String ownerId;
    @Description("Platform slug, e.g. \"taobao\", \"amazon-de\".")
    @NonNull
    public String platform;
    @Description("The platform's shop id")
    @NonNull
    public String shopId;
    @Description("Markets where the shop may sell the brand; empty = all markets.")
    @NonNull
    public List<@NonNull String> territories;
    @Description("Half-open validity window [validFrom, validUntil).")
    @NonNull
    public Instant validFrom;
    public Instant validUntil;
    @Description("The owner's free-text note (contract reference, contact); empty when none.")
    @NonNull
    public String note;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;

    static AuthorizedSellerView of(AuthorizedSeller s) {
        AuthorizedSellerView v = new AuthorizedSellerView();
        v.id = s.getId();
        v.brandId = s.getBrandId();
        v.ownerId = s.getOwnerId();
        v.platform = s.getPlatform();
        v.shopId = s.getShopId();
        v.territories = List.copyOf(s.getTerritoriesList());
        v.validFrom = Times.of(s.getValidFrom());
        v.validUntil = Times.ofOptional(s.hasValidUntil(), s.getValidUntil());
        v.note = s.getNote();
        v.createdAt = Times.of(s.getCreatedAt());
        v.updatedAt = Times.of(s.getUpdatedAt());
        return v;
    }
}
