package io.cloudsword.verification.grpc;

import static io.cloudsword.verification.grpc.CodesTestSupport.WAIT;
import static io.cloudsword.verification.grpc.CodesTestSupport.issued;
import static io.cloudsword.verification.grpc.CodesTestSupport.order;
import static io.cloudsword.verification.grpc.CodesTestSupport.owner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeKeyStatus;
import io.cloudsword.api.verification.v1.CreateCodeBatchRequest;
import io.cloudsword.api.verification.v1.CreateCodeBatchResponse;
import io.cloudsword.api.verification.v1.ExportCodesRequest;
import io.cloudsword.api.verification.v1.GetCodeBatchRequest;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.ListCodeKeysRequest;
import io.cloudsword.api.verification.v1.RotateCodeKeyRequest;
import io.cloudsword.api.verification.v1.RotateCodeKeyResponse;
import io.cloudsword.api.verification.v1.VerificationService;
import io.cloudsword.api.verification.v1.VerifyRequest;
import io.cloudsword.api.verification.v1.Verdict;
import io.cloudsword.api.verification.v1.WatchCodeBatchRequest;
import io.cloudsword.api.verification.v1.WatchCodeBatchResponse;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.cloudsword.verification.grpc.CodesTestSupport.Owner;
import io.cloudsword.verification.support.FakeBrandRegistry;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class CodeBatchesTest {

    @GrpcClient("verification")
    VerificationService anonymous;

    @Inject
    Pool db;

    @Test
    void aVerifiedOwnerOrdersCodesForItsOwnGtinAndGetsThemIssuedAndExported() {
        Owner owner = owner(anonymous, List.of());
        String gtin = owner.gtin();
        CreateCodeBatchResponse first = owner.client().createCodeBatch(order(owner, gtin, 1_000)
                .setResolverHost("id.brand.example").setIdempotencyKey("order-1").build()).await().atMost(WAIT);
        assertTrue(first.getCreated());
        assertEquals(gtin, first.getBatch().getGtin());
        assertEquals(owner.brand().id().toString(), first.getBatch().getBrandId());

        CodeBatch done = CodesTestSupport.awaitCompleted(owner, first.getBatch().getId());
        assertEquals(1_000, done.getCodesDone());
        assertEquals(100.0, done.getProgress().getPercent());
        assertTrue(done.hasFirstCodeLogIndex() && done.hasCommitmentLogIndex());
        assertEquals(done.getFirstCodeLogIndex() + 1_000, done.getCommitmentLogIndex(), "codes, then the commitment");

        List<IssuedCode> codes = CodesTestSupport.export(owner, done.getId());
        assertEquals(1_000, codes.size());
        Set<String> serials = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            IssuedCode code = codes.get(i);
            assertEquals(i, code.getIndex());
            assertEquals(20, code.getSerial().length());
            assertTrue(serials.add(code.getSerial()), "serials are unique");
            assertEquals("https://id.brand.example/01/" + gtin + "/21/" + code.getSerial(), code.getDigitalLink());
        }
        // resume from an index, a slice at a time
        List<IssuedCode> slice = owner.client().exportCodes(ExportCodesRequest.newBuilder().setBatchId(done.getId())
                .setStartIndex(990).setMaxCodes(5).build()).collect().asList().await().atMost(WAIT).get(0).getCodesList();
        assertEquals(codes.subList(990, 995), slice);

        // the same order again is the same batch; the same key for another order is refused
        CreateCodeBatchResponse again = owner.client().createCodeBatch(order(owner, gtin, 1_000)
                .setResolverHost("id.brand.example").setIdempotencyKey("order-1").build()).await().atMost(WAIT);
        assertFalse(again.getCreated());
        assertEquals(done.getId(), again.getBatch().getId());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.ALREADY_EXISTS, "idempotency_key", "IDEMPOTENCY_KEY_REUSED",
                owner.client().createCodeBatch(order(owner, gtin, 999).setResolverHost("id.brand.example")
                        .setIdempotencyKey("order-1").build()));
    }

    @Test
    void watchingABatchEndsWithItsCompletion() {
        Owner owner = owner(anonymous, List.of());
        CodeBatch batch = owner.client().createCodeBatch(order(owner, owner.gtin(), 50_000).build()).await().atMost(WAIT)
                .getBatch();
        List<WatchCodeBatchResponse> seen = owner.client()
                .watchCodeBatch(WatchCodeBatchRequest.newBuilder().setId(batch.getId()).build())
                .collect().asList().await().atMost(WAIT);
        CodeBatch last = seen.get(seen.size() - 1).getBatch();
        assertEquals(io.cloudsword.api.verification.v1.CodeBatchStatus.CODE_BATCH_STATUS_COMPLETED, last.getStatus());
        assertEquals(50_000, last.getCodesDone());
    }

    @Test
    void refusalsStoreNothing() {
        Owner owner = owner(anonymous, List.of());
        Owner other = owner(anonymous, List.of());
        long before = count();
        // another owner's GTIN
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                owner.client().createCodeBatch(order(owner, other.gtin(), 10).build()));
        // ordering for another owner
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                owner.client().createCodeBatch(order(owner, other.gtin(), 10).setOwnerId(other.id()).build()));
        refused(owner, "quantity", "QUANTITY_OUT_OF_RANGE", order(owner, owner.gtin(), 0));
        refused(owner, "quantity", "QUANTITY_OUT_OF_RANGE", order(owner, owner.gtin(), 10_000_001));
        String gtin = owner.gtin();
        String wrongCheckDigit = gtin.substring(0, 13) + (gtin.charAt(13) - '0' + 1) % 10;
        refused(owner, "gtin", "INVALID_GTIN", order(owner, wrongCheckDigit, 10));
        refused(owner, "resolver_host", "INVALID_RESOLVER_HOST", order(owner, owner.gtin(), 10).setResolverHost("a b"));
        refused(owner, "idempotency_key", "FIELD_REQUIRED", order(owner, owner.gtin(), 10).setIdempotencyKey(""));
        // an owner that is not (or no longer) verified
        FakeBrandRegistry.ownerStatus(owner.brand().ownerId(), RightsOwnerStatus.RIGHTS_OWNER_STATUS_PENDING);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "owner_id", "OWNER_NOT_VERIFIED",
                owner.client().createCodeBatch(order(owner, owner.gtin(), 10).build()));
        // consumers and anonymous callers cannot order
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                CodesTestSupport.as(anonymous, TestTokens.token("consumer"))
                        .createCodeBatch(order(owner, owner.gtin(), 10).build()));
        assertEquals(before, count());
    }

    @Test
    void anotherOwnerLearnsNothingOfABatch() {
        Owner owner = owner(anonymous, List.of());
        Owner other = owner(anonymous, List.of());
        CodeBatch batch = issued(owner, owner.gtin(), 10);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "id", "BATCH_NOT_FOUND",
                other.client().getCodeBatch(GetCodeBatchRequest.newBuilder().setId(batch.getId()).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "id", "BATCH_NOT_FOUND",
                other.client().exportCodes(ExportCodesRequest.newBuilder().setBatchId(batch.getId()).build())
                        .collect().first());
    }

    @Test
    void aRotatedKeyIssuesNewCodesWhileTheRetiredOneStillVerifiesItsOwn() {
        Owner owner = owner(anonymous, List.of());
        String gtin = owner.gtin();
        IssuedCode old = CodesTestSupport.export(owner, issued(owner, gtin, 3).getId()).get(0);
        RotateCodeKeyResponse rotated = owner.client().rotateCodeKey(RotateCodeKeyRequest.newBuilder()
                .setBrandId(owner.brand().id().toString()).setReason("yearly").setIdempotencyKey("r1").build())
                .await().atMost(WAIT);
        assertTrue(rotated.getCreated());
        assertEquals(2, rotated.getActiveKey().getVersion());
        assertEquals(CodeKeyStatus.CODE_KEY_STATUS_RETIRED, rotated.getRetiredKey().getStatus());
        assertTrue(rotated.getActiveKey().hasLogIndex());
        // idempotent
        assertEquals(rotated.getActiveKey().getId(), owner.client().rotateCodeKey(RotateCodeKeyRequest.newBuilder()
                .setBrandId(owner.brand().id().toString()).setIdempotencyKey("r1").build()).await().atMost(WAIT)
                .getActiveKey().getId());
        assertEquals(2, owner.client().listCodeKeys(ListCodeKeysRequest.newBuilder()
                .setBrandId(owner.brand().id().toString()).build()).await().atMost(WAIT).getKeysCount());

        CodeBatch fresh = issued(owner, gtin, 3);
        assertEquals(rotated.getActiveKey().getId(), fresh.getKeyId());
        IssuedCode young = CodesTestSupport.export(owner, fresh.getId()).get(0);
        assertNotEquals(old.getSerial().charAt(0), young.getSerial().charAt(0), "the key id character changed");
        for (IssuedCode code : List.of(old, young)) {
            assertEquals(Verdict.VERDICT_GENUINE, owner.client().verify(VerifyRequest.newBuilder()
                    .setCode(code.getDigitalLink()).build()).await().atMost(WAIT).getVerification().getVerdict());
        }
        // someone else's brand
        Owner other = owner(anonymous, List.of());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                other.client().rotateCodeKey(RotateCodeKeyRequest.newBuilder()
                        .setBrandId(owner.brand().id().toString()).setIdempotencyKey("x").build()));
    }

    private void refused(Owner owner, String field, String reason, CreateCodeBatchRequest.Builder request) {
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, field, reason,
                owner.client().createCodeBatch(request.build()));
    }

    private long count() {
        return db.query("SELECT count(*) FROM code_batch").execute().await().atMost(WAIT).iterator().next().getLong(0);
    }
}
