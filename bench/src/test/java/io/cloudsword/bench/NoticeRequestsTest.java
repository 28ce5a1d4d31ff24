package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.complaint.v1.DecideNoticeRequest;
import io.cloudsword.api.complaint.v1.Notice;
import io.cloudsword.api.complaint.v1.NoticeItem;
import io.cloudsword.api.complaint.v1.NoticeItemDecisionOutcome;
import io.cloudsword.api.complaint.v1.RightType;
import io.cloudsword.api.complaint.v1.SubmitNoticeRequest;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.RestoreListingRequest;
import io.cloudsword.api.listing.v1.TakeDownListingRequest;

class NoticeRequestsTest {

    @Test
    void eachNoticeNamesItsOwnSliceOfTheListings() {
        assertEquals(List.of("bench-nt-s-0", "bench-nt-s-1", "bench-nt-s-2"), NoticeRequests.noticeListings(0, 3));
        assertEquals(List.of("bench-nt-s-3", "bench-nt-s-4", "bench-nt-s-5"), NoticeRequests.noticeListings(1, 3));
        Set<String> all = new HashSet<>();
        for (int n = 0; n < 1000; n++) {
            List<String> slice = NoticeRequests.noticeListings(n, 50);
            assertEquals(50, slice.size());
            all.addAll(slice);
        }
        assertEquals(50_000, all.size(), "1,000 notices of 50 name 50,000 different listings");
        assertTrue(all.contains("bench-nt-s-49999"));
        assertFalse(all.contains("bench-nt-s-50000"), "and only the ones ingested (0 .. 49,999)");
    }

    @Test
    void aNoticeCarriesEveryElementTheContractRequires() {
        List<String> listings = NoticeRequests.noticeListings(7, 50);
        SubmitNoticeRequest r = NoticeRequests.submit("bench-nt-abc123-r1-n7", "bench-nt-abc123",
                "0193e0a4-0000-7000-8000-000000000001", listings);
        assertEquals("bench-nt-abc123-r1-n7", r.getIdempotencyKey());
        assertEquals("bench-nt-abc123", r.getPlatform());
        assertFalse(r.getNotifierName().isBlank());
        assertTrue(r.getNotifierEmail().matches("[^@\\s]+@[^@\\s]+\\.[a-z]+"), r.getNotifierEmail());
        assertEquals(RightType.RIGHT_TYPE_TRADEMARK, r.getRight().getType());
        assertEquals("0193e0a4-0000-7000-8000-000000000001", r.getRight().getTrademarkId());
        assertFalse(r.getExplanation().isBlank());
        assertTrue(r.getExplanation().length() <= 10_000);
        assertEquals(1, r.getEvidenceCount());
        assertTrue(r.getEvidence(0).getSha256().matches("[0-9a-f]{64}"), r.getEvidence(0).getSha256());
        assertTrue(r.getEvidence(0).getUri().startsWith("https://"));
        assertTrue(r.getStatements().getGoodFaith());
        assertTrue(r.getStatements().getAccurate());
        assertFalse(r.getStatements().getSignature().isBlank());
        assertEquals(50, r.getListingsCount());
        for (int i = 0; i < 50; i++) {
            assertEquals(listings.get(i), r.getListings(i).getExternalId());
            assertTrue(r.getListings(i).getUrl().isEmpty(), "exactly one of url and external_id");
        }
        assertNotEquals(r.getEvidence(0).getSha256(), NoticeRequests.submit("bench-nt-abc123-r1-n8", "bench-nt-abc123",
                "0193e0a4-0000-7000-8000-000000000001", listings).getEvidence(0).getSha256());
    }

