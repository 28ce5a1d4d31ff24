package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.EvidenceDocument;
import io.cloudsword.api.complaint.v1.Notice;
import io.cloudsword.api.complaint.v1.NoticeAbuseMark;
import io.cloudsword.api.complaint.v1.NoticeStatements;
import io.cloudsword.api.complaint.v1.Notifier;
import io.cloudsword.api.complaint.v1.RightReference;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** complaint-service's Notice: in the graph a {@code Complaint}. */
@Name("Complaint")
@Key(fields = @FieldSet("id"))
@Description("A notice of alleged infringement (EU DSA Art. 16, China E-Commerce Law Art. 42, US DMCA 512(c)) "
        + "against listings of one platform, with one item per listing reference. A federation entity keyed by id: "
        + "all Complaint representations of one _entities request take one BatchGetNotices call.")
public class ComplaintView {
    /** Proto prefixes of the notice's enums. */
    static final String KIND = "NOTICE_KIND_";
    static final String STATE = "NOTICE_STATE_";
    static final String JURISDICTION = "JURISDICTION_";
    static final String RIGHT_TYPE = "RIGHT_TYPE_";
    static final String ABUSE_KIND = "NOTICE_ABUSE_KIND_";
    static final String KINDS = "RIGHTS_OWNER, TRUSTED_FLAGGER (reviewed first) or CONSUMER_REPORT";
    static final String STATES = "RECEIVED (receipt confirmed, not yet picked up), UNDER_REVIEW, REJECTED (every item "
            + "rejected), ACCEPTED (at least one item accepted), CLOSED (every item final) or WITHDRAWN";
    static final String JURISDICTIONS = "CN (15 calendar days after forwarding a counter-notice), US (restore 10..14 "
            + "business days after a counter-notice) or EU (configurable period)";
    static final String ABUSE_KINDS = "MANIFESTLY_UNFOUNDED (DSA Art. 23) or MALICIOUS (E-Commerce Law Art. 42)";

    @Id
    @NonNull
    @Description("The notice's id (a time-ordered UUID).")
    public String id;
    @NonNull
    @Description("Derived at filing: " + KINDS + ".")
    public String kind;
    @NonNull
    @Description("Summary of the items' states: " + STATES + ".")
    public String state;
    @NonNull
    @Description("Slug of the platform the notice is addressed to; all its listings are on it.")
    public String platform;
    @Description("Legal regime whose deadlines apply: " + JURISDICTIONS + ".")
    public String jurisdiction;
    @NonNull
    @Description("Who filed, and how to reach them.")
    public NotifierView notifier;
    @Description("The right relied on; null for consumer reports.")
    public RightView right;
    @NonNull
    @Description("Substantiated explanation why the listings infringe.")
    public String explanation;
    @NonNull
    @Description("Preliminary evidence, by hash and link.")
    public List<@NonNull EvidenceView> evidence;
    @NonNull
    @Description("One item per listing reference (1..300; a consumer-report complaint has exactly one), each with its "
            + "own state, decision and deadlines.")
    public List<@NonNull ComplaintItemView> items;
    @Description("The declarations the notifier made.")
    public StatementsView statements;
    @Description("The notifier's own reference for the notice; null if none.")
    public String clientReference;
    @NonNull
    @Description("When receipt was confirmed.")
    public Instant receivedAt;
    @Description("Target time for the decision (SLA: 24 h by default, trusted flaggers sooner).")
    public Instant decisionDueAt;
    @Description("When the first decision was taken; null while undecided.")
    public Instant decidedAt;
    @Description("Token subject of the reviewer deciding it; null while unassigned.")
    public String assignedReviewer;
    @NonNull
    @Description("Records of the notice being manifestly unfounded or malicious.")
    public List<@NonNull AbuseMarkView> abuseMarks;
    @Id
    @Description("The consumer report this complaint came from (kind CONSUMER_REPORT); null otherwise.")
    public String consumerReportId;
    @Description("When the notice last changed.")
    public Instant updatedAt;
    @Description("Increases with every change; pass it as expectedVersion to decide on what you saw.")
    public long version;

