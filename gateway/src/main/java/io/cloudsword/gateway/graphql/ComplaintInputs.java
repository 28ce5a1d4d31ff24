package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.complaint.v1.AppellantRole;
import io.cloudsword.api.complaint.v1.CounterNoticeStatements;
import io.cloudsword.api.complaint.v1.EvidenceDocument;
import io.cloudsword.api.complaint.v1.FileAppealRequest;
import io.cloudsword.api.complaint.v1.Jurisdiction;
import io.cloudsword.api.complaint.v1.LegalActionKind;
import io.cloudsword.api.complaint.v1.ListingReference;
import io.cloudsword.api.complaint.v1.NoticeItemDecision;
import io.cloudsword.api.complaint.v1.NoticeItemDecisionOutcome;
import io.cloudsword.api.complaint.v1.NoticeStatements;
import io.cloudsword.api.complaint.v1.RightReference;
import io.cloudsword.api.complaint.v1.RightType;
import io.cloudsword.api.complaint.v1.SubmitConsumerReportRequest;
import io.cloudsword.api.complaint.v1.SubmitCounterNoticeRequest;
import io.cloudsword.api.complaint.v1.SubmitLegalActionProofRequest;
import io.cloudsword.api.complaint.v1.SubmitNoticeRequest;

/**
 * The inputs of the complaint mutations; they mirror complaint.proto's request messages. The
 * gateway checks only what it must to build a request (enum names); complaint-service validates
 * the rest and names the field at fault.
 */
final class ComplaintInputs {
    private ComplaintInputs() {
    }

    static List<EvidenceDocument> evidence(List<EvidenceInput> inputs) {
        return inputs == null ? List.of()
                : inputs.stream().filter(e -> e != null).map(EvidenceInput::toProto).toList();
    }

    @Input("EvidenceDocumentInput")
    @Description("A piece of evidence: a document by its SHA-256 and where a reviewer can fetch it.")
    public static class EvidenceInput {
        @NonNull
        @Description("SHA-256 of the document, 64 hex digits.")
        public String sha256;
        @Description("https URL where a reviewer can fetch it.")
        public String uri;
        @Description("Media type, e.g. application/pdf or image/jpeg.")
        public String mediaType;
        @Description("What the document shows; max 1,000 characters.")
        public String description;

        EvidenceDocument toProto() {
            return EvidenceDocument.newBuilder().setSha256(Inputs.orEmpty(sha256)).setUri(Inputs.orEmpty(uri))
                    .setMediaType(Inputs.orEmpty(mediaType)).setDescription(Inputs.orEmpty(description)).build();
        }
    }

    @Input("ListingReferenceInput")
    @Description("A listing as the notifier names it: its URL or the platform's listing id (one of them).")
    public static class ListingReferenceInput {
        @Description("https URL of the listing page.")
        public String url;
        @Description("The platform's listing id.")
        public String externalId;

        ListingReference toProto() {
            return ListingReference.newBuilder().setUrl(Inputs.orEmpty(url)).setExternalId(Inputs.orEmpty(externalId))
                    .build();
        }
    }

    @Input("ComplaintRightInput")
    @Description("The right a complaint relies on.")
    public static class RightInput {
        @NonNull
        @Description("TRADEMARK (with trademarkId) or COPYRIGHT (with copyrightWorkDescription).")
        public String type;
        @Id
        @Description("For TRADEMARK: a brand-registry trademark in force, the notifier's or its principal's.")
        public String trademarkId;
        @Description("For COPYRIGHT: identification of the copyrighted work, e.g. the brand's product photos.")
        public String copyrightWorkDescription;
        @Description("For COPYRIGHT: its registration number, if any.")
        public String copyrightRegistrationNumber;

        RightReference toProto(String field) {
            return RightReference.newBuilder()
                    .setType(Enums.parse(RightType.class, ComplaintView.RIGHT_TYPE, type, field + ".type"))
                    .setTrademarkId(Inputs.orEmpty(trademarkId))
                    .setCopyrightWorkDescription(Inputs.orEmpty(copyrightWorkDescription))
                    .setCopyrightRegistrationNumber(Inputs.orEmpty(copyrightRegistrationNumber)).build();
        }
    }

