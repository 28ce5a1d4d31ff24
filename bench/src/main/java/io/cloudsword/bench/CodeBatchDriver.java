package io.cloudsword.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.CreateCodeBatchRequest;
import io.cloudsword.api.verification.v1.CreateCodeBatchResponse;
import io.cloudsword.api.verification.v1.ExportCodesRequest;
import io.cloudsword.api.verification.v1.ExportCodesResponse;
import io.cloudsword.api.verification.v1.GetCodeBatchRequest;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.MutinyVerificationServiceGrpc.MutinyVerificationServiceStub;
import io.cloudsword.api.verification.v1.WatchCodeBatchRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Orders a batch and follows it to its end, as a rights owner's client would: CreateCodeBatch
 * answers at once, WatchCodeBatch streams progress (GetCodeBatch polled once a second when the
 * stream is not available or breaks), ExportCodes streams the codes.
 */
final class CodeBatchDriver {

    private final MutinyVerificationServiceStub owner;

    /** {@code owner}: a stub carrying the owner's (or an admin's) token. */
    CodeBatchDriver(MutinyVerificationServiceStub owner) {
        this.owner = owner;
    }

    CreateCodeBatchResponse create(String ownerId, String gtin14, long quantity, String idempotencyKey) {
        return owner.createCodeBatch(CreateCodeBatchRequest.newBuilder().setOwnerId(ownerId).setGtin(gtin14)
                .setQuantity(quantity).setIdempotencyKey(idempotencyKey).build())
                .await().atMost(Duration.ofSeconds(60));
    }

    CodeBatch get(String id) {
        return owner.getCodeBatch(GetCodeBatchRequest.newBuilder().setId(id).build()).await()
                .atMost(Duration.ofSeconds(60)).getBatch();
    }

    static boolean finished(CodeBatch b) {
        return b.getStatus() == CodeBatchStatus.CODE_BATCH_STATUS_COMPLETED
                || b.getStatus() == CodeBatchStatus.CODE_BATCH_STATUS_FAILED;
    }

    /**
     * The batch once COMPLETED or FAILED, printing its progress every {@code every}; throws when it
     * has not finished within {@code timeout}. The answer is read again with GetCodeBatch, so it
     * carries the final timestamps.
     */
    CodeBatch awaitFinished(String id, Duration timeout, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] lastPrint = { System.nanoTime() };
        try {
            owner.watchCodeBatch(WatchCodeBatchRequest.newBuilder().setId(id).build())
                    .map(r -> r.getBatch())
                    .invoke(b -> {
                        if (System.nanoTime() - lastPrint[0] >= every.toNanos() || finished(b)) {
                            lastPrint[0] = System.nanoTime();
                            System.out.println(progress(b));
                        }
                    })
                    .select().where(CodeBatchDriver::finished)
                    .toUni() // the first finished state; null when the stream ended without one
                    .await().atMost(timeout);
        } catch (StatusRuntimeException e) {
            System.out.println("WatchCodeBatch: " + e.getStatus().getCode() + " " + nullToEmpty(e.getStatus()
                    .getDescription()) + "; polling GetCodeBatch once a second instead");
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new IllegalStateException("batch " + id + " did not finish within " + timeout);
        }
        while (true) {
            CodeBatch b = get(id);
            if (finished(b)) {
                return b;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("batch " + id + " did not finish within " + timeout + ": "
                        + progress(b));
            }
            if (System.nanoTime() - lastPrint[0] >= every.toNanos()) {
                lastPrint[0] = System.nanoTime();
                System.out.println(progress(b));
            }
            Thread.sleep(1000);
        }
    }

    /** Codes [start, start + max) (max absent: to the end), in index order. */
    List<IssuedCode> export(String batchId, long start, Long max, Duration timeout) {
        ExportCodesRequest.Builder request = ExportCodesRequest.newBuilder().setBatchId(batchId).setStartIndex(start);
        if (max != null) {
            request.setMaxCodes(max);
        }
        List<ExportCodesResponse> chunks = owner.exportCodes(request.build()).collect().asList().await()
                .atMost(timeout);
        List<IssuedCode> codes = new ArrayList<>();
        chunks.forEach(c -> codes.addAll(c.getCodesList()));
        return codes;
    }

    static String progress(CodeBatch b) {
        return String.format(Locale.ROOT, "  batch %s %s: %,d of %,d codes (%.1f %%), %,.0f codes/s", b.getId(),
                b.getStatus().name().substring("CODE_BATCH_STATUS_".length()), b.getCodesDone(), b.getQuantity(),
                b.hasProgress() ? b.getProgress().getPercent() : 100.0 * b.getCodesDone() / Math.max(1, b.getQuantity()),
                b.hasProgress() ? b.getProgress().getCodesPerSecond() : Double.NaN);
    }

    static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** Whether the call failed because the running service does not implement it yet. */
    static boolean unimplemented(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
