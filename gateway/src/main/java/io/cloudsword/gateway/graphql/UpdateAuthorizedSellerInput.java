package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.AuthorizedSeller;
import io.cloudsword.api.brand.v1.UpdateAuthorizedSellerRequest;

@Input("UpdateAuthorizedSellerInput")
@Description("Only the fields set are changed; territories are replaced whole.")
public class UpdateAuthorizedSellerInput {
    @Description("The authorized-seller entry to change.")
    @Id
    @NonNull
    public String id;
    @Description("New markets, replacing the old list; [] = all markets.")
    public List<@NonNull String> territories;
    public Instant validFrom;
    public Instant validUntil;
    @Description("New note; \"\" clears it.")
    public String note;

    UpdateAuthorizedSellerRequest toRequest() {
        AuthorizedSeller.Builder s = AuthorizedSeller.newBuilder().setId(id);
        Inputs.Mask mask = new Inputs.Mask();
        if (mask.has(territories, "territories")) {
            s.addAllTerritories(Inputs.orEmpty(territories));
        }
        if (mask.has(validFrom, "valid_from")) {
            s.setValidFrom(Times.toProto(validFrom));
        }
        if (mask.has(validUntil, "valid_until")) {
            s.setValidUntil(Times.toProto(validUntil));
        }
        if (mask.has(note, "note")) {
            s.setNote(note);
        }
        return UpdateAuthorizedSellerRequest.newBuilder().setSeller(s).setUpdateMask(mask.build()).build();
    }
}
