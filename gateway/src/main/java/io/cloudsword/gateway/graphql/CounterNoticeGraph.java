package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.common.v1.StatementAutomation;
import io.cloudsword.api.complaint.v1.AppealOutcome;
import io.cloudsword.api.complaint.v1.AppealState;
import io.cloudsword.api.complaint.v1.CounterNoticeState;
import io.cloudsword.api.complaint.v1.DecideAppealRequest;
import io.cloudsword.api.complaint.v1.GetAppealRequest;
import io.cloudsword.api.complaint.v1.GetCounterNoticeRequest;
import io.cloudsword.api.complaint.v1.ListAppealsRequest;
import io.cloudsword.api.complaint.v1.ListCounterNoticesRequest;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/**
 * After the decision (complaint-service): the seller's counter-notice through its platform
 * partner, the notifier's proof of legal action, and appeals (DSA Art. 20) decided by another
 * reviewer. complaint-service enforces who may act on which complaint; the gateway pre-checks roles.
 */
@GraphQLApi
public class CounterNoticeGraph {

    private final ComplaintCalls calls;

    public CounterNoticeGraph(ComplaintCalls calls) {
        this.calls = calls;
    }

    // ----- counter-notices and legal action

    @Query
    @Description("A counter-notice by id.")
    public Uni<CounterNoticeView> counterNotice(@Description("The counter-notice's id.") @Id @NonNull String id) {
        return calls.call(Caller::requireSignedIn, s -> s.getCounterNotice(GetCounterNoticeRequest.newBuilder()
                .setId(id).build())).map(r -> CounterNoticeView.of(r.getCounterNotice()));
    }

