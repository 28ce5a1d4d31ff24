package io.cloudsword.complaint.grpc;

import io.cloudsword.api.complaint.v1.ConsumerReportStatus;
import io.cloudsword.api.complaint.v1.GetConsumerReportRequest;
import io.cloudsword.api.complaint.v1.GetConsumerReportResponse;
import io.cloudsword.api.complaint.v1.MutinyComplaintServiceGrpc;
import io.cloudsword.api.complaint.v1.SubmitConsumerReportRequest;
import io.cloudsword.api.complaint.v1.SubmitConsumerReportResponse;
import io.cloudsword.complaint.domain.ConsumerReport;
import io.cloudsword.complaint.domain.ConsumerReports;
import io.cloudsword.complaint.domain.NewConsumerReport;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.cloudsword.kit.grpc.ProtoTime;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of complaint-service; methods not implemented yet answer UNIMPLEMENTED. */
@GrpcService
public class ComplaintGrpcService extends MutinyComplaintServiceGrpc.ComplaintServiceImplBase {

    private final ConsumerReports reports;

    public ComplaintGrpcService(ConsumerReports reports) {
        this.reports = reports;
    }

    @Override
    public Uni<SubmitConsumerReportResponse> submitConsumerReport(SubmitConsumerReportRequest r) {
        return reports.submit(new NewConsumerReport(r.getPlatform(), r.getListingExternalId(), r.getReason(),
                r.getContactEmail(), r.getDigitalLink(), r.getPurchaseCountry())).map(report -> SubmitConsumerReportResponse.newBuilder()
                        .setReport(toProto(report)).build());
    }

    @Override
    public Uni<GetConsumerReportResponse> getConsumerReport(GetConsumerReportRequest request) {
        return reports.get(CallerInterceptor.current(), request.getId())
                .map(report -> GetConsumerReportResponse.newBuilder().setReport(toProto(report)).build());
    }

    static io.cloudsword.api.complaint.v1.ConsumerReport toProto(ConsumerReport r) {
        return io.cloudsword.api.complaint.v1.ConsumerReport.newBuilder()
                .setId(r.id.toString()).setPlatform(r.platform).setListingExternalId(r.listingExternalId)
                .setReason(r.reason).setContactEmail(r.contactEmail)
                .setStatus(ConsumerReportStatus.valueOf("CONSUMER_REPORT_STATUS_" + r.status.name()))
                .setCreatedAt(ProtoTime.toProto(r.createdAt))
                .setDigitalLink(r.digitalLink).setPurchaseCountry(r.purchaseCountry)
                .build();
    }
}
