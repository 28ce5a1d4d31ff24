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
    @Id
    @NonNull
    public String id;
    @Description("The version last read; a stale one is refused (VERSION_MISMATCH). Null = no check.")
    public Long expectedVersion;
    public String legalName;
    public String country;
    public String address;
    public String phone;
    public String email;
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
