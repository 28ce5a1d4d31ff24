package io.cloudsword.complaint.grpc;

import static io.cloudsword.complaint.grpc.Parties.WAIT;
import static io.cloudsword.complaint.grpc.Parties.await;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.complaint.support.FakeListingService;
import io.cloudsword.complaint.support.TestClock;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The hash-chained audit trail, the exports, the decision feed, the reviewer queue and consumer reports. */
@QuarkusTest
class AuditAndTransparencyGrpcTest {

    @GrpcClient("complaint")
    ComplaintService anonymous;

    @Inject
    Pool db;

    @Test
    void theAuditTrailIsAChainThatRefusesChangesAndShowsWhereItWasBroken() {
        Parties p = new Parties(anonymous);
        Notice n = p.decideAll(p.file(p.listings(2, "s"), Jurisdiction.JURISDICTION_EU), true);
        await("takedowns acknowledged", () -> p.get(n.getId()).getItemsList().stream()
                .allMatch(NoticeItem::hasTakedownAppliedAt));
        List<NoticeTransition> trail = p.admin.listNoticeTransitions(ListNoticeTransitionsRequest.newBuilder()
                .setNoticeId(n.getId()).build()).await().atMost(WAIT).getTransitionsList();
        // receipt, review, two item decisions, the notice's summary, two acknowledged takedowns
        assertEquals(List.of("RECEIVED", "UNDER_REVIEW", "ACCEPTED", "ACCEPTED", "ACCEPTED"),
                trail.subList(0, 5).stream().map(NoticeTransition::getToState).toList());
        assertEquals(2, trail.stream().filter(t -> t.getSubject() == AuditSubject.AUDIT_SUBJECT_EFFECT).count());
        for (int i = 0; i < trail.size(); i++) {
            assertEquals(i + 1, trail.get(i).getSequence());
            assertEquals(i == 0 ? "0".repeat(64) : trail.get(i - 1).getHash(), trail.get(i).getPrevHash());
        }
        assertEquals("reviewer-a-" + p.platform, trail.get(2).getActor().getSubject());
        VerifyAuditTrailResponse ok = p.admin.verifyAuditTrail(VerifyAuditTrailRequest.newBuilder()
                .setNoticeId(n.getId()).build()).await().atMost(WAIT);
        assertTrue(ok.getIntact());
        assertEquals(trail.size(), ok.getRecordsChecked());
        assertEquals(trail.get(trail.size() - 1).getHash(), ok.getHeadHash());

        // append-only: the database refuses to change a record
        assertThrows(Exception.class, () -> db.preparedQuery("UPDATE notice_transition SET reason = 'x' "
                + "WHERE notice_id = $1 AND sequence = 3").execute(Tuple.of(UUID.fromString(n.getId()))).await()
                .atMost(WAIT));
        // someone with the power to switch the trigger off edits record 3: the chain shows it
        db.query("ALTER TABLE notice_transition DISABLE TRIGGER notice_transition_append_only").execute().await()
                .atMost(WAIT);
        try {
            db.preparedQuery("UPDATE notice_transition SET reason = 'NOT_INFRINGING' WHERE notice_id = $1 AND sequence = 3")
                    .execute(Tuple.of(UUID.fromString(n.getId()))).await().atMost(WAIT);
        } finally {
            db.query("ALTER TABLE notice_transition ENABLE TRIGGER notice_transition_append_only").execute().await()
                    .atMost(WAIT);
        }
        VerifyAuditTrailResponse broken = p.admin.verifyAuditTrail(VerifyAuditTrailRequest.newBuilder()
                .setNoticeId(n.getId()).build()).await().atMost(WAIT);
        assertFalse(broken.getIntact());
        assertEquals(3, broken.getFirstBrokenSequence());
    }

