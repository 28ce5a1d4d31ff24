package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.BatchProgress;
import io.cloudsword.api.verification.v1.CodeBatch;

@Name("CodeBatch")
@Description("Serialized codes issued for one GTIN of a rights owner, by a background job with progress. Its codes "
        + "download as CSV at /codes/batches/{id}/codes.csv and as QR labels at /codes/batches/{id}/labels.svg|png.")
public class CodeBatchView {
    static final String STATUS = "CODE_BATCH_STATUS_";

    @Description("The batch's id (UUID).")
    @Id
    @NonNull
    public String id;
    @Description("The rights owner that issued the batch; only it, reviewers and admins see the batch.")
    @Id
    @NonNull
    public String ownerId;
    @Description("The brand of the batch's product.")
    @Id
    @NonNull
    public String brandId;
    @Description("GTIN-14")
    @NonNull
    public String gtin;
    @Description("Number of codes the batch holds when complete.")
    public long quantity;
    @Description("PENDING, RUNNING, COMPLETED or FAILED")
    @NonNull
    public String status;
    @Description("Codes issued so far: indexes [0, codesDone) can be exported while the batch runs.")
    public long codesDone;
    @Description("Progress of the issuing job: done, total, rate and estimated completion.")
    @NonNull
    public BatchProgressView progress;
    @Description("Host of the batch's Digital Link URIs, e.g. id.example-brand.com")
    @NonNull
    public String resolverHost;
    @Id
    @Description("The code key that issued the batch's codes (its metadata: codeKeys).")
    @NonNull
    public String keyId;
    @Description("Why the batch stopped; null unless FAILED.")
    public String failureReason;
    @Description("Transparency-log entry of the batch commitment, once COMPLETED.")
    public Long commitmentLogIndex;
    @Description("First log index of the batch's code entries [first, first + quantity), once assigned.")
    public Long firstCodeLogIndex;
    @NonNull
    public Instant createdAt;
    public Instant startedAt;
    public Instant completedAt;
    @NonNull
    public Instant updatedAt;

    @Description("How far a code batch's background issuing job has got.")
    @Name("BatchProgress")
    public static class BatchProgressView {
        @Description("0..100")
        public double percent;
        @Description("Codes issued so far.")
        public long codesDone;
        @Description("Codes the batch will hold when complete (its quantity).")
        public long codesTotal;
        @Description("Recent issuing rate.")
        public double codesPerSecond;
        @Description("Estimated completion; null when unknown (PENDING, no rate yet) or finished.")
        public Instant estimatedCompletionAt;

        static BatchProgressView of(BatchProgress p) {
            BatchProgressView v = new BatchProgressView();
            v.percent = p.getPercent();
            v.codesDone = p.getCodesDone();
            v.codesTotal = p.getCodesTotal();
            v.codesPerSecond = p.getCodesPerSecond();
            v.estimatedCompletionAt = Times.ofOptional(p.hasEstimatedCompletionAt(), p.getEstimatedCompletionAt());
            return v;
        }
    }

    static CodeBatchView of(CodeBatch b) {
        CodeBatchView v = new CodeBatchView();
        v.id = b.getId();
        v.ownerId = b.getOwnerId();
        v.brandId = b.getBrandId();
        v.gtin = b.getGtin();
        v.quantity = b.getQuantity();
        v.status = Enums.name(b.getStatus(), STATUS);
        v.codesDone = b.getCodesDone();
        v.progress = BatchProgressView.of(b.getProgress());
        v.resolverHost = b.getResolverHost();
        v.keyId = b.getKeyId();
        v.failureReason = b.getFailureReason().isEmpty() ? null : b.getFailureReason();
        v.commitmentLogIndex = b.hasCommitmentLogIndex() ? b.getCommitmentLogIndex() : null;
        v.firstCodeLogIndex = b.hasFirstCodeLogIndex() ? b.getFirstCodeLogIndex() : null;
        v.createdAt = Times.of(b.getCreatedAt());
        v.startedAt = Times.ofOptional(b.hasStartedAt(), b.getStartedAt());
        v.completedAt = Times.ofOptional(b.hasCompletedAt(), b.getCompletedAt());
        v.updatedAt = Times.of(b.getUpdatedAt());
        return v;
    }
}