    @Input("ComplaintStatementsInput")
    @Description("The notifier's declarations; goodFaith and accurate must be true.")
    public static class StatementsInput {
        @Description("Good-faith belief that the use is not authorized by the right holder or the law.")
        public boolean goodFaith;
        @Description("The notice is accurate and complete.")
        public boolean accurate;
        @Description("Under penalty of perjury, authorized to act for the right holder (DMCA); default false.")
        public Boolean authorizedToAct;
        @Description("Electronic signature: the signer's full name.")
        public String signature;

        NoticeStatements toProto() {
            return NoticeStatements.newBuilder().setGoodFaith(goodFaith).setAccurate(accurate)
                    .setAuthorizedToAct(Boolean.TRUE.equals(authorizedToAct)).setSignature(Inputs.orEmpty(signature))
                    .build();
        }
    }

    @Input("FileComplaintInput")
    @Description("A notice as DSA Art. 16(2), E-Commerce Law Art. 42 and DMCA 512(c)(3) want it: who files, the "
            + "right, a substantiated explanation, evidence, the exact listings and the declarations.")
    public static class FileComplaint {
        @NonNull
        @Description("Slug of the platform the listings are on.")
        public String platform;
        @Description("Legal regime: " + ComplaintView.JURISDICTIONS + "; default the platform's.")
        public String jurisdiction;
        @NonNull
        @Description("The natural person or entity filing.")
        public String notifierName;
        @NonNull
        @Description("How to reach the notifier.")
        public String notifierEmail;
        @Description("Phone, optional.")
        public String notifierPhone;
        @Id
        @Description("Filing as agent: the right holder acted for (its mandate is checked in brand-registry).")
        public String principalOwnerId;
        @NonNull
        @Description("The right relied on.")
        public RightInput right;
        @NonNull
        @Description("Substantiated explanation why the listings infringe; max 10,000 characters.")
        public String explanation;
        @NonNull
        @Description("Preliminary evidence; at least one document.")
        public List<@NonNull EvidenceInput> evidence;
        @NonNull
        @Description("The listings, 1..300, each its URL or the platform's id.")
        public List<@NonNull ListingReferenceInput> listings;
        @NonNull
        @Description("The declarations; goodFaith and accurate must be true.")
        public StatementsInput statements;
        @Description("The notifier's own reference for the notice.")
        public String clientReference;

        SubmitNoticeRequest toProto(String idempotencyKey) {
            return SubmitNoticeRequest.newBuilder().setIdempotencyKey(Inputs.orEmpty(idempotencyKey))
                    .setPlatform(Inputs.orEmpty(platform))
                    .setJurisdiction(Enums.parse(Jurisdiction.class, ComplaintView.JURISDICTION, jurisdiction,
                            "input.jurisdiction"))
                    .setNotifierName(Inputs.orEmpty(notifierName)).setNotifierEmail(Inputs.orEmpty(notifierEmail))
                    .setNotifierPhone(Inputs.orEmpty(notifierPhone))
                    .setPrincipalOwnerId(Inputs.orEmpty(principalOwnerId))
                    .setRight(right == null ? RightReference.getDefaultInstance() : right.toProto("input.right"))
                    .setExplanation(Inputs.orEmpty(explanation)).addAllEvidence(evidence(evidence))
                    .addAllListings(listings == null ? List.of()
                            : listings.stream().filter(l -> l != null).map(ListingReferenceInput::toProto).toList())
                    .setStatements(statements == null ? NoticeStatements.getDefaultInstance() : statements.toProto())
                    .setClientReference(Inputs.orEmpty(clientReference)).build();
        }
    }