    @Test
    void theAuditExportStreamsEveryRecordOfTheNoticesAndIsForStaffOnly() {
        Parties p = new Parties(anonymous);
        Notice a = p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU);
        Notice b = p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU);
        List<NoticeTransition> exported = new ArrayList<>();
        p.admin.exportAuditTrail(ExportAuditTrailRequest.newBuilder().addNoticeIds(a.getId()).addNoticeIds(b.getId())
                .build()).subscribe().asStream().forEach(r -> exported.addAll(r.getTransitionsList()));
        assertEquals(2, exported.size());
        assertEquals(java.util.Set.of(a.getId(), b.getId()),
                exported.stream().map(NoticeTransition::getNoticeId).collect(java.util.stream.Collectors.toSet()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                p.notifier.exportAuditTrail(ExportAuditTrailRequest.newBuilder().addNoticeIds(a.getId()).build())
                        .toUni());
    }

    @Test
    void statementsOfReasonsAreExportedInTheTransparencyShapeWithoutPersonalData() {
        Parties p = new Parties(anonymous);
        Instant from = TestClock.now();
        Notice n = p.decideAll(p.file(p.listings(2, "s"), Jurisdiction.JURISDICTION_EU), true);
        List<TransparencyStatement> out = new ArrayList<>();
        p.admin.exportStatementsOfReasons(ExportStatementsOfReasonsRequest.newBuilder()
                .setFrom(ProtoTime.toProto(from)).setTo(ProtoTime.toProto(TestClock.now().plusSeconds(1)))
                .setPlatform(p.platform).build()).subscribe().asStream().forEach(r -> out.addAll(r.getStatementsList()));
        assertEquals(2, out.size());
        for (TransparencyStatement s : out) {
            assertEquals(p.platform, s.getPlatform());
            assertEquals("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", s.getCategory());
            assertEquals("CONTENT_TYPE_PRODUCT", s.getContentType());
            assertEquals(StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED, s.getStatement().getDecision());
            assertEquals(n.getId(), s.getStatement().getNoticeId());
            String text = s.toString();
            assertFalse(text.contains("sportwerk.example") || text.contains("Anna Brandt"), "no personal data: " + text);
        }
        // a partner exports its own platform only
        Parties other = new Parties(anonymous);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                other.partner.exportStatementsOfReasons(ExportStatementsOfReasonsRequest.newBuilder()
                        .setFrom(ProtoTime.toProto(from)).setTo(ProtoTime.toProto(TestClock.now()))
                        .setPlatform(p.platform).build()).toUni());
    }

    @Test
    void aPartnerWatchesTheDecisionsOnItsPlatformInOrder() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(2, "s");
        Notice n = p.file(listings, Jurisdiction.JURISDICTION_EU);
        List<WatchDecisionsResponse> seen = new CopyOnWriteArrayList<>();
        Cancellable watch = p.partner.watchDecisions(WatchDecisionsRequest.newBuilder().setPlatform(p.platform)
                .setAfterSequence(0).build()).subscribe().with(seen::add);
        try {
            p.decideAll(n, true);
            await("two decisions", () -> seen.stream().filter(r -> !r.getHeartbeat()).count() >= 2);
            List<WatchDecisionsResponse> decisions = seen.stream().filter(r -> !r.getHeartbeat()).toList();
            assertEquals(NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED, decisions.get(0).getState());
            assertEquals(n.getId(), decisions.get(0).getNoticeId());
            assertTrue(decisions.get(0).getSequence() < decisions.get(1).getSequence());
            assertEquals(java.util.Set.of(listings.get(0).getId(), listings.get(1).getId()), java.util.Set.of(
                    decisions.get(0).getListingId(), decisions.get(1).getListingId()));
        } finally {
            watch.cancel();
        }
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                new Parties(anonymous).partner.watchDecisions(WatchDecisionsRequest.newBuilder()
                        .setPlatform(p.platform).build()).toUni());
    }

    @Test
    void theQueueServesTrustedFlaggersFirstThenRightsOwnersThenConsumersByDeadline() {
        Parties trusted = new Parties(anonymous, RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, true);
        Parties owner = new Parties(anonymous);
        String platform = owner.platform;
        List<Listing> listings = owner.listings(3, "s");
        Notice fromOwner = owner.file(listings.subList(0, 1), Jurisdiction.JURISDICTION_EU);
        SubmitNoticeRequest.Builder tf = trusted.notice(listings.subList(1, 2), Jurisdiction.JURISDICTION_EU)
                .setPlatform(platform);
        tf.getRightBuilder().setTrademarkId(trusted.trademark.id());
        Notice fromTrusted = trusted.notifier.submitNotice(tf.build()).await().atMost(WAIT).getNotice();
        ConsumerReport report = anonymous.submitConsumerReport(SubmitConsumerReportRequest.newBuilder()
                .setPlatform(platform).setListingExternalId(listings.get(2).getData().getExternalId())
                .setReason("Spelling mistakes on the box").build()).await().atMost(WAIT).getReport();
        List<ReviewTask> tasks = owner.reviewer.listReviewQueue(ListReviewQueueRequest.newBuilder().setPlatform(platform)
                .build()).await().atMost(WAIT).getTasksList();
        assertEquals(List.of(fromTrusted.getId(), fromOwner.getId(), report.getNoticeId()),
                tasks.stream().map(ReviewTask::getNoticeId).toList());
        assertEquals(NoticeKind.NOTICE_KIND_CONSUMER_REPORT, tasks.get(2).getKind());
        // pages follow the same order
        ListReviewQueueResponse first = owner.reviewer.listReviewQueue(ListReviewQueueRequest.newBuilder()
                .setPlatform(platform).setPage(io.cloudsword.api.common.v1.PageRequest.newBuilder().setFirst(2)).build())
                .await().atMost(WAIT);
        assertTrue(first.getPageInfo().getHasNextPage());
        List<ReviewTask> rest = owner.reviewer.listReviewQueue(ListReviewQueueRequest.newBuilder().setPlatform(platform)
                .setPage(io.cloudsword.api.common.v1.PageRequest.newBuilder().setFirst(2)
                        .setAfter(first.getPageInfo().getEndCursor())).build()).await().atMost(WAIT).getTasksList();
        assertEquals(List.of(report.getNoticeId()), rest.stream().map(ReviewTask::getNoticeId).toList());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                owner.notifier.listReviewQueue(ListReviewQueueRequest.newBuilder().build()));
    }

    @Test
    void aConsumerReportFeedsTheListingsScoreAndClosesWithItsNoticesDecision() {
        Parties p = new Parties(anonymous);
        Listing listing = p.listings(1, "s").get(0);
        ConsumerReport report = anonymous.submitConsumerReport(SubmitConsumerReportRequest.newBuilder()
                .setPlatform(p.platform).setListingExternalId(listing.getData().getExternalId())
                .setReason("The logo is misspelled").build()).await().atMost(WAIT).getReport();
        await("listing-service hears of the report", () -> Boolean.FALSE.equals(FakeListingService.report(report.getId())));
        Notice n = p.get(report.getNoticeId());
        assertEquals(NoticeKind.NOTICE_KIND_CONSUMER_REPORT, n.getKind());
        assertEquals(io.cloudsword.api.listing.v1.ListingState.LISTING_STATE_ACTIVE,
                FakeListingService.state(listing.getId()), "a report never takes anything down by itself");
        p.decideAll(n, false);
        ConsumerReport closed = p.admin.getConsumerReport(GetConsumerReportRequest.newBuilder().setId(report.getId())
                .build()).await().atMost(WAIT).getReport();
        assertEquals(ConsumerReportStatus.CONSUMER_REPORT_STATUS_CLOSED, closed.getStatus());
        assertFalse(closed.getOutcomeSummary().isEmpty());
        await("the unfounded report is dismissed in the score", () -> Boolean.TRUE.equals(
                FakeListingService.report(report.getId())));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "id", "INVALID_STATE_TRANSITION",
                p.admin.closeConsumerReport(CloseConsumerReportRequest.newBuilder().setId(anonymous.submitConsumerReport(
                        SubmitConsumerReportRequest.newBuilder().setPlatform(p.platform)
                                .setListingExternalId(listing.getData().getExternalId()).setReason("again").build())
                        .await().atMost(WAIT).getReport().getId()).setOutcomeSummary("done").build()));
    }

    @Test
    void anonymousReportsAreRateLimitedPerClientKey() {
        Parties p = new Parties(anonymous);
        String code = "https://id.example/01/04012345000016/21/";
        io.grpc.Metadata key = new io.grpc.Metadata();
        key.put(io.grpc.Metadata.Key.of("x-client-key", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
                "client-" + UUID.randomUUID());
        ComplaintService client = io.quarkus.grpc.GrpcClientUtils.attachHeaders(anonymous, key);
        for (int i = 0; i < 50; i++) {
            client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setDigitalLink(code + "S" + i)
                    .setReason("copy").build()).await().atMost(WAIT);
        }
        Refusals.assertRefused(ErrorDetail.class, Status.Code.RESOURCE_EXHAUSTED, "", "RATE_LIMITED",
                client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setDigitalLink(code + "S51")
                        .setReason("copy").build()));
        // a signed-in reviewer is not an anonymous client
        p.as(TestTokens.token("consumer")).submitConsumerReport(SubmitConsumerReportRequest.newBuilder()
                .setDigitalLink(code + "S52").setReason("copy").build()).await().atMost(WAIT);
    }
}
