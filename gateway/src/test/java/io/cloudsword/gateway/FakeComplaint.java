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

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.CloseConsumerReportRequest;
import io.cloudsword.api.complaint.v1.CloseConsumerReportResponse;
import io.cloudsword.api.complaint.v1.GetConsumerReportRequest;
import io.cloudsword.api.complaint.v1.GetConsumerReportResponse;
import io.cloudsword.api.complaint.v1.ListConsumerReportsRequest;
import io.cloudsword.api.complaint.v1.ListConsumerReportsResponse;
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
 * so a browser test can see a refusal that passes the browser's own email check. It also serves
 * the rest of complaint.proto (FakeNotices) for ComplaintGraphTest.
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

    /** Consumer reports here; notices, counter-notices, appeals and the decisions stream in FakeNotices. */
    static class Service extends FakeNotices {
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
                        .setPlatform(r.getPlatform()).setListingExternalId(r.getListingExternalId())
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

        @Override
        public void getConsumerReport(GetConsumerReportRequest r, StreamObserver<GetConsumerReportResponse> response) {
            answer(response, () -> GetConsumerReportResponse.newBuilder().setReport(REPORTS.stream()
                    .filter(c -> c.getId().equals(r.getId())).findFirst().orElseThrow(() -> refusal(
                            Status.Code.NOT_FOUND, "id", "REPORT_NOT_FOUND", "No such report")))
                    .build());
        }

        @Override
        public void listConsumerReports(ListConsumerReportsRequest r,
                StreamObserver<ListConsumerReportsResponse> response) {
            answer(response, () -> {
                List<ConsumerReport> all = REPORTS.stream()
                        .filter(c -> r.getPlatform().isEmpty() || c.getPlatform().equals(r.getPlatform()))
                        .filter(c -> r.getStatusesCount() == 0 || r.getStatusesList().contains(c.getStatus()))
                        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
                java.util.Collections.reverse(all);
                PageInfo.Builder info = PageInfo.newBuilder();
                return ListConsumerReportsResponse.newBuilder().addAllReports(page(all, r.getPage(), info))
                        .setPageInfo(info).build();
            });
        }

        @Override
        public void closeConsumerReport(CloseConsumerReportRequest r,
                StreamObserver<CloseConsumerReportResponse> response) {
            answer(response, () -> {
                if (r.getOutcomeSummary().isBlank()) {
                    throw required("outcome_summary");
                }
                for (int i = 0; i < REPORTS.size(); i++) {
                    ConsumerReport c = REPORTS.get(i);
                    if (c.getId().equals(r.getId())) {
                        if (!c.getNoticeId().isEmpty()) {
                            throw badTransition("id", "A report with a notice closes when the notice is decided");
                        }
                        ConsumerReport closed = c.toBuilder().setStatus(ConsumerReportStatus.CONSUMER_REPORT_STATUS_CLOSED)
                                .setOutcomeSummary(r.getOutcomeSummary()).build();
                        REPORTS.set(i, closed);
                        return CloseConsumerReportResponse.newBuilder().setReport(closed).build();
                    }
                }
                throw refusal(Status.Code.NOT_FOUND, "id", "REPORT_NOT_FOUND", "No such report");
            });
        }
    }
}
