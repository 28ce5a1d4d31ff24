package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;

@Description("A legal person applying to hold rights on Cloud Sword. It starts PENDING until a reviewer verifies it.")
@Input("RegisterRightsOwnerInput")
public class RegisterRightsOwnerInput {
    @Description("Full legal name as in the trade register.")
    @NonNull
    public String legalName;
    @Description("ISO 3166-1 alpha-2 country of registration.")
    @NonNull
    public String country;
    @Description("Registered postal address of the legal person.")
    @NonNull
    public String address;
    @Description("Contact phone in international form; seen only by the owner, reviewers and admins.")
    @NonNull
    public String phone;
    @Description("Contact e-mail; seen only by the owner, reviewers and admins.")
    @NonNull
    public String email;
    @Description("Number in the trade or company register of that country, checked by reviewers.")
    @NonNull
    public String tradeRegisterNumber;

    RegisterRightsOwnerRequest toRequest() {
        return RegisterRightsOwnerRequest.newBuilder().setLegalName(legalName).setCountry(country)
                .setAddress(address).setPhone(phone).setEmail(email).setTradeRegisterNumber(tradeRegisterNumber)
                .build();
    }
}
