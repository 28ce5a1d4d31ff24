package io.cloudsword.verification.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.CreateCodeBatchRequest;
import io.cloudsword.api.verification.v1.ExportCodesRequest;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.VerificationService;
import io.cloudsword.api.verification.v1.WatchCodeBatchRequest;
import io.cloudsword.support.tokens.TestTokens;
import io.cloudsword.verification.support.FakeBrandRegistry;
import io.quarkus.grpc.GrpcClientUtils;

/** Brands, orders and codes for the tests: a verified owner, a GTIN of its brand, issued codes. */
final class CodesTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Random RANDOM = new Random();

    private CodesTestSupport() {
    }

    /** An owner's brand and a client acting as that owner. */
    record Owner(FakeBrandRegistry.FakeBrand brand, VerificationService client) {
        String id() {
            return brand.ownerId().toString();
        }

        /** A valid GTIN-14 under the brand's prefix. */
        String gtin() {
            return CodesTestSupport.gtin(brand.gtinPrefix());
        }
    }

    static Owner owner(VerificationService anonymous, List<String> territories) {
        String prefix = "0" + (100_000_000 + RANDOM.nextInt(899_999_999));
        FakeBrandRegistry.FakeBrand brand = FakeBrandRegistry.brand(prefix, territories);
        return new Owner(brand, as(anonymous, TestTokens.ownerToken(brand.ownerId().toString())));
    }

    static VerificationService as(VerificationService anonymous, String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    static String gtin(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < 13) {
            digits.append(RANDOM.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int d = digits.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    static CreateCodeBatchRequest.Builder order(Owner owner, String gtin, long quantity) {
        return CreateCodeBatchRequest.newBuilder().setOwnerId(owner.id()).setGtin(gtin).setQuantity(quantity)
                .setIdempotencyKey("k-" + UUID.randomUUID());
    }

    /** Orders a batch and waits until the worker has issued it. */
    static CodeBatch issued(Owner owner, String gtin, long quantity) {
        CodeBatch batch = owner.client().createCodeBatch(order(owner, gtin, quantity).build()).await().atMost(WAIT)
                .getBatch();
        return awaitCompleted(owner, batch.getId());
    }

    /** Follows the batch with WatchCodeBatch, which completes once the batch is finished. */
    static CodeBatch awaitCompleted(Owner owner, String id) {
        CodeBatch b = owner.client().watchCodeBatch(WatchCodeBatchRequest.newBuilder().setId(id).build())
                .collect().last().await().atMost(WAIT).getBatch();
        assertEquals(CodeBatchStatus.CODE_BATCH_STATUS_COMPLETED, b.getStatus(), b.getFailureReason());
        return b;
    }

    static List<IssuedCode> export(Owner owner, String batchId) {
        List<IssuedCode> codes = new ArrayList<>();
        owner.client().exportCodes(ExportCodesRequest.newBuilder().setBatchId(batchId).build())
                .subscribe().asStream().forEach(r -> codes.addAll(r.getCodesList()));
        return codes;
    }
}