    @Query
    @Description("Counter-notices the caller may see, filtered.")
    public Uni<CounterNoticeView.Connection> counterNotices(@Id @Description("Only this complaint's.") String complaintId,
            @Description("Only this platform's.") String platform,
            @Description("Only this shop's; needs platform.") String shopId,
            @Description("Only these states (" + CounterNoticeView.STATES + "); empty = any.") List<String> states,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::complaintParty, s -> s.listCounterNotices(ListCounterNoticesRequest.newBuilder()
                .setNoticeId(Inputs.orEmpty(complaintId)).setPlatform(Inputs.orEmpty(platform))
                .setShopId(Inputs.orEmpty(shopId))
                .addAllStates(Enums.parseAll(CounterNoticeState.class, CounterNoticeView.STATE, states, "states"))
                .setPage(Paging.of(first, after)).build()))
                .map(r -> CounterNoticeView.Connection.of(r.getCounterNoticesList(), r.getPageInfo()));
    }

    @Mutation
    @Description("The seller's counter-notice for ACCEPTED items of one shop, through its platform partner: items -> "
            + "COUNTER_NOTICED, forwarded to the notifier, waiting period starts. Idempotent on (caller, "
            + "idempotencyKey). Items not ACCEPTED are FAILED_PRECONDITION / INVALID_STATE_TRANSITION. Platform "
            + "partners and admins.")
    public Uni<ComplaintPayloads.SubmitCounterNotice> submitCounterNotice(
            @Description("The seller's counter-notice: the complaint, the items and the statements the law "
                    + "requires.") @NonNull ComplaintInputs.CounterNoticeInput input,
            @NonNull @Description("Caller-chosen, unique per caller: a retry returns the first counter-notice.")
            String idempotencyKey) {
        return calls.call(c -> c.require(Role.PLATFORM_PARTNER, Role.ADMIN),
                s -> s.submitCounterNotice(input.toProto(idempotencyKey)))
                .map(ComplaintPayloads.SubmitCounterNotice::of);
    }

    @Mutation
    @Description("The notifier's proof that it complained to an authority or sued, within the waiting period: "
            + "COUNTER_NOTICED items -> UPHELD (strike on the shop). After legalActionDeadline: FAILED_PRECONDITION / "
            + "DEADLINE_PASSED. Idempotent on (caller, idempotencyKey). The notifier (rights owner) or an admin.")
    public Uni<ComplaintPayloads.SubmitLegalActionProof> submitLegalActionProof(
            @Description("The proof that the notifier complained to an authority or sued within the waiting "
                    + "period: the complaint, the items and the documents.")
            @NonNull ComplaintInputs.LegalActionProofInput input,
            @NonNull @Description("Caller-chosen, unique per caller: a retry returns the first proof.")
            String idempotencyKey) {
        return calls.call(c -> c.require(Role.RIGHTS_OWNER, Role.ADMIN),
                s -> s.submitLegalActionProof(input.toProto(idempotencyKey)))
                .map(ComplaintPayloads.SubmitLegalActionProof::of);
    }

    // ----- appeals

    @Query
    @Description("An appeal by id.")
    public Uni<AppealView> appeal(@Description("The appeal's id.") @Id @NonNull String id) {
        return calls.call(Caller::requireSignedIn, s -> s.getAppeal(GetAppealRequest.newBuilder().setId(id).build()))
                .map(r -> AppealView.of(r.getAppeal()));
    }

    @Query
    @Description("Appeals the caller may see, filtered.")
    public Uni<AppealView.Connection> appeals(@Id @Description("Only this complaint's.") String complaintId,
            @Description("Only this platform's.") String platform,
            @Description("Only these states (" + AppealView.STATES + "); empty = any.") List<String> states,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::complaintParty, s -> s.listAppeals(ListAppealsRequest.newBuilder()
                .setNoticeId(Inputs.orEmpty(complaintId)).setPlatform(Inputs.orEmpty(platform))
                .addAllStates(Enums.parseAll(AppealState.class, AppealView.STATE, states, "states"))
                .setPage(Paging.of(first, after)).build()))
                .map(r -> AppealView.Connection.of(r.getAppealsList(), r.getPageInfo()));
    }

    @Mutation
    @Description("Appeals decisions on items (DSA Art. 20): the affected seller (through its partner) against "
            + "ACCEPTED/UPHELD items, the notifier against REJECTED ones, within 6 months of the decision (after: "
            + "FAILED_PRECONDITION / DEADLINE_PASSED). Idempotent on (caller, idempotencyKey).")
    public Uni<ComplaintPayloads.FileAppeal> fileAppeal(
            @Description("The decision appealed against, by whom and why.") @NonNull ComplaintInputs.AppealInput input,
            @NonNull @Description("Caller-chosen, unique per caller: a retry returns the first appeal.")
            String idempotencyKey) {
        return calls.call(c -> c.require(Role.RIGHTS_OWNER, Role.PLATFORM_PARTNER, Role.ADMIN),
                s -> s.fileAppeal(input.toProto(idempotencyKey)))
                .map(ComplaintPayloads.FileAppeal::of);
    }

    @Mutation
    @Description("Decides an appeal. The reviewer of the appealed decision may not (FORBIDDEN / SAME_REVIEWER). A "
            + "granted appeal reverses the effects: restore and revoke the strike, or take down. Idempotent for the "
            + "same outcome. Reviewers and admins.")
    public Uni<ComplaintPayloads.DecideAppeal> decideAppeal(
            @Description("The appeal to decide.") @Id @NonNull String appealId,
            @NonNull @Description("GRANT or DENY.") String outcome,
            @NonNull @Description("The reasoned decision sent to the appellant.") String explanation,
            @Description("Whether the decision was automated: NOT_AUTOMATED, PARTIALLY or FULLY.")
            String automatedDecision) {
        return calls.call(Access::staff, s -> s.decideAppeal(DecideAppealRequest.newBuilder().setAppealId(appealId)
                .setOutcome(Enums.parse(AppealOutcome.class, "APPEAL_OUTCOME_", outcome, "outcome"))
                .setExplanation(explanation)
                .setAutomatedDecision(Enums.parse(StatementAutomation.class, StatementOfReasonsView.AUTOMATION,
                        automatedDecision, "automatedDecision"))
                .build()))
                .map(ComplaintPayloads.DecideAppeal::of);
    }
}
