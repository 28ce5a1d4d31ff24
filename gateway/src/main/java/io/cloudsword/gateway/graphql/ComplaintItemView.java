package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.complaint.v1.ListingReference;
import io.cloudsword.api.complaint.v1.Notice;
import io.cloudsword.api.complaint.v1.NoticeItem;

/** complaint-service's NoticeItem: one listing reference of a complaint, decided on its own. */
@Name("ComplaintItem")
@Description("One listing of a complaint, with its own state, decision, statement of reasons and deadlines. "
        + "PENDING -> REJECTED, or ACCEPTED (taken down) -> COUNTER_NOTICED -> UPHELD (strike) or RESTORED; "
        + "ACCEPTED without a counter-notice by counterNoticeDeadline -> UPHELD; any non-final -> WITHDRAWN.")
public class ComplaintItemView {
    static final String STATE = "NOTICE_ITEM_STATE_";
    static final String STATES = "PENDING, REJECTED, ACCEPTED (takedown requested), COUNTER_NOTICED (waiting for "
            + "legal-action proof), UPHELD (final: stays down, strike on the shop), RESTORED (final) or WITHDRAWN "
            + "(final)";

    @Id
    @NonNull
    @Description("The item's id; also the platform-unique id of its decision in the DSA transparency database.")
    public String id;
    @Id
    @NonNull
    @Description("The complaint the item belongs to.")
    public String complaintId;
    @NonNull
    @Description("Slug of the complaint's platform.")
    public String platform;
    @NonNull
    @Description("The listing reference as the notifier gave it.")
    public ReferenceView reference;
    @Id
    @Description("The listing the reference resolved to at filing; see listing.")
    public String listingId;
    @Description("The platform's id of the listing's shop.")
    public String shopId;
    @NonNull
    @Description("The item's state: " + STATES + ".")
    public String state;
    @Description("Statement of reasons of the latest decision (to the seller when accepted or restored, to the "
            + "notifier when rejected); null while PENDING.")
    public StatementOfReasonsView statement;
    @Description("Stable code of the decision, e.g. INFRINGEMENT_ESTABLISHED, NOT_INFRINGING, INSUFFICIENT_EVIDENCE, "
            + "RIGHT_NOT_APPLICABLE, LISTING_GONE.")
    public String decisionReason;
    @Description("When the item was decided.")
    public Instant decidedAt;
    @Description("Token subject of the reviewer who decided it.")
    public String decidedBy;
    @Description("When listing-service confirmed the takedown.")
    public Instant takedownAppliedAt;
    @Description("ACCEPTED: without a counter-notice by then, the item becomes UPHELD.")
    public Instant counterNoticeDeadline;
    @Description("COUNTER_NOTICED: without legal-action proof by then, the item becomes RESTORED.")
    public Instant legalActionDeadline;
    @Description("COUNTER_NOTICED (US): the listing is not restored before this instant.")
    public Instant restoreNotBefore;
    @Description("Latest point up to which the decision may be appealed.")
    public Instant appealDeadline;
    @Id
    @Description("The seller's counter-notice on the item, if any.")
    public String counterNoticeId;
    @Id
    @Description("The notifier's proof of legal action on the item, if any.")
    public String legalActionProofId;
    @Id
    @Description("The strike recorded in listing-service when the item was UPHELD.")
    public String strikeId;

    static ComplaintItemView of(Notice notice, NoticeItem i) {
        ComplaintItemView v = new ComplaintItemView();
        v.id = i.getId();
        v.complaintId = notice.getId();
        v.platform = notice.getPlatform();
        v.reference = ReferenceView.of(i.getReference());
        v.listingId = CodeVerificationView.blankToNull(i.getListingId());
        v.shopId = CodeVerificationView.blankToNull(i.getShopId());
        v.state = Enums.name(i.getState(), STATE);
        v.statement = StatementOfReasonsView.of(i.hasStatement(), i.getStatement());
        v.decisionReason = CodeVerificationView.blankToNull(i.getDecisionReason());
        v.decidedAt = Times.ofOptional(i.hasDecidedAt(), i.getDecidedAt());
        v.decidedBy = CodeVerificationView.blankToNull(i.getDecidedBy());
        v.takedownAppliedAt = Times.ofOptional(i.hasTakedownAppliedAt(), i.getTakedownAppliedAt());
        v.counterNoticeDeadline = Times.ofOptional(i.hasCounterNoticeDeadline(), i.getCounterNoticeDeadline());
        v.legalActionDeadline = Times.ofOptional(i.hasLegalActionDeadline(), i.getLegalActionDeadline());
        v.restoreNotBefore = Times.ofOptional(i.hasRestoreNotBefore(), i.getRestoreNotBefore());
        v.appealDeadline = Times.ofOptional(i.hasAppealDeadline(), i.getAppealDeadline());
        v.counterNoticeId = CodeVerificationView.blankToNull(i.getCounterNoticeId());
        v.legalActionProofId = CodeVerificationView.blankToNull(i.getLegalActionProofId());
        v.strikeId = CodeVerificationView.blankToNull(i.getStrikeId());
        return v;
    }

    @Name("ListingReference")
    @Description("A listing as a notifier names it: its URL or the platform's listing id.")
    public static class ReferenceView {
        @Description("https URL of the listing page; null if the platform's id was given instead.")
        public String url;
        @Description("The platform's listing id; null if a URL was given instead.")
        public String externalId;

        static ReferenceView of(ListingReference r) {
            ReferenceView v = new ReferenceView();
            v.url = CodeVerificationView.blankToNull(r.getUrl());
            v.externalId = CodeVerificationView.blankToNull(r.getExternalId());
            return v;
        }
    }
}
