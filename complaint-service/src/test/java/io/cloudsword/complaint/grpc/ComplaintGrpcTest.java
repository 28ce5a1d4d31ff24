package io.cloudsword.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.complaint.v1.ComplaintService;
import io.cloudsword.api.complaint.v1.ConsumerReport;
import io.cloudsword.api.complaint.v1.ConsumerReportStatus;
import io.cloudsword.api.complaint.v1.GetConsumerReportRequest;
import io.cloudsword.api.complaint.v1.SubmitConsumerReportRequest;
import io.cloudsword.complaint.support.FakeListingService;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.quarkus.grpc.GrpcClientUtils;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class ComplaintGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Consumers report anonymously: the client carries no token. */
    @GrpcClient("complaint")
    ComplaintService client;

    private ComplaintService as(String role) {
        return GrpcClientUtils.attachHeaders(client, TestTokens.bearer(TestTokens.token(role)));
    }

    @Inject
    Pool db;

    @Test
    void anAnonymousReportIsReceivedAndReadBack() {
        String listing = UUID.randomUUID().toString();
        String listingId = FakeListingService.listing("demo-market", listing, "shop-r").getId();
        ConsumerReport report = client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder()
                .setPlatform("Demo-Market").setListingExternalId(listing)
                .setReason("The logo is misspelled and the price is a tenth of the shop's").build())
                .await().atMost(WAIT).getReport();
        // a listing report is a notice in the review queue at once, and a signal in the listing's score
        assertEquals(ConsumerReportStatus.CONSUMER_REPORT_STATUS_IN_REVIEW, report.getStatus());
        assertEquals(listingId, report.getListingId());
        assertFalse(report.getNoticeId().isEmpty());
        assertEquals("demo-market", report.getPlatform());
        assertEquals("", report.getContactEmail());
        assertEquals(report, as("reviewer").getConsumerReport(GetConsumerReportRequest.newBuilder().setId(report.getId())
                .build()).await().atMost(WAIT).getReport());
    }

    @Test
    void badFieldsAreRefusedByNameAndNothingIsWritten() {
        long before = count();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "reason", "FIELD_REQUIRED",
                client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setPlatform("demo-market")
                        .setListingExternalId("l-1").setReason(" ").build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "contact_email", "INVALID_EMAIL",
                client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setPlatform("demo-market")
                        .setListingExternalId("l-1").setReason("fake").setContactEmail("<script>").build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "listing_external_id", "LISTING_NOT_FOUND",
                client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setPlatform("demo-market")
                        .setListingExternalId("no-such-listing-" + UUID.randomUUID()).setReason("fake").build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "listing_external_id", "FIELD_TOO_LONG",
                client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setPlatform("demo-market")
                        .setListingExternalId("x".repeat(201)).setReason("fake").build()));
        assertEquals(before, count());
    }

    @Test
    void unknownReportIsNotFound() {
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "id", "REPORT_NOT_FOUND",
                as("admin").getConsumerReport(GetConsumerReportRequest.newBuilder().setId(UUID.randomUUID().toString())
                        .build()));
    }

    @Test
    void theReporterReadsItsReportByIdAndOnlyStaffSeeTheContactEmail() {
        String external = FakeListingService.listing("demo-market", "l-2-" + UUID.randomUUID(), "shop-r").getData()
                .getExternalId();
        String id = client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setPlatform("demo-market")
                .setListingExternalId(external).setReason("fake").setContactEmail("me@consumer.example").build())
                .await().atMost(WAIT).getReport().getId();
        GetConsumerReportRequest get = GetConsumerReportRequest.newBuilder().setId(id).build();
        ConsumerReport anonymousView = client.getConsumerReport(get).await().atMost(WAIT).getReport();
        assertEquals("", anonymousView.getContactEmail());
        assertEquals(id, anonymousView.getId());
        assertEquals("", as("rights_owner").getConsumerReport(get).await().atMost(WAIT).getReport().getContactEmail());
        assertEquals("me@consumer.example", as("reviewer").getConsumerReport(get).await().atMost(WAIT).getReport()
                .getContactEmail());
    }

    private long count() {
        return db.query("SELECT count(*) FROM consumer_report").execute().await().atMost(WAIT).iterator().next()
                .getLong(0);
    }
}