    @Test
    void theDecisionAcceptsEveryItemWithAReasonCodeAndAStatement() {
        Notice.Builder notice = Notice.newBuilder().setId("n-1").setVersion(2);
        for (int i = 0; i < 50; i++) {
            notice.addItems(NoticeItem.newBuilder().setId("item-" + i).setListingId("l-" + i));
        }
        DecideNoticeRequest d = NoticeRequests.acceptAll(notice.build());
        assertEquals("n-1", d.getNoticeId());
        assertFalse(d.hasExpectedVersion(), "no optimistic check: the review alone changed the notice");
        assertFalse(d.getLegalGround().isBlank());
        assertEquals(50, d.getDecisionsCount());
        for (int i = 0; i < 50; i++) {
            assertEquals("item-" + i, d.getDecisions(i).getItemId());
            assertEquals(NoticeItemDecisionOutcome.NOTICE_ITEM_DECISION_OUTCOME_ACCEPT, d.getDecisions(i).getOutcome());
            assertTrue(d.getDecisions(i).getReason().matches("[A-Z][A-Z0-9_]*"), "a stable reason code");
            assertFalse(d.getDecisions(i).getExplanation().isBlank());
            assertEquals(0, d.getDecisions(i).getTerritorialScopeCount(), "everywhere");
        }
    }

    @Test
    void theBaselineTakesDownAndRestoresUnderOneHoldWithTheStatementsListingServiceRequires() {
        Instant now = Instant.parse("2026-11-29T10:00:00.123Z");
        String hold = NoticeRequests.baselineHold("abc123", "r2");
        assertEquals("bench-nt-abc123-r2-baseline", hold);
        TakeDownListingRequest down = NoticeRequests.takeDown("l-1", hold, now);
        assertEquals("l-1", down.getListingId());
        assertEquals(hold, down.getNoticeId());
        assertEquals(StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED, down.getStatement().getDecision());
        assertFalse(down.getStatement().getLegalGround().isBlank(), "ILLEGAL_CONTENT names its law");
        assertEquals(now.getEpochSecond(), down.getStatement().getDecidedAt().getSeconds());
        RestoreListingRequest up = NoticeRequests.restore("l-1", hold, now);
        assertEquals(hold, up.getNoticeId(), "the same hold is released");
        assertEquals(StatementDecision.STATEMENT_DECISION_CONTENT_RESTORED, up.getStatement().getDecision());
        assertNotEquals(down.getStatement().getId(), up.getStatement().getId());
    }

    @Test
    void benchListingsAreInnocentAndComplete() {
        ListingInput l = NoticeRequests.listing("bench-nt-abc123", "bench-nt-s-17", 17);
        assertEquals("bench-nt-abc123", l.getPlatform());
        assertEquals("bench-nt-s-17", l.getExternalId());
        assertFalse(l.getShopId().isBlank());
        assertFalse(l.getTitle().isBlank());
        assertTrue(l.getPrice().getAmountMinor() > 0);
        assertEquals("EUR", l.getPrice().getCurrency());
        assertEquals("DE", l.getMarketCountry());
        assertTrue(l.getGtin().isEmpty());
        assertTrue(l.getUrl().startsWith("https://"));
        String text = (l.getTitle() + " " + l.getDescription()).toLowerCase();
        assertFalse(text.contains(NoticeRequests.BRAND_NAME.toLowerCase()), "the bench brand is never mentioned");
        for (String word : List.of("replica", "copy", "1:1", "aaa", "mirror")) {
            assertFalse(text.contains(word), word);
        }
        assertTrue(NoticeRequests.platform("abc123").matches("[a-z0-9._-]{2,63}"), "a valid platform slug");
    }

    @Test
    void theTrademarkIsInForceAndTheOwnerHasFixedNaturalKeys() {
        RegisterTrademarkRequest tm = NoticeRequests.trademark("b-1");
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_REGISTERED, tm.getStatus());
        assertTrue(tm.getExpiryDate().getYear() > 2030);
        assertTrue(tm.getNiceClassesList().stream().allMatch(c -> c >= 1 && c <= 45));
        assertTrue(tm.getEvidenceSha256().matches("[0-9a-f]{64}"));
        assertEquals(NoticeRequests.owner(), NoticeRequests.owner(), "the same owner every time: found, not made again");
        assertEquals(tm.getRegistrationNumber(), NoticeRequests.trademark("b-1").getRegistrationNumber());
    }

    @Test
    void timestampsBecomeNanoseconds() {
        assertEquals(1_700_000_000_123_456_789L,
                NoticeRequests.nanos(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123_456_789).build()));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", NoticeRequests.sha256(""));
    }
}
