package io.cloudsword.gateway;

import static io.cloudsword.gateway.ListingGraphTest.graphql;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.listing.v1.ListingInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The complaint-service surface of the graph against the stand-in FakeComplaint (FakeNotices):
 * filing, reading back, deciding, connections, errors, the Complaint entity, the batched nested
 * listings and the complaintDecisions subscription over a real websocket.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeListingService.class)
@QuarkusTestResource(FakeComplaint.class)
class ComplaintGraphTest {

    private static final String FILE = "mutation($in: FileComplaintInput!, $key: String!) { fileComplaint(input: $in, "
            + "idempotencyKey: $key) { created complaint { id kind state platform jurisdiction receivedAt decisionDueAt "
            + "version notifier { ownerId name email trustedFlagger } right { type trademarkId } explanation "
            + "evidence { sha256 uri } statements { goodFaith accurate signature } "
            + "items { id complaintId state reference { url externalId } listingId shopId } } } }";
    private static final String SHA = "ab".repeat(32);

    @TestHTTPResource("/graphql")
    URI graphqlUri;

    // ------------------------------------------------------------------------------------------ helpers

    static String owner(String ownerId) {
        return TestKeys.TOKENS.token("owner@" + ownerId).role("rights_owner").claim("owner_id", ownerId).sign();
    }

    static String reviewer(String subject) {
        return TestKeys.TOKENS.token(subject).role("reviewer").sign();
    }

