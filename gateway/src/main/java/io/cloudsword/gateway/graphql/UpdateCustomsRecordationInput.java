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
    @Id
    @NonNull
    public String id;
    @Id
    public List<@NonNull String> trademarkIds;
    public List<@NonNull String> hsCodes;
    public List<@NonNull String> territories;
    public List<@NonNull String> authenticGtins;
    public List<@NonNull String> authenticImageHashes;
    public List<RecordationPartsInput.@NonNull Aid> identificationAids;
    public List<RecordationPartsInput.@NonNull Party> authorizedDistributors;
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
