package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.verification.v1.BatchVerifyRequest;
import io.cloudsword.api.verification.v1.ListLifecycleEventsRequest;
import io.cloudsword.api.verification.v1.ListScansRequest;
import io.cloudsword.api.verification.v1.RecordLifecycleEventRequest;
import io.cloudsword.api.verification.v1.VerifyRequest;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/**
 * Verifying codes (anyone, anonymously too: the service rate-limits per hashed client key, which
 * ForwardClientKey sends), scan histories and lifecycle events (the code's owner).
 */
@GraphQLApi
public class VerificationGraph {

    /** BatchVerify's cap, checked here so a too-long list costs no call. */
    static final int VERIFY_CAP = 1000;

    private final VerificationCalls calls;
    private final BrandRegistryCalls registry;

    public VerificationGraph(VerificationCalls calls, BrandRegistryCalls registry) {
        this.calls = calls;
        this.registry = registry;
    }

    @Query
    @Description("Checks a code and records the scan: GENUINE, SUSPECT with reasons, or INVALID. No token needed. "
            + "A malformed code is an INVALID_ARGUMENT error (INVALID_DIGITAL_LINK, INVALID_SERIAL, INVALID_GTIN); too "
            + "many attempts from one client are UNAVAILABLE / RATE_LIMITED.")
    public Uni<CodeVerificationView> verifyCode(
            @Description("GS1 Digital Link URI https://{host}/01/{gtin}/21/{serial}") @NonNull String code,
            @Description("Where and how the code was scanned; optional, improves clone detection.")
            ScanContextInput context) {
        return calls.call(anyone -> {
        }, s -> s.verify(VerifyRequest.newBuilder().setCode(code)
                .setContext(ScanContextInput.toProto(context, "context")).build()))
                .map(r -> CodeVerificationView.of(r.getVerification()));
    }

    @Mutation
    @Description("Checks up to 1,000 codes at once (customs lines, platform checks), each recorded as a scan; "
            + "answered per item in request order, a malformed code being that item's error. Any signed-in role.")
    public Uni<List<CodeVerificationResultView>> verifyCodes(
            @Description("Up to 1,000 codes, each with its scan context.")
            @NonNull List<ScanContextInput.@NonNull VerifyCodeInput> requests) {
        return calls.call(caller -> {
            caller.requireSignedIn();
            if (requests.size() > VERIFY_CAP) {
                throw new ApiError(ErrorCode.INVALID_ARGUMENT, "requests", "TOO_MANY_ITEMS",
                        "requests has " + requests.size() + " codes; at most " + VERIFY_CAP + " per call");
            }
        }, s -> {
            BatchVerifyRequest.Builder batch = BatchVerifyRequest.newBuilder();
            for (int i = 0; i < requests.size(); i++) {
                batch.addRequests(VerifyRequest.newBuilder().setCode(requests.get(i).code)
                        .setContext(ScanContextInput.toProto(requests.get(i).context, "requests[" + i + "].context")));
            }
            return s.batchVerify(batch.build());
        }).map(r -> r.getResultsList().stream().map(CodeVerificationResultView::of).toList());
    }

    @Query
    @Description("Scan history of one code, newest first: the code's owner, reviewers and admins.")
    public Uni<ScanView.Connection> codeScans(
            @Description("Digital Link URI") @NonNull String code,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(CodeBatchGraph::ownerSide, s -> s.listScans(ListScansRequest.newBuilder().setCode(code)
                .setPage(Paging.of(first, after)).build()))
                .map(r -> ScanView.Connection.of(r.getScansList(), r.getPageInfo()));
    }

    @Query
    @Description("Lifecycle events of one code (range events covering it included), oldest first: the code's owner, "
            + "reviewers and admins.")
    public Uni<LifecycleEventView.Connection> lifecycleEvents(@Description("Digital Link URI") @NonNull String code,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(c -> c.require(Role.RIGHTS_OWNER, Role.REVIEWER, Role.ADMIN),
                s -> s.listLifecycleEvents(ListLifecycleEventsRequest.newBuilder().setCode(code)
                        .setPage(Paging.of(first, after)).build()))
                .map(r -> LifecycleEventView.Connection.of(r.getEventsList(), r.getPageInfo()));
    }

    @Mutation
    @Description("Records one lifecycle event on codes of the caller's own batches, appended to the transparency log. "
            + "Idempotent on eventId. A step that does not fit the code's state is FAILED_PRECONDITION / "
            + "INVALID_STATE_TRANSITION.")
    public Uni<CodePayloads.RecordLifecycleEvent> recordLifecycleEvent(
            @Description("The EPCIS event: action, business step, the codes (or a range), time and place.")
            @NonNull RecordLifecycleEventInput input) {
        return calls.call(c -> c.require(Role.RIGHTS_OWNER, Role.ADMIN), s -> s.recordLifecycleEvent(
                RecordLifecycleEventRequest.newBuilder().setEvent(input.toProto()).build()))
                .map(r -> {
                    CodePayloads.RecordLifecycleEvent p = new CodePayloads.RecordLifecycleEvent();
                    p.event = LifecycleEventView.of(r.getEvent());
                    p.created = r.getCreated();
                    return p;
                });
    }

    @Name("product")
    @Description("The code's product in the brand registry; null for INVALID codes and unregistered GTINs. Batched: "
            + "one BatchGetProductsByGtin per request, however many verifications.")
    public Uni<List<ProductView>> verificationProduct(@Source List<CodeVerificationView> verifications) {
        return registry.productsByGtin(verifications.stream().filter(CodeVerificationView::issued).map(v -> v.gtin)
                .toList())
                .map(products -> verifications.stream().map(v -> v.issued() ? products.get(v.gtin) : null)
                        .map(p -> p == null ? null : ProductView.of(p)).toList());
    }

    @Name("brand")
    @Description("The brand that issued the code; null for INVALID codes. Batched: one BatchGetBrands per request.")
    public Uni<List<BrandView>> verificationBrand(@Source List<CodeVerificationView> verifications) {
        return registry.brandsById(verifications.stream().map(v -> v.brandId).toList())
                .map(brands -> verifications.stream().map(v -> v.brandId == null ? null : brands.get(v.brandId))
                        .map(b -> b == null ? null : BrandView.of(b)).toList());
    }
}
