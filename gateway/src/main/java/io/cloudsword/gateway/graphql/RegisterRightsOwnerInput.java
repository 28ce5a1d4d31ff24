package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;

@Input("RegisterRightsOwnerInput")
public class RegisterRightsOwnerInput {
    @NonNull
    public String legalName;
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

    RegisterRightsOwnerRequest toRequest() {
        return RegisterRightsOwnerRequest.newBuilder().setLegalName(legalName).setCountry(country)
                .setAddress(address).setPhone(phone).setEmail(email).setTradeRegisterNumber(tradeRegisterNumber)
                .build();
    }
}
