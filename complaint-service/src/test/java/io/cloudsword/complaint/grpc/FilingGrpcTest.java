package io.cloudsword.complaint.grpc;

import static io.cloudsword.complaint.grpc.Parties.WAIT;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.complaint.support.FakeBrandRegistry;
import io.cloudsword.complaint.support.FakeListingService;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Filing a notice: receipt, idempotency, the right checked with brand-registry, and every refusal storing nothing. */
@QuarkusTest
class FilingGrpcTest {

    @GrpcClient("complaint")
    ComplaintService anonymous;

    @Inject
    Pool db;

    @Test
    void aCompleteNoticeIsReceivedWithItsItemsResolvedAndItsReceiptInTheAuditTrail() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(3, "shop-1");
        Notice n = p.file(listings, Jurisdiction.JURISDICTION_CN);
        assertEquals(NoticeState.NOTICE_STATE_RECEIVED, n.getState());
        assertEquals(NoticeKind.NOTICE_KIND_RIGHTS_OWNER, n.getKind());
        assertEquals(Jurisdiction.JURISDICTION_CN, n.getJurisdiction());
        assertEquals(p.owner.id(), n.getNotifier().getOwnerId());
        assertEquals(p.trademark.brandId(), n.getRight().getBrandId());
        assertEquals(3, n.getItemsCount());
        for (int i = 0; i < 3; i++) {
            assertEquals(listings.get(i).getId(), n.getItems(i).getListingId());
            assertEquals("shop-1", n.getItems(i).getShopId());
            assertEquals(NoticeItemState.NOTICE_ITEM_STATE_PENDING, n.getItems(i).getState());
        }
        // receipt confirmed, decision due within the rights-owner SLA (24 h)
        assertEquals(24 * 3600, n.getDecisionDueAt().getSeconds() - n.getReceivedAt().getSeconds());
        assertEquals(1, n.getVersion());
        List<NoticeTransition> trail = p.notifier.listNoticeTransitions(ListNoticeTransitionsRequest.newBuilder()
                .setNoticeId(n.getId()).build()).await().atMost(WAIT).getTransitionsList();
        assertEquals(1, trail.size());
        assertEquals("RECEIVED", trail.get(0).getToState());
        assertEquals("0".repeat(64), trail.get(0).getPrevHash());
        // the filer reads it; a stranger does not learn it exists
        assertEquals(n, p.notifier.getNotice(GetNoticeRequest.newBuilder().setId(n.getId()).build()).await().atMost(WAIT)
                .getNotice());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "notice_id", "NOTICE_NOT_FOUND",
                p.as(TestTokens.ownerToken(UUID.randomUUID().toString()))
                        .getNotice(GetNoticeRequest.newBuilder().setId(n.getId()).build()));
    }

    @Test
    void aTrustedFlaggersNoticeIsOfItsKindAndDueSooner() {
        Parties p = new Parties(anonymous, RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, true);
        Notice n = p.file(p.listings(1, "shop-1"), Jurisdiction.JURISDICTION_EU);
        assertEquals(NoticeKind.NOTICE_KIND_TRUSTED_FLAGGER, n.getKind());
        assertTrue(n.getNotifier().getTrustedFlagger());
        assertEquals(12 * 3600, n.getDecisionDueAt().getSeconds() - n.getReceivedAt().getSeconds());
    }

    @Test
    void theSameKeyAndContentReturnTheFirstNoticeAndOtherContentIsRefused() {
        Parties p = new Parties(anonymous);
        SubmitNoticeRequest request = p.notice(p.listings(2, "shop-1"), Jurisdiction.JURISDICTION_EU).build();
        SubmitNoticeResponse first = p.notifier.submitNotice(request).await().atMost(WAIT);
        SubmitNoticeResponse again = p.notifier.submitNotice(request).await().atMost(WAIT);
        assertTrue(first.getCreated());
        assertFalse(again.getCreated());
        assertEquals(first.getNotice().getId(), again.getNotice().getId());
        long before = notices();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.ALREADY_EXISTS, "idempotency_key", "IDEMPOTENCY_KEY_REUSED",
                p.notifier.submitNotice(request.toBuilder().setExplanation("Something else entirely").build()));
        assertEquals(before, notices());
    }

    @Test
    void aNoticeFromASuspendedOrUnverifiedOwnerOnAnExpiredTrademarkOrWith301ListingsIsRefusedAndNothingIsStored() {
        long before = notices();
        Parties suspended = new Parties(anonymous, RightsOwnerStatus.RIGHTS_OWNER_STATUS_SUSPENDED, false);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "", "OWNER_SUSPENDED",
                suspended.notifier.submitNotice(suspended.notice(suspended.listings(1, "s"), Jurisdiction.JURISDICTION_CN)
                        .build()));
        Parties pending = new Parties(anonymous, RightsOwnerStatus.RIGHTS_OWNER_STATUS_PENDING, false);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "", "OWNER_NOT_VERIFIED",
                pending.notifier.submitNotice(pending.notice(pending.listings(1, "s"), Jurisdiction.JURISDICTION_CN)
                        .build()));
        Parties p = new Parties(anonymous);
        FakeBrandRegistry.Mark expired = FakeBrandRegistry.trademark(p.owner.id(), false);
        SubmitNoticeRequest.Builder onExpired = p.notice(p.listings(1, "s"), Jurisdiction.JURISDICTION_CN);
        onExpired.getRightBuilder().setTrademarkId(expired.id());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "right.trademark_id",
                "TRADEMARK_NOT_IN_FORCE", p.notifier.submitNotice(onExpired.build()));
        SubmitNoticeRequest.Builder tooMany = p.notice(List.of(), Jurisdiction.JURISDICTION_CN);
        for (int i = 0; i < 301; i++) {
            tooMany.addListings(ListingReference.newBuilder().setExternalId("item-" + i));
        }
        ErrorDetail detail = Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "listings",
                "TOO_MANY_ITEMS", p.notifier.submitNotice(tooMany.build()));
        assertTrue(detail.getMessage().contains("301"), detail.getMessage());
        assertEquals(before, notices());
    }

    @Test
    void everyMissingElementIsRefusedByNameAndNothingIsStored() {
        Parties p = new Parties(anonymous);
        List<Listing> one = p.listings(1, "s");
        long before = notices();
        record Case(String field, String reason, SubmitNoticeRequest request) {
        }
        List<Case> cases = List.of(
                new Case("explanation", "FIELD_REQUIRED", p.notice(one, Jurisdiction.JURISDICTION_EU).setExplanation(" ").build()),
                new Case("notifier_email", "INVALID_EMAIL", p.notice(one, Jurisdiction.JURISDICTION_EU).setNotifierEmail("nobody").build()),
                new Case("notifier_name", "FIELD_REQUIRED", p.notice(one, Jurisdiction.JURISDICTION_EU).setNotifierName("").build()),
                new Case("evidence", "FIELD_REQUIRED", p.notice(one, Jurisdiction.JURISDICTION_EU).clearEvidence().build()),
                new Case("evidence[0].sha256", "INVALID_DOCUMENT_HASH", p.notice(one, Jurisdiction.JURISDICTION_EU)
                        .setEvidence(0, EvidenceDocument.newBuilder().setSha256("zz")).build()),
                new Case("statements.good_faith", "FIELD_REQUIRED", p.notice(one, Jurisdiction.JURISDICTION_EU)
                        .setStatements(NoticeStatements.newBuilder().setAccurate(true).setSignature("A")).build()),
                new Case("statements.accurate", "FIELD_REQUIRED", p.notice(one, Jurisdiction.JURISDICTION_EU)
                        .setStatements(NoticeStatements.newBuilder().setGoodFaith(true).setSignature("A")).build()),
                new Case("listings", "FIELD_REQUIRED", p.notice(List.of(), Jurisdiction.JURISDICTION_EU).build()),
                new Case("listings[0].url", "INVALID_URL", p.notice(List.of(), Jurisdiction.JURISDICTION_EU)
                        .addListings(ListingReference.newBuilder().setUrl("http://x.example/1")).build()),
                new Case("right.type", "FIELD_REQUIRED", p.notice(one, Jurisdiction.JURISDICTION_EU).clearRight().build()),
                new Case("idempotency_key", "FIELD_REQUIRED", p.notice(one, Jurisdiction.JURISDICTION_EU).setIdempotencyKey("").build()));
        for (Case c : cases) {
            Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, c.field(), c.reason(),
                    p.notifier.submitNotice(c.request()));
        }
        // unknown listings are named by index
        SubmitNoticeRequest.Builder unknown = p.notice(one, Jurisdiction.JURISDICTION_EU)
                .addListings(ListingReference.newBuilder().setExternalId("no-such-listing"))
                .addListings(ListingReference.newBuilder().setExternalId("nor-this"));
        ErrorDetail detail = Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "listings[1]",
                "LISTING_NOT_FOUND", p.notifier.submitNotice(unknown.build()));
        assertTrue(detail.getMessage().contains("[1, 2]"), detail.getMessage());
        // a listing of another platform is not on this one
        Listing elsewhere = FakeListingService.listing("other-" + p.platform, "x-1", "s");
        SubmitNoticeRequest.Builder other = p.notice(List.of(), Jurisdiction.JURISDICTION_EU)
                .addListings(ListingReference.newBuilder().setUrl(elsewhere.getData().getUrl()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "listings[0]", "LISTING_NOT_FOUND",
                p.notifier.submitNotice(other.build()));
        assertEquals(before, notices());
    }

    @Test
    void onlyTheRightHolderOrItsMandatedAgentMayRelyOnTheTrademark() {
        Parties holder = new Parties(anonymous);
        Parties stranger = new Parties(anonymous);
        List<Listing> listings = holder.listings(1, "s");
        long before = notices();
        SubmitNoticeRequest.Builder onOthersMark = stranger.notice(listings, Jurisdiction.JURISDICTION_EU);
        onOthersMark.setPlatform(holder.platform).getRightBuilder().setTrademarkId(holder.trademark.id());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                stranger.notifier.submitNotice(onOthersMark.build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NO_MANDATE",
                stranger.notifier.submitNotice(onOthersMark.setPrincipalOwnerId(holder.owner.id()).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                holder.partner.submitNotice(holder.notice(listings, Jurisdiction.JURISDICTION_EU).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.submitNotice(holder.notice(listings, Jurisdiction.JURISDICTION_EU).build()));
        assertEquals(before, notices());

        String mandate = FakeBrandRegistry.mandate(holder.owner.id(), stranger.owner.id());
        Notice byAgent = stranger.notifier.submitNotice(onOthersMark.setIdempotencyKey(UUID.randomUUID().toString())
                .build()).await().atMost(WAIT).getNotice();
        assertEquals(stranger.owner.id(), byAgent.getNotifier().getOwnerId());
        assertEquals(holder.owner.id(), byAgent.getNotifier().getPrincipalOwnerId());
        assertEquals(mandate, byAgent.getNotifier().getAgentMandateId());
        // the right holder sees what its agent filed for it
        assertEquals(byAgent.getId(), holder.notifier.getNotice(GetNoticeRequest.newBuilder().setId(byAgent.getId())
                .build()).await().atMost(WAIT).getNotice().getId());
    }

    private long notices() {
        // transitions are left out: the outbox relay appends acknowledgements to earlier tests' notices
        return db.query("SELECT (SELECT count(*) FROM notice) + (SELECT count(*) FROM notice_item) "
                + "+ (SELECT count(*) FROM evidence_document)").execute()
                .await().atMost(WAIT).iterator().next().getLong(0);
    }
}
