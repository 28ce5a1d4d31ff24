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

@Description("A trademark of one of the caller's brands, as registered (or applied for) at an office.")
@Input("RegisterTrademarkInput")
public class RegisterTrademarkInput {
    @Id
    @NonNull
    @Description("The owner is the brand's owner, which must be the caller.")
    public String brandId;
    @NonNull
    @Description("e.g. EUIPO, USPTO, CNIPA (see Trademark.office)")
    public String office;
    @Description("The office's registration (or application) number; normalized to upper case without spaces.")
    @NonNull
    public String registrationNumber;
    @Description("The word mark as registered; empty for a purely figurative mark.")
    public String markText;
    @Description("Nice classes 1..45 the mark is registered for.")
    @NonNull
    public List<@NonNull Integer> niceClasses;
    @Description("ISO 3166-1 alpha-2 codes where the mark is protected; \"EU\" for an EU trade mark.")
    @NonNull
    public List<@NonNull String> territories;
    public LocalDate registrationDate;
    public LocalDate expiryDate;
    @Description("REGISTERED or PENDING")
    public String status;
    @Description("SHA-256 (64 hex) of the registration certificate the owner holds, for reviewers to match.")
    @NonNull
    public String evidenceSha256;
    @Description("64-bit perceptual hash (16 hex) of the mark's image, for figurative marks.")
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
