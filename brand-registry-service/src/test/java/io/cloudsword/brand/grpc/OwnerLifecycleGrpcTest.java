package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.cloudsword.api.brand.v1.BatchGetRightsOwnersRequest;
import io.cloudsword.api.brand.v1.BatchGetRightsOwnersResponse;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.ListRightsOwnersRequest;
import io.cloudsword.api.brand.v1.ListRightsOwnersResponse;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.ReinstateRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RejectRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.SetTrustedFlaggerRequest;
import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.brand.v1.UpdateRightsOwnerRequest;
import io.cloudsword.api.brand.v1.VerifyRightsOwnerRequest;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** DSA Art. 30 verification, rejection, suspension, trusted flaggers, and an owner's own updates. */
@QuarkusTest
class OwnerLifecycleGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    @Inject
    Pool db;

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    private final BrandRegistryService admin() {
        return as(TestTokens.token("admin"));
    }

    private BrandRegistryService reviewer() {
        return as(TestTokens.token("reviewer"));
    }

    @Test
    void aReviewerVerifiesAPendingOwnerAndTheDecisionIsKept() {
        RightsOwner owner = register();
        RightsOwner verified = reviewer().verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.getId())
                .setNote("checked trade-register extract").build()).await().atMost(WAIT).getOwner();
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, verified.getStatus());
        assertEquals("test-reviewer", verified.getVerifiedBy());
        assertTrue(verified.hasVerifiedAt());
        assertEquals(owner.getVersion() + 1, verified.getVersion());
        assertEquals(1L, count("SELECT count(*) FROM rights_owner_event WHERE owner_id = '" + owner.getId()
                + "' AND status = 'VERIFIED' AND note = 'checked trade-register extract'"));

        RightsOwner again = reviewer().verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.getId())
                .build()).await().atMost(WAIT).getOwner();
        assertEquals(verified.getVersion(), again.getVersion(), "verifying twice changes nothing");
    }

    @Test
    void anOwnerCannotVerifyItselfNorCanItsOwnStaffAccount() {
        RightsOwner owner = register();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED", as(TestTokens.ownerToken(owner.getId()))
                .verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.getId()).build()));
        String reviewerOfThatOwner = TestTokens.TOKENS.token("insider").role("reviewer").claim("owner_id", owner.getId())
                .sign();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "SELF_VERIFICATION_FORBIDDEN", as(reviewerOfThatOwner)
                .verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.getId()).build()));
        assertEquals("PENDING", status(owner));
    }

    @Test
    void rejectionNeedsAReasonAndOnlyPendingOwnersCanBeRejected() {
        RightsOwner owner = register();
        assertRefused(Status.Code.INVALID_ARGUMENT, "reason", "FIELD_REQUIRED",
                reviewer().rejectRightsOwner(RejectRightsOwnerRequest.newBuilder().setId(owner.getId()).build()));
        assertEquals("PENDING", status(owner));
        RightsOwner rejected = reviewer().rejectRightsOwner(RejectRightsOwnerRequest.newBuilder().setId(owner.getId())
                .setReason("trade-register number does not exist").build()).await().atMost(WAIT).getOwner();
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_REJECTED, rejected.getStatus());
        assertEquals("trade-register number does not exist", rejected.getStatusReason());

        RightsOwner verified = register();
        reviewer().verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(verified.getId()).build())
                .await().atMost(WAIT);
        assertRefused(Status.Code.FAILED_PRECONDITION, "id", "INVALID_STATE_TRANSITION", reviewer().rejectRightsOwner(
                RejectRightsOwnerRequest.newBuilder().setId(verified.getId()).setReason("changed my mind").build()));
        assertEquals("VERIFIED", status(verified));
    }

    @Test
    void aSuspendedOwnerIsReinstatedToVerifiedAndCannotRegisterBrandsMeanwhile() {
        RightsOwner owner = register();
        reviewer().verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.getId()).build()).await()
                .atMost(WAIT);
        String notice = UUID.randomUUID().toString();
        RightsOwner suspended = as(TestTokens.token("system")).suspendRightsOwner(SuspendRightsOwnerRequest.newBuilder()
                .setId(owner.getId()).setReason("manifestly unfounded notices").addNoticeIds(notice).build())
                .await().atMost(WAIT).getOwner();
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_SUSPENDED, suspended.getStatus());
        assertEquals(1L, count("SELECT count(*) FROM rights_owner_event WHERE owner_id = '" + owner.getId()
                + "' AND status = 'SUSPENDED' AND '" + notice + "' = ANY(notice_ids)"));

        assertRefused(Status.Code.FAILED_PRECONDITION, "owner_id", "OWNER_SUSPENDED", as(TestTokens.ownerToken(owner.getId()))
                .registerBrand(io.cloudsword.api.brand.v1.RegisterBrandRequest.newBuilder().setOwnerId(owner.getId())
                        .setName("Shady").build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED", as(TestTokens.ownerToken(owner.getId()))
                .reinstateRightsOwner(ReinstateRightsOwnerRequest.newBuilder().setId(owner.getId()).build()));

        RightsOwner back = reviewer().reinstateRightsOwner(ReinstateRightsOwnerRequest.newBuilder().setId(owner.getId())
                .setReason("appeal upheld").build()).await().atMost(WAIT).getOwner();
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, back.getStatus());
        assertRefused(Status.Code.FAILED_PRECONDITION, "id", "INVALID_STATE_TRANSITION", reviewer()
                .reinstateRightsOwner(ReinstateRightsOwnerRequest.newBuilder().setId(owner.getId()).build()));
    }

    @Test
    void aSuspensionEndingInThePastIsRefused() {
        RightsOwner owner = register();
        assertRefused(Status.Code.INVALID_ARGUMENT, "until", "INVALID_DATE_RANGE", reviewer().suspendRightsOwner(
                SuspendRightsOwnerRequest.newBuilder().setId(owner.getId()).setReason("x")
                        .setUntil(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_000_000_000L)).build()));
        assertEquals("PENDING", status(owner));
    }

    @Test
    void trustedFlaggerStatusNeedsTheGrantingAuthorityAndCanBeRevoked() {
        RightsOwner owner = register();
        assertRefused(Status.Code.INVALID_ARGUMENT, "granting_authority", "FIELD_REQUIRED", admin().setTrustedFlagger(
                SetTrustedFlaggerRequest.newBuilder().setOwnerId(owner.getId()).setTrusted(true).build()));
        RightsOwner trusted = admin().setTrustedFlagger(SetTrustedFlaggerRequest.newBuilder().setOwnerId(owner.getId())
                .setTrusted(true).setGrantingAuthority("Coimisiún na Meán (IE)").setReference("TF-2026-17").build())
                .await().atMost(WAIT).getOwner();
        assertTrue(trusted.getTrustedFlagger().getTrusted());
        assertEquals("Coimisiún na Meán (IE)", trusted.getTrustedFlagger().getGrantingAuthority());
        assertTrue(trusted.getTrustedFlagger().hasGrantedAt());

        List<String> trustedIds = new ArrayList<>();
        reviewer().listRightsOwners(ListRightsOwnersRequest.newBuilder().setTrustedFlaggersOnly(true)
                .setPage(PageRequest.newBuilder().setFirst(500)).build()).await().atMost(WAIT).getOwnersList()
                .forEach(o -> trustedIds.add(o.getId()));
        assertTrue(trustedIds.contains(owner.getId()));

        RightsOwner revoked = admin().setTrustedFlagger(SetTrustedFlaggerRequest.newBuilder().setOwnerId(owner.getId())
                .setTrusted(false).build()).await().atMost(WAIT).getOwner();
        assertFalse(revoked.getTrustedFlagger().getTrusted());
        assertTrue(revoked.getTrustedFlagger().hasRevokedAt());
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED", as(TestTokens.ownerToken(owner.getId()))
                .setTrustedFlagger(SetTrustedFlaggerRequest.newBuilder().setOwnerId(owner.getId()).setTrusted(true)
                        .setGrantingAuthority("myself").build()));
    }

    @Test
    void theVerificationQueueListsOldestFirstAndPagesWithCursors() {
        String tag = "Queue " + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(register(tag + " Ltd " + i).getId());
        }
        List<String> seen = new ArrayList<>();
        String after = "";
        do {
            ListRightsOwnersResponse page = reviewer().listRightsOwners(ListRightsOwnersRequest.newBuilder()
                    .addStatuses(RightsOwnerStatus.RIGHTS_OWNER_STATUS_PENDING).setNameQuery(tag.toUpperCase())
                    .setPage(PageRequest.newBuilder().setFirst(2).setAfter(after)).build()).await().atMost(WAIT);
            page.getOwnersList().forEach(o -> seen.add(o.getId()));
            after = page.getPageInfo().getHasNextPage() ? page.getPageInfo().getEndCursor() : null;
        } while (after != null);
        assertEquals(ids, seen);

        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED", as(TestTokens.ownerToken(ids.get(0)))
                .listRightsOwners(ListRightsOwnersRequest.getDefaultInstance()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "page.after", "INVALID_CURSOR", reviewer().listRightsOwners(
                ListRightsOwnersRequest.newBuilder().setPage(PageRequest.newBuilder().setAfter("bogus")).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "page.first", "INVALID_PAGE_SIZE", reviewer().listRightsOwners(
                ListRightsOwnersRequest.newBuilder().setPage(PageRequest.newBuilder().setFirst(501)).build()));
    }

    @Test
    void anOwnerSeesOnlyItselfInABatchAndStaffSeeEveryone() {
        RightsOwner a = register();
        RightsOwner b = register();
        BatchGetRightsOwnersRequest both = BatchGetRightsOwnersRequest.newBuilder().addIds(a.getId()).addIds(b.getId())
                .build();
        BatchGetRightsOwnersResponse asA = as(TestTokens.ownerToken(a.getId())).batchGetRightsOwners(both).await()
                .atMost(WAIT);
        assertEquals(List.of(a.getId()), asA.getOwnersList().stream().map(RightsOwner::getId).toList());
        assertEquals(List.of(b.getId()), asA.getMissingIdsList());
        assertEquals(2, reviewer().batchGetRightsOwners(both).await().atMost(WAIT).getOwnersCount());
    }

    @Test
    void anOwnerUpdatesItsContactDataButNotAnotherOwnersAndStaleVersionsAreRefused() {
        RightsOwner a = register();
        RightsOwner b = register();
        BrandRegistryService ownerA = as(TestTokens.ownerToken(a.getId()));
        RightsOwner updated = ownerA.updateRightsOwner(UpdateRightsOwnerRequest.newBuilder()
                .setOwner(RightsOwner.newBuilder().setId(a.getId()).setEmail("ip@sportwerk.example").setPhone("ignored"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("email")).setExpectedVersion(a.getVersion()).build())
                .await().atMost(WAIT).getOwner();
        assertEquals("ip@sportwerk.example", updated.getEmail());
        assertEquals(a.getPhone(), updated.getPhone(), "fields outside the mask stay");

        assertRefused(Status.Code.ABORTED, "expected_version", "VERSION_MISMATCH", ownerA.updateRightsOwner(
                UpdateRightsOwnerRequest.newBuilder().setOwner(RightsOwner.newBuilder().setId(a.getId())
                        .setEmail("late@sportwerk.example")).setUpdateMask(FieldMask.newBuilder().addPaths("email"))
                        .setExpectedVersion(a.getVersion()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", ownerA.updateRightsOwner(
                UpdateRightsOwnerRequest.newBuilder().setOwner(RightsOwner.newBuilder().setId(b.getId())
                        .setEmail("hijack@evil.example")).setUpdateMask(FieldMask.newBuilder().addPaths("email")).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "update_mask.paths[0]", "INVALID_UPDATE_MASK", ownerA
                .updateRightsOwner(UpdateRightsOwnerRequest.newBuilder().setOwner(RightsOwner.newBuilder()
                        .setId(a.getId())).setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "email", "INVALID_EMAIL", ownerA.updateRightsOwner(
                UpdateRightsOwnerRequest.newBuilder().setOwner(RightsOwner.newBuilder().setId(a.getId())
                        .setEmail("nope")).setUpdateMask(FieldMask.newBuilder().addPaths("email")).build()));
        assertEquals(1L, count("SELECT count(*) FROM rights_owner WHERE id = '" + a.getId()
                + "' AND email = 'ip@sportwerk.example'"));
        assertEquals(0L, count("SELECT count(*) FROM rights_owner WHERE email = 'hijack@evil.example'"));
    }

    @Test
    void aVerifiedOwnerThatChangesItsIdentityIsVerifiedAgain() {
        RightsOwner owner = register();
        reviewer().verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.getId()).build()).await()
                .atMost(WAIT);
        BrandRegistryService self = as(TestTokens.ownerToken(owner.getId()));
        RightsOwner phoneChanged = self.updateRightsOwner(UpdateRightsOwnerRequest.newBuilder()
                .setOwner(RightsOwner.newBuilder().setId(owner.getId()).setPhone("+49 30 7654321"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("phone")).build()).await().atMost(WAIT).getOwner();
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, phoneChanged.getStatus());
        RightsOwner renamed = self.updateRightsOwner(UpdateRightsOwnerRequest.newBuilder()
                .setOwner(RightsOwner.newBuilder().setId(owner.getId()).setLegalName("Sportwerk Holding AG"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("legal_name")).build()).await().atMost(WAIT).getOwner();
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_PENDING, renamed.getStatus());

        RightsOwner other = register();
        assertRefused(Status.Code.ALREADY_EXISTS, "trade_register_number", "OWNER_ALREADY_REGISTERED",
                self.updateRightsOwner(UpdateRightsOwnerRequest.newBuilder().setOwner(RightsOwner.newBuilder()
                        .setId(owner.getId()).setTradeRegisterNumber(other.getTradeRegisterNumber()))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("trade_register_number")).build()));
    }

    private RightsOwner register() {
        return register("Sportwerk GmbH");
    }

    private RightsOwner register(String legalName) {
        return admin().registerRightsOwner(RegisterRightsOwnerRequest.newBuilder().setLegalName(legalName)
                .setCountry("DE").setAddress("Hauptstrasse 1, 10115 Berlin").setPhone("+49 30 1234567")
                .setEmail("legal@sportwerk.example").setTradeRegisterNumber("HRB-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getOwner();
    }

    private String status(RightsOwner owner) {
        return db.query("SELECT status FROM rights_owner WHERE id = '" + owner.getId() + "'").execute().await()
                .atMost(WAIT).iterator().next().getString(0);
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
