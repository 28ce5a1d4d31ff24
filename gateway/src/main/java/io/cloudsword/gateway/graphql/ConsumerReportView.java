package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.ConsumerReport;

@Name("ConsumerReport")
@Description("A consumer's report of a suspected fake: a listing (platform + listingExternalId; it becomes a "
        + "complaint of kind CONSUMER_REPORT in the review queue and feeds the listing's risk score, never taking "
        + "anything down by itself) or a scanned code (digitalLink; it goes to the code's brand owner).")
public class ConsumerReportView {
    static final String STATUS = "CONSUMER_REPORT_STATUS_";
    static final String STATUSES = "RECEIVED, IN_REVIEW or CLOSED";

    @Id
    @NonNull
    @Description("The report's id (an unguessable UUID: with it, an anonymous reporter reads its report).")
    public String id;
    @Description("Slug of the listing's platform; null for a code report.")
    public String platform;
    @Description("The platform's id of the reported listing; null for a code report.")
    public String listingExternalId;
    @Description("The consumer's reason, in their words.")
    public String reason;
    @Description("The reporter's email; null for anonymous reports.")
    public String contactEmail;
    @NonNull
    @Description(STATUSES + ".")
    public String status;
    @Description("When the report was filed.")
    public Instant createdAt;
    @Id
    @Description("The listing the report resolved to (listing reports).")
    public String listingId;
    @Description("The scanned code's GS1 Digital Link URI (code reports).")
    public String digitalLink;
    @Description("Where the consumer bought the item (ISO alpha-2).")
    public String purchaseCountry;
    @Id
    @Description("The complaint of kind CONSUMER_REPORT the report became (listing reports).")
    public String complaintId;
    @Description("Outcome told to the reporter when CLOSED.")
    public String outcomeSummary;
    @Description("When the report last changed.")
    public Instant updatedAt;

    static ConsumerReportView of(ConsumerReport r) {
        ConsumerReportView v = new ConsumerReportView();
        v.id = r.getId();
        v.platform = CodeVerificationView.blankToNull(r.getPlatform());
        v.listingExternalId = CodeVerificationView.blankToNull(r.getListingExternalId());
        v.reason = CodeVerificationView.blankToNull(r.getReason());
        v.contactEmail = CodeVerificationView.blankToNull(r.getContactEmail());
        v.status = Enums.name(r.getStatus(), STATUS);
        v.createdAt = r.hasCreatedAt() ? Times.of(r.getCreatedAt()) : null;
        v.listingId = CodeVerificationView.blankToNull(r.getListingId());
        v.digitalLink = CodeVerificationView.blankToNull(r.getDigitalLink());
        v.purchaseCountry = CodeVerificationView.blankToNull(r.getPurchaseCountry());
        v.complaintId = CodeVerificationView.blankToNull(r.getNoticeId());
        v.outcomeSummary = CodeVerificationView.blankToNull(r.getOutcomeSummary());
        v.updatedAt = r.hasUpdatedAt() ? Times.of(r.getUpdatedAt()) : null;
        return v;
    }

    @Name("ConsumerReportConnection")
    @Description("A page of consumer reports, newest first (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The reports of this page, newest first.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<ConsumerReport> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = ConsumerReportView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("ConsumerReportEdge")
    @Description("One report of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The report.")
        public ConsumerReportView node;
    }
}