    static ComplaintView of(Notice n) {
        ComplaintView v = new ComplaintView();
        v.id = n.getId();
        v.kind = Enums.name(n.getKind(), KIND);
        v.state = Enums.name(n.getState(), STATE);
        v.platform = n.getPlatform();
        v.jurisdiction = Enums.name(n.getJurisdiction(), JURISDICTION);
        v.notifier = NotifierView.of(n.getNotifier());
        v.right = n.hasRight() && n.getRight().getTypeValue() != 0 ? RightView.of(n.getRight()) : null;
        v.explanation = n.getExplanation();
        v.evidence = EvidenceView.of(n.getEvidenceList());
        v.items = n.getItemsList().stream().map(i -> ComplaintItemView.of(n, i)).toList();
        v.statements = n.hasStatements() ? StatementsView.of(n.getStatements()) : null;
        v.clientReference = CodeVerificationView.blankToNull(n.getClientReference());
        v.receivedAt = Times.of(n.getReceivedAt());
        v.decisionDueAt = n.hasDecisionDueAt() ? Times.of(n.getDecisionDueAt()) : null;
        v.decidedAt = Times.ofOptional(n.hasDecidedAt(), n.getDecidedAt());
        v.assignedReviewer = CodeVerificationView.blankToNull(n.getAssignedReviewer());
        v.abuseMarks = n.getAbuseMarksList().stream().map(AbuseMarkView::of).toList();
        v.consumerReportId = CodeVerificationView.blankToNull(n.getConsumerReportId());
        v.updatedAt = n.hasUpdatedAt() ? Times.of(n.getUpdatedAt()) : null;
        v.version = n.getVersion();
        return v;
    }

    /** Null for an absent notice (an answer that carries none). */
    static ComplaintView ofNullable(boolean present, Notice n) {
        return present ? of(n) : null;
    }

    @Name("ComplaintNotifier")
    @Description("Who filed a complaint (DSA Art. 16(2)(c), E-Commerce Law Art. 42, DMCA 512(c)(3)(A)/(D)).")
    public static class NotifierView {
        @Id
        @Description("The filing rights owner; null for anonymous consumer reports.")
        public String ownerId;
        @Description("The natural person or entity filing.")
        public String name;
        @Description("How to reach the notifier.")
        public String email;
        @Description("Phone, if given.")
        public String phone;
        @Id
        @Description("Set when the notifier filed as agent: the right holder acted for.")
        public String principalOwnerId;
        @Id
        @Description("The agent's mandate recorded in brand-registry.")
        public String agentMandateId;
        @Description("Whether the notifier held trusted-flagger status (DSA Art. 22) at filing.")
        public boolean trustedFlagger;

        static NotifierView of(Notifier n) {
            NotifierView v = new NotifierView();
            v.ownerId = CodeVerificationView.blankToNull(n.getOwnerId());
            v.name = CodeVerificationView.blankToNull(n.getName());
            v.email = CodeVerificationView.blankToNull(n.getEmail());
            v.phone = CodeVerificationView.blankToNull(n.getPhone());
            v.principalOwnerId = CodeVerificationView.blankToNull(n.getPrincipalOwnerId());
            v.agentMandateId = CodeVerificationView.blankToNull(n.getAgentMandateId());
            v.trustedFlagger = n.getTrustedFlagger();
            return v;
        }
    }

    @Name("ComplaintRight")
    @Description("The right a complaint relies on: a registered trademark, or a copyrighted work (DMCA 512(c)(3)).")
    public static class RightView {
        @NonNull
        @Description("TRADEMARK or COPYRIGHT.")
        public String type;
        @Id
        @Description("For TRADEMARK: the brand-registry trademark (in force, the notifier's or its principal's).")
        public String trademarkId;
        @Id
        @Description("Echo of the trademark's brand at filing, for the record.")
        public String brandId;
        @Description("Echo of the trademark's registration number at filing.")
        public String registrationNumber;
        @Description("For COPYRIGHT: identification of the copyrighted work.")
        public String copyrightWorkDescription;
        @Description("For COPYRIGHT: its registration number, if any.")
        public String copyrightRegistrationNumber;

