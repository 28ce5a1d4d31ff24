package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.UpdateRightsOwnerRequest;

@Input("UpdateRightsOwnerInput")
@Description("Only the fields set are changed. Changing legalName, country or tradeRegisterNumber of a VERIFIED "
        + "owner sends it back to PENDING.")
public class UpdateRightsOwnerInput {
    @Description("The rights owner to change: the caller's own, or any for an admin.")
    @Id
    @NonNull
    public String id;
    @Description("The version last read; a stale one is refused (VERSION_MISMATCH). Null = no check.")
    public Long expectedVersion;
    @Description("New legal name.")
    public String legalName;
    @Description("New ISO 3166-1 alpha-2 country of registration.")
    public String country;
    @Description("New postal address.")
    public String address;
    @Description("New contact phone.")
    public String phone;
    @Description("New contact e-mail.")
    public String email;
    @Description("New trade register number.")
    public String tradeRegisterNumber;

    UpdateRightsOwnerRequest toRequest() {
        RightsOwner.Builder owner = RightsOwner.newBuilder().setId(id);
        Inputs.Mask mask = new Inputs.Mask();
        if (mask.has(legalName, "legal_name")) {
            owner.setLegalName(legalName);
        }
        if (mask.has(country, "country")) {
            owner.setCountry(country);
        }
        if (mask.has(address, "address")) {
            owner.setAddress(address);
        }
        if (mask.has(phone, "phone")) {
            owner.setPhone(phone);
        }
        if (mask.has(email, "email")) {
            owner.setEmail(email);
        }
        if (mask.has(tradeRegisterNumber, "trade_register_number")) {
            owner.setTradeRegisterNumber(tradeRegisterNumber);
        }
        UpdateRightsOwnerRequest.Builder request = UpdateRightsOwnerRequest.newBuilder().setOwner(owner)
                .setUpdateMask(mask.build());
        if (expectedVersion != null) {
            request.setExpectedVersion(expectedVersion);
        }
        return request.build();
    }
}
