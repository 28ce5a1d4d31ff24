package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.complaint.v1.CloseConsumerReportRequest;
import io.cloudsword.api.complaint.v1.ConsumerReportStatus;
import io.cloudsword.api.complaint.v1.GetConsumerReportRequest;
import io.cloudsword.api.complaint.v1.ListConsumerReportsRequest;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/**
 * Consumer reports (complaint-service): anyone may report a suspected fake and read its report by
 * the report's unguessable id, rate-limited by complaint-service per client key; partners, brand
 * owners and reviewers list them, and close code reports. The consumer page files code reports
 * through the same call.
 */
@GraphQLApi
public class ConsumerReportGraph {

    private final ComplaintCalls calls;

    public ConsumerReportGraph(ComplaintCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A consumer report by its id. No token needed: the id is an unguessable UUID given to the reporter.")
    public Uni<ConsumerReportView> consumerReport(@Description("The consumer report's id.") @Id @NonNull String id) {
        return calls.call(caller -> {
        }, s -> s.getConsumerReport(GetConsumerReportRequest.newBuilder().setId(id).build()))
                .map(r -> ConsumerReportView.of(r.getReport()));
    }

    @Query
    @Description("Consumer reports, newest first: a partner its platform's, a brand owner code reports on its GTINs, "
            + "reviewers and admins any.")
    public Uni<ConsumerReportView.Connection> consumerReports(@Description("Only this platform's.") String platform,
            @Description("Only reports on this listing of the platform.") String listingExternalId,
            @Id @Description("Code reports on this brand's GTINs (the brand owner's view).") String brandId,
            @Description("Only these statuses (" + ConsumerReportView.STATUSES + "); empty = any.") List<String> statuses,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::complaintParty, s -> s.listConsumerReports(ListConsumerReportsRequest.newBuilder()
                .setPlatform(Inputs.orEmpty(platform)).setListingExternalId(Inputs.orEmpty(listingExternalId))
                .setBrandId(Inputs.orEmpty(brandId))
                .addAllStatuses(Enums.parseAll(ConsumerReportStatus.class, ConsumerReportView.STATUS, statuses,
                        "statuses"))
                .setPage(Paging.of(first, after)).build()))
                .map(r -> ConsumerReportView.Connection.of(r.getReportsList(), r.getPageInfo()));
    }

    @Mutation
    @Description("Reports a suspected fake: a listing (platform + listingExternalId; it becomes a complaint of kind "
            + "CONSUMER_REPORT for review and feeds the listing's risk score, never taking anything down by itself) or "
            + "a scanned code (digitalLink; it goes to the brand owner). No token needed; rate-limited per client "
            + "(UNAVAILABLE / RATE_LIMITED). Errors: INVALID_ARGUMENT (FIELD_REQUIRED, INVALID_EMAIL, "
            + "INVALID_DIGITAL_LINK), NOT_FOUND (LISTING_NOT_FOUND).")
    public Uni<ConsumerReportView> submitConsumerReport(
            @Description("What the consumer saw, where, and how to reach them (optional).")
            @NonNull ComplaintInputs.ConsumerReportInput input,
            @Description("Optional key against double submission (e.g. a form token).") String idempotencyKey) {
        return calls.call(caller -> {
        }, s -> s.submitConsumerReport(input.toProto(idempotencyKey)))
                .map(r -> ConsumerReportView.of(r.getReport()));
    }

    @Mutation
    @Description("Closes a report that has no complaint (code reports) with the outcome told to the reporter. "
            + "Reports with a complaint close when it is decided (FAILED_PRECONDITION / INVALID_STATE_TRANSITION "
            + "here). Idempotent. The brand owner, reviewers and admins.")
    public Uni<ConsumerReportView> closeConsumerReport(
            @Description("The consumer report to close.") @Id @NonNull String id,
            @NonNull @Description("The outcome told to the reporter, without personal data of others.")
            String outcomeSummary) {
        return calls.call(Access::staff,
                s -> s.closeConsumerReport(CloseConsumerReportRequest.newBuilder().setId(id)
                        .setOutcomeSummary(outcomeSummary).build()))
                .map(r -> ConsumerReportView.of(r.getReport()));
    }
}
