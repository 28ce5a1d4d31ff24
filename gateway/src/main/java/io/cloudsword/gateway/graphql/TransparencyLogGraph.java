package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.verification.v1.GetCheckpointRequest;
import io.cloudsword.api.verification.v1.GetConsistencyProofRequest;
import io.cloudsword.api.verification.v1.GetInclusionProofRequest;
import io.cloudsword.api.verification.v1.GetLogInfoRequest;
import io.cloudsword.api.verification.v1.GetProofBundleRequest;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The public transparency log of verification-service (RFC 9162 proofs, C2SP checkpoints): no
 * token needed, so anyone can audit what brands committed to. The tiles themselves are served by
 * verification-service over HTTP (/checkpoint, /tile/...).
 */
@GraphQLApi
public class TransparencyLogGraph {

    private final VerificationCalls calls;

    public TransparencyLogGraph(VerificationCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("The log's origin, the Ed25519 keys that sign its checkpoints and the latest checkpoint. Public.")
    public Uni<LogViews.LogInfoView> logInfo() {
        return calls.call(TransparencyLogGraph::anyone, s -> s.getLogInfo(GetLogInfoRequest.getDefaultInstance()))
                .map(LogViews.LogInfoView::of);
    }

    @Query
    @Description("The latest signed checkpoint. Public.")
    public Uni<LogViews.CheckpointView> checkpoint() {
        return calls.call(TransparencyLogGraph::anyone, s -> s.getCheckpoint(GetCheckpointRequest.getDefaultInstance()))
                .map(r -> LogViews.CheckpointView.of(r.hasCheckpoint(), r.getCheckpoint()));
    }

    @Query
    @Description("RFC 9162 inclusion proof of an entry, by leafIndex or by a code's Digital Link URI (exactly one), in "
            + "the tree of treeSize (default: the latest checkpoint). Public. Sizes that do not line up are "
            + "INVALID_ARGUMENT / INVALID_TREE_SIZE.")
    public Uni<LogViews.InclusionProofView> inclusionProof(
            @Description("The entry's index in the log; give this or code.") Long leafIndex,
            @Description("The code's GS1 Digital Link URI; give this or leafIndex.") String code,
            @Description("Size of the tree to prove against; default the latest checkpoint's.") Long treeSize) {
        return calls.call(caller -> {
            if ((leafIndex == null) == (code == null || code.isBlank())) {
                throw new ApiError(ErrorCode.INVALID_ARGUMENT, "leafIndex", "FIELD_REQUIRED",
                        "Give exactly one of leafIndex or code");
            }
        }, s -> {
            GetInclusionProofRequest.Builder request = GetInclusionProofRequest.newBuilder();
            if (leafIndex != null) {
                request.setLeafIndex(leafIndex);
            } else {
                request.setCode(code);
            }
            if (treeSize != null) {
                request.setTreeSize(treeSize);
            }
            return s.getInclusionProof(request.build());
        }).map(LogViews.InclusionProofView::of);
    }

    @Query
    @Description("RFC 9162 consistency proof between tree sizes first and second (default: the latest checkpoint), "
            + "0 < first <= second <= log size. Public.")
    public Uni<LogViews.ConsistencyProofView> consistencyProof(
            @Description("The smaller tree size (not a page size), at least 1.") @NonNull Long first,
            @Description("The larger tree size; default the latest checkpoint's.") Long second) {
        return calls.call(TransparencyLogGraph::anyone, s -> {
            GetConsistencyProofRequest.Builder request = GetConsistencyProofRequest.newBuilder().setFirstTreeSize(first);
            if (second != null) {
                request.setSecondTreeSize(second);
            }
            return s.getConsistencyProof(request.build());
        }).map(r -> LogViews.ConsistencyProofView.of(r.getProof()));
    }

    @Query
    @Description("An offline proof bundle for one code: its log entry, inclusion proof and signed checkpoint, and the "
            + "c2sp.org/tlog-proof text (tlogProof) that `cloudsword verify-proof` checks with no network. Public.")
    public Uni<LogViews.ProofBundleView> proofBundle(@Description("Digital Link URI") @NonNull String code) {
        return calls.call(TransparencyLogGraph::anyone,
                s -> s.getProofBundle(GetProofBundleRequest.newBuilder().setCode(code).build()))
                .map(r -> LogViews.ProofBundleView.of(r.getBundle()));
    }

    /** The log is public: no role needed (a token that is sent must still be valid). */
    private static void anyone(Caller caller) {
    }
}
