package io.cloudsword.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reports about a scanned code (the gateway's Digital Link page files them anonymously). */
@QuarkusTest
class CodeReportGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** GTIN-13 4012345000016 (check digit 6) as its GTIN-14, and a serial of the service's alphabet. */
    private static final String CODE = "https://id.sportwerk.example/01/04012345000016/21/";

    @GrpcClient("complaint")
    ComplaintService client;

    @Inject
    Pool db;

    private static String code() {
        return CODE + "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
    }

    private static SubmitConsumerReportRequest.Builder codeReport(String link) {
        return SubmitConsumerReportRequest.newBuilder().setDigitalLink(link)
                .setReason("The page said a copy of this code was scanned in another country an hour ago");
    }

    @Test
    void aCodeReportIsStoredWithItsLinkAndPurchaseCountry() {
        String link = code() + "?17=261231";
        ConsumerReport report = client.submitConsumerReport(codeReport(link).setPurchaseCountry("fr")
                .setContactEmail("me@consumer.example").build()).await().atMost(WAIT).getReport();
        assertEquals(ConsumerReportStatus.CONSUMER_REPORT_STATUS_RECEIVED, report.getStatus());
        assertEquals(link, report.getDigitalLink());
        assertEquals("FR", report.getPurchaseCountry());
        assertEquals("", report.getPlatform());
        assertEquals("", report.getListingExternalId());

        var row = db.preparedQuery("SELECT digital_link, purchase_country, platform, contact_email FROM consumer_report "
                + "WHERE id = $1").execute(Tuple.of(UUID.fromString(report.getId()))).await().atMost(WAIT).iterator()
                .next();
        assertEquals(link, row.getString("digital_link"));
        assertEquals("FR", row.getString("purchase_country"));
        assertEquals("", row.getString("platform"));
        assertEquals("me@consumer.example", row.getString("contact_email"));
        ComplaintService reviewer = GrpcClientUtils.attachHeaders(client, TestTokens.bearer(TestTokens.token("reviewer")));
        assertEquals(report, reviewer.getConsumerReport(GetConsumerReportRequest.newBuilder().setId(report.getId())
                .build()).await().atMost(WAIT).getReport());
    }

    @Test
    void aShortGtinAndAPercentEncodedSerialAreAccepted() {
        // GTIN-8 96385074 and a serial with an encoded '/' (set 82 allows it)
        ConsumerReport report = client.submitConsumerReport(codeReport("https://example.com/01/96385074/21/AB%2FC1")
                .build()).await().atMost(WAIT).getReport();
        assertEquals("https://example.com/01/96385074/21/AB%2FC1", report.getDigitalLink());
        assertEquals("", report.getPurchaseCountry());
    }

    @Test
    void withoutListingOrCodeTheReportIsRefusedNamingTheFieldAndNothingIsStored() {
        long before = count();
        ErrorDetail detail = Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "digital_link",
                "FIELD_REQUIRED", client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder()
                        .setReason("fake").setContactEmail("me@consumer.example").build()));
        assertEquals("Either (platform, listing_external_id) or digital_link is required", detail.getMessage());
        assertEquals(before, count());
    }

    @Test
    void malformedLinksBadCountriesAndMixedReportsAreRefusedAndNothingIsStored() {
        long before = count();
        String serial = "/21/ABC123";
        for (String bad : new String[] {
                "http://example.com/01/04012345000016" + serial,      // not https
                "https://example.com/01/04012345000017" + serial,     // check digit
                "https://example.com/01/4012345000016" + serial.replace("21", "10"), // no serial
                "https://example.com/01/04012345000016/21/" + "A".repeat(21), // serial too long
                "https://example.com/01/04012345000016/21/AB%7EC",    // '~' is outside set 82
                "https://example.com/01/04012345000016/21/AB%ZZ",     // bad escape
                "https://example.com/01/04012345000016/21/<script>",  // raw characters a URI cannot carry
                "https://example.com/01/04012345000016/21/ABC/extra", // trailing path
                "https://user@example.com/01/04012345000016" + serial, // user info
                "not a link at all",
                "https://example.com/01/04012345000016" + serial + "?" + "x".repeat(2100) }) {
            Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "digital_link",
                    "INVALID_DIGITAL_LINK", client.submitConsumerReport(codeReport(bad).build()));
        }
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "purchase_country", "INVALID_COUNTRY",
                client.submitConsumerReport(codeReport(code()).setPurchaseCountry("XX").build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "reason", "FIELD_REQUIRED",
                client.submitConsumerReport(codeReport(code()).setReason("  ").build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "digital_link", "INVALID_FORMAT",
                client.submitConsumerReport(codeReport(code()).setPlatform("demo-market").setListingExternalId("l-9")
                        .build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "listing_external_id", "FIELD_REQUIRED",
                client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder().setPlatform("demo-market")
                        .setReason("fake").build()));
        assertEquals(before, count());
    }

    @Test
    void aListingReportMayCarryAPurchaseCountry() {
        String external = FakeListingService.listing("demo-market", "l-" + UUID.randomUUID(), "shop-r").getData()
                .getExternalId();
        ConsumerReport report = client.submitConsumerReport(SubmitConsumerReportRequest.newBuilder()
                .setPlatform("demo-market").setListingExternalId(external).setReason("fake")
                .setPurchaseCountry("DE").build()).await().atMost(WAIT).getReport();
        assertEquals("DE", report.getPurchaseCountry());
        assertEquals("", report.getDigitalLink());
    }

    private long count() {
        return db.query("SELECT count(*) FROM consumer_report").execute().await().atMost(WAIT).iterator().next()
                .getLong(0);
    }
}
