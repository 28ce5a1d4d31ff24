package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.common.v1.StatementAutomation;
import io.cloudsword.api.complaint.v1.DecideNoticeRequest;
import io.cloudsword.api.complaint.v1.GetNoticeRequest;
import io.cloudsword.api.complaint.v1.GetNotifierStatsRequest;
import io.cloudsword.api.complaint.v1.GetSlaStatsRequest;
import io.cloudsword.api.complaint.v1.ListNoticeTransitionsRequest;
import io.cloudsword.api.complaint.v1.ListNoticesRequest;
import io.cloudsword.api.complaint.v1.ListReviewQueueRequest;
import io.cloudsword.api.complaint.v1.MarkNoticeAbusiveRequest;
import io.cloudsword.api.complaint.v1.NoticeAbuseKind;
import io.cloudsword.api.complaint.v1.NoticeKind;
import io.cloudsword.api.complaint.v1.NoticeState;
import io.cloudsword.api.complaint.v1.RejectNoticeRequest;
import io.cloudsword.api.complaint.v1.ReviewTaskType;
import io.cloudsword.api.complaint.v1.StartNoticeReviewRequest;
import io.cloudsword.api.complaint.v1.VerifyAuditTrailRequest;
import io.cloudsword.api.complaint.v1.WatchDecisionsRequest;
import io.cloudsword.api.complaint.v1.WithdrawNoticeRequest;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Complaints (complaint-service notices): rights owners file them, reviewers decide them item by
 * item, partners watch the decisions on their platform. complaint-service enforces who may see
 * and do what on the forwarded token; the gateway pre-checks roles (Access) so that an anonymous
 * or wrong-role caller costs no call.
 */
@GraphQLApi
public class ComplaintGraph {

    private final ComplaintCalls calls;
    private final ListingCalls listings;

    public ComplaintGraph(ComplaintCalls calls, ListingCalls listings) {
        this.calls = calls;
        this.listings = listings;
    }

    // ----- queries

    @Query
    @Description("A complaint by id with its items. The notifier sees its own, a partner those on its platform, "
            + "reviewers and admins all; others are NOTICE_NOT_FOUND.")
    public Uni<ComplaintView> complaint(@Description("The complaint's id.") @Id @NonNull String id) {
        return calls.call(Caller::requireSignedIn, s -> s.getNotice(GetNoticeRequest.newBuilder().setId(id).build()))
                .map(r -> ComplaintView.of(r.getNotice()));
    }

    /**
     * The Complaint entities of one {@code _entities} request in one BatchGetNotices call per 500
     * (federation batch resolving is on). Hidden from the schema. Unknown complaints, and those the
     * caller may not see, resolve to null. A plain String list, as ListingGraph.listingEntities.
     */
    @Resolver
    public Uni<List<ComplaintView>> complaintEntities(@Name("id") @NonNull List<@NonNull String> ids) {
        return calls.call(Caller::requireSignedIn, s -> calls.noticesById(ids))
                .map(notices -> notices.stream().map(n -> n == null ? null : ComplaintView.of(n)).toList());
    }