        static RightView of(RightReference r) {
            RightView v = new RightView();
            v.type = Enums.name(r.getType(), RIGHT_TYPE);
            v.trademarkId = CodeVerificationView.blankToNull(r.getTrademarkId());
            v.brandId = CodeVerificationView.blankToNull(r.getBrandId());
            v.registrationNumber = CodeVerificationView.blankToNull(r.getRegistrationNumber());
            v.copyrightWorkDescription = CodeVerificationView.blankToNull(r.getCopyrightWorkDescription());
            v.copyrightRegistrationNumber = CodeVerificationView.blankToNull(r.getCopyrightRegistrationNumber());
            return v;
        }
    }

    @Name("EvidenceDocument")
    @Description("A piece of evidence: a document identified by its SHA-256 and where a reviewer can fetch it.")
    public static class EvidenceView {
        @NonNull
        @Description("SHA-256 of the document, 64 hex digits.")
        public String sha256;
        @Description("https URL where a reviewer can fetch it.")
        public String uri;
        @Description("Media type, e.g. application/pdf or image/jpeg.")
        public String mediaType;
        @Description("What the document shows (max 1,000 characters).")
        public String description;

        static List<EvidenceView> of(List<EvidenceDocument> documents) {
            return documents.stream().map(EvidenceView::of).toList();
        }

        static EvidenceView of(EvidenceDocument d) {
            EvidenceView v = new EvidenceView();
            v.sha256 = d.getSha256();
            v.uri = CodeVerificationView.blankToNull(d.getUri());
            v.mediaType = CodeVerificationView.blankToNull(d.getMediaType());
            v.description = CodeVerificationView.blankToNull(d.getDescription());
            return v;
        }
    }

    @Name("ComplaintStatements")
    @Description("The notifier's declarations (DSA Art. 16(2)(d), DMCA 512(c)(3)(A)(v),(vi)).")
    public static class StatementsView {
        @Description("Good-faith belief that the use is not authorized by the right holder or the law.")
        public boolean goodFaith;
        @Description("The notice is accurate and complete.")
        public boolean accurate;
        @Description("Under penalty of perjury, authorized to act for the right holder (DMCA).")
        public boolean authorizedToAct;
        @Description("Electronic signature: the signer's full name.")
        public String signature;

        static StatementsView of(NoticeStatements s) {
            StatementsView v = new StatementsView();
            v.goodFaith = s.getGoodFaith();
            v.accurate = s.getAccurate();
            v.authorizedToAct = s.getAuthorizedToAct();
            v.signature = CodeVerificationView.blankToNull(s.getSignature());
            return v;
        }
    }

    @Name("ComplaintAbuseMark")
    @Description("A reviewer's record that a complaint was manifestly unfounded or malicious; counts against the "
            + "notifier.")
    public static class AbuseMarkView {
        @NonNull
        @Description(ABUSE_KINDS + ".")
        public String kind;
        @Description("Why, in words.")
        public String explanation;
        @Description("Token subject of the reviewer who marked it.")
        public String markedBy;
        @Description("When it was marked.")
        public Instant markedAt;

        static AbuseMarkView of(NoticeAbuseMark m) {
            AbuseMarkView v = new AbuseMarkView();
            v.kind = Enums.name(m.getKind(), ABUSE_KIND);
            v.explanation = CodeVerificationView.blankToNull(m.getExplanation());
            v.markedBy = CodeVerificationView.blankToNull(m.getMarkedBy());
            v.markedAt = m.hasMarkedAt() ? Times.of(m.getMarkedAt()) : null;
            return v;
        }
    }

    @Name("ComplaintConnection")
    @Description("A page of complaints, newest first (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The complaints of this page, newest first.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<Notice> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = ComplaintView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("ComplaintEdge")
    @Description("One complaint of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The complaint.")
        public ComplaintView node;
    }
}
