package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.GetCodeBatchRequest;
import io.cloudsword.api.verification.v1.ListCodeBatchesRequest;
import io.cloudsword.api.verification.v1.ListCodeKeysRequest;
import io.cloudsword.api.verification.v1.RotateCodeKeyRequest;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/**
 * Code batches and code keys (verification-service): a rights owner's own records. The gateway
 * pre-checks roles and the owner id it can see; the service enforces ownership of every batch
 * and key itself.
 */
@GraphQLApi
public class CodeBatchGraph {

    private final VerificationCalls calls;
    private final BrandRegistryCalls registry;

    public CodeBatchGraph(VerificationCalls calls, BrandRegistryCalls registry) {
        this.calls = calls;
        this.registry = registry;
    }

    @Query
    @Description("A code batch with its progress: its owner, reviewers and admins.")
    public Uni<CodeBatchView> codeBatch(@Description("The batch's id.") @Id @NonNull String id) {
        return calls.call(CodeBatchGraph::ownerSide, s -> s.getCodeBatch(GetCodeBatchRequest.newBuilder().setId(id).build()))
                .map(r -> CodeBatchView.of(r.getBatch()));
    }

    @Query
    @Description("Code batches, newest first. ownerId defaults to the caller's own; reviewers and admins may ask for "
            + "any owner or leave it out.")
    public Uni<CodeBatchConnection> codeBatches(
            @Description("Whose batches; default the caller's own.") @Id String ownerId,
            @Description("GTIN-8/12/13/14") String gtin,
            @Description("PENDING, RUNNING, COMPLETED, FAILED; empty = any") List<String> statuses,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.callAs((caller, s) -> {
            String owner = ownerOrOwn(caller, ownerId, "ownerId");
            return s.listCodeBatches(ListCodeBatchesRequest.newBuilder().setOwnerId(Inputs.orEmpty(owner))
                    .setGtin(Inputs.orEmpty(gtin))
                    .addAllStatuses(Enums.parseAll(CodeBatchStatus.class, CodeBatchView.STATUS, statuses, "statuses"))
                    .setPage(Paging.of(first, after)).build());
        }).map(r -> CodeBatchConnection.of(r.getBatchesList(), r.getPageInfo()));
    }

    @Mutation
    @Description("Issues `quantity` codes for a GTIN of the owner's, as a background job: answers at once with the "
            + "batch PENDING or RUNNING; follow codeBatch(id).progress. Idempotent on (owner, idempotencyKey).")
    public Uni<CodePayloads.CreateCodeBatch> createCodeBatch(
            @Description("The GTIN, quantity, resolver host and idempotency key of the batch.")
            @NonNull CreateCodeBatchInput input) {
        return calls.callAs((caller, s) -> {
            caller.require(Role.RIGHTS_OWNER, Role.ADMIN);
            return s.createCodeBatch(input.toRequest(ownerOrOwn(caller, input.ownerId, "input.ownerId")));
        }).map(r -> CodePayloads.CreateCodeBatch.of(r.getBatch(), r.getCreated()));
    }

    @Query
    @Description("Metadata of a brand's code keys, newest first: the brand's owner and admins.")
    public Uni<List<CodeKeyView>> codeKeys(
            @Description("The brand whose code keys are listed.") @Id @NonNull String brandId) {
        return calls.call(c -> c.require(Role.RIGHTS_OWNER, Role.ADMIN),
                s -> s.listCodeKeys(ListCodeKeysRequest.newBuilder().setBrandId(brandId).build()))
                .map(r -> r.getKeysList().stream().map(CodeKeyView::of).toList());
    }

    @Mutation
    @Description("Makes a new key ACTIVE for new batches; the previous one becomes RETIRED and still verifies the "
            + "codes it issued. The brand's owner or an admin. Idempotent on (brandId, idempotencyKey).")
    public Uni<CodePayloads.RotateCodeKey> rotateCodeKey(
            @Description("The brand whose code key rotates.") @Id @NonNull String brandId,
            @Description("Why the key rotates (scheduled, suspected compromise, ...), recorded in the "
                    + "transparency log.") @NonNull String reason,
            @Description("Caller-chosen key, max 128: a retry with the same key returns the first rotation "
                    + "(created: false).") @NonNull String idempotencyKey) {
        return calls.call(c -> c.require(Role.RIGHTS_OWNER, Role.ADMIN),
                s -> s.rotateCodeKey(RotateCodeKeyRequest.newBuilder().setBrandId(brandId).setReason(reason)
                        .setIdempotencyKey(idempotencyKey).build()))
                .map(CodePayloads.RotateCodeKey::of);
    }

    @Name("product")
    @Description("The batch's product (by GTIN) in the brand registry; null when none is registered. Batched: one "
            + "BatchGetProductsByGtin per request, however many batches.")
    public Uni<List<ProductView>> codeBatchProduct(@Source List<CodeBatchView> batches) {
        return registry.productsByGtin(batches.stream().map(b -> b.gtin).toList())
                .map(products -> batches.stream().map(b -> products.get(b.gtin))
                        .map(p -> p == null ? null : ProductView.of(p)).toList());
    }

    @Name("brand")
    @Description("The batch's brand. Batched: one BatchGetBrands per request, however many batches.")
    public Uni<List<BrandView>> codeBatchBrand(@Source List<CodeBatchView> batches) {
        return registry.brandsById(batches.stream().map(b -> b.brandId).toList())
                .map(brands -> batches.stream().map(b -> brands.get(b.brandId))
                        .map(b -> b == null ? null : BrandView.of(b)).toList());
    }

    /** Batches, scans and keys are a rights owner's records: the owner, reviewers and admins read them. */
    static void ownerSide(Caller caller) {
        caller.require(Role.RIGHTS_OWNER, Role.REVIEWER, Role.ADMIN);
    }

    /**
     * The owner a request is about: the one asked for (a rights owner only its own), or by default
     * the caller's own; staff may leave it out (null = any owner).
     */
    static String ownerOrOwn(Caller caller, String ownerId, String field) {
        ownerSide(caller);
        if (ownerId == null || ownerId.isBlank()) {
            return Access.isStaff(caller) ? null : caller.ownerId();
        }
        Access.requireOwnerOrStaff(caller, ownerId, field);
        return ownerId;
    }
}