    @Query
    @Description("Complaints the caller may see, newest first: a notifier its own, a partner those on its platform, "
            + "reviewers and admins any.")
    public Uni<ComplaintView.Connection> complaints(
            @Description("Only complaints addressed to this platform.") String platform,
            @Id @Description("Only this notifier's complaints.") String notifierOwnerId,
            @Description("Only these states (" + ComplaintView.STATES + "); empty = any.") List<String> states,
            @Description("Only these kinds (" + ComplaintView.KINDS + "); empty = any.") List<String> kinds,
            @Id @Description("Only complaints with an item on this listing.") String listingId,
            @Description("Only complaints with an item on this shop; needs platform.") String shopId,
            @Description("Received at or after this instant.") Instant receivedAfter,
            @Description("Received before this instant.") Instant receivedBefore,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::complaintParty, s -> {
            ListNoticesRequest.Builder request = ListNoticesRequest.newBuilder()
                    .setPlatform(Inputs.orEmpty(platform)).setNotifierOwnerId(Inputs.orEmpty(notifierOwnerId))
                    .addAllStates(Enums.parseAll(NoticeState.class, ComplaintView.STATE, states, "states"))
                    .addAllKinds(Enums.parseAll(NoticeKind.class, ComplaintView.KIND, kinds, "kinds"))
                    .setListingId(Inputs.orEmpty(listingId)).setShopId(Inputs.orEmpty(shopId))
                    .setPage(Paging.of(first, after));
            if (receivedAfter != null) {
                request.setReceivedAfter(Times.toProto(receivedAfter));
            }
            if (receivedBefore != null) {
                request.setReceivedBefore(Times.toProto(receivedBefore));
            }
            return s.listNotices(request.build());
        }).map(r -> ComplaintView.Connection.of(r.getNoticesList(), r.getPageInfo()));
    }

    @Query
    @Description("The reviewers' queue: trusted flaggers first, then rights owners, then consumer reports; within "
            + "each, earliest decisionDueAt first. Includes appeals waiting for a decision. Reviewers and admins.")
    public Uni<ReviewTaskView.Connection> reviewQueue(
            @Description("Only this platform's tasks.") String platform,
            @Description("Only these task types (" + ReviewTaskView.TYPES + "); empty = all.") List<String> types,
            @Description("Only complaints of these kinds (" + ComplaintView.KINDS + "); empty = all.") List<String> kinds,
            @Description("Only tasks not assigned, or assigned to the caller; default false.") Boolean unassignedOrMine,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::staff, s -> s.listReviewQueue(ListReviewQueueRequest.newBuilder()
                .setPlatform(Inputs.orEmpty(platform))
                .addAllTypes(Enums.parseAll(ReviewTaskType.class, ReviewTaskView.TYPE, types, "types"))
                .addAllKinds(Enums.parseAll(NoticeKind.class, ComplaintView.KIND, kinds, "kinds"))
                .setUnassignedOrMine(Boolean.TRUE.equals(unassignedOrMine)).setPage(Paging.of(first, after)).build()))
                .map(r -> ReviewTaskView.Connection.of(r.getTasksList(), r.getPageInfo()));
    }

    @Query
    @Description("A complaint's audit trail (complaint, items, counter-notices, proofs, appeals, effects), oldest "
            + "first, with the hash chain.")
    public Uni<NoticeTransitionView.Connection> complaintTransitions(
            @Description("The complaint whose audit trail is read.") @Id @NonNull String complaintId,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Caller::requireSignedIn, s -> s.listNoticeTransitions(ListNoticeTransitionsRequest
                .newBuilder().setNoticeId(complaintId).setPage(Paging.of(first, after)).build()))
                .map(r -> NoticeTransitionView.Connection.of(r.getTransitionsList(), r.getPageInfo()));
    }

    @Query
    @Description("Recomputes a complaint's hash chain and reports the first broken link, if any.")
    public Uni<ComplaintPayloads.AuditTrailVerification> verifyComplaintAuditTrail(
            @Description("The complaint whose hash chain is recomputed and checked.") @Id @NonNull String complaintId) {
        return calls.call(Caller::requireSignedIn, s -> s.verifyAuditTrail(VerifyAuditTrailRequest.newBuilder()
                .setNoticeId(complaintId).build()))
                .map(ComplaintPayloads.AuditTrailVerification::of);
    }

    @Query
    @Description("A notifier's accountability record. ownerId defaults to the caller's own (owner_id of the token).")
    public Uni<NotifierStatsView> notifierStats(@Id @Description("The notifier (rights owner).") String ownerId,
            @Description("The instant to compute the figures at; default now.") Instant asOf) {
        return calls.callAs((caller, s) -> {
            caller.require(Role.RIGHTS_OWNER, Role.REVIEWER, Role.ADMIN);
            String owner = ownerId != null ? ownerId : caller.ownerId();
            if (owner == null || owner.isBlank()) {
                throw new ApiError(ErrorCode.INVALID_ARGUMENT, "ownerId", "FIELD_REQUIRED",
                        "ownerId is required for a caller without an owner_id");
            }
            // a notifier's record is its own business and staff's, as complaint-service rules
            Access.requireOwnerOrStaff(caller, owner, "ownerId");
            GetNotifierStatsRequest.Builder request = GetNotifierStatsRequest.newBuilder().setNotifierOwnerId(owner);
            if (asOf != null) {
                request.setAsOf(Times.toProto(asOf));
            }
            return s.getNotifierStats(request.build());
        }).map(r -> NotifierStatsView.of(r.getStats()));
    }

    @Query
    @Description("Time to decision over a period, overall or for one platform or notifier, and how many complaints "
            + "are overdue at its end.")
    public Uni<NotifierStatsView.SlaView> slaStats(@NonNull @Description("Start of the period.") Instant from,
            @NonNull @Description("End of the period.") Instant to,
            @Description("Only this platform's complaints.") String platform,
            @Id @Description("Only this notifier's complaints.") String notifierOwnerId,
            @Description("Only these kinds (" + ComplaintView.KINDS + "); empty = all.") List<String> kinds) {
        return calls.call(Access::complaintParty, s -> s.getSlaStats(GetSlaStatsRequest.newBuilder()
                .setFrom(Times.toProto(from)).setTo(Times.toProto(to)).setPlatform(Inputs.orEmpty(platform))
                .setNotifierOwnerId(Inputs.orEmpty(notifierOwnerId))
                .addAllKinds(Enums.parseAll(NoticeKind.class, ComplaintView.KIND, kinds, "kinds")).build()))
                .map(NotifierStatsView.SlaView::of);
    }

    // ----- mutations

    @Mutation
    @Description("Files a complaint; the answer confirms receipt (RECEIVED, receivedAt, decisionDueAt). The notifier "
            + "is the caller's rights owner (or, with principalOwnerId, its principal); rights owners only, anonymous "
            + "callers are UNAUTHENTICATED (consumers use submitConsumerReport). Idempotent on (caller, "
            + "idempotencyKey). Refusals store nothing: INVALID_ARGUMENT (FIELD_REQUIRED, TOO_MANY_ITEMS over 300 "
            + "listings, INVALID_URL, LISTING_NOT_FOUND on listings[i]), FAILED_PRECONDITION (OWNER_NOT_VERIFIED, "
            + "OWNER_SUSPENDED, TRADEMARK_NOT_IN_FORCE), FORBIDDEN (NOTIFIER_SUSPENDED, NO_MANDATE, NOT_OWNER), "
            + "NOT_FOUND (TRADEMARK_NOT_FOUND), ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED).")
    public Uni<ComplaintPayloads.FileComplaint> fileComplaint(
            @Description("The notice: notifier, right relied on, listings and the statements the law requires.")
            @NonNull ComplaintInputs.FileComplaint input,
            @NonNull @Description("Caller-chosen (e.g. a UUID), unique per caller: a retry with the same key and "
                    + "content returns the first complaint (created: false).") String idempotencyKey) {
        return calls.call(Access::notifier, s -> s.submitNotice(input.toProto(idempotencyKey)))
                .map(ComplaintPayloads.FileComplaint::of);
    }

    @Mutation
    @Description("A reviewer picks a complaint up: RECEIVED -> UNDER_REVIEW, assigned to the caller. Idempotent for "
            + "the same reviewer; another reviewer gets FAILED_PRECONDITION / INVALID_STATE_TRANSITION unless "
            + "reassign is true (admins, or after the assignee released it).")
    public Uni<ComplaintView> startComplaintReview(
            @Description("The complaint the calling reviewer picks up.") @Id @NonNull String complaintId,
            @Description("Take it over from another reviewer; default false.") Boolean reassign) {
        return calls.call(Access::staff, s -> s.startNoticeReview(StartNoticeReviewRequest.newBuilder()
                .setNoticeId(complaintId).setReassign(Boolean.TRUE.equals(reassign)).build()))
                .map(r -> ComplaintView.of(r.getNotice()));
    }

    @Mutation
    @Description("Decides some or all PENDING items: ACCEPT (takedown with a statement of reasons, seller told, "
            + "counter-notice period starts) or REJECT (statement to the notifier). Items not listed stay PENDING. "
            + "Repeating an item's decision is a no-op; a different one is FAILED_PRECONDITION / "
            + "INVALID_STATE_TRANSITION (appeal instead). A stale expectedVersion is ALREADY_EXISTS / "
            + "VERSION_MISMATCH. Reviewers and admins.")
    public Uni<ComplaintView> decideComplaint(
            @Description("The complaint under review whose items are decided.") @Id @NonNull String complaintId,
            @NonNull @Description("At least one item decision.") List<ComplaintInputs.@NonNull ItemDecision> decisions,
            @Description("Legal ground of an acceptance, e.g. \"PRC Trademark Law Art. 57\".") String legalGround,
            @Description("Whether automated means detected the content (disclosed in the statements of reasons, DSA "
                    + "Art. 17(3)(c)); default false.") Boolean automatedDetection,
            @Description("Whether the decision was automated: NOT_AUTOMATED, PARTIALLY or FULLY.")
            String automatedDecision,
            @Description("The version the decision was made on; refused if the complaint changed since.")
            Long expectedVersion) {
        return calls.call(Access::staff, s -> {
            DecideNoticeRequest.Builder request = DecideNoticeRequest.newBuilder().setNoticeId(complaintId)
                    .setLegalGround(Inputs.orEmpty(legalGround))
                    .setAutomatedDetection(Boolean.TRUE.equals(automatedDetection))
                    .setAutomatedDecision(Enums.parse(StatementAutomation.class, StatementOfReasonsView.AUTOMATION,
                            automatedDecision, "automatedDecision"));
            for (int i = 0; i < decisions.size(); i++) {
                request.addDecisions(decisions.get(i).toProto("decisions[" + i + "]"));
            }
            if (expectedVersion != null) {
                request.setExpectedVersion(expectedVersion);
            }
            return s.decideNotice(request.build());
        }).map(r -> ComplaintView.of(r.getNotice()));
    }

    @Mutation
    @Description("Rejects the whole complaint at once (e.g. incomplete or not substantiated): every PENDING item -> "
            + "REJECTED. Idempotent. Reviewers and admins.")
    public Uni<ComplaintView> rejectComplaint(
            @Description("The complaint to reject as a whole.") @Id @NonNull String complaintId,
            @Description("Stable reason code, e.g. INSUFFICIENT_EVIDENCE.") String reason,
            @NonNull @Description("The explanation sent to the notifier.") String explanation,
            @Description("The version the decision was made on.") Long expectedVersion) {
        return calls.call(Access::staff, s -> {
            RejectNoticeRequest.Builder request = RejectNoticeRequest.newBuilder().setNoticeId(complaintId)
                    .setReason(Inputs.orEmpty(reason)).setExplanation(explanation);
            if (expectedVersion != null) {
                request.setExpectedVersion(expectedVersion);
            }
            return s.rejectNotice(request.build());
        }).map(r -> ComplaintView.of(r.getNotice()));
    }

    @Mutation
    @Description("The notifier withdraws its complaint: non-final items -> WITHDRAWN, listings taken down for it are "
            + "restored, strikes it caused revoked. Idempotent. The notifier (rights owner) or an admin.")
    public Uni<ComplaintView> withdrawComplaint(
            @Description("The complaint to withdraw; the caller must be its notifier (or an admin).")
            @Id @NonNull String complaintId,
            @Description("Why, for the record.") String reason) {
        return calls.call(c -> c.require(Role.RIGHTS_OWNER, Role.ADMIN), s -> s.withdrawNotice(WithdrawNoticeRequest
                .newBuilder().setNoticeId(complaintId).setReason(Inputs.orEmpty(reason)).build()))
                .map(r -> ComplaintView.of(r.getNotice()));
    }

    @Mutation
    @Description("Records a complaint as manifestly unfounded (DSA Art. 23) or malicious (E-Commerce Law Art. 42); "
            + "counts against the notifier, and repeated manifestly unfounded complaints suspend it from filing. "
            + "Idempotent per (complaint, kind). Reviewers and admins.")
    public Uni<ComplaintPayloads.MarkAbusive> markComplaintAbusive(
            @Description("The complaint to record as manifestly unfounded or malicious.")
            @Id @NonNull String complaintId,
            @NonNull @Description(ComplaintView.ABUSE_KINDS + ".") String kind,
            @NonNull @Description("Why.") String explanation) {
        return calls.call(Access::staff, s -> s.markNoticeAbusive(MarkNoticeAbusiveRequest.newBuilder()
                .setNoticeId(complaintId)
                .setKind(Enums.parse(NoticeAbuseKind.class, ComplaintView.ABUSE_KIND, kind, "kind"))
                .setExplanation(explanation).build()))
                .map(ComplaintPayloads.MarkAbusive::of);
    }

    // ----- subscription

    /**
     * WatchDecisions as a GraphQL subscription (graphql-transport-ws or graphql-ws on /graphql).
     * Heartbeats are not passed on: they carry no decision, and the websocket protocols keep the
     * connection alive themselves; a client resumes with the sequence of the last decision it got.
     */
    @Subscription
    @Description("Decisions on the listings of a platform as they happen: each item state change with its statement "
            + "of reasons, in sequence order. Never ends on its own. Resume after a disconnect with afterSequence = "
            + "the last sequence received. A partner may watch its own platform only (FORBIDDEN / NOT_OWNER); "
            + "reviewers and admins any. Send the bearer token as the Authorization header of the websocket "
            + "upgrade, or as \"Authorization\" in the connection_init payload.")
    public Multi<ComplaintDecisionView> complaintDecisions(@NonNull @Description("Slug of the platform.") String platform,
            @Description("Only decisions after this sequence; default: from now on.") Long afterSequence) {
        WatchDecisionsRequest.Builder request = WatchDecisionsRequest.newBuilder().setPlatform(platform);
        if (afterSequence != null) {
            request.setAfterSequence(afterSequence);
        }
        return calls.watchDecisions(caller -> Access.watcherOf(caller, platform, "platform"), request.build())
                .filter(d -> !d.getHeartbeat())
                .map(ComplaintDecisionView::of);
    }

    // ----- fields resolved through other calls

    @Name("listing")
    @Description("The listing the item resolved to; null if none or not visible to the caller. Batched: one "
            + "BatchGetListings per request for every item of every complaint in the answer.")
    public Uni<List<ListingView>> complaintItemListing(@Source List<ComplaintItemView> items) {
        return listings.listingsById(items.stream().map(i -> i.listingId).toList())
                .map(found -> found.stream().map(l -> l == null ? null : ListingView.of(l)).toList());
    }

    @Name("complaint")
    @Description("The task's complaint. Batched: one BatchGetNotices per request, however many tasks.")
    public Uni<List<ComplaintView>> reviewTaskComplaint(@Source List<ReviewTaskView> tasks) {
        return complaintsOf(tasks.stream().map(t -> t.complaintId).toList());
    }

    @Name("complaint")
    @Description("The complaint the counter-notice answers. Batched: one BatchGetNotices per request.")
    public Uni<List<ComplaintView>> counterNoticeComplaint(@Source List<CounterNoticeView> counterNotices) {
        return complaintsOf(counterNotices.stream().map(c -> c.complaintId).toList());
    }

    @Name("complaint")
    @Description("The complaint whose decisions are appealed. Batched: one BatchGetNotices per request.")
    public Uni<List<ComplaintView>> appealComplaint(@Source List<AppealView> appeals) {
        return complaintsOf(appeals.stream().map(a -> a.complaintId).toList());
    }

    private Uni<List<ComplaintView>> complaintsOf(List<String> ids) {
        return calls.nested(s -> calls.noticesById(ids))
                .map(notices -> notices.stream().map(n -> n == null ? null : ComplaintView.of(n)).toList());
    }
}
