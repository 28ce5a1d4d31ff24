package io.cloudsword.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.complaint.support.FakeBrandRegistry;
import io.cloudsword.complaint.support.FakeListingService;
import io.cloudsword.support.tokens.TestTokens;
import io.quarkus.grpc.GrpcClientUtils;

/**
 * The people of a notice-and-action case, for the tests: a verified rights owner with a trademark
 * in force, listings of a shop on a fresh platform, the platform's partner (for the seller), two
 * reviewers, an admin; and a well-formed notice to start from.
 */
final class Parties {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SHA = "a".repeat(64);

    final ComplaintService anonymous;
    final String platform = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final FakeBrandRegistry.Owner owner;
    final FakeBrandRegistry.Mark trademark;
    final ComplaintService notifier;
    final ComplaintService partner;
    final ComplaintService reviewer;
    final ComplaintService otherReviewer;
    final ComplaintService admin;

    Parties(ComplaintService anonymous) {
        this(anonymous, RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, false);
    }

    Parties(ComplaintService anonymous, RightsOwnerStatus status, boolean trusted) {
        this.anonymous = anonymous;
        this.owner = FakeBrandRegistry.owner(status, trusted);
        this.trademark = FakeBrandRegistry.trademark(owner.id(), true);
        this.notifier = as(TestTokens.ownerToken(owner.id()));
        this.partner = as(TestTokens.TOKENS.token("partner-" + platform).role("platform_partner")
                .claim("platform_id", platform).sign());
        this.reviewer = as(TestTokens.TOKENS.token("reviewer-a-" + platform).role("reviewer").sign());
        this.otherReviewer = as(TestTokens.TOKENS.token("reviewer-b-" + platform).role("reviewer").sign());
        this.admin = as(TestTokens.token("admin"));
    }

    ComplaintService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    /** Listings of one shop on this platform. */
    List<Listing> listings(int n, String shop) {
        List<Listing> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FakeListingService.listing(platform, "item-" + UUID.randomUUID(), shop));
        }
        return out;
    }

    /** A complete notice on the listings (by external id), in the jurisdiction. */
    SubmitNoticeRequest.Builder notice(List<Listing> listings, Jurisdiction jurisdiction) {
        SubmitNoticeRequest.Builder b = SubmitNoticeRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
                .setPlatform(platform).setJurisdiction(jurisdiction).setNotifierName("Anna Brandt, Sportwerk GmbH")
                .setNotifierEmail("legal@sportwerk.example")
                .setRight(RightReference.newBuilder().setType(RightType.RIGHT_TYPE_TRADEMARK).setTrademarkId(trademark.id()))
                .setExplanation("The listings offer shoes bearing our registered word mark without our consent; "
                        + "the price is a fifth of the retail price and the box lacks our hologram.")
                .addEvidence(EvidenceDocument.newBuilder().setSha256(SHA).setUri("https://evidence.example/test-buy.pdf")
                        .setMediaType("application/pdf").setDescription("Test buy report"))
                .setStatements(NoticeStatements.newBuilder().setGoodFaith(true).setAccurate(true).setAuthorizedToAct(true)
                        .setSignature("Anna Brandt"));
        listings.forEach(l -> b.addListings(ListingReference.newBuilder().setExternalId(l.getData().getExternalId())));
        return b;
    }

    Notice file(List<Listing> listings, Jurisdiction jurisdiction) {
        return notifier.submitNotice(notice(listings, jurisdiction).build()).await().atMost(WAIT).getNotice();
    }

    Notice startReview(Notice n) {
        return reviewer.startNoticeReview(StartNoticeReviewRequest.newBuilder().setNoticeId(n.getId()).build())
                .await().atMost(WAIT).getNotice();
    }

    static NoticeItemDecision accept(NoticeItem item) {
        return NoticeItemDecision.newBuilder().setItemId(item.getId())
                .setOutcome(NoticeItemDecisionOutcome.NOTICE_ITEM_DECISION_OUTCOME_ACCEPT)
                .setReason("INFRINGEMENT_ESTABLISHED")
                .setExplanation("The listing shows the registered mark on goods the right holder did not put on the market.")
                .build();
    }

    static NoticeItemDecision reject(NoticeItem item) {
        return NoticeItemDecision.newBuilder().setItemId(item.getId())
                .setOutcome(NoticeItemDecisionOutcome.NOTICE_ITEM_DECISION_OUTCOME_REJECT).setReason("NOT_INFRINGING")
                .setExplanation("The listing resells genuine goods; the mark is used to describe them.").build();
    }

    /** Reviews the notice and decides every item the same way. */
    Notice decideAll(Notice n, boolean acceptAll) {
        startReview(n);
        DecideNoticeRequest.Builder d = DecideNoticeRequest.newBuilder().setNoticeId(n.getId());
        n.getItemsList().forEach(i -> d.addDecisions(acceptAll ? accept(i) : reject(i)));
        return reviewer.decideNotice(d.build()).await().atMost(WAIT).getNotice();
    }

    Notice get(String id) {
        return admin.getNotice(GetNoticeRequest.newBuilder().setId(id).build()).await().atMost(WAIT).getNotice();
    }

    SubmitCounterNoticeRequest.Builder counterNotice(Notice n, List<NoticeItem> items) {
        SubmitCounterNoticeRequest.Builder b = SubmitCounterNoticeRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString()).setNoticeId(n.getId()).setSellerName("Li Wei")
                .setSellerEmail("shop@seller.example").setSellerAddress("1 Market Street, Springfield")
                .setExplanation("These are genuine goods bought from the brand's authorized distributor; invoice attached.")
                .addEvidence(EvidenceDocument.newBuilder().setSha256("b".repeat(64)).setUri("https://evidence.example/invoice.pdf"))
                .setStatements(CounterNoticeStatements.newBuilder().setGoodFaith(true).setConsentToJurisdiction(true)
                        .setSignature("Li Wei"));
        items.forEach(i -> b.addItemIds(i.getId()));
        return b;
    }

    SubmitLegalActionProofRequest.Builder proof(Notice n) {
        return SubmitLegalActionProofRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
                .setNoticeId(n.getId()).setKind(LegalActionKind.LEGAL_ACTION_KIND_LAWSUIT)
                .setAuthorityOrCourt("Hangzhou Internet Court").setCaseReference("(2026) Zhe 0192 Min Chu 1234")
                .addEvidence(EvidenceDocument.newBuilder().setSha256("c".repeat(64)));
    }

    /** Waits (without sleeping blindly) until the condition holds, failing after WAIT. */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting until " + what);
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    static void assertItemStates(Notice n, NoticeItemState expected) {
        n.getItemsList().forEach(i -> assertEquals(expected, i.getState(), i.toString()));
    }
}
