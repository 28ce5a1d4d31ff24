package io.cloudsword.verification.grpc;

import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.CreateCodeBatchRequest;
import io.cloudsword.api.verification.v1.CreateCodeBatchResponse;
import io.cloudsword.api.verification.v1.GetCodeBatchRequest;
import io.cloudsword.api.verification.v1.GetCodeBatchResponse;
import io.cloudsword.api.verification.v1.MutinyVerificationServiceGrpc;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.verification.domain.CodeBatch;
import io.cloudsword.verification.domain.CodeBatches;
import io.cloudsword.verification.domain.NewCodeBatch;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of verification-service; methods not implemented yet answer UNIMPLEMENTED. */
@GrpcService
public class VerificationGrpcService extends MutinyVerificationServiceGrpc.VerificationServiceImplBase {

    private final CodeBatches batches;

    public VerificationGrpcService(CodeBatches batches) {
        this.batches = batches;
    }

    @Override
    public Uni<CreateCodeBatchResponse> createCodeBatch(CreateCodeBatchRequest r) {
        return batches.create(CallerInterceptor.current(), new NewCodeBatch(r.getOwnerId(), r.getGtin(), r.getQuantity(), r.getResolverHost(),
                r.getIdempotencyKey())).map(c -> CreateCodeBatchResponse.newBuilder().setBatch(toProto(c.batch()))
                        .setCreated(c.created()).build());
    }

    @Override
    public Uni<GetCodeBatchResponse> getCodeBatch(GetCodeBatchRequest request) {
        return batches.get(CallerInterceptor.current(), request.getId()).map(b -> GetCodeBatchResponse.newBuilder().setBatch(toProto(b)).build());
    }

    static io.cloudsword.api.verification.v1.CodeBatch toProto(CodeBatch b) {
        return io.cloudsword.api.verification.v1.CodeBatch.newBuilder()
                .setId(b.id.toString()).setOwnerId(b.ownerId.toString()).setGtin(b.gtin).setQuantity(b.quantity)
                .setStatus(CodeBatchStatus.valueOf("CODE_BATCH_STATUS_" + b.status.name()))
                .setCodesDone(b.codesDone).setCreatedAt(ProtoTime.toProto(b.createdAt))
                .setResolverHost(b.resolverHost)
                .build();
    }
}
