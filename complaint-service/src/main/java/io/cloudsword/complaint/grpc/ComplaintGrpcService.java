package io.cloudsword.complaint.grpc;

import static io.cloudsword.complaint.grpc.ComplaintMessages.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.complaint.domain.Accountability;
import io.cloudsword.complaint.domain.Appeals;
import io.cloudsword.complaint.domain.ConsumerReports;
import io.cloudsword.complaint.domain.CounterNotices;
import io.cloudsword.complaint.domain.NewConsumerReport;
import io.cloudsword.complaint.domain.NewNotice;
import io.cloudsword.complaint.domain.NoticeQueries;
import io.cloudsword.complaint.domain.Notices;
import io.cloudsword.complaint.domain.Statements;
import io.cloudsword.complaint.domain.Transparency;
import io.cloudsword.complaint.repository.DecisionFeed;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.cloudsword.kit.error.DomainException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The gRPC face of complaint-service: requests into domain calls (on worker threads: the domain
 * uses JDBC), answers into messages. The caller is read when a method starts.
 */
@GrpcService
public class ComplaintGrpcService extends MutinyComplaintServiceGrpc.ComplaintServiceImplBase {

    private final Notices notices;
    private final CounterNotices counterNotices;
    private final Appeals appeals;
    private final ConsumerReports reports;
    private final NoticeQueries queries;
    private final Transparency transparency;
    private final Accountability accountability;
    private final Duration watchPoll;
    private final Duration heartbeat;
    private final ScheduledExecutorService watchers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "decision-watch");
        t.setDaemon(true);
        return t;
    });

    public ComplaintGrpcService(Notices notices, CounterNotices counterNotices, Appeals appeals, ConsumerReports reports,
            NoticeQueries queries, Transparency transparency, Accountability accountability,
            @ConfigProperty(name = "cloudsword.decisions.watch-poll", defaultValue = "PT0.25S") Duration watchPoll,
            @ConfigProperty(name = "cloudsword.decisions.heartbeat", defaultValue = "PT10S") Duration heartbeat) {
        this.notices = notices;
        this.counterNotices = counterNotices;
        this.appeals = appeals;
        this.reports = reports;
        this.queries = queries;
        this.transparency = transparency;
        this.accountability = accountability;
        this.watchPoll = watchPoll;
        this.heartbeat = heartbeat;
    }

    @PreDestroy
    void stop() {
        watchers.shutdownNow();
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static PageInfo page(NoticeQueries.Listed<?> listed) {
        return PageInfo.newBuilder().setEndCursor(listed.endCursor()).setHasNextPage(listed.hasNextPage()).build();
    }

    // ----- notices

    @Override
    public Uni<SubmitNoticeResponse> submitNotice(SubmitNoticeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            NewNotice in = new NewNotice(r.getIdempotencyKey(), r.getPlatform(),
                    r.getJurisdiction() == Jurisdiction.JURISDICTION_UNSPECIFIED ? null
                            : io.cloudsword.complaint.domain.Jurisdiction.valueOf(name(r.getJurisdiction(), "JURISDICTION_",
                                    "jurisdiction")),
                    r.getNotifierName(), r.getNotifierEmail(), r.getNotifierPhone(), r.getPrincipalOwnerId(),
                    r.getRight().getType() == RightType.RIGHT_TYPE_UNSPECIFIED ? ""
                            : name(r.getRight().getType(), "RIGHT_TYPE_", "right.type"),
                    r.getRight().getTrademarkId(), r.getRight().getCopyrightWorkDescription(),
                    r.getRight().getCopyrightRegistrationNumber(), r.getExplanation(), evidence(r.getEvidenceList()),
                    r.getListingsList().stream().map(l -> new NewNotice.ListingReference(l.getUrl(), l.getExternalId()))
                            .toList(),
                    new io.cloudsword.complaint.domain.Notice.Statements(r.getStatements().getGoodFaith(),
                            r.getStatements().getAccurate(), r.getStatements().getAuthorizedToAct(),
                            r.getStatements().getSignature()),
                    r.getClientReference(), fingerprint(r));
            Notices.Filed filed = notices.submit(caller, in);
            return SubmitNoticeResponse.newBuilder().setNotice(notice(filed.notice())).setCreated(filed.created()).build();
        });
    }

    @Override
    public Uni<GetNoticeResponse> getNotice(GetNoticeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetNoticeResponse.newBuilder().setNotice(notice(notices.get(caller, r.getId()))).build());
    }

    @Override
    public Uni<BatchGetNoticesResponse> batchGetNotices(BatchGetNoticesRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            List<String> missing = new ArrayList<>();
            BatchGetNoticesResponse.Builder b = BatchGetNoticesResponse.newBuilder();
            notices.batchGet(caller, r.getIdsList(), missing).forEach(n -> b.addNotices(notice(n)));
            return b.addAllMissingIds(missing).build();
        });
    }

    @Override
    public Uni<ListNoticesResponse> listNotices(ListNoticesRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            NoticeQueries.Listed<io.cloudsword.complaint.domain.Notice> listed = queries.list(caller,
                    new NoticeQueries.NoticeFilter(r.getPlatform(), r.getNotifierOwnerId(),
                            names(r.getStatesList(), "NOTICE_STATE_", "states"),
                            names(r.getKindsList(), "NOTICE_KIND_", "kinds"), r.getListingId(), r.getShopId(),
                            instant(r.hasReceivedAfter(), r.getReceivedAfter()),
                            instant(r.hasReceivedBefore(), r.getReceivedBefore())),
                    r.getPage().getFirst(), r.getPage().getAfter());
            ListNoticesResponse.Builder b = ListNoticesResponse.newBuilder().setPageInfo(page(listed));
            listed.items().forEach(n -> b.addNotices(notice(n)));
            return b.build();
        });
    }

    @Override
    public Uni<ListReviewQueueResponse> listReviewQueue(ListReviewQueueRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            NoticeQueries.Listed<NoticeQueries.Task> listed = queries.reviewQueue(caller, r.getPlatform(),
                    names(r.getTypesList(), "REVIEW_TASK_TYPE_", "types"), names(r.getKindsList(), "NOTICE_KIND_", "kinds"),
                    r.getUnassignedOrMine(), r.getPage().getFirst(), r.getPage().getAfter());
            ListReviewQueueResponse.Builder b = ListReviewQueueResponse.newBuilder().setPageInfo(page(listed));
            listed.items().forEach(t -> b.addTasks(task(t)));
            return b.build();
        });
    }

    @Override
    public Uni<StartNoticeReviewResponse> startNoticeReview(StartNoticeReviewRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> StartNoticeReviewResponse.newBuilder()
                .setNotice(notice(notices.startReview(caller, r.getNoticeId(), r.getReassign()))).build());
    }

    @Override
    public Uni<DecideNoticeResponse> decideNotice(DecideNoticeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            List<Notices.Decision> decisions = new ArrayList<>();
            for (int i = 0; i < r.getDecisionsCount(); i++) {
                NoticeItemDecision d = r.getDecisions(i);
                String outcome = name(d.getOutcome(), "NOTICE_ITEM_DECISION_OUTCOME_", "decisions[" + i + "].outcome");
                decisions.add(new Notices.Decision(d.getItemId(), outcome.equals("ACCEPT"), d.getReason(),
                        d.getExplanation(), d.getTerritorialScopeList()));
            }
            return DecideNoticeResponse.newBuilder().setNotice(notice(notices.decide(caller, r.getNoticeId(), decisions,
                    r.getLegalGround(), automation(r.getAutomatedDetection(), r.getAutomatedDecision()),
                    r.hasExpectedVersion() ? r.getExpectedVersion() : null))).build();
        });
    }

    private static Statements.Automation automation(boolean detection, io.cloudsword.api.common.v1.StatementAutomation decision) {
        return new Statements.Automation(detection,
                decision == io.cloudsword.api.common.v1.StatementAutomation.STATEMENT_AUTOMATION_UNSPECIFIED
                        || decision == io.cloudsword.api.common.v1.StatementAutomation.UNRECOGNIZED
                        ? io.cloudsword.api.common.v1.StatementAutomation.STATEMENT_AUTOMATION_NOT_AUTOMATED : decision);
    }

    @Override
    public Uni<RejectNoticeResponse> rejectNotice(RejectNoticeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> RejectNoticeResponse.newBuilder().setNotice(notice(notices.rejectAll(caller,
                r.getNoticeId(), r.getReason(), r.getExplanation(), r.hasExpectedVersion() ? r.getExpectedVersion() : null)))
                .build());
    }

    @Override
    public Uni<WithdrawNoticeResponse> withdrawNotice(WithdrawNoticeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> WithdrawNoticeResponse.newBuilder()
                .setNotice(notice(notices.withdraw(caller, r.getNoticeId(), r.getReason()))).build());
    }

    @Override
    public Uni<MarkNoticeAbusiveResponse> markNoticeAbusive(MarkNoticeAbusiveRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            String kind = r.getKind() == NoticeAbuseKind.NOTICE_ABUSE_KIND_UNSPECIFIED ? ""
                    : name(r.getKind(), "NOTICE_ABUSE_KIND_", "kind");
            Notices.Marked marked = notices.markAbusive(caller, r.getNoticeId(), kind, r.getExplanation());
            return MarkNoticeAbusiveResponse.newBuilder().setNotice(notice(marked.notice()))
                    .setNotifierSuspended(marked.notifierSuspended()).build();
        });
    }

    // ----- counter-notices and legal action

    @Override
    public Uni<SubmitCounterNoticeResponse> submitCounterNotice(SubmitCounterNoticeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            CounterNotices.Filed<io.cloudsword.complaint.domain.CounterNotice> filed = counterNotices.submit(caller,
                    new CounterNotices.NewCounterNotice(r.getIdempotencyKey(), r.getNoticeId(), r.getItemIdsList(),
                            r.getSellerName(), r.getSellerEmail(), r.getSellerAddress(), r.getExplanation(),
                            evidence(r.getEvidenceList()), r.getStatements().getGoodFaith(),
                            r.getStatements().getConsentToJurisdiction(), r.getStatements().getSignature(),
                            fingerprint(r)));
            return SubmitCounterNoticeResponse.newBuilder().setCounterNotice(counterNotice(filed.record()))
                    .setCreated(filed.created()).setNotice(notice(filed.notice())).build();
        });
    }

    @Override
    public Uni<GetCounterNoticeResponse> getCounterNotice(GetCounterNoticeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetCounterNoticeResponse.newBuilder()
                .setCounterNotice(counterNotice(counterNotices.get(caller, r.getId()))).build());
    }

    @Override
    public Uni<ListCounterNoticesResponse> listCounterNotices(ListCounterNoticesRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            var listed = queries.counterNotices(caller, r.getNoticeId(), r.getPlatform(), r.getShopId(),
                    names(r.getStatesList(), "COUNTER_NOTICE_STATE_", "states"), r.getPage().getFirst(),
                    r.getPage().getAfter());
            ListCounterNoticesResponse.Builder b = ListCounterNoticesResponse.newBuilder().setPageInfo(page(listed));
            listed.items().forEach(c -> b.addCounterNotices(counterNotice(c)));
            return b.build();
        });
    }

    @Override
    public Uni<SubmitLegalActionProofResponse> submitLegalActionProof(SubmitLegalActionProofRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            String kind = r.getKind() == LegalActionKind.LEGAL_ACTION_KIND_UNSPECIFIED ? ""
                    : name(r.getKind(), "LEGAL_ACTION_KIND_", "kind");
            CounterNotices.Filed<io.cloudsword.complaint.domain.LegalActionProof> filed = counterNotices.submitProof(
                    caller, new CounterNotices.NewProof(r.getIdempotencyKey(), r.getNoticeId(), r.getItemIdsList(), kind,
                            r.getAuthorityOrCourt(), r.getCaseReference(), date(r.hasFiledOn(), r.getFiledOn(), "filed_on"),
                            evidence(r.getEvidenceList()), fingerprint(r)));
            return SubmitLegalActionProofResponse.newBuilder().setProof(proof(filed.record()))
                    .setCreated(filed.created()).setNotice(notice(filed.notice())).build();
        });
    }

    // ----- appeals

    @Override
    public Uni<FileAppealResponse> fileAppeal(FileAppealRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            String appellant = r.getAppellant() == AppellantRole.APPELLANT_ROLE_UNSPECIFIED ? ""
                    : name(r.getAppellant(), "APPELLANT_ROLE_", "appellant");
            Appeals.Filed filed = appeals.file(caller, new Appeals.NewAppeal(r.getIdempotencyKey(), r.getNoticeId(),
                    r.getItemIdsList(), appellant, r.getGrounds(), evidence(r.getEvidenceList()), r.getContactEmail(),
                    fingerprint(r)));
            return FileAppealResponse.newBuilder().setAppeal(appeal(filed.appeal())).setCreated(filed.created()).build();
        });
    }

    @Override
    public Uni<GetAppealResponse> getAppeal(GetAppealRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetAppealResponse.newBuilder().setAppeal(appeal(appeals.get(caller, r.getId()))).build());
    }

    @Override
    public Uni<ListAppealsResponse> listAppeals(ListAppealsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            var listed = queries.appeals(caller, r.getNoticeId(), r.getPlatform(),
                    names(r.getStatesList(), "APPEAL_STATE_", "states"), r.getPage().getFirst(), r.getPage().getAfter());
            ListAppealsResponse.Builder b = ListAppealsResponse.newBuilder().setPageInfo(page(listed));
            listed.items().forEach(a -> b.addAppeals(appeal(a)));
            return b.build();
        });
    }

    @Override
    public Uni<DecideAppealResponse> decideAppeal(DecideAppealRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            String outcome = name(r.getOutcome(), "APPEAL_OUTCOME_", "outcome");
            Appeals.Decided decided = appeals.decide(caller, r.getAppealId(), outcome.equals("GRANT"), r.getExplanation());
            return DecideAppealResponse.newBuilder().setAppeal(appeal(decided.appeal()))
                    .setNotice(notice(decided.notice())).build();
        });
    }

    // ----- consumer reports

    @Override
    public Uni<SubmitConsumerReportResponse> submitConsumerReport(SubmitConsumerReportRequest r) {
        Caller caller = CallerInterceptor.current();
        String clientKey = CallerInterceptor.clientKey();
        return blocking(() -> SubmitConsumerReportResponse.newBuilder().setReport(report(reports.submit(caller, clientKey,
                new NewConsumerReport(r.getPlatform(), r.getListingExternalId(), r.getReason(), r.getContactEmail(),
                        r.getDigitalLink(), r.getPurchaseCountry()), r.getIdempotencyKey()))).build());
    }

    @Override
    public Uni<GetConsumerReportResponse> getConsumerReport(GetConsumerReportRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetConsumerReportResponse.newBuilder().setReport(report(reports.get(caller, r.getId())))
                .build());
    }

    @Override
    public Uni<ListConsumerReportsResponse> listConsumerReports(ListConsumerReportsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            var listed = queries.consumerReports(caller, r.getPlatform(), r.getListingExternalId(), r.getBrandId(),
                    names(r.getStatusesList(), "CONSUMER_REPORT_STATUS_", "statuses"), r.getPage().getFirst(),
                    r.getPage().getAfter());
            ListConsumerReportsResponse.Builder b = ListConsumerReportsResponse.newBuilder().setPageInfo(page(listed));
            listed.items().forEach(c -> b.addReports(report(c)));
            return b.build();
        });
    }

    @Override
    public Uni<CloseConsumerReportResponse> closeConsumerReport(CloseConsumerReportRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> CloseConsumerReportResponse.newBuilder()
                .setReport(report(reports.close(caller, r.getId(), r.getOutcomeSummary()))).build());
    }

    // ----- audit trail and transparency

    @Override
    public Uni<ListNoticeTransitionsResponse> listNoticeTransitions(ListNoticeTransitionsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            var listed = queries.transitions(caller, r.getNoticeId(), r.getPage().getFirst(), r.getPage().getAfter());
            ListNoticeTransitionsResponse.Builder b = ListNoticeTransitionsResponse.newBuilder().setPageInfo(page(listed));
            listed.items().forEach(t -> b.addTransitions(transition(t)));
            return b.build();
        });
    }

    @Override
    public Uni<VerifyAuditTrailResponse> verifyAuditTrail(VerifyAuditTrailRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            NoticeQueries.Verification v = queries.verify(caller, r.getNoticeId());
            VerifyAuditTrailResponse.Builder b = VerifyAuditTrailResponse.newBuilder().setIntact(v.intact())
                    .setRecordsChecked(v.checked()).setHeadHash(v.headHash());
            if (v.firstBroken() != null) {
                b.setFirstBrokenSequence(v.firstBroken());
            }
            return b.build();
        });
    }

    @Override
    public Multi<ExportAuditTrailResponse> exportAuditTrail(ExportAuditTrailRequest r) {
        Caller caller = CallerInterceptor.current();
        return Multi.createFrom().<ExportAuditTrailResponse>emitter(emitter -> {
            transparency.exportAudit(caller, r.getNoticeIdsList(), instant(r.hasFrom(), r.getFrom()),
                    instant(r.hasTo(), r.getTo()), r.getPlatform(), chunk -> emitter.emit(ExportAuditTrailResponse
                            .newBuilder().addAllTransitions(chunk.stream().map(ComplaintMessages::transition).toList())
                            .build()));
            emitter.complete();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Multi<ExportStatementsOfReasonsResponse> exportStatementsOfReasons(ExportStatementsOfReasonsRequest r) {
        Caller caller = CallerInterceptor.current();
        return Multi.createFrom().<ExportStatementsOfReasonsResponse>emitter(emitter -> {
            transparency.exportStatements(caller, instant(r.hasFrom(), r.getFrom()), instant(r.hasTo(), r.getTo()),
                    r.getPlatform(), chunk -> emitter.emit(ExportStatementsOfReasonsResponse.newBuilder()
                            .addAllStatements(chunk.stream().map(ComplaintMessages::statement).toList()).build()));
            emitter.complete();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Polls the platform's decision feed (every 250 ms by default) and sends what is new, or a
     * heartbeat after 10 s of silence. Without after_sequence the stream starts at the latest decision.
     */
    @Override
    public Multi<WatchDecisionsResponse> watchDecisions(WatchDecisionsRequest r) {
        Caller caller = CallerInterceptor.current();
        return Multi.createFrom().<WatchDecisionsResponse>emitter(emitter -> {
            String platform = transparency.watchable(caller, r.getPlatform());
            long[] after = { r.hasAfterSequence() ? r.getAfterSequence() : transparency.latestDecision(platform) };
            Instant[] lastSent = { Instant.EPOCH };
            ScheduledFuture<?> poll = watchers.scheduleWithFixedDelay(() -> {
                try {
                    List<DecisionFeed.Event> events = transparency.decisionsAfter(platform, after[0], 500);
                    for (DecisionFeed.Event e : events) {
                        emitter.emit(decision(e));
                        after[0] = e.sequence();
                        lastSent[0] = Instant.now();
                    }
                    if (events.isEmpty() && Duration.between(lastSent[0], Instant.now()).compareTo(heartbeat) >= 0) {
                        emitter.emit(WatchDecisionsResponse.newBuilder().setHeartbeat(true).setSequence(after[0]).build());
                        lastSent[0] = Instant.now();
                    }
                } catch (RuntimeException e) {
                    emitter.fail(e instanceof DomainException ? e
                            : DomainException.unavailable("DEPENDENCY_UNAVAILABLE", "The decision feed is unavailable"));
                }
            }, 0, watchPoll.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> poll.cancel(false));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    // ----- notifier accountability and SLA

    @Override
    public Uni<GetNotifierStatsResponse> getNotifierStats(GetNotifierStatsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetNotifierStatsResponse.newBuilder().setStats(stats(accountability.stats(caller,
                List.of(r.getNotifierOwnerId()), instant(r.hasAsOf(), r.getAsOf())).get(0))).build());
    }

    @Override
    public Uni<BatchGetNotifierStatsResponse> batchGetNotifierStats(BatchGetNotifierStatsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            BatchGetNotifierStatsResponse.Builder b = BatchGetNotifierStatsResponse.newBuilder();
            accountability.stats(caller, r.getNotifierOwnerIdsList(), instant(r.hasAsOf(), r.getAsOf()))
                    .forEach(s -> b.addStats(stats(s)));
            return b.build();
        });
    }

    @Override
    public Uni<GetSlaStatsResponse> getSlaStats(GetSlaStatsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Accountability.Sla sla = accountability.sla(caller, instant(r.hasFrom(), r.getFrom()),
                    instant(r.hasTo(), r.getTo()), r.getPlatform(), r.getNotifierOwnerId(),
                    names(r.getKindsList(), "NOTICE_KIND_", "kinds"));
            return GetSlaStatsResponse.newBuilder().setOverall(latency(sla.overall())).setOverdue(sla.overdue()).build();
        });
    }
}
