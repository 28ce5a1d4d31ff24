package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.brand.v1.UpdateTrademarkRequest;

@Input("UpdateTrademarkInput")
@Description("Renewal (new expiryDate), cancellation (status CANCELLED), evidence, classes, territory. Only the "
        + "fields set are changed; lists are replaced whole.")
public class UpdateTrademarkInput {
    @Description("The trademark to change; the caller must own it (admins: any).")
    @Id
    @NonNull
    public String id;
    @Description("New word mark text.")
    public String markText;
    @Description("New Nice classes (1..45), replacing the old list.")
    public List<@NonNull Integer> niceClasses;
    @Description("New territories, replacing the old list.")
    public List<@NonNull String> territories;
    public LocalDate registrationDate;
    public LocalDate expiryDate;
    @Description("REGISTERED, PENDING or CANCELLED")
    public String status;
    @Description("New SHA-256 (64 hex) of the registration certificate.")
    public String evidenceSha256;
    @Description("New perceptual hash (16 hex) of the mark's image; \"\" clears.")
    public String markImageHash;

    UpdateTrademarkRequest toRequest() {
        Trademark.Builder t = Trademark.newBuilder().setId(id);
        Inputs.Mask mask = new Inputs.Mask();
        if (mask.has(markText, "mark_text")) {
            t.setMarkText(markText);
        }
        if (mask.has(niceClasses, "nice_classes")) {
            t.addAllNiceClasses(niceClasses);
        }
        if (mask.has(territories, "territories")) {
            t.addAllTerritories(Inputs.orEmpty(territories));
        }
        if (mask.has(registrationDate, "registration_date")) {
            t.setRegistrationDate(Times.toProto(registrationDate));
        }
        if (mask.has(expiryDate, "expiry_date")) {
            t.setExpiryDate(Times.toProto(expiryDate));
        }
        if (mask.has(status, "status")) {
            t.setStatus(Enums.parse(TrademarkStatus.class, TrademarkView.STATUS, status, "status"));
        }
        if (mask.has(evidenceSha256, "evidence_sha256")) {
            t.setEvidenceSha256(evidenceSha256);
        }
        if (mask.has(markImageHash, "mark_image_hash")) {
            t.setMarkImageHash(markImageHash);
        }
        return UpdateTrademarkRequest.newBuilder().setTrademark(t).setUpdateMask(mask.build()).build();
    }
}
