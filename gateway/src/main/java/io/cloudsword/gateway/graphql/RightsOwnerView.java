package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RightsOwner;


@Name("RightsOwner")
@Description("A legal person holding rights. Its contact data is visible to itself, reviewers and admins only.")
public class RightsOwnerView {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String legalName;
    @Description("ISO 3166-1 alpha-2")
    @NonNull
    public String country;
    @NonNull
    public String address;
    @NonNull
    public String phone;
    @NonNull
    public String email;
    @NonNull
    public String tradeRegisterNumber;
    @Description("PENDING until a reviewer verifies identity and documents; only VERIFIED owners' rights count.")
    @NonNull
    public String status;
    @NonNull
    public Instant createdAt;

    static RightsOwnerView of(RightsOwner o) {
        RightsOwnerView v = new RightsOwnerView();
        v.id = o.getId();
        v.legalName = o.getLegalName();
        v.country = o.getCountry();
        v.address = o.getAddress();
        v.phone = o.getPhone();
        v.email = o.getEmail();
        v.tradeRegisterNumber = o.getTradeRegisterNumber();
        v.status = o.getStatus().name().replace("RIGHTS_OWNER_STATUS_", "");
        v.createdAt = Times.of(o.getCreatedAt());
        return v;
    }
}