    /** Listings stored straight in the stand-in listing-service, as a partner's ingest would. */
    static List<String> listings(String platform, int count, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(FakeListingService.ingest(ListingInput.newBuilder().setPlatform(platform)
                    .setExternalId(prefix + i).setShopId("S-" + (i % 4)).setTitle("Sneaker no. " + i)
                    .setPrice(Money.newBuilder().setAmountMinor(8900).setCurrency("CNY")).setMarketCountry("CN")
                    .build()).getListing().getId());
        }
        return ids;
    }

    static Map<String, Object> complaintInput(String platform, List<String> externalIds) {
        Map<String, Object> in = new HashMap<>();
        in.put("platform", platform);
        in.put("notifierName", "Sportwerk AG legal");
        in.put("notifierEmail", "legal@sportwerk.example");
        in.put("right", Map.of("type", "TRADEMARK", "trademarkId", "tm-1"));
        in.put("explanation", "The listings offer shoes bearing our registered word mark at a tenth of the price.");
        in.put("evidence", List.of(Map.of("sha256", SHA, "uri", "https://evidence.example/1.pdf",
                "mediaType", "application/pdf")));
        in.put("listings", externalIds.stream().map(e -> Map.of("externalId", e)).toList());
        in.put("statements", Map.of("goodFaith", true, "accurate", true, "signature", "Erika Mustermann"));
        return in;
    }

    static String file(String token, String platform, List<String> externalIds) {
        return graphql(token, FILE, Map.of("in", complaintInput(platform, externalIds), "key",
                UUID.randomUUID().toString())).body("errors", nullValue())
                .extract().path("data.fileComplaint.complaint.id");
    }

    static ValidatableResponse decide(String token, String complaintId, List<Map<String, Object>> decisions) {
        return graphql(token, "mutation($d: [ComplaintItemDecisionInput!]!) { decideComplaint(complaintId: \""
                + complaintId + "\", decisions: $d, legalGround: \"PRC Trademark Law Art. 57\", automatedDecision: "
                + "\"NOT_AUTOMATED\") { id state version items { id state decisionReason decidedBy "
                + "statement { decision legalGround territorialScope source noticeId } } } }", Map.of("d", decisions));
    }

    static Map<String, Object> decision(String itemId, String outcome) {
        return Map.of("itemId", itemId, "outcome", outcome, "reason", outcome.equals("ACCEPT")
                ? "INFRINGEMENT_ESTABLISHED" : "NOT_INFRINGING", "explanation", "Compared with the registered mark.",
                "territorialScope", List.of("CN"));
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void aRightsOwnerFilesAComplaintAndReadsItBackWithItsItemsAndListings() {
        String platform = ListingGraphTest.platform();
        List<String> listingIds = listings(platform, 3, "F-");
        String ownerId = UUID.randomUUID().toString();
        String token = owner(ownerId);
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = complaintInput(platform, List.of("F-0", "F-1", "F-2"));
        input.put("jurisdiction", "US");
        String id = graphql(token, FILE, Map.of("in", input, "key", key)).body("errors", nullValue())
                .body("data.fileComplaint.created", equalTo(true))
                .body("data.fileComplaint.complaint.kind", equalTo("RIGHTS_OWNER"))
                .body("data.fileComplaint.complaint.state", equalTo("RECEIVED"))
                .body("data.fileComplaint.complaint.jurisdiction", equalTo("US"))
                .body("data.fileComplaint.complaint.receivedAt", notNullValue())
                .body("data.fileComplaint.complaint.decisionDueAt", notNullValue())
                .body("data.fileComplaint.complaint.notifier.ownerId", equalTo(ownerId))
                .body("data.fileComplaint.complaint.right.type", equalTo("TRADEMARK"))
                .body("data.fileComplaint.complaint.evidence[0].sha256", equalTo(SHA))
                .body("data.fileComplaint.complaint.statements.goodFaith", equalTo(true))
                .body("data.fileComplaint.complaint.items", hasSize(3))
                .body("data.fileComplaint.complaint.items.state", everyItem(equalTo("PENDING")))
                .body("data.fileComplaint.complaint.items.reference.externalId", contains("F-0", "F-1", "F-2"))
                .body("data.fileComplaint.complaint.items.listingId", contains(listingIds.toArray()))
                .extract().path("data.fileComplaint.complaint.id");
        assertEquals("Bearer " + token, FakeComplaint.CALLERS.authorization.get("SubmitNotice"),
                "the caller's token is forwarded to complaint-service");
        var sent = FakeNotices.NOTICES.get(id);
        assertEquals(io.cloudsword.api.complaint.v1.Jurisdiction.JURISDICTION_US, sent.getJurisdiction());
        assertEquals("Erika Mustermann", sent.getStatements().getSignature());

        graphql(token, FILE, Map.of("in", input, "key", key)).body("errors", nullValue())
                .body("data.fileComplaint.created", equalTo(false))
                .body("data.fileComplaint.complaint.id", equalTo(id));

        graphql(token, "{ complaint(id: \"" + id + "\") { id state items { complaintId platform state "
                + "listing { id } } } }").body("errors", nullValue())
                .body("data.complaint.items.listing", everyItem(nullValue()));
        graphql(ListingGraphTest.partner(platform), "{ complaint(id: \"" + id + "\") { id state items { complaintId "
                + "platform state listing { id externalId title } } } }").body("errors", nullValue())
                .body("data.complaint.items.listing.externalId", contains("F-0", "F-1", "F-2"))
                .body("data.complaint.items.complaintId", everyItem(equalTo(id)))
                .body("data.complaint.items.platform", everyItem(equalTo(platform)));
        graphql(owner(UUID.randomUUID().toString()), "{ complaint(id: \"" + id + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("NOTICE_NOT_FOUND"))
                .body("errors[0].extensions.status", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.field", equalTo("id"))
                .body("data.complaint", nullValue());
    }

    @Test
    void filingIsRefusedForAnonymousAndWrongRolesAndBadInputStoresNothing() {
        String platform = ListingGraphTest.platform();
        listings(platform, 2, "R-");
        String ownerId = UUID.randomUUID().toString();
        Map<String, Object> vars = Map.of("in", complaintInput(platform, List.of("R-0", "R-1")), "key", "k-1");
        int calls = FakeComplaint.CALLERS.calls("SubmitNotice");
        graphql(null, FILE, vars).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data.fileComplaint", nullValue());
        graphql(ListingGraphTest.partner(platform), FILE, vars)
                .body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        Map<String, Object> badJurisdiction = complaintInput(platform, List.of("R-0"));
        badJurisdiction.put("jurisdiction", "MARS");
        graphql(owner(ownerId), FILE, Map.of("in", badJurisdiction, "key", "k-2"))
                .body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("input.jurisdiction"))
                .body("errors[0].message", containsString("CN"));
        assertEquals(calls, FakeComplaint.CALLERS.calls("SubmitNotice"), "refused before any call");

        graphql(owner(ownerId), FILE, Map.of("in", complaintInput(platform, List.of("R-0", "nope")), "key", "k-3"))
                .body("errors[0].extensions.code", equalTo("LISTING_NOT_FOUND"))
                .body("errors[0].extensions.status", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.field", equalTo("listings[1]"))
                .body("errors[0].message", not(containsString("System error")))
                .body("data.fileComplaint", nullValue());
        graphql(owner(ownerId), "{ complaints(notifierOwnerId: \"" + ownerId + "\") { edges { node { id } } } }")
                .body("errors", nullValue()).body("data.complaints.edges", hasSize(0));
    }

    @Test
    void aReviewerDecidesItemsAndAContraryDecisionSurfacesAsInvalidStateTransition() {
        String platform = ListingGraphTest.platform();
        listings(platform, 3, "D-");
        String ownerId = UUID.randomUUID().toString();
        String id = file(owner(ownerId), platform, List.of("D-0", "D-1", "D-2"));
        List<String> items = FakeNotices.NOTICES.get(id).getItemsList().stream()
                .map(io.cloudsword.api.complaint.v1.NoticeItem::getId).toList();

        String start = "mutation { startComplaintReview(complaintId: \"" + id + "\") { state assignedReviewer } }";
        graphql(reviewer("reviewer-1"), start).body("errors", nullValue())
                .body("data.startComplaintReview.state", equalTo("UNDER_REVIEW"))
                .body("data.startComplaintReview.assignedReviewer", equalTo("reviewer-1"));
        graphql(reviewer("reviewer-2"), start)
                .body("errors[0].extensions.code", equalTo("INVALID_STATE_TRANSITION"))
                .body("errors[0].extensions.status", equalTo("FAILED_PRECONDITION"))
                .body("errors[0].extensions.field", equalTo("notice_id"));

        int decideCalls = FakeComplaint.CALLERS.calls("DecideNotice");
        decide(owner(ownerId), id, List.of(decision(items.get(0), "ACCEPT")))
                .body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"));
        decide(reviewer("reviewer-1"), id, List.of(Map.of("itemId", items.get(0), "outcome", "MAYBE")))
                .body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("decisions[0].outcome"));
        assertEquals(decideCalls, FakeComplaint.CALLERS.calls("DecideNotice"), "refused before any call");

        decide(reviewer("reviewer-1"), id, List.of(decision(items.get(0), "ACCEPT"), decision(items.get(1), "REJECT")))
                .body("errors", nullValue())
                .body("data.decideComplaint.state", equalTo("UNDER_REVIEW"))
                .body("data.decideComplaint.items.state", contains("ACCEPTED", "REJECTED", "PENDING"))
                .body("data.decideComplaint.items[0].decisionReason", equalTo("INFRINGEMENT_ESTABLISHED"))
                .body("data.decideComplaint.items[0].decidedBy", equalTo("reviewer-1"))
                .body("data.decideComplaint.items[0].statement.decision", equalTo("CONTENT_REMOVED"))
                .body("data.decideComplaint.items[0].statement.legalGround", equalTo("PRC Trademark Law Art. 57"))
                .body("data.decideComplaint.items[0].statement.territorialScope", contains("CN"))
                .body("data.decideComplaint.items[0].statement.noticeId", equalTo(id))
                .body("data.decideComplaint.items[2].statement", nullValue());
        var sent = FakeNotices.NOTICES.get(id);
        assertEquals(io.cloudsword.api.common.v1.StatementAutomation.STATEMENT_AUTOMATION_NOT_AUTOMATED,
                sent.getItems(0).getStatement().getAutomatedDecision(), "automatedDecision reaches the service");

        // the same decision again is a no-op; a different one must go through an appeal
        decide(reviewer("reviewer-1"), id, List.of(decision(items.get(0), "ACCEPT"))).body("errors", nullValue())
                .body("data.decideComplaint.items[0].state", equalTo("ACCEPTED"));
        decide(reviewer("reviewer-1"), id, List.of(decision(items.get(2), "ACCEPT"), decision(items.get(1), "ACCEPT")))
                .body("errors[0].extensions.code", equalTo("INVALID_STATE_TRANSITION"))
                .body("errors[0].extensions.status", equalTo("FAILED_PRECONDITION"))
                .body("errors[0].extensions.field", equalTo("decisions[1]"))
                .body("errors[0].message", containsString("appeal"))
                .body("data.decideComplaint", nullValue());
        assertEquals("PENDING", FakeNotices.itemStateName(FakeNotices.NOTICES.get(id).getItems(2).getState()),
                "a refused call decides nothing");

        long version = FakeNotices.NOTICES.get(id).getVersion();
        graphql(reviewer("reviewer-1"), "mutation { decideComplaint(complaintId: \"" + id + "\", decisions: [{itemId: \""
                + items.get(2) + "\", outcome: \"REJECT\"}], expectedVersion: " + (version - 1) + ") { state } }")
                .body("errors[0].extensions.code", equalTo("VERSION_MISMATCH"))
                .body("errors[0].extensions.status", equalTo("ALREADY_EXISTS"));
        graphql(reviewer("reviewer-1"), "mutation { decideComplaint(complaintId: \"" + id + "\", decisions: [{itemId: \""
                + items.get(2) + "\", outcome: \"REJECT\"}], expectedVersion: " + version + ") { state decidedAt } }")
                .body("errors", nullValue())
                .body("data.decideComplaint.state", equalTo("ACCEPTED"));

        // the seller answers the accepted item through its partner; a rejected one cannot be counter-noticed
        String partner = ListingGraphTest.partner(platform);
        String counter = "mutation($in: CounterNoticeInput!) { submitCounterNotice(input: $in, idempotencyKey: \"%s\") "
                + "{ created counterNotice { id state itemIds legalActionDeadline complaint { id } } "
                + "complaint { items { state counterNoticeId } } } }";
        Map<String, Object> cn = new HashMap<>(Map.of("complaintId", id, "itemIds", List.of(items.get(0)),
                "sellerName", "Shop S-0", "sellerEmail", "s0@shop.example", "explanation", "These are genuine goods.",
                "evidence", List.of(Map.of("sha256", SHA)), "statements", Map.of("goodFaith", true)));
        graphql(partner, String.format(counter, "cn-1"), Map.of("in", cn)).body("errors", nullValue())
                .body("data.submitCounterNotice.created", equalTo(true))
                .body("data.submitCounterNotice.counterNotice.state", equalTo("FORWARDED"))
                .body("data.submitCounterNotice.counterNotice.complaint.id", equalTo(id))
                .body("data.submitCounterNotice.complaint.items[0].state", equalTo("COUNTER_NOTICED"));
        cn.put("itemIds", List.of(items.get(1)));
        graphql(partner, String.format(counter, "cn-2"), Map.of("in", cn))
                .body("errors[0].extensions.code", equalTo("INVALID_STATE_TRANSITION"))
                .body("errors[0].extensions.field", equalTo("item_ids[0]"));

        graphql(owner(ownerId), "mutation($in: LegalActionProofInput!) { submitLegalActionProof(input: $in, "
                + "idempotencyKey: \"p-1\") { proof { kind authorityOrCourt filedOn itemIds } complaint { items { state } } "
                + "} }", Map.of("in", Map.of("complaintId", id, "kind", "LAWSUIT", "authorityOrCourt",
                        "Hangzhou Internet Court", "caseReference", "(2026) Zhe 0192 Min Chu 1", "filedOn", "2026-11-20",
                        "evidence", List.of(Map.of("sha256", SHA)))))
                .body("errors", nullValue())
                .body("data.submitLegalActionProof.proof.kind", equalTo("LAWSUIT"))
                .body("data.submitLegalActionProof.proof.filedOn", equalTo("2026-11-20"))
                .body("data.submitLegalActionProof.proof.itemIds", contains(items.get(0)))
                .body("data.submitLegalActionProof.complaint.items[0].state", equalTo("UPHELD"));

        // the notifier appeals the rejection; the reviewer who rejected may not decide the appeal
        String appealId = graphql(owner(ownerId), "mutation($in: AppealInput!) { fileAppeal(input: $in, idempotencyKey: "
                + "\"a-1\") { created appeal { id state appellant originalReviewer filedBy { subject role } } } }",
                Map.of("in", Map.of("complaintId", id, "itemIds", List.of(items.get(1)), "appellant", "NOTIFIER",
                        "grounds", "The shoes carry our mark.", "contactEmail", "legal@sportwerk.example")))
                .body("errors", nullValue())
                .body("data.fileAppeal.appeal.state", equalTo("FILED"))
                .body("data.fileAppeal.appeal.originalReviewer", equalTo("reviewer-1"))
                .body("data.fileAppeal.appeal.filedBy.role", equalTo("RIGHTS_OWNER"))
                .extract().path("data.fileAppeal.appeal.id");
        String decideAppeal = "mutation { decideAppeal(appealId: \"" + appealId + "\", outcome: \"GRANT\", explanation: "
                + "\"The mark is used on identical goods.\") { appeal { state decidedBy } complaint { id } } }";
        graphql(reviewer("reviewer-1"), decideAppeal)
                .body("errors[0].extensions.code", equalTo("SAME_REVIEWER"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        graphql(reviewer("reviewer-2"), decideAppeal).body("errors", nullValue())
                .body("data.decideAppeal.appeal.state", equalTo("GRANTED"))
                .body("data.decideAppeal.appeal.decidedBy", equalTo("reviewer-2"))
                .body("data.decideAppeal.complaint.id", equalTo(id));
        graphql(reviewer("reviewer-2"), "{ appeals(complaintId: \"" + id + "\") { edges { node { id complaint { id } } } } "
                + "counterNotices(complaintId: \"" + id + "\", states: [\"FORWARDED\"]) { edges { node { itemIds } } } }")
                .body("errors", nullValue())
                .body("data.appeals.edges.node.id", contains(appealId))
                .body("data.counterNotices.edges.node.itemIds", contains(List.of(items.get(0))));

        graphql(reviewer("reviewer-2"), "mutation { markComplaintAbusive(complaintId: \"" + id + "\", kind: "
                + "\"MANIFESTLY_UNFOUNDED\", explanation: \"no evidence\") { notifierSuspended complaint { abuseMarks "
                + "{ kind markedBy } } } }").body("errors", nullValue())
                .body("data.markComplaintAbusive.complaint.abuseMarks.kind", contains("MANIFESTLY_UNFOUNDED"));

        // the audit trail: oldest first, hash-chained, verified intact
        var trail = graphql(reviewer("reviewer-2"), "{ complaintTransitions(complaintId: \"" + id + "\") { edges { node { "
                + "sequence subject subjectId fromState toState actor { subject role } details { key value } prevHash "
                + "hash } } } verifyComplaintAuditTrail(complaintId: \"" + id + "\") { intact recordsChecked "
                + "firstBrokenSequence headHash } }").body("errors", nullValue())
                .body("data.complaintTransitions.edges[0].node.sequence", equalTo(1))
                .body("data.complaintTransitions.edges[0].node.subject", equalTo("NOTICE"))
                .body("data.complaintTransitions.edges[0].node.prevHash", equalTo("0".repeat(64)))
                .body("data.complaintTransitions.edges[0].node.fromState", nullValue())
                .body("data.complaintTransitions.edges[1].node.toState", equalTo("UNDER_REVIEW"))
                .body("data.complaintTransitions.edges[2].node.subject", equalTo("NOTICE_ITEM"))
                .body("data.complaintTransitions.edges[2].node.actor.subject", equalTo("reviewer-1"))
                .body("data.verifyComplaintAuditTrail.intact", equalTo(true))
                .body("data.verifyComplaintAuditTrail.firstBrokenSequence", nullValue());
        List<String> hashes = trail.extract().path("data.complaintTransitions.edges.node.hash");
        assertEquals(hashes.get(hashes.size() - 1), trail.extract().path("data.verifyComplaintAuditTrail.headHash"));
        assertEquals(hashes.get(0), trail.extract().path("data.complaintTransitions.edges[1].node.prevHash"));
    }

    @Test
    void complaintsPageWithCursorsAndTheReviewQueueIsForStaff() {
        String platform = ListingGraphTest.platform();
        listings(platform, 3, "P-");
        String ownerId = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(file(owner(ownerId), platform, List.of("P-" + i)));
        }
        String page = "{ complaints(platform: \"" + platform + "\", states: [\"RECEIVED\"], kinds: [\"RIGHTS_OWNER\"], "
                + "first: 2%s) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }";
        var first = graphql(owner(ownerId), String.format(page, "")).body("errors", nullValue())
                .body("data.complaints.edges", hasSize(2))
                .body("data.complaints.edges[0].cursor", nullValue())
                .body("data.complaints.edges[1].cursor", notNullValue())
                .body("data.complaints.pageInfo.hasNextPage", equalTo(true))
                .body("data.complaints.edges.node.id", contains(ids.get(2), ids.get(1)));
        String cursor = first.extract().path("data.complaints.pageInfo.endCursor");
        assertEquals(cursor, first.extract().path("data.complaints.edges[1].cursor"));
        graphql(owner(ownerId), String.format(page, ", after: \"" + cursor + "\"")).body("errors", nullValue())
                .body("data.complaints.edges.node.id", contains(ids.get(0)))
                .body("data.complaints.pageInfo.hasNextPage", equalTo(false));
        graphql(owner(ownerId), "{ complaints(first: 0, states: [\"OPEN\"]) { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("states[0]"));
        graphql(owner(ownerId), "{ complaints(first: 501) { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("INVALID_PAGE_SIZE"))
                .body("errors[0].extensions.field", equalTo("page.first"));

        int queueCalls = FakeComplaint.CALLERS.calls("ListReviewQueue");
        String queue = "{ reviewQueue(platform: \"" + platform + "\", types: [\"NOTICE\"], unassignedOrMine: true, first: 10) "
                + "{ edges { node { type complaintId kind pendingItems complaint { id items { state } } } } } }";
        graphql(owner(ownerId), queue).body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"));
        assertEquals(queueCalls, FakeComplaint.CALLERS.calls("ListReviewQueue"), "no call for a wrong role");
        int batches = FakeComplaint.CALLERS.calls("BatchGetNotices");
        graphql(reviewer("reviewer-9"), queue).body("errors", nullValue())
                .body("data.reviewQueue.edges", hasSize(3))
                .body("data.reviewQueue.edges.node.type", everyItem(equalTo("NOTICE")))
                .body("data.reviewQueue.edges.node.pendingItems", everyItem(equalTo(1)))
                .body("data.reviewQueue.edges.node.complaint.id", everyItem(notNullValue()));
        assertEquals(1, FakeComplaint.CALLERS.calls("BatchGetNotices") - batches, "the tasks' complaints in one batch");

        graphql(owner(ownerId), "{ notifierStats { notifierOwnerId totalNotices goodFaithStatus last6Months { notices "
                + "latency { within24hRatio } } } slaStats(from: \"2026-01-01T00:00:00Z\", to: \"2026-12-31T00:00:00Z\", "
                + "platform: \"" + platform + "\") { overdue overall { decided p95Millis } } }")
                .body("errors", nullValue())
                .body("data.notifierStats.notifierOwnerId", equalTo(ownerId))
                .body("data.notifierStats.totalNotices", equalTo(3))
                .body("data.notifierStats.goodFaithStatus", equalTo("NOT_ADMITTED"))
                .body("data.notifierStats.last6Months.notices", equalTo(3))
                .body("data.slaStats.overdue", equalTo(3))
                .body("data.slaStats.overall.decided", equalTo(42));
        graphql(reviewer("reviewer-9"), "{ notifierStats { totalNotices } }")
                .body("errors[0].extensions.code", equalTo("FIELD_REQUIRED"))
                .body("errors[0].extensions.field", equalTo("ownerId"));
    }

    @Test
    void complaintEntitiesResolveInOneBatchGetNoticesInRepresentationOrder() {
        String platform = ListingGraphTest.platform();
        listings(platform, 3, "E-");
        String ownerId = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(file(owner(ownerId), platform, List.of("E-" + i)));
        }
        List<Map<String, Object>> representations = List.of(Map.of("__typename", "Complaint", "id", ids.get(2)),
                Map.of("__typename", "Complaint", "id", UUID.randomUUID().toString()),
                Map.of("__typename", "Complaint", "id", ids.get(0)), Map.of("__typename", "Complaint", "id", ids.get(1)));
        int batches = FakeComplaint.CALLERS.calls("BatchGetNotices");
        int gets = FakeComplaint.CALLERS.calls("GetNotice");
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id state "
                + "items { reference { externalId } } } } }";
        graphql(owner(ownerId), query, Map.of("r", representations)).body("errors", nullValue())
                .body("data._entities", hasSize(4))
                .body("data._entities[0].id", equalTo(ids.get(2)))
                .body("data._entities[1]", nullValue())
                .body("data._entities[2].id", equalTo(ids.get(0)))
                .body("data._entities[3].items[0].reference.externalId", equalTo("E-1"));
        assertEquals(1, FakeComplaint.CALLERS.calls("BatchGetNotices") - batches, "one BatchGetNotices");
        assertEquals(gets, FakeComplaint.CALLERS.calls("GetNotice"), "no complaint fetched one by one");

        graphql(null, "{ _service { sdl } }")
                .body("data._service.sdl", containsString("type Complaint @key(fields : \"id\")"));
        int anonymous = FakeComplaint.CALLERS.calls("BatchGetNotices");
        graphql(null, query, Map.of("r", representations))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(anonymous, FakeComplaint.CALLERS.calls("BatchGetNotices"), "no token, no lookup");
    }

    @Test
    void theListingsOfThirtyItemsAcrossComplaintsTakeOneBatchGetListings() {
        String platform = ListingGraphTest.platform();
        List<String> listingIds = listings(platform, 30, "N-");
        String ownerId = UUID.randomUUID().toString();
        for (int c = 0; c < 3; c++) {
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                refs.add("N-" + (c * 10 + i));
            }
            file(owner(ownerId), platform, refs);
        }
        int batches = FakeListingService.CALLERS.calls("BatchGetListings");
        int gets = FakeListingService.CALLERS.calls("GetListing");
        var body = graphql(ListingGraphTest.partner(platform), "{ complaints(platform: \"" + platform + "\") { edges { "
                + "node { items { listingId listing { id externalId shopId } } } } } }").body("errors", nullValue())
                .body("data.complaints.edges", hasSize(3));
        List<List<String>> resolved = body.extract().path("data.complaints.edges.node.items.listing.id");
        List<String> flat = resolved.stream().flatMap(List::stream).toList();
        assertEquals(30, flat.size());
        assertTrue(flat.containsAll(listingIds), "every item's listing resolved: " + flat);
        assertEquals(1, FakeListingService.CALLERS.calls("BatchGetListings") - batches,
                "one BatchGetListings for 30 items of 3 complaints");
        assertEquals(gets, FakeListingService.CALLERS.calls("GetListing"), "no listing fetched one by one");
    }

    @Test
    void consumerReportsAreFiledAnonymouslyAndClosedByStaff() {
        String platform = ListingGraphTest.platform();
        String id = graphql(null, "mutation { submitConsumerReport(input: {platform: \"" + platform + "\", "
                + "listingExternalId: \"X-1\", reason: \"Logo looks wrong\"}, idempotencyKey: \"form-1\") { id status "
                + "platform listingExternalId contactEmail } }").body("errors", nullValue())
                .body("data.submitConsumerReport.status", equalTo("RECEIVED"))
                .body("data.submitConsumerReport.contactEmail", nullValue())
                .extract().path("data.submitConsumerReport.id");
        assertEquals("null", FakeComplaint.CALLERS.authorization.get("SubmitConsumerReport"), "no token to forward");
        graphql(null, "{ consumerReport(id: \"" + id + "\") { id listingExternalId } }").body("errors", nullValue())
                .body("data.consumerReport.listingExternalId", equalTo("X-1"));
        graphql(null, "mutation { submitConsumerReport(input: {platform: \"" + platform + "\", listingExternalId: \"X-1\", "
                + "reason: \"x\", contactEmail: \"not-an-email\"}) { id } }")
                .body("errors[0].extensions.code", equalTo("INVALID_EMAIL"))
                .body("errors[0].extensions.field", equalTo("contact_email"));
        String close = "mutation { closeConsumerReport(id: \"" + id + "\", outcomeSummary: \"Listing removed\") { status "
                + "outcomeSummary } }";
        graphql(null, close).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(reviewer("reviewer-3"), close).body("errors", nullValue())
                .body("data.closeConsumerReport.status", equalTo("CLOSED"));
        graphql(reviewer("reviewer-3"), "{ consumerReports(platform: \"" + platform + "\", statuses: [\"CLOSED\"]) { edges "
                + "{ node { id outcomeSummary } } } }").body("errors", nullValue())
                .body("data.consumerReports.edges.node.id", contains(id));
    }

    // ------------------------------------------------------------------------------------------ subscription

    /** A graphql-transport-ws client: every complete text message the server sends lands in {@link #messages}. */
    static final class TransportWs implements WebSocket.Listener {
        final BlockingQueue<JsonPath> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static TransportWs open(URI graphql, String token) {
            return open(graphql, token, false);
        }

        /** With {@code inInit}, the token goes in the connection_init payload, as a browser must send it. */
        static TransportWs open(URI graphql, String token, boolean inInit) {
            TransportWs client = new TransportWs();
            URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws").connectTimeout(Duration.ofSeconds(10));
            if (token != null && !inInit) {
                builder.header("Authorization", "Bearer " + token);
            }
            client.socket = builder.buildAsync(ws, client).orTimeout(10, TimeUnit.SECONDS).join();
            client.send("{\"type\":\"connection_init\",\"payload\":{" + (inInit
                    ? "\"Authorization\":\"Bearer " + token + "\"" : "") + "}}");
            assertEquals("connection_ack", client.next().getString("type"));
            return client;
        }

        void send(String text) {
            socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
        }

        JsonPath next() {
            try {
                JsonPath message = messages.poll(10, TimeUnit.SECONDS);
                assertNotNull(message, "no message from the server within 10 s");
                return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JsonPath.from(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    static String subscribe(String id, String platform, Long afterSequence) {
        String query = "subscription { complaintDecisions(platform: \\\"" + platform + "\\\""
                + (afterSequence == null ? "" : ", afterSequence: " + afterSequence) + ") { sequence complaintId itemId "
                + "listingId externalId shopId state occurredAt statement { decision noticeId } } }";
        return "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + query + "\"}}";
    }

    static String await(BlockingQueue<String> queue, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String got = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (expected.equals(got)) {
                return got;
            }
        }
        throw new AssertionError("the fake never saw " + expected);
    }

    @Test
    void aPartnerSubscribesOverAWebsocketAndReceivesTheDecisionsButNoHeartbeat() throws Exception {
        String platform = ListingGraphTest.platform();
        List<String> listingIds = listings(platform, 2, "W-");
        String complaintId = file(owner(UUID.randomUUID().toString()), platform, List.of("W-0", "W-1"));
        List<String> items = FakeNotices.NOTICES.get(complaintId).getItemsList().stream()
                .map(io.cloudsword.api.complaint.v1.NoticeItem::getId).toList();
        String partner = ListingGraphTest.partner(platform);

        TransportWs client = TransportWs.open(graphqlUri, partner);
        client.send(subscribe("s1", platform, 0L));
        try {
            await(FakeNotices.WATCHING, platform);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the server said: " + client.messages.stream()
                    .map(JsonPath::prettify).toList(), e);
        }
        assertEquals("Bearer " + partner, FakeComplaint.CALLERS.authorization.get("WatchDecisions"),
                "the stream carries the subscriber's token");
        assertEquals(0L, FakeNotices.WATCH_REQUESTS.get(FakeNotices.WATCH_REQUESTS.size() - 1).getAfterSequence());

        decide(reviewer("reviewer-1"), complaintId, List.of(decision(items.get(0), "ACCEPT"))).body("errors", nullValue());
        decide(reviewer("reviewer-1"), complaintId, List.of(decision(items.get(1), "REJECT"))).body("errors", nullValue());

        JsonPath first = client.next();
        assertEquals("next", first.getString("type"), first.prettify());
        assertEquals("s1", first.getString("id"));
        assertNull(first.get("payload.errors"), first.prettify());
        assertEquals(1, first.getInt("payload.data.complaintDecisions.sequence"), "the heartbeat (sequence 0) is skipped");
        assertEquals(complaintId, first.getString("payload.data.complaintDecisions.complaintId"));
        assertEquals(items.get(0), first.getString("payload.data.complaintDecisions.itemId"));
        assertEquals(listingIds.get(0), first.getString("payload.data.complaintDecisions.listingId"));
        assertEquals("W-0", first.getString("payload.data.complaintDecisions.externalId"));
        assertEquals("ACCEPTED", first.getString("payload.data.complaintDecisions.state"));
        assertEquals("CONTENT_REMOVED", first.getString("payload.data.complaintDecisions.statement.decision"));
        JsonPath second = client.next();
        assertEquals(2, second.getInt("payload.data.complaintDecisions.sequence"));
        assertEquals(items.get(1), second.getString("payload.data.complaintDecisions.itemId"));
        assertEquals("REJECTED", second.getString("payload.data.complaintDecisions.state"));
        assertEquals("NO_ACTION", second.getString("payload.data.complaintDecisions.statement.decision"));

        // unsubscribing cancels the gRPC stream
        client.send("{\"id\":\"s1\",\"type\":\"complete\"}");
        await(FakeNotices.UNWATCHED, platform);
        assertEquals(0, FakeNotices.watchers(platform));

        // another platform is refused before any stream opens
        int streams = FakeComplaint.CALLERS.calls("WatchDecisions");
        client.send(subscribe("s2", ListingGraphTest.platform(), null));
        JsonPath refused = client.next();
        assertEquals("s2", refused.getString("id"));
        String errors = refused.prettify();
        assertTrue(errors.contains("NOT_OWNER"), errors);
        assertTrue(errors.contains("FORBIDDEN"), errors);
        assertTrue(!errors.contains("System error"), errors);
        assertEquals(streams, FakeComplaint.CALLERS.calls("WatchDecisions"), "no stream for a refused subscription");
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aBrowserSendsItsTokenInConnectionInitAndAnonymousSubscribersAreRefused() throws Exception {
        String platform = ListingGraphTest.platform();
        String partner = ListingGraphTest.partner(platform);
        TransportWs browser = TransportWs.open(graphqlUri, partner, true);
        browser.send(subscribe("b1", platform, null));
        await(FakeNotices.WATCHING, platform);
        assertEquals("Bearer " + partner, FakeComplaint.CALLERS.authorization.get("WatchDecisions"),
                "the token from connection_init is forwarded with the stream");
        assertEquals(false, FakeNotices.WATCH_REQUESTS.get(FakeNotices.WATCH_REQUESTS.size() - 1).hasAfterSequence(),
                "no afterSequence: from now on");
        browser.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).join();
        await(FakeNotices.UNWATCHED, platform);

        int streams = FakeComplaint.CALLERS.calls("WatchDecisions");
        TransportWs anonymous = TransportWs.open(graphqlUri, null);
        anonymous.send(subscribe("a1", platform, null));
        String refused = anonymous.next().prettify();
        assertTrue(refused.contains("UNAUTHENTICATED"), refused);
        assertEquals(streams, FakeComplaint.CALLERS.calls("WatchDecisions"), "no stream without a token");
        anonymous.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aReviewerRejectsAWholeComplaintAndOnlyItsNotifierWithdrawsOne() {
        String platform = ListingGraphTest.platform();
        listings(platform, 2, "J-");
        String ownerId = UUID.randomUUID().toString();
        String rejected = file(owner(ownerId), platform, List.of("J-0", "J-1"));
        String reject = "mutation { rejectComplaint(complaintId: \"" + rejected + "\", reason: \"INSUFFICIENT_EVIDENCE\", "
                + "explanation: \"%s\") { state items { state decisionReason } } }";
        graphql(owner(ownerId), String.format(reject, "no")).body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"));
        graphql(reviewer("reviewer-4"), String.format(reject, " ")).body("errors[0].extensions.code",
                equalTo("FIELD_REQUIRED")).body("errors[0].extensions.field", equalTo("explanation"));
        graphql(reviewer("reviewer-4"), String.format(reject, "No evidence of use of the mark.")).body("errors", nullValue())
                .body("data.rejectComplaint.state", equalTo("REJECTED"))
                .body("data.rejectComplaint.items.state", everyItem(equalTo("REJECTED")))
                .body("data.rejectComplaint.items.decisionReason", everyItem(equalTo("INSUFFICIENT_EVIDENCE")));

        String withdrawn = file(owner(ownerId), platform, List.of("J-0"));
        String withdraw = "mutation { withdrawComplaint(complaintId: \"" + withdrawn + "\", reason: \"settled\") { state "
                + "items { state } } }";
        graphql(ListingGraphTest.partner(platform), withdraw).body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"));
        graphql(owner(UUID.randomUUID().toString()), withdraw)
                .body("errors[0].extensions.code", equalTo("NOTICE_NOT_FOUND"));
        assertEquals("RECEIVED", FakeNotices.NOTICES.get(withdrawn).getState().name().substring(13),
                "nothing changed by a refused withdrawal");
        graphql(owner(ownerId), withdraw).body("errors", nullValue())
                .body("data.withdrawComplaint.state", equalTo("WITHDRAWN"))
                .body("data.withdrawComplaint.items.state", contains("WITHDRAWN"));
    }

    @Test
    void everyComplaintTypeAndFieldIsDescribed() {
        List<String> types = List.of("Complaint", "ComplaintItem", "ListingReference", "ComplaintNotifier",
                "ComplaintRight", "EvidenceDocument", "ComplaintStatements", "ComplaintAbuseMark", "ComplaintConnection",
                "ComplaintEdge", "ReviewTask", "ReviewTaskConnection", "CounterNotice", "CounterNoticeStatements",
                "CounterNoticeConnection", "LegalActionProof", "Appeal", "AppealConnection", "ConsumerReport",
                "ConsumerReportConnection", "ComplaintTransition", "ComplaintTransitionConnection",
                "AuditTrailVerification", "NotifierStats", "NotifierWindowStats", "DecisionLatency", "SlaStats",
                "ComplaintDecision", "FileComplaintPayload", "MarkComplaintAbusivePayload", "SubmitCounterNoticePayload",
                "SubmitLegalActionProofPayload", "FileAppealPayload", "DecideAppealPayload");
        for (String type : types) {
            var body = graphql(null, "{ __type(name: \"" + type + "\") { description fields { name description } } }")
                    .body("errors", nullValue()).body("data.__type.description", notNullValue());
            List<Map<String, String>> fields = body.extract().path("data.__type.fields");
            for (Map<String, String> field : fields) {
                assertNotEquals(null, field.get("description"), type + "." + field.get("name") + " has no description");
            }
        }
        for (String input : List.of("FileComplaintInput", "ComplaintRightInput", "EvidenceDocumentInput",
                "ListingReferenceInput", "ComplaintStatementsInput", "ComplaintItemDecisionInput", "CounterNoticeInput",
                "CounterNoticeStatementsInput", "LegalActionProofInput", "AppealInput", "ConsumerReportInput")) {
            var body = graphql(null, "{ __type(name: \"" + input + "\") { description inputFields { name description } } }")
                    .body("errors", nullValue()).body("data.__type.description", notNullValue());
            List<Map<String, String>> fields = body.extract().path("data.__type.inputFields");
            for (Map<String, String> field : fields) {
                assertNotEquals(null, field.get("description"), input + "." + field.get("name") + " has no description");
            }
        }
        String schema = io.restassured.RestAssured.given().get("/graphql/schema.graphql").then().statusCode(200)
                .extract().asString();
        for (String expected : List.of("complaint(", "complaints(", "reviewQueue(", "counterNotice(",
                "counterNotices(", "appeal(", "appeals(", "complaintTransitions(", "verifyComplaintAuditTrail(",
                "notifierStats(", "slaStats(", "consumerReports(", "consumerReport(", "fileComplaint(",
                "startComplaintReview(", "decideComplaint(", "rejectComplaint(", "withdrawComplaint(",
                "markComplaintAbusive(", "submitCounterNotice(", "submitLegalActionProof(", "fileAppeal(", "decideAppeal(",
                "closeConsumerReport(", "submitConsumerReport(", "type Subscription", "complaintDecisions(",
                "listing: Listing")) {
            assertNotEquals(-1, schema.indexOf(expected), expected + " missing from the schema");
        }
        assertEquals(-1, schema.indexOf("complaintEntities"), "the federation batch resolver stays out of the schema");
    }
}
