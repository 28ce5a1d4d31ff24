package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.CreateCodeBatchRequest;

@Description("A request to issue a batch of serialized codes for one of the owner's GTINs; the codes are issued "
        + "by a background job.")
@Input("CreateCodeBatchInput")
public class CreateCodeBatchInput {
    @Id
    @Description("The rights owner issuing the codes; default: the caller's own (owner_id of the token).")
    public String ownerId;
    @Description("GTIN-8/12/13/14 of one of the owner's products (the owner of its longest GS1 prefix).")
    @NonNull
    public String gtin;
    @Description("1..10,000,000")
    public long quantity;
    @Description("Lower-case DNS host of the Digital Link URIs, without scheme or port; default from the service's "
            + "configuration.")
    public String resolverHost;
    @Description("Required, max 128. A repeat returns the first batch (created: false); the same key with other "
            + "parameters is IDEMPOTENCY_KEY_REUSED.")
    @NonNull
    public String idempotencyKey;

    CreateCodeBatchRequest toRequest(String owner) {
        return CreateCodeBatchRequest.newBuilder().setOwnerId(Inputs.orEmpty(owner)).setGtin(gtin)
                .setQuantity(quantity).setResolverHost(Inputs.orEmpty(resolverHost)).setIdempotencyKey(idempotencyKey)
                .build();
    }
}