    @Input("ComplaintItemDecisionInput")
    @Description("The decision on one PENDING item.")
    public static class ItemDecision {
        @Id
        @NonNull
        @Description("The item.")
        public String itemId;
        @NonNull
        @Description("ACCEPT (take the listing down with a statement of reasons) or REJECT.")
        public String outcome;
        @Description("Stable reason code, e.g. INFRINGEMENT_ESTABLISHED, NOT_INFRINGING, INSUFFICIENT_EVIDENCE, "
                + "RIGHT_NOT_APPLICABLE, LISTING_GONE.")
        public String reason;
        @Description("Facts and circumstances for the statement of reasons (no personal data).")
        public String explanation;
        @Description("For ACCEPT: countries where the measure applies (ISO alpha-2); empty = everywhere.")
        public List<String> territorialScope;

        NoticeItemDecision toProto(String field) {
            return NoticeItemDecision.newBuilder().setItemId(Inputs.orEmpty(itemId))
                    .setOutcome(Enums.parse(NoticeItemDecisionOutcome.class, "NOTICE_ITEM_DECISION_OUTCOME_", outcome,
                            field + ".outcome"))
                    .setReason(Inputs.orEmpty(reason)).setExplanation(Inputs.orEmpty(explanation))
                    .addAllTerritorialScope(Inputs.orEmpty(territorialScope)).build();
        }
    }

    @Input("CounterNoticeStatementsInput")
    @Description("The seller's declarations (E-Commerce Law Art. 43; DMCA 512(g)(3)).")
    public static class CounterNoticeStatementsInput {
        @Description("Good-faith belief, under penalty of perjury, that the material was removed by mistake or "
                + "misidentification.")
        public boolean goodFaith;
        @Description("Consent to the jurisdiction of the competent court and to accept service (DMCA); default false.")
        public Boolean consentToJurisdiction;
        @Description("Electronic signature: the signer's full name.")
        public String signature;

        CounterNoticeStatements toProto() {
            return CounterNoticeStatements.newBuilder().setGoodFaith(goodFaith)
                    .setConsentToJurisdiction(Boolean.TRUE.equals(consentToJurisdiction))
                    .setSignature(Inputs.orEmpty(signature)).build();
        }
    }

    @Input("CounterNoticeInput")
    @Description("A seller's counter-notice against ACCEPTED items of one shop, sent through its platform partner.")
    public static class CounterNoticeInput {
        @Id
        @NonNull
        @Description("The complaint.")
        public String complaintId;
        @NonNull
        @Description("The ACCEPTED items contested, all of one shop; at least one.")
        public List<@NonNull String> itemIds;
        @NonNull
        @Description("The seller's name.")
        public String sellerName;
        @NonNull
        @Description("The seller's email.")
        public String sellerEmail;
        @Description("The seller's address; required for US jurisdiction.")
        public String sellerAddress;
        @NonNull
        @Description("The statement of non-infringement.")
        public String explanation;
        @NonNull
        @Description("Preliminary evidence; at least one document.")
        public List<@NonNull EvidenceInput> evidence;
        @NonNull
        @Description("The seller's declarations.")
        public CounterNoticeStatementsInput statements;

        SubmitCounterNoticeRequest toProto(String idempotencyKey) {
            return SubmitCounterNoticeRequest.newBuilder().setIdempotencyKey(Inputs.orEmpty(idempotencyKey))
                    .setNoticeId(Inputs.orEmpty(complaintId)).addAllItemIds(Inputs.orEmpty(itemIds))
                    .setSellerName(Inputs.orEmpty(sellerName)).setSellerEmail(Inputs.orEmpty(sellerEmail))
                    .setSellerAddress(Inputs.orEmpty(sellerAddress)).setExplanation(Inputs.orEmpty(explanation))
                    .addAllEvidence(evidence(evidence))
                    .setStatements(statements == null ? CounterNoticeStatements.getDefaultInstance()
                            : statements.toProto())
                    .build();
        }
    }

    @Input("LegalActionProofInput")
    @Description("The notifier's proof that it complained to an authority or sued, within the waiting period.")
    public static class LegalActionProofInput {
        @Id
        @NonNull
        @Description("The complaint.")
        public String complaintId;
        @Description("COUNTER_NOTICED items covered; empty = all of the complaint's COUNTER_NOTICED items.")
        public List<@NonNull String> itemIds;
        @NonNull
        @Description(LegalActionProofView.KINDS + ".")
        public String kind;
        @NonNull
        @Description("The authority or court, e.g. \"Hangzhou Internet Court\".")
        public String authorityOrCourt;
        @NonNull
        @Description("The authority's or court's case reference.")
        public String caseReference;
        @Description("When the complaint or lawsuit was filed (yyyy-MM-dd).")
        public LocalDate filedOn;
        @NonNull
        @Description("Documents proving it; at least one.")
        public List<@NonNull EvidenceInput> evidence;

