package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.UpdateCustomsRecordationRequest;

@Input("UpdateCustomsRecordationInput")
@Description("Only the fields set are changed; lists are replaced whole.")
public class UpdateCustomsRecordationInput {
    @Description("The recordation to change; the caller must own it (admins: any).")
    @Id
    @NonNull
    public String id;
    @Description("New trademarks (the caller's own, in force), replacing the old list; at least one.")
    @Id
    public List<@NonNull String> trademarkIds;
    @Description("New HS codes (4 or 6 digits), replacing the old list; at least one.")
    public List<@NonNull String> hsCodes;
    @Description("New territories, replacing the old list; at least one.")
    public List<@NonNull String> territories;
    @Description("New authentic GTINs, replacing the old list; [] clears.")
    public List<@NonNull String> authenticGtins;
    @Description("New image hashes of genuine goods, replacing the old list; [] clears.")
    public List<@NonNull String> authenticImageHashes;
    @Description("New identification aids, replacing the old list; [] clears.")
    public List<RecordationPartsInput.@NonNull Aid> identificationAids;
    @Description("New authorized importers and distributors, replacing the old list; [] clears.")
    public List<RecordationPartsInput.@NonNull Party> authorizedDistributors;
    @Description("New detention contact, replacing the old one.")
    public RecordationPartsInput.Contact detentionContact;
    public LocalDate validFrom;
    public LocalDate validUntil;
    @Description("PENDING, ACTIVE or WITHDRAWN")
    public String status;

    UpdateCustomsRecordationRequest toRequest() {
        CustomsRecordation.Builder r = CustomsRecordation.newBuilder().setId(id);
        Inputs.Mask mask = new Inputs.Mask();
        if (mask.has(trademarkIds, "trademark_ids")) {
            r.addAllTrademarkIds(Inputs.orEmpty(trademarkIds));
        }
        if (mask.has(hsCodes, "hs_codes")) {
            r.addAllHsCodes(Inputs.orEmpty(hsCodes));
        }
        if (mask.has(territories, "territories")) {
            r.addAllTerritories(Inputs.orEmpty(territories));
        }
        if (mask.has(authenticGtins, "authentic_gtins")) {
            r.addAllAuthenticGtins(Inputs.orEmpty(authenticGtins));
        }
        if (mask.has(authenticImageHashes, "authentic_image_hashes")) {
            r.addAllAuthenticImageHashes(Inputs.orEmpty(authenticImageHashes));
        }
        if (mask.has(identificationAids, "identification_aids")) {
            r.addAllIdentificationAids(RecordationPartsInput.Aid.toProto(identificationAids));
        }
        if (mask.has(authorizedDistributors, "authorized_distributors")) {
            r.addAllAuthorizedDistributors(RecordationPartsInput.Party.toProto(authorizedDistributors));
        }
        if (mask.has(detentionContact, "detention_contact")) {
            r.setDetentionContact(detentionContact.toProto());
        }
        if (mask.has(validFrom, "valid_from")) {
            r.setValidFrom(Times.toProto(validFrom));
        }
        if (mask.has(validUntil, "valid_until")) {
            r.setValidUntil(Times.toProto(validUntil));
        }
        if (mask.has(status, "status")) {
            r.setStatus(Enums.parse(CustomsRecordationStatus.class, CustomsRecordationView.STATUS, status, "status"));
        }
        return UpdateCustomsRecordationRequest.newBuilder().setRecordation(r).setUpdateMask(mask.build()).build();
    }
}
