package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;

@Input("RegisterTrademarkInput")
public class RegisterTrademarkInput {
    @Id
    @NonNull
    @Description("The owner is the brand's owner, which must be the caller.")
    public String brandId;
    @NonNull
    @Description("e.g. EUIPO, USPTO, CNIPA (see Trademark.office)")
    public String office;
    @NonNull
    public String registrationNumber;
    public String markText;
    @NonNull
    public List<@NonNull Integer> niceClasses;
    @NonNull
    public List<@NonNull String> territories;
    public LocalDate registrationDate;
    public LocalDate expiryDate;
    @Description("REGISTERED or PENDING")
    public String status;
    @NonNull
    public String evidenceSha256;
    public String markImageHash;

    RegisterTrademarkRequest toRequest() {
        RegisterTrademarkRequest.Builder r = RegisterTrademarkRequest.newBuilder().setBrandId(brandId)
                .setOffice(Enums.parse(TrademarkOffice.class, TrademarkView.OFFICE, office, "office"))
                .setRegistrationNumber(registrationNumber).setMarkText(Inputs.orEmpty(markText))
                .addAllNiceClasses(niceClasses).addAllTerritories(Inputs.orEmpty(territories))
                .setStatus(Enums.parse(TrademarkStatus.class, TrademarkView.STATUS, status, "status"))
                .setEvidenceSha256(evidenceSha256).setMarkImageHash(Inputs.orEmpty(markImageHash));
        if (registrationDate != null) {
            r.setRegistrationDate(Times.toProto(registrationDate));
        }
        if (expiryDate != null) {
            r.setExpiryDate(Times.toProto(expiryDate));
        }
        return r.build();
    }
}