        SubmitLegalActionProofRequest toProto(String idempotencyKey) {
            SubmitLegalActionProofRequest.Builder b = SubmitLegalActionProofRequest.newBuilder()
                    .setIdempotencyKey(Inputs.orEmpty(idempotencyKey)).setNoticeId(Inputs.orEmpty(complaintId))
                    .addAllItemIds(Inputs.orEmpty(itemIds))
                    .setKind(Enums.parse(LegalActionKind.class, LegalActionProofView.KIND, kind, "input.kind"))
                    .setAuthorityOrCourt(Inputs.orEmpty(authorityOrCourt))
                    .setCaseReference(Inputs.orEmpty(caseReference)).addAllEvidence(evidence(evidence));
            if (filedOn != null) {
                b.setFiledOn(Times.toProto(filedOn));
            }
            return b.build();
        }
    }

    @Input("AppealInput")
    @Description("An appeal (DSA Art. 20): by the affected seller against ACCEPTED/UPHELD items, or by the notifier "
            + "against REJECTED ones, within 6 months of the decision.")
    public static class AppealInput {
        @Id
        @NonNull
        @Description("The complaint.")
        public String complaintId;
        @NonNull
        @Description("The appealed items; at least one.")
        public List<@NonNull String> itemIds;
        @NonNull
        @Description(AppealView.APPELLANTS + ".")
        public String appellant;
        @NonNull
        @Description("Why the decision should change.")
        public String grounds;
        @Description("Supporting documents.")
        public List<@NonNull EvidenceInput> evidence;
        @NonNull
        @Description("Where the reasoned decision is sent.")
        public String contactEmail;

        FileAppealRequest toProto(String idempotencyKey) {
            return FileAppealRequest.newBuilder().setIdempotencyKey(Inputs.orEmpty(idempotencyKey))
                    .setNoticeId(Inputs.orEmpty(complaintId)).addAllItemIds(Inputs.orEmpty(itemIds))
                    .setAppellant(Enums.parse(AppellantRole.class, AppealView.APPELLANT, appellant, "input.appellant"))
                    .setGrounds(Inputs.orEmpty(grounds)).addAllEvidence(evidence(evidence))
                    .setContactEmail(Inputs.orEmpty(contactEmail)).build();
        }
    }

    @Input("ConsumerReportInput")
    @Description("A consumer's report of a suspected fake: a listing (platform + listingExternalId) or a scanned code "
            + "(digitalLink).")
    public static class ConsumerReportInput {
        @Description("Slug of the listing's platform; with listingExternalId.")
        public String platform;
        @Description("The platform's id of the listing.")
        public String listingExternalId;
        @NonNull
        @Description("Why the consumer suspects a fake; max 2,000 characters.")
        public String reason;
        @Description("Optional: where the outcome may be sent. Leave out to stay anonymous.")
        public String contactEmail;
        @Description("The scanned code's GS1 Digital Link URI, instead of a listing.")
        public String digitalLink;
        @Description("Where the consumer bought the item (ISO alpha-2).")
        public String purchaseCountry;

        SubmitConsumerReportRequest toProto(String idempotencyKey) {
            return SubmitConsumerReportRequest.newBuilder().setPlatform(Inputs.orEmpty(platform))
                    .setListingExternalId(Inputs.orEmpty(listingExternalId)).setReason(Inputs.orEmpty(reason))
                    .setContactEmail(Inputs.orEmpty(contactEmail)).setDigitalLink(Inputs.orEmpty(digitalLink))
                    .setPurchaseCountry(Inputs.orEmpty(purchaseCountry)).setIdempotencyKey(Inputs.orEmpty(idempotencyKey))
                    .build();
        }
    }
}
