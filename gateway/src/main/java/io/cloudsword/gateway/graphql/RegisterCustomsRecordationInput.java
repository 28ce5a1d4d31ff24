package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationRequest;

@Description("An application for customs action (a recordation) lodged with a customs authority, for the "
        + "caller's own trademarks.")
@Input("RegisterCustomsRecordationInput")
public class RegisterCustomsRecordationInput {
    @Description("EU_AFA, US_CBP, CN_GACC, UK_HMRC, JP_CUSTOMS, KR_KCS")
    @NonNull
    public String authority;
    @Description("The number the authority gave the recordation; unique per authority.")
    @NonNull
    public String recordationNumber;
    @Description("At least one; the caller's own trademarks, in force")
    @NonNull
    @Id
    public List<@NonNull String> trademarkIds;
    @Description("At least one; 4 or 6 digits")
    @NonNull
    public List<@NonNull String> hsCodes;
    @Description("At least one; ISO alpha-2, \"EU\" = all members")
    @NonNull
    public List<@NonNull String> territories;
    @Description("GTINs of genuine goods covered (GTIN-8/12/13/14), so officers can match declared products.")
    public List<@NonNull String> authenticGtins;
    @Description("64-bit perceptual hashes (16 hex) of images of genuine goods.")
    public List<@NonNull String> authenticImageHashes;
    @Description("Guidance for officers on telling genuine goods from fakes.")
    public List<RecordationPartsInput.@NonNull Aid> identificationAids;
    @Description("Importers and distributors allowed to bring the goods in: their shipments are not suspect.")
    public List<RecordationPartsInput.@NonNull Party> authorizedDistributors;
    @Description("Who customs contact when they detain suspect goods.")
    @NonNull
    public RecordationPartsInput.Contact detentionContact;
    public LocalDate validFrom;
    @Description("For CN_GACC at most 10 years after validFrom")
    @NonNull
    public LocalDate validUntil;
    @Description("PENDING or ACTIVE (granted); default ACTIVE")
    public String status;

    RegisterCustomsRecordationRequest toRequest() {
        RegisterCustomsRecordationRequest.Builder r = RegisterCustomsRecordationRequest.newBuilder()
                .setAuthority(Enums.parse(CustomsAuthority.class, CustomsRecordationView.AUTHORITY, authority,
                        "authority"))
                .setRecordationNumber(recordationNumber).addAllTrademarkIds(Inputs.orEmpty(trademarkIds))
                .addAllHsCodes(Inputs.orEmpty(hsCodes)).addAllTerritories(Inputs.orEmpty(territories))
                .addAllAuthenticGtins(Inputs.orEmpty(authenticGtins))
                .addAllAuthenticImageHashes(Inputs.orEmpty(authenticImageHashes))
                .addAllIdentificationAids(RecordationPartsInput.Aid.toProto(identificationAids))
                .addAllAuthorizedDistributors(RecordationPartsInput.Party.toProto(authorizedDistributors))
                .setDetentionContact(detentionContact.toProto()).setValidUntil(Times.toProto(validUntil))
                .setStatus(Enums.parse(CustomsRecordationStatus.class, CustomsRecordationView.STATUS, status,
                        "status"));
        if (validFrom != null) {
            r.setValidFrom(Times.toProto(validFrom));
        }
        return r.build();
    }
}
