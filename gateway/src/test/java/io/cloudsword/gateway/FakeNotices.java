package io.cloudsword.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.common.v1.Actor;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.api.common.v1.Role;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.common.v1.StatementGround;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.common.v1.StatementSource;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The notice-and-action part of the stand-in complaint-service (FakeComplaint serves it): notices
 * filed against FakeListingService's listings, decided item by item, counter-notices, proofs,
 * appeals, a hash-chained audit trail and the WatchDecisions stream. Who may do what follows
 * complaint.proto on the forwarded token (roles and owner/platform claims); refusals carry an
 * ErrorDetail. The real rules (deadlines, timers, outbox) are complaint-service's own tests' business.
 */
class FakeNotices extends ComplaintServiceGrpc.ComplaintServiceImplBase {

    static final Map<String, Notice> NOTICES = new ConcurrentHashMap<>();
    static final Map<String, Notice> NOTICES_BY_KEY = new ConcurrentHashMap<>();
    static final Map<String, List<NoticeTransition>> TRANSITIONS = new ConcurrentHashMap<>();
    static final Map<String, CounterNotice> COUNTER_NOTICES = new ConcurrentHashMap<>();
    static final Map<String, Appeal> APPEALS = new ConcurrentHashMap<>();
    static final Map<String, Object> IDEMPOTENT = new ConcurrentHashMap<>();
    /** Open WatchDecisions streams per platform. */
    static final Map<String, List<ServerCallStreamObserver<WatchDecisionsResponse>>> WATCHERS =
            new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();
    /** Platforms as their WatchDecisions streams open, and as they are cancelled: tests await them. */
    static final java.util.concurrent.BlockingQueue<String> WATCHING = new java.util.concurrent.LinkedBlockingQueue<>();
    static final java.util.concurrent.BlockingQueue<String> UNWATCHED = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Every WatchDecisions request received, in order. */
    static final List<WatchDecisionsRequest> WATCH_REQUESTS = new CopyOnWriteArrayList<>();

    private static final AtomicLong CLOCK = new AtomicLong(1_764_400_000);
    private static final String ZEROS = "0".repeat(64);

    // ---------------------------------------------------------------------------------------- who is calling

    static boolean hasRole(String role) {
        String groups = FakeCallers.claim("groups");
        return groups != null && groups.contains("\"" + role + "\"");
    }

    static String subject() {
        String sub = FakeCallers.claim("sub");
        return sub == null ? "" : sub.replace("\"", "");
    }

    static String platformClaim() {
        String platform = FakeCallers.claim("platform_id");
        return platform == null ? null : platform.replace("\"", "");
    }

    static boolean visible(Notice n) {
        if (FakeCallers.isStaff()) {
            return true;
        }
        if (hasRole("platform_partner")) {
            return n.getPlatform().equals(platformClaim());
        }
        String owner = FakeCallers.ownerId();
        return owner != null && owner.equals(n.getNotifier().getOwnerId());
    }

    static Actor actor() {
        Role role = hasRole("admin") ? Role.ROLE_ADMIN : hasRole("reviewer") ? Role.ROLE_REVIEWER
                : hasRole("platform_partner") ? Role.ROLE_PLATFORM_PARTNER
                : hasRole("rights_owner") ? Role.ROLE_RIGHTS_OWNER : Role.ROLE_ANONYMOUS;
        String owner = FakeCallers.ownerId();
        String platform = platformClaim();
        return Actor.newBuilder().setSubject(subject()).setRole(role).setOwnerId(owner == null ? "" : owner)
                .setPlatform(platform == null ? "" : platform).build();
    }

    static Timestamp tick() {
        return Timestamp.newBuilder().setSeconds(CLOCK.incrementAndGet()).build();
    }

    // ---------------------------------------------------------------------------------------- refusals

    static StatusRuntimeException refusal(Status.Code code, String field, String reason, String message) {
        return (StatusRuntimeException) FakeBrandRegistry.refusal(code, field, reason, message);
    }

