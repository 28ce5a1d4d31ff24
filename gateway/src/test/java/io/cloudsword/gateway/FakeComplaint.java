package io.cloudsword.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.complaint.v1.ComplaintServiceGrpc;
import io.cloudsword.api.complaint.v1.ConsumerReport;
import io.cloudsword.api.complaint.v1.ConsumerReportStatus;
import io.cloudsword.api.complaint.v1.SubmitConsumerReportRequest;
import io.cloudsword.api.complaint.v1.SubmitConsumerReportResponse;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in complaint-service for the consumer page's report form: it validates like the real
 * SubmitConsumerReport (reason required, email and country checked, digital_link required) and
 * keeps what it received. Emails at the reserved domain ".invalid" are refused as INVALID_EMAIL,
 * so a browser test can see a refusal that passes the browser's own email check.
 */
public class FakeComplaint implements QuarkusTestResourceLifecycleManager {

    static final FakeCallers CALLERS = new FakeCallers();
    static final List<ConsumerReport> REPORTS = new CopyOnWriteArrayList<>();
    static final Map<String, ConsumerReport> BY_KEY = new ConcurrentHashMap<>();
    static volatile boolean down;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new Service(), CALLERS)).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("cloudsword.complaint.host", "localhost", "cloudsword.complaint.port",
                Integer.toString(server.getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    static class Service extends ComplaintServiceGrpc.ComplaintServiceImplBase {
        @Override
        public void submitConsumerReport(SubmitConsumerReportRequest r,
                StreamObserver<SubmitConsumerReportResponse> response) {
            if (down) {
                response.onError(Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
                return;
            }
            RuntimeException refused = null;
            if (r.getDigitalLink().isEmpty() && r.getListingExternalId().isEmpty()) {
                refused = FakeVerification.refusal(Status.Code.INVALID_ARGUMENT, "digital_link", "FIELD_REQUIRED",
                        "Either (platform, listing_external_id) or digital_link is required");
            } else if (r.getReason().isBlank()) {
                refused = FakeVerification.refusal(Status.Code.INVALID_ARGUMENT, "reason", "FIELD_REQUIRED",
                        "reason is required");
            } else if (!r.getContactEmail().isEmpty()
                    && (!r.getContactEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}") || r.getContactEmail().endsWith(".invalid"))) {
                refused = FakeVerification.refusal(Status.Code.INVALID_ARGUMENT, "contact_email", "INVALID_EMAIL",
                        "contact_email is not an email address");
            } else if (!r.getPurchaseCountry().isEmpty() && !COUNTRIES.contains(r.getPurchaseCountry())) {
                refused = FakeVerification.refusal(Status.Code.INVALID_ARGUMENT, "purchase_country", "INVALID_COUNTRY",
                        "purchase_country must be an ISO 3166-1 alpha-2 country code");
            }
            if (refused != null) {
                response.onError(refused);
                return;
            }
            ConsumerReport report = r.getIdempotencyKey().isEmpty() ? null : BY_KEY.get(r.getIdempotencyKey());
            if (report == null) {
                report = ConsumerReport.newBuilder().setId(UUID.randomUUID().toString())
                        .setDigitalLink(r.getDigitalLink()).setReason(r.getReason()).setContactEmail(r.getContactEmail())
                        .setPurchaseCountry(r.getPurchaseCountry()).setStatus(ConsumerReportStatus.CONSUMER_REPORT_STATUS_RECEIVED)
                        .setCreatedAt(Timestamp.newBuilder().setSeconds(1_764_300_000)).build();
                REPORTS.add(report);
                if (!r.getIdempotencyKey().isEmpty()) {
                    BY_KEY.put(r.getIdempotencyKey(), report);
                }
            }
            response.onNext(SubmitConsumerReportResponse.newBuilder().setReport(report).build());
            response.onCompleted();
        }
    }
}
