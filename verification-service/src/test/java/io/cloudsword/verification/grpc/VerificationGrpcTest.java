package io.cloudsword.verification.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.CreateCodeBatchRequest;
import io.cloudsword.api.verification.v1.CreateCodeBatchResponse;
import io.cloudsword.api.verification.v1.GetCodeBatchRequest;
import io.cloudsword.api.verification.v1.VerificationService;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.quarkus.grpc.GrpcClientUtils;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class VerificationGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OWNER = UUID.randomUUID().toString();

    @GrpcClient("verification")
    VerificationService anonymous;

    /** Most tests act as an admin; the authorization tests use narrower tokens. */
    VerificationService client;

    @BeforeEach
    void actAsAdmin() {
        client = as(TestTokens.token("admin"));
    }

    @Test
    void anOwnerOrdersAndReadsItsOwnBatchesOnly() {
        String ownerA = UUID.randomUUID().toString();
        String ownerB = UUID.randomUUID().toString();
        VerificationService a = as(TestTokens.ownerToken(ownerA));
        CodeBatch mine = a.createCodeBatch(order("k-" + UUID.randomUUID()).setOwnerId(ownerA).build()).await()
                .atMost(WAIT).getBatch();
        assertEquals(mine, a.getCodeBatch(GetCodeBatchRequest.newBuilder().setId(mine.getId()).build()).await()
                .atMost(WAIT).getBatch());
        long before = count();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                a.createCodeBatch(order("k-" + UUID.randomUUID()).setOwnerId(ownerB).build()));
        assertEquals(before, count());
        CodeBatch theirs = client.createCodeBatch(order("k-" + UUID.randomUUID()).setOwnerId(ownerB).build())
                .await().atMost(WAIT).getBatch();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "id", "BATCH_NOT_FOUND",
                a.getCodeBatch(GetCodeBatchRequest.newBuilder().setId(theirs.getId()).build()));
    }

    private VerificationService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    @Inject
    Pool db;

    @Test
    void aBatchIsRecordedPendingForTheGtin14AndReadBack() {
        CreateCodeBatchResponse r = create(order("k-" + UUID.randomUUID()).setGtin("085001200017").build());
        assertTrue(r.getCreated());
        CodeBatch batch = r.getBatch();
        assertEquals("00085001200017", batch.getGtin());
        assertEquals(CodeBatchStatus.CODE_BATCH_STATUS_PENDING, batch.getStatus());
        assertEquals("id.cloudsword.example", batch.getResolverHost());
        assertEquals(batch, client.getCodeBatch(GetCodeBatchRequest.newBuilder().setId(batch.getId()).build())
                .await().atMost(WAIT).getBatch());
    }

    @Test
    void aRetriedOrderReturnsTheFirstBatchAndAReusedKeyForAnotherOrderIsRefused() {
        String key = "k-" + UUID.randomUUID();
        CreateCodeBatchResponse first = create(order(key).build());
        CreateCodeBatchResponse retry = create(order(key).build());
        assertFalse(retry.getCreated());
        assertEquals(first.getBatch().getId(), retry.getBatch().getId());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.ALREADY_EXISTS, "idempotency_key",
                "IDEMPOTENCY_KEY_REUSED", client.createCodeBatch(order(key).setQuantity(5).build()));
    }

    @Test
    void quantityGtinAndHostAreCheckedAndNothingIsWrittenOnRefusal() {
        long before = count();
        refused("quantity", "QUANTITY_OUT_OF_RANGE", order("k-a").setQuantity(0));
        refused("quantity", "QUANTITY_OUT_OF_RANGE", order("k-b").setQuantity(10_000_001));
        refused("gtin", "INVALID_GTIN", order("k-c").setGtin("6291041500214"));
        refused("resolver_host", "INVALID_RESOLVER_HOST", order("k-d").setResolverHost("evil.example/../x"));
        refused("owner_id", "INVALID_FORMAT", order("k-e").setOwnerId("owner-1"));
        assertEquals(before, count());
    }

    @Test
    void theLargestBatchIsAccepted() {
        assertTrue(create(order("k-" + UUID.randomUUID()).setQuantity(10_000_000).build()).getCreated());
    }

    private void refused(String field, String reason, CreateCodeBatchRequest.Builder request) {
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, field, reason,
                client.createCodeBatch(request.build()));
    }

    private CreateCodeBatchResponse create(CreateCodeBatchRequest request) {
        return client.createCodeBatch(request).await().atMost(WAIT);
    }

    private static CreateCodeBatchRequest.Builder order(String key) {
        return CreateCodeBatchRequest.newBuilder().setOwnerId(OWNER).setGtin("6291041500213").setQuantity(1000)
                .setIdempotencyKey(key);
    }

    private long count() {
        return db.query("SELECT count(*) FROM code_batch").execute().await().atMost(WAIT).iterator().next()
                .getLong(0);
    }
}