    static StatusRuntimeException staffOnly() {
        return refusal(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED", "Only reviewers and admins may do this");
    }

    static StatusRuntimeException noticeNotFound(String field) {
        return refusal(Status.Code.NOT_FOUND, field, "NOTICE_NOT_FOUND", "No such notice");
    }

    static StatusRuntimeException required(String field) {
        return refusal(Status.Code.INVALID_ARGUMENT, field, "FIELD_REQUIRED", field + " is required");
    }

    static StatusRuntimeException badTransition(String field, String message) {
        return refusal(Status.Code.FAILED_PRECONDITION, field, "INVALID_STATE_TRANSITION", message);
    }

    /** Answers one message, or the refusal the answer raised: a status thrown from a handler would lose its detail. */
    static <T> void answer(StreamObserver<T> response, Supplier<T> answer) {
        T message;
        try {
            message = answer.get();
        } catch (StatusRuntimeException refused) {
            response.onError(refused);
            return;
        }
        response.onNext(message);
        response.onCompleted();
    }

    static <T> List<T> page(List<T> all, PageRequest page, PageInfo.Builder info) {
        if (page.getFirst() < 0 || page.getFirst() > 500) {
            throw refusal(Status.Code.INVALID_ARGUMENT, "page.first", "INVALID_PAGE_SIZE", "page.first must be 1..500");
        }
        int size = page.getFirst() == 0 ? 50 : page.getFirst();
        int from;
        try {
            from = page.getAfter().isEmpty() ? 0
                    : Integer.parseInt(new String(Base64.getUrlDecoder().decode(page.getAfter()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw refusal(Status.Code.INVALID_ARGUMENT, "page.after", "INVALID_CURSOR",
                    "page.after is not a cursor of this query");
        }
        List<T> slice = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        if (!slice.isEmpty()) {
            info.setEndCursor(Base64.getUrlEncoder().encodeToString(
                    Integer.toString(from + slice.size()).getBytes(StandardCharsets.UTF_8)));
        }
        info.setHasNextPage(from + size < all.size());
        return slice;
    }

    // ---------------------------------------------------------------------------------------- the audit trail

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fake's canonical bytes: the record without its hash, as protobuf text. */
    static String hashOf(NoticeTransition t) {
        return sha256(t.getPrevHash() + t.toBuilder().clearHash().build().toString());
    }

    static void record(String noticeId, AuditSubject subject, String subjectId, String from, String to,
            String reason) {
        List<NoticeTransition> trail = TRANSITIONS.computeIfAbsent(noticeId, k -> new CopyOnWriteArrayList<>());
        synchronized (trail) {
            String prev = trail.isEmpty() ? ZEROS : trail.get(trail.size() - 1).getHash();
            NoticeTransition t = NoticeTransition.newBuilder().setNoticeId(noticeId).setSequence(trail.size() + 1)
                    .setSubject(subject).setSubjectId(subjectId).setFromState(from).setToState(to).setActor(actor())
                    .setReason(reason).putDetails("fake", "true").setOccurredAt(tick()).setPrevHash(prev).build();
            trail.add(t.toBuilder().setHash(hashOf(t)).build());
        }
    }

    static String itemStateName(NoticeItemState s) {
        return s.name().substring("NOTICE_ITEM_STATE_".length());
    }

    // ---------------------------------------------------------------------------------------- decisions stream

    /** Sends a decision to the platform's watchers, as complaint-service does after each item change. */
    static void publish(Notice notice, NoticeItem item) {
        long sequence = SEQUENCES.computeIfAbsent(notice.getPlatform(), k -> new AtomicLong()).incrementAndGet();
        WatchDecisionsResponse decision = WatchDecisionsResponse.newBuilder().setSequence(sequence)
                .setNoticeId(notice.getId()).setItemId(item.getId()).setListingId(item.getListingId())
                .setExternalId(item.getReference().getExternalId()).setShopId(item.getShopId()).setState(item.getState())
                .setStatement(item.getStatement()).setOccurredAt(tick()).build();
        for (ServerCallStreamObserver<WatchDecisionsResponse> watcher : WATCHERS.getOrDefault(notice.getPlatform(),
                List.of())) {
            synchronized (watcher) {
                if (!watcher.isCancelled()) {
                    watcher.onNext(decision);
                }
            }
        }
    }

    static int watchers(String platform) {
        return (int) WATCHERS.getOrDefault(platform, List.of()).stream().filter(w -> !w.isCancelled()).count();
    }

    // ---------------------------------------------------------------------------------------- notices

    static Notice find(String id, String field) {
        Notice n = NOTICES.get(id);
        if (n == null || !visible(n)) {
            throw noticeNotFound(field);
        }
        return n;
    }

    static NoticeState summarize(List<NoticeItem> items, NoticeState current) {
        if (items.stream().anyMatch(i -> i.getState() == NoticeItemState.NOTICE_ITEM_STATE_PENDING)) {
            return current;
        }
        if (items.stream().allMatch(i -> i.getState() == NoticeItemState.NOTICE_ITEM_STATE_REJECTED)) {
            return NoticeState.NOTICE_STATE_REJECTED;
        }
        return NoticeState.NOTICE_STATE_ACCEPTED;
    }

    static Notice save(Notice n) {
        Notice saved = n.toBuilder().setVersion(n.getVersion() + 1).setUpdatedAt(tick()).build();
        NOTICES.put(saved.getId(), saved);
        return saved;
    }

    static StatementOfReasons statement(Notice n, NoticeItem item, NoticeItemDecision d, String legalGround,
            boolean automatedDetection, io.cloudsword.api.common.v1.StatementAutomation automation) {
        boolean accept = d.getOutcome() == NoticeItemDecisionOutcome.NOTICE_ITEM_DECISION_OUTCOME_ACCEPT;
        return StatementOfReasons.newBuilder().setId(UUID.randomUUID().toString())
                .setDecision(accept ? StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED
                        : StatementDecision.STATEMENT_DECISION_NO_ACTION)
                .setGround(StatementGround.STATEMENT_GROUND_ILLEGAL_CONTENT).setLegalGround(legalGround)
                .setFactsAndCircumstances(d.getExplanation()).addAllTerritorialScope(d.getTerritorialScopeList())
                .setSource(n.getKind() == NoticeKind.NOTICE_KIND_TRUSTED_FLAGGER
                        ? StatementSource.STATEMENT_SOURCE_TRUSTED_FLAGGER : StatementSource.STATEMENT_SOURCE_NOTICE)
                .setAutomatedDetection(automatedDetection).setAutomatedDecision(automation).setDecidedAt(tick())
                .setNoticeId(n.getId()).build();
    }

    static Listing listing(String platform, ListingReference ref) {
        String id = !ref.getExternalId().isEmpty() ? FakeListingService.BY_EXTERNAL.get(platform + "/" + ref.getExternalId())
                : FakeListingService.LISTINGS.values().stream().filter(l -> l.getData().getPlatform().equals(platform)
                        && l.getData().getUrl().equals(ref.getUrl())).map(Listing::getId).findFirst().orElse(null);
        return id == null ? null : FakeListingService.LISTINGS.get(id);
    }

    @Override
    public void submitNotice(SubmitNoticeRequest r, StreamObserver<SubmitNoticeResponse> response) {
        answer(response, () -> {
            String owner = FakeCallers.ownerId();
            if (!hasRole("rights_owner") || owner == null) {
                throw refusal(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", "Only a rights owner files notices");
            }
            if (r.getIdempotencyKey().isEmpty()) {
                throw required("idempotency_key");
            }
            Notice earlier = NOTICES_BY_KEY.get(owner + "/" + r.getIdempotencyKey());
            if (earlier != null) {
                return SubmitNoticeResponse.newBuilder().setNotice(NOTICES.get(earlier.getId())).setCreated(false)
                        .build();
            }
            if (r.getNotifierName().isBlank()) {
                throw required("notifier_name");
            }
            if (r.getNotifierEmail().isBlank()) {
                throw required("notifier_email");
            }
            if (r.getExplanation().isBlank()) {
                throw required("explanation");
            }
            if (!r.getStatements().getGoodFaith() || !r.getStatements().getAccurate()) {
                throw required("statements");
            }
            if (r.getEvidenceCount() == 0) {
                throw required("evidence");
            }
            if (r.getListingsCount() == 0) {
                throw required("listings");
            }
            if (r.getListingsCount() > 300) {
                throw refusal(Status.Code.INVALID_ARGUMENT, "listings", "TOO_MANY_ITEMS", "at most 300 listings");
            }
            Timestamp now = tick();
            String id = UUID.randomUUID().toString();
            Notice.Builder n = Notice.newBuilder().setId(id).setKind(NoticeKind.NOTICE_KIND_RIGHTS_OWNER)
                    .setState(NoticeState.NOTICE_STATE_RECEIVED).setPlatform(r.getPlatform())
                    .setJurisdiction(r.getJurisdiction() == Jurisdiction.JURISDICTION_UNSPECIFIED
                            ? Jurisdiction.JURISDICTION_CN : r.getJurisdiction())
                    .setNotifier(Notifier.newBuilder().setOwnerId(owner).setName(r.getNotifierName())
                            .setEmail(r.getNotifierEmail()).setPhone(r.getNotifierPhone())
                            .setPrincipalOwnerId(r.getPrincipalOwnerId()))
                    .setRight(r.getRight().toBuilder().setBrandId("brand-of-" + r.getRight().getTrademarkId()))
                    .setExplanation(r.getExplanation()).addAllEvidence(r.getEvidenceList())
                    .setStatements(r.getStatements()).setClientReference(r.getClientReference()).setReceivedAt(now)
                    .setDecisionDueAt(Timestamp.newBuilder().setSeconds(now.getSeconds() + 24 * 3600)).setUpdatedAt(now)
                    .setVersion(1);
            for (int i = 0; i < r.getListingsCount(); i++) {
                ListingReference ref = r.getListings(i);
                Listing l = listing(r.getPlatform(), ref);
                if (l == null) {
                    throw refusal(Status.Code.NOT_FOUND, "listings[" + i + "]", "LISTING_NOT_FOUND",
                            "listings[" + i + "] is not a listing of " + r.getPlatform());
                }
                n.addItems(NoticeItem.newBuilder().setId(UUID.randomUUID().toString()).setReference(ref)
                        .setListingId(l.getId()).setShopId(l.getData().getShopId())
                        .setState(NoticeItemState.NOTICE_ITEM_STATE_PENDING));
            }
            Notice notice = n.build();
            NOTICES.put(id, notice);
            NOTICES_BY_KEY.put(owner + "/" + r.getIdempotencyKey(), notice);
            record(id, AuditSubject.AUDIT_SUBJECT_NOTICE, "", "", "RECEIVED", "filed");
            return SubmitNoticeResponse.newBuilder().setNotice(notice).setCreated(true).build();
        });
    }

    @Override
    public void getNotice(GetNoticeRequest r, StreamObserver<GetNoticeResponse> response) {
        answer(response, () -> GetNoticeResponse.newBuilder().setNotice(find(r.getId(), "id")).build());
    }

    @Override
    public void batchGetNotices(BatchGetNoticesRequest r, StreamObserver<BatchGetNoticesResponse> response) {
        answer(response, () -> {
            if (r.getIdsCount() > 500) {
                throw refusal(Status.Code.INVALID_ARGUMENT, "ids", "TOO_MANY_ITEMS", "at most 500 ids");
            }
            BatchGetNoticesResponse.Builder answer = BatchGetNoticesResponse.newBuilder();
            for (String id : new java.util.LinkedHashSet<>(r.getIdsList())) {
                Notice n = NOTICES.get(id);
                if (n != null && visible(n)) {
                    answer.addNotices(n);
                } else {
                    answer.addMissingIds(id);
                }
            }
            return answer.build();
        });
    }

    @Override
    public void listNotices(ListNoticesRequest r, StreamObserver<ListNoticesResponse> response) {
        answer(response, () -> {
            List<Notice> all = NOTICES.values().stream().filter(FakeNotices::visible)
                    .filter(n -> r.getPlatform().isEmpty() || n.getPlatform().equals(r.getPlatform()))
                    .filter(n -> r.getNotifierOwnerId().isEmpty()
                            || n.getNotifier().getOwnerId().equals(r.getNotifierOwnerId()))
                    .filter(n -> r.getStatesCount() == 0 || r.getStatesList().contains(n.getState()))
                    .filter(n -> r.getKindsCount() == 0 || r.getKindsList().contains(n.getKind()))
                    .filter(n -> r.getListingId().isEmpty()
                            || n.getItemsList().stream().anyMatch(i -> i.getListingId().equals(r.getListingId())))
                    .filter(n -> r.getShopId().isEmpty()
                            || n.getItemsList().stream().anyMatch(i -> i.getShopId().equals(r.getShopId())))
                    .sorted(Comparator.comparing((Notice n) -> n.getReceivedAt().getSeconds()).reversed()).toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            List<Notice> page = page(all, r.getPage(), info);
            return ListNoticesResponse.newBuilder().addAllNotices(page).setPageInfo(info).build();
        });
    }

    @Override
    public void listReviewQueue(ListReviewQueueRequest r, StreamObserver<ListReviewQueueResponse> response) {
        answer(response, () -> {
            if (!FakeCallers.isStaff()) {
                throw staffOnly();
            }
            List<ReviewTask> tasks = NOTICES.values().stream()
                    .filter(n -> n.getState() == NoticeState.NOTICE_STATE_RECEIVED
                            || n.getState() == NoticeState.NOTICE_STATE_UNDER_REVIEW)
                    .filter(n -> r.getPlatform().isEmpty() || n.getPlatform().equals(r.getPlatform()))
                    .filter(n -> r.getKindsCount() == 0 || r.getKindsList().contains(n.getKind()))
                    .filter(n -> !r.getUnassignedOrMine() || n.getAssignedReviewer().isEmpty()
                            || n.getAssignedReviewer().equals(subject()))
                    .sorted(Comparator.comparing((Notice n) -> n.getKind() != NoticeKind.NOTICE_KIND_TRUSTED_FLAGGER)
                            .thenComparing(n -> n.getDecisionDueAt().getSeconds()))
                    .map(n -> ReviewTask.newBuilder().setType(ReviewTaskType.REVIEW_TASK_TYPE_NOTICE)
                            .setNoticeId(n.getId()).setKind(n.getKind()).setPlatform(n.getPlatform())
                            .setPendingItems((int) n.getItemsList().stream()
                                    .filter(i -> i.getState() == NoticeItemState.NOTICE_ITEM_STATE_PENDING).count())
                            .setReceivedAt(n.getReceivedAt()).setDecisionDueAt(n.getDecisionDueAt())
                            .setAssignedReviewer(n.getAssignedReviewer()).build())
                    .filter(t -> r.getTypesCount() == 0 || r.getTypesList().contains(t.getType()))
                    .toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            return ListReviewQueueResponse.newBuilder().addAllTasks(page(tasks, r.getPage(), info)).setPageInfo(info)
                    .build();
        });
    }

    @Override
    public void startNoticeReview(StartNoticeReviewRequest r, StreamObserver<StartNoticeReviewResponse> response) {
        answer(response, () -> {
            if (!FakeCallers.isStaff()) {
                throw staffOnly();
            }
            synchronized (NOTICES) {
                Notice n = find(r.getNoticeId(), "notice_id");
                if (n.getState() == NoticeState.NOTICE_STATE_UNDER_REVIEW && n.getAssignedReviewer().equals(subject())) {
                    return StartNoticeReviewResponse.newBuilder().setNotice(n).build();
                }
                boolean takeOver = n.getState() == NoticeState.NOTICE_STATE_UNDER_REVIEW && r.getReassign();
                if (n.getState() != NoticeState.NOTICE_STATE_RECEIVED && !takeOver) {
                    throw badTransition("notice_id", "The notice is " + n.getState().name().substring(13)
                            + (n.getAssignedReviewer().isEmpty() ? "" : ", assigned to " + n.getAssignedReviewer()));
                }
                Notice saved = save(n.toBuilder().setState(NoticeState.NOTICE_STATE_UNDER_REVIEW)
                        .setAssignedReviewer(subject()).build());
                record(n.getId(), AuditSubject.AUDIT_SUBJECT_NOTICE, "", n.getState().name().substring(13),
                        "UNDER_REVIEW", "review started");
                return StartNoticeReviewResponse.newBuilder().setNotice(saved).build();
            }
        });
    }

    @Override
    public void decideNotice(DecideNoticeRequest r, StreamObserver<DecideNoticeResponse> response) {
        answer(response, () -> {
            if (!FakeCallers.isStaff()) {
                throw staffOnly();
            }
            List<NoticeItem> changed = new ArrayList<>();
            Notice saved;
            synchronized (NOTICES) {
                Notice n = find(r.getNoticeId(), "notice_id");
                if (r.hasExpectedVersion() && r.getExpectedVersion() != n.getVersion()) {
                    throw refusal(Status.Code.ABORTED, "expected_version", "VERSION_MISMATCH",
                            "The notice is at version " + n.getVersion());
                }
                if (r.getDecisionsCount() == 0) {
                    throw required("decisions");
                }
                Map<String, NoticeItem> items = new LinkedHashMap<>();
                n.getItemsList().forEach(i -> items.put(i.getId(), i));
                for (int k = 0; k < r.getDecisionsCount(); k++) {
                    NoticeItemDecision d = r.getDecisions(k);
                    NoticeItem item = items.get(d.getItemId());
                    if (item == null) {
                        throw refusal(Status.Code.NOT_FOUND, "decisions[" + k + "].item_id", "ITEM_NOT_FOUND",
                                "No such item on the notice");
                    }
                    NoticeItemState target = d.getOutcome() == NoticeItemDecisionOutcome.NOTICE_ITEM_DECISION_OUTCOME_ACCEPT
                            ? NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED : NoticeItemState.NOTICE_ITEM_STATE_REJECTED;
                    if (item.getState() == target) {
                        continue;
                    }
                    if (item.getState() != NoticeItemState.NOTICE_ITEM_STATE_PENDING) {
                        throw badTransition("decisions[" + k + "]", "Item " + item.getId() + " is "
                                + itemStateName(item.getState()) + "; file an appeal to change the decision");
                    }
                    NoticeItem decided = item.toBuilder().setState(target)
                            .setStatement(statement(n, item, d, r.getLegalGround(), r.getAutomatedDetection(),
                                    r.getAutomatedDecision()))
                            .setDecisionReason(d.getReason()).setDecidedAt(tick()).setDecidedBy(subject()).build();
                    items.put(item.getId(), decided);
                    changed.add(decided);
                }
                List<NoticeItem> all = new ArrayList<>(items.values());
                Notice.Builder b = n.toBuilder().clearItems().addAllItems(all)
                        .setState(summarize(all, n.getState()));
                if (!changed.isEmpty() && !n.hasDecidedAt()) {
                    b.setDecidedAt(tick());
                }
                saved = changed.isEmpty() ? n : save(b.build());
                for (NoticeItem item : changed) {
                    record(n.getId(), AuditSubject.AUDIT_SUBJECT_NOTICE_ITEM, item.getId(), "PENDING",
                            itemStateName(item.getState()), item.getDecisionReason());
                }
            }
            changed.forEach(item -> publish(saved, item));
            return DecideNoticeResponse.newBuilder().setNotice(saved).build();
        });
    }

    @Override
    public void rejectNotice(RejectNoticeRequest r, StreamObserver<RejectNoticeResponse> response) {
        answer(response, () -> {
            if (!FakeCallers.isStaff()) {
                throw staffOnly();
            }
            if (r.getExplanation().isBlank()) {
                throw required("explanation");
            }
            synchronized (NOTICES) {
                Notice n = find(r.getNoticeId(), "notice_id");
                List<NoticeItem> items = n.getItemsList().stream()
                        .map(i -> i.getState() == NoticeItemState.NOTICE_ITEM_STATE_PENDING
                                ? i.toBuilder().setState(NoticeItemState.NOTICE_ITEM_STATE_REJECTED)
                                        .setDecisionReason(r.getReason()).build()
                                : i)
                        .toList();
                Notice saved = n.getState() == NoticeState.NOTICE_STATE_REJECTED ? n
                        : save(n.toBuilder().clearItems().addAllItems(items).setState(NoticeState.NOTICE_STATE_REJECTED)
                                .build());
                return RejectNoticeResponse.newBuilder().setNotice(saved).build();
            }
        });
    }

    @Override
    public void withdrawNotice(WithdrawNoticeRequest r, StreamObserver<WithdrawNoticeResponse> response) {
        answer(response, () -> {
            synchronized (NOTICES) {
                Notice n = find(r.getNoticeId(), "notice_id");
                if (!hasRole("admin") && !n.getNotifier().getOwnerId().equals(FakeCallers.ownerId())) {
                    throw refusal(Status.Code.PERMISSION_DENIED, "notice_id", "NOT_OWNER",
                            "Only the notifier withdraws its notice");
                }
                List<NoticeItem> items = n.getItemsList().stream().map(i -> switch (i.getState()) {
                    case NOTICE_ITEM_STATE_UPHELD, NOTICE_ITEM_STATE_RESTORED, NOTICE_ITEM_STATE_REJECTED -> i;
                    default -> i.toBuilder().setState(NoticeItemState.NOTICE_ITEM_STATE_WITHDRAWN).build();
                }).toList();
                Notice saved = save(n.toBuilder().clearItems().addAllItems(items)
                        .setState(NoticeState.NOTICE_STATE_WITHDRAWN).build());
                return WithdrawNoticeResponse.newBuilder().setNotice(saved).build();
            }
        });
    }

    @Override
    public void markNoticeAbusive(MarkNoticeAbusiveRequest r, StreamObserver<MarkNoticeAbusiveResponse> response) {
        answer(response, () -> {
            if (!FakeCallers.isStaff()) {
                throw staffOnly();
            }
            synchronized (NOTICES) {
                Notice n = find(r.getNoticeId(), "notice_id");
                boolean marked = n.getAbuseMarksList().stream().anyMatch(m -> m.getKind() == r.getKind());
                Notice saved = marked ? n : save(n.toBuilder().addAbuseMarks(NoticeAbuseMark.newBuilder()
                        .setKind(r.getKind()).setExplanation(r.getExplanation()).setMarkedBy(subject())
                        .setMarkedAt(tick())).build());
                return MarkNoticeAbusiveResponse.newBuilder().setNotice(saved).setNotifierSuspended(false).build();
            }
        });
    }

    // ---------------------------------------------------------------------------------------- counter-notices

    @Override
    public void submitCounterNotice(SubmitCounterNoticeRequest r, StreamObserver<SubmitCounterNoticeResponse> response) {
        answer(response, () -> {
            if (!hasRole("platform_partner") && !hasRole("admin")) {
                throw refusal(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                        "Counter-notices come through the seller's platform partner");
            }
            Object earlier = IDEMPOTENT.get(subject() + "/cn/" + r.getIdempotencyKey());
            if (earlier instanceof CounterNotice c) {
                return SubmitCounterNoticeResponse.newBuilder().setCounterNotice(c).setCreated(false)
                        .setNotice(NOTICES.get(c.getNoticeId())).build();
            }
            synchronized (NOTICES) {
                Notice n = find(r.getNoticeId(), "notice_id");
                if (r.getItemIdsCount() == 0) {
                    throw required("item_ids");
                }
                Map<String, NoticeItem> items = new LinkedHashMap<>();
                n.getItemsList().forEach(i -> items.put(i.getId(), i));
                String id = UUID.randomUUID().toString();
                for (int k = 0; k < r.getItemIdsCount(); k++) {
                    NoticeItem item = items.get(r.getItemIds(k));
                    if (item == null || item.getState() != NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED) {
                        throw badTransition("item_ids[" + k + "]", "Only ACCEPTED items can be counter-noticed");
                    }
                    items.put(item.getId(), item.toBuilder().setState(NoticeItemState.NOTICE_ITEM_STATE_COUNTER_NOTICED)
                            .setCounterNoticeId(id).build());
                }
                CounterNotice c = CounterNotice.newBuilder().setId(id).setNoticeId(n.getId())
                        .addAllItemIds(r.getItemIdsList()).setState(CounterNoticeState.COUNTER_NOTICE_STATE_FORWARDED)
                        .setSellerName(r.getSellerName()).setSellerEmail(r.getSellerEmail())
                        .setSellerAddress(r.getSellerAddress()).setShopId(items.get(r.getItemIds(0)).getShopId())
                        .setExplanation(r.getExplanation()).addAllEvidence(r.getEvidenceList())
                        .setStatements(r.getStatements()).setReceivedAt(tick()).setForwardedAt(tick())
                        .setLegalActionDeadline(Timestamp.newBuilder().setSeconds(CLOCK.get() + 15 * 24 * 3600)).build();
                COUNTER_NOTICES.put(id, c);
                IDEMPOTENT.put(subject() + "/cn/" + r.getIdempotencyKey(), c);
                Notice saved = save(n.toBuilder().clearItems().addAllItems(items.values()).build());
                record(n.getId(), AuditSubject.AUDIT_SUBJECT_COUNTER_NOTICE, id, "", "FORWARDED", "counter-notice");
                return SubmitCounterNoticeResponse.newBuilder().setCounterNotice(c).setCreated(true).setNotice(saved)
                        .build();
            }
        });
    }

    @Override
    public void getCounterNotice(GetCounterNoticeRequest r, StreamObserver<GetCounterNoticeResponse> response) {
        answer(response, () -> {
            CounterNotice c = COUNTER_NOTICES.get(r.getId());
            if (c == null || !visible(NOTICES.get(c.getNoticeId()))) {
                throw refusal(Status.Code.NOT_FOUND, "id", "COUNTER_NOTICE_NOT_FOUND", "No such counter-notice");
            }
            return GetCounterNoticeResponse.newBuilder().setCounterNotice(c).build();
        });
    }

    @Override
    public void listCounterNotices(ListCounterNoticesRequest r, StreamObserver<ListCounterNoticesResponse> response) {
        answer(response, () -> {
            List<CounterNotice> all = COUNTER_NOTICES.values().stream()
                    .filter(c -> visible(NOTICES.get(c.getNoticeId())))
                    .filter(c -> r.getNoticeId().isEmpty() || c.getNoticeId().equals(r.getNoticeId()))
                    .filter(c -> r.getPlatform().isEmpty() || NOTICES.get(c.getNoticeId()).getPlatform()
                            .equals(r.getPlatform()))
                    .filter(c -> r.getStatesCount() == 0 || r.getStatesList().contains(c.getState()))
                    .sorted(Comparator.comparing((CounterNotice c) -> c.getReceivedAt().getSeconds())).toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            return ListCounterNoticesResponse.newBuilder().addAllCounterNotices(page(all, r.getPage(), info))
                    .setPageInfo(info).build();
        });
    }

    @Override
    public void submitLegalActionProof(SubmitLegalActionProofRequest r,
            StreamObserver<SubmitLegalActionProofResponse> response) {
        answer(response, () -> {
            synchronized (NOTICES) {
                Notice n = find(r.getNoticeId(), "notice_id");
                if (!n.getNotifier().getOwnerId().equals(FakeCallers.ownerId()) && !hasRole("admin")) {
                    throw refusal(Status.Code.PERMISSION_DENIED, "notice_id", "NOT_OWNER", "Not the notifier");
                }
                String id = UUID.randomUUID().toString();
                List<NoticeItem> items = n.getItemsList().stream()
                        .map(i -> i.getState() == NoticeItemState.NOTICE_ITEM_STATE_COUNTER_NOTICED
                                && (r.getItemIdsCount() == 0 || r.getItemIdsList().contains(i.getId()))
                                        ? i.toBuilder().setState(NoticeItemState.NOTICE_ITEM_STATE_UPHELD)
                                                .setLegalActionProofId(id).build()
                                        : i)
                        .toList();
                LegalActionProof proof = LegalActionProof.newBuilder().setId(id).setNoticeId(n.getId())
                        .addAllItemIds(items.stream().filter(i -> id.equals(i.getLegalActionProofId()))
                                .map(NoticeItem::getId).toList())
                        .setKind(r.getKind()).setAuthorityOrCourt(r.getAuthorityOrCourt())
                        .setCaseReference(r.getCaseReference()).setFiledOn(r.getFiledOn())
                        .addAllEvidence(r.getEvidenceList()).setReceivedAt(tick()).build();
                Notice saved = save(n.toBuilder().clearItems().addAllItems(items).build());
                return SubmitLegalActionProofResponse.newBuilder().setProof(proof).setCreated(true).setNotice(saved)
                        .build();
            }
        });
    }

    // ---------------------------------------------------------------------------------------- appeals

    @Override
    public void fileAppeal(FileAppealRequest r, StreamObserver<FileAppealResponse> response) {
        answer(response, () -> {
            Notice n = find(r.getNoticeId(), "notice_id");
            if (r.getItemIdsCount() == 0) {
                throw required("item_ids");
            }
            String reviewer = n.getItemsList().stream().filter(i -> r.getItemIdsList().contains(i.getId()))
                    .map(NoticeItem::getDecidedBy).findFirst().orElse("");
            Appeal a = Appeal.newBuilder().setId(UUID.randomUUID().toString()).setNoticeId(n.getId())
                    .addAllItemIds(r.getItemIdsList()).setAppellant(r.getAppellant())
                    .setState(AppealState.APPEAL_STATE_FILED).setGrounds(r.getGrounds())
                    .addAllEvidence(r.getEvidenceList()).setFiledBy(actor()).setContactEmail(r.getContactEmail())
                    .setFiledAt(tick()).setOriginalReviewer(reviewer).build();
            APPEALS.put(a.getId(), a);
            return FileAppealResponse.newBuilder().setAppeal(a).setCreated(true).build();
        });
    }

    @Override
    public void getAppeal(GetAppealRequest r, StreamObserver<GetAppealResponse> response) {
        answer(response, () -> {
            Appeal a = APPEALS.get(r.getId());
            if (a == null || !visible(NOTICES.get(a.getNoticeId()))) {
                throw refusal(Status.Code.NOT_FOUND, "id", "APPEAL_NOT_FOUND", "No such appeal");
            }
            return GetAppealResponse.newBuilder().setAppeal(a).build();
        });
    }

    @Override
    public void listAppeals(ListAppealsRequest r, StreamObserver<ListAppealsResponse> response) {
        answer(response, () -> {
            List<Appeal> all = APPEALS.values().stream().filter(a -> visible(NOTICES.get(a.getNoticeId())))
                    .filter(a -> r.getNoticeId().isEmpty() || a.getNoticeId().equals(r.getNoticeId()))
                    .filter(a -> r.getStatesCount() == 0 || r.getStatesList().contains(a.getState()))
                    .sorted(Comparator.comparing((Appeal a) -> a.getFiledAt().getSeconds())).toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            return ListAppealsResponse.newBuilder().addAllAppeals(page(all, r.getPage(), info)).setPageInfo(info)
                    .build();
        });
    }

    @Override
    public void decideAppeal(DecideAppealRequest r, StreamObserver<DecideAppealResponse> response) {
        answer(response, () -> {
            if (!FakeCallers.isStaff()) {
                throw staffOnly();
            }
            Appeal a = APPEALS.get(r.getAppealId());
            if (a == null) {
                throw refusal(Status.Code.NOT_FOUND, "appeal_id", "APPEAL_NOT_FOUND", "No such appeal");
            }
            if (a.getOriginalReviewer().equals(subject())) {
                throw refusal(Status.Code.PERMISSION_DENIED, "appeal_id", "SAME_REVIEWER",
                        "The reviewer of the appealed decision may not decide the appeal");
            }
            Appeal decided = a.toBuilder().setState(r.getOutcome() == AppealOutcome.APPEAL_OUTCOME_GRANT
                    ? AppealState.APPEAL_STATE_GRANTED : AppealState.APPEAL_STATE_DENIED).setDecidedAt(tick())
                    .setDecidedBy(subject()).setDecisionExplanation(r.getExplanation()).build();
            APPEALS.put(a.getId(), decided);
            return DecideAppealResponse.newBuilder().setAppeal(decided).setNotice(NOTICES.get(a.getNoticeId())).build();
        });
    }

    // ---------------------------------------------------------------------------------------- audit and stats

    @Override
    public void listNoticeTransitions(ListNoticeTransitionsRequest r,
            StreamObserver<ListNoticeTransitionsResponse> response) {
        answer(response, () -> {
            find(r.getNoticeId(), "notice_id");
            PageInfo.Builder info = PageInfo.newBuilder();
            List<NoticeTransition> trail = new ArrayList<>(TRANSITIONS.getOrDefault(r.getNoticeId(), List.of()));
            return ListNoticeTransitionsResponse.newBuilder().addAllTransitions(page(trail, r.getPage(), info))
                    .setPageInfo(info).build();
        });
    }

    @Override
    public void verifyAuditTrail(VerifyAuditTrailRequest r, StreamObserver<VerifyAuditTrailResponse> response) {
        answer(response, () -> {
            find(r.getNoticeId(), "notice_id");
            List<NoticeTransition> trail = TRANSITIONS.getOrDefault(r.getNoticeId(), List.of());
            VerifyAuditTrailResponse.Builder answer = VerifyAuditTrailResponse.newBuilder().setIntact(true)
                    .setRecordsChecked(trail.size());
            String prev = ZEROS;
            for (NoticeTransition t : trail) {
                if (!t.getPrevHash().equals(prev) || !t.getHash().equals(hashOf(t))) {
                    answer.setIntact(false).setFirstBrokenSequence(t.getSequence());
                    break;
                }
                prev = t.getHash();
            }
            return answer.setHeadHash(trail.isEmpty() ? "" : trail.get(trail.size() - 1).getHash()).build();
        });
    }

    @Override
    public void getNotifierStats(GetNotifierStatsRequest r, StreamObserver<GetNotifierStatsResponse> response) {
        answer(response, () -> {
            List<Notice> own = NOTICES.values().stream()
                    .filter(n -> n.getNotifier().getOwnerId().equals(r.getNotifierOwnerId())).toList();
            long decided = own.stream().flatMap(n -> n.getItemsList().stream())
                    .filter(i -> i.getState() != NoticeItemState.NOTICE_ITEM_STATE_PENDING).count();
            long accepted = own.stream().flatMap(n -> n.getItemsList().stream())
                    .filter(i -> i.getState() == NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED).count();
            NotifierWindowStats window = NotifierWindowStats.newBuilder().setNotices(own.size())
                    .setItemsDecided(decided).setItemsAccepted(accepted)
                    .setAcceptanceRate(decided == 0 ? 0 : (double) accepted / decided)
                    .setLatency(DecisionLatency.newBuilder().setDecided(decided).setP50Millis(3_600_000)
                            .setP95Millis(20 * 3_600_000L).setWithin24HRatio(0.97))
                    .build();
            return GetNotifierStatsResponse.newBuilder().setStats(NotifierStats.newBuilder()
                    .setNotifierOwnerId(r.getNotifierOwnerId()).setAsOf(r.hasAsOf() ? r.getAsOf() : tick())
                    .setLast3Months(window).setLast6Months(window)
                    .setGoodFaithStatus(GoodFaithStatus.GOOD_FAITH_STATUS_NOT_ADMITTED).setTotalNotices(own.size()))
                    .build();
        });
    }

    @Override
    public void getSlaStats(GetSlaStatsRequest r, StreamObserver<GetSlaStatsResponse> response) {
        answer(response, () -> {
            if (!r.hasFrom() || !r.hasTo()) {
                throw required(r.hasFrom() ? "to" : "from");
            }
            return GetSlaStatsResponse.newBuilder().setOverall(DecisionLatency.newBuilder().setDecided(42)
                    .setP50Millis(7_200_000).setP95Millis(23 * 3_600_000L).setWithin24HRatio(0.96)).setOverdue(3)
                    .build();
        });
    }

    // ---------------------------------------------------------------------------------------- the stream

    @Override
    public void watchDecisions(WatchDecisionsRequest r, StreamObserver<WatchDecisionsResponse> response) {
        WATCH_REQUESTS.add(r);
        if (r.getPlatform().isEmpty()) {
            response.onError(required("platform"));
            return;
        }
        if (!FakeCallers.isStaff() && !(hasRole("platform_partner") && r.getPlatform().equals(platformClaim()))) {
            response.onError(refusal(Status.Code.PERMISSION_DENIED, "platform", "NOT_OWNER",
                    "A partner may watch its own platform only"));
            return;
        }
        ServerCallStreamObserver<WatchDecisionsResponse> watcher =
                (ServerCallStreamObserver<WatchDecisionsResponse>) response;
        List<ServerCallStreamObserver<WatchDecisionsResponse>> list = WATCHERS.computeIfAbsent(r.getPlatform(),
                k -> new CopyOnWriteArrayList<>());
        watcher.setOnCancelHandler(() -> {
            list.remove(watcher);
            UNWATCHED.add(r.getPlatform());
        });
        // a heartbeat first, as the real stream sends one at least every 15 seconds: the gateway must skip it
        long latest = SEQUENCES.computeIfAbsent(r.getPlatform(), k -> new AtomicLong()).get();
        synchronized (watcher) {
            watcher.onNext(WatchDecisionsResponse.newBuilder().setSequence(latest).setHeartbeat(true).build());
        }
        list.add(watcher);
        WATCHING.add(r.getPlatform());
    }
}
