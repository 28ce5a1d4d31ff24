package io.cloudsword.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.common.v1.StatementAutomation;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.common.v1.StatementGround;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.common.v1.StatementSource;
import io.cloudsword.api.complaint.v1.DecideNoticeRequest;
import io.cloudsword.api.complaint.v1.EvidenceDocument;
import io.cloudsword.api.complaint.v1.ListingReference;
import io.cloudsword.api.complaint.v1.Notice;
import io.cloudsword.api.complaint.v1.NoticeItem;
import io.cloudsword.api.complaint.v1.NoticeItemDecision;
import io.cloudsword.api.complaint.v1.NoticeItemDecisionOutcome;
import io.cloudsword.api.complaint.v1.NoticeStatements;
import io.cloudsword.api.complaint.v1.RightReference;
import io.cloudsword.api.complaint.v1.RightType;
import io.cloudsword.api.complaint.v1.SubmitNoticeRequest;
import io.cloudsword.api.complaint.v1.WithdrawNoticeRequest;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.RestoreListingRequest;
import io.cloudsword.api.listing.v1.TakeDownListingRequest;

/**
 * Every request the notices benchmark sends, built here so that a unit test can check them
 * against the contract's rules without a running suite: the bench's rights owner, brand and
 * trademark in brand-registry (fixed natural keys, so every invocation finds the same ones), its
 * innocent listings, the notices (50 listings each by external id, evidence, the statements DSA
 * Art. 16(2) asks for, the trademark relied on), the decisions accepting every item, and the
 * baseline's direct takedowns and the restores that undo them.
 */
final class NoticeRequests {

    /** Every external id of the benchmark's listings starts with this; the platform slug too, unless given. */
    static final String KEY_PREFIX = "bench-nt-";

    // The bench's rights owner: idempotent on (country, trade register number), so it is made once.
    static final String OWNER_NAME = "Cloud Sword Bench Notices GmbH";
    static final String OWNER_COUNTRY = "DE";
    static final String OWNER_TRADE_REGISTER = "HRB BENCH-NOTICES-1";
    static final String OWNER_EMAIL = "bench-notices@cloudsword.example";
    static final String BRAND_NAME = "Cloud Sword Bench Notices";
    // Idempotent on (office, registration number) for the same owner.
    static final String TRADEMARK_NUMBER = "CSBENCHNOTICES1";
    static final String LEGAL_GROUND = "Regulation (EU) 2017/1001 Art. 9(2)(a)";
    static final String DECISION_REASON = "INFRINGEMENT_ESTABLISHED";

    private NoticeRequests() {
    }

    // ----- setup in brand-registry

    static RegisterRightsOwnerRequest owner() {
        return RegisterRightsOwnerRequest.newBuilder().setLegalName(OWNER_NAME).setCountry(OWNER_COUNTRY)
                .setAddress("Benchstrasse 1, 10115 Berlin").setPhone("+49 30 1234567").setEmail(OWNER_EMAIL)
                .setTradeRegisterNumber(OWNER_TRADE_REGISTER).build();
    }

    /** No GS1 prefix, no alias: the brand's name appears in no bench listing, so none is scored against it. */
    static RegisterBrandRequest brand(String ownerId) {
        return RegisterBrandRequest.newBuilder().setOwnerId(ownerId).setName(BRAND_NAME)
                .addOfficialDomains("bench-notices.cloudsword.example").build();
    }

    /** An EU trade mark in force from 2024-01-01 to 2034-01-01 (REGISTERED: the only status that grounds a notice). */
    static RegisterTrademarkRequest trademark(String brandId) {
        return RegisterTrademarkRequest.newBuilder().setBrandId(brandId).setOffice(TrademarkOffice.TRADEMARK_OFFICE_EUIPO)
                .setRegistrationNumber(TRADEMARK_NUMBER).setMarkText(BRAND_NAME.toUpperCase(Locale.ROOT))
                .addNiceClasses(18).addNiceClasses(25).addTerritories("EU")
                .setRegistrationDate(CalendarDate.newBuilder().setYear(2024).setMonth(1).setDay(1))
                .setExpiryDate(CalendarDate.newBuilder().setYear(2034).setMonth(1).setDay(1))
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_REGISTERED)
                .setEvidenceSha256(sha256("cloudsword bench notices: EUTM registration certificate " + TRADEMARK_NUMBER))
                .build();
    }

    // ----- listings

    /** "bench-nt-3f2a1c": a platform of the benchmark's own, new on every invocation. */
    static String platform(String tag) {
        return KEY_PREFIX + tag;
    }

    /** The subject's listings ("s") are the notices'; the baseline's ("b") are taken down directly. */
    static String externalId(String arm, int index) {
        return KEY_PREFIX + arm + "-" + index;
    }

    /**
     * An innocent listing: plain unbranded goods at an ordinary price, sold and shipped in DE, no
     * GTIN, no image, no brand and no counterfeit vocabulary, so the score stays low and the
     * listing ACTIVE (a takedown acts on FLAGGED listings the same way, but none should be).
     * Spread over 200 shops.
     */
    static ListingInput listing(String platform, String externalId, int index) {
        return ListingInput.newBuilder().setPlatform(platform).setExternalId(externalId)
                .setShopId("bench-nt-shop-" + (index % 200)).setSellerId("bench-nt-seller-" + (index % 200))
                .setTitle("Plain cotton tote bag, natural, 38 x 42 cm, item " + index)
                .setDescription("Unbranded everyday tote bag of heavy cotton canvas with long handles. "
                        + "Washable at 30 degrees. Ships within two days.")
                .setPrice(Money.newBuilder().setAmountMinor(1299 + index % 500).setCurrency("EUR"))
                .setMarketCountry("DE").setShipsFromCountry("DE")
                .setUrl("https://" + platform + ".example/item/" + externalId).build();
    }

    /** The external ids notice {@code notice} names: its own slice of the subject's listings. */
    static List<String> noticeListings(int notice, int listingsPerNotice) {
        List<String> ids = new ArrayList<>(listingsPerNotice);
        for (int i = notice * listingsPerNotice; i < (notice + 1) * listingsPerNotice; i++) {
            ids.add(externalId("s", i));
        }
        return ids;
    }

    // ----- notices

    /**
     * A rights owner's trademark notice on {@code externalIds} of {@code platform}: every element
     * the contract requires (explanation, notifier name and email, the right, one evidence
     * document by SHA-256, good-faith and accuracy statements with a signature). The key is unique
     * per run and notice, so every run files new notices.
     */
    static SubmitNoticeRequest submit(String idempotencyKey, String platform, String trademarkId,
            List<String> externalIds) {
        SubmitNoticeRequest.Builder r = SubmitNoticeRequest.newBuilder().setIdempotencyKey(idempotencyKey)
                .setPlatform(platform).setNotifierName(OWNER_NAME).setNotifierEmail(OWNER_EMAIL)
                .setRight(RightReference.newBuilder().setType(RightType.RIGHT_TYPE_TRADEMARK).setTrademarkId(trademarkId))
                .setExplanation("These listings offer bags under our registered EU trade mark " + TRADEMARK_NUMBER
                        + " without our consent (Cloud Sword notices benchmark, " + idempotencyKey + ").")
                .addEvidence(EvidenceDocument.newBuilder().setSha256(sha256("evidence " + idempotencyKey))
                        .setUri("https://bench-notices.cloudsword.example/evidence/" + idempotencyKey + ".pdf")
                        .setMediaType("application/pdf").setDescription("Test purchase report"))
                .setStatements(NoticeStatements.newBuilder().setGoodFaith(true).setAccurate(true)
                        .setSignature("Bench Notifier"))
                .setClientReference(idempotencyKey);
        externalIds.forEach(id -> r.addListings(ListingReference.newBuilder().setExternalId(id)));
        return r.build();
    }

    /** Accepts every item of the notice (takedown with a statement of reasons), everywhere. */
    static DecideNoticeRequest acceptAll(Notice notice) {
        DecideNoticeRequest.Builder r = DecideNoticeRequest.newBuilder().setNoticeId(notice.getId())
                .setLegalGround(LEGAL_GROUND);
        for (NoticeItem item : notice.getItemsList()) {
            r.addDecisions(NoticeItemDecision.newBuilder().setItemId(item.getId())
                    .setOutcome(NoticeItemDecisionOutcome.NOTICE_ITEM_DECISION_OUTCOME_ACCEPT).setReason(DECISION_REASON)
                    .setExplanation("The listing offers goods under the notifier's trade mark without its consent."));
        }
        return r.build();
    }

    static WithdrawNoticeRequest withdraw(String noticeId) {
        return WithdrawNoticeRequest.newBuilder().setNoticeId(noticeId)
                .setReason("Cloud Sword notices benchmark finished: its listings are restored").build();
    }

    // ----- the baseline: listing-service directly

    /** The hold's notice id of a baseline run (any text names a hold; no notice of that id exists). */
    static String baselineHold(String tag, String run) {
        return KEY_PREFIX + tag + "-" + run + "-baseline";
    }

    /** A takedown as complaint-service's outbox sends it, for one listing: CONTENT_REMOVED with its statement. */
    static TakeDownListingRequest takeDown(String listingId, String hold, Instant now) {
        return TakeDownListingRequest.newBuilder().setListingId(listingId).setNoticeId(hold)
                .setStatement(statement(StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED, now)
                        .setGround(StatementGround.STATEMENT_GROUND_ILLEGAL_CONTENT).setLegalGround(LEGAL_GROUND)
                        .setFactsAndCircumstances("Benchmark baseline: taken down directly in listing-service.")
                        .setRedress("None: benchmark data, restored at once."))
                .build();
    }

    static RestoreListingRequest restore(String listingId, String hold, Instant now) {
        return RestoreListingRequest.newBuilder().setListingId(listingId).setNoticeId(hold)
                .setStatement(statement(StatementDecision.STATEMENT_DECISION_CONTENT_RESTORED, now)
                        .setFactsAndCircumstances("Benchmark baseline finished: restored."))
                .build();
    }

    /** An own-initiative statement (no notice decided it: notice_id stays empty, as the contract says). */
    private static StatementOfReasons.Builder statement(StatementDecision decision, Instant now) {
        return StatementOfReasons.newBuilder().setId(UUID.randomUUID().toString()).setDecision(decision)
                .setSource(StatementSource.STATEMENT_SOURCE_OWN_INITIATIVE)
                .setAutomatedDecision(StatementAutomation.STATEMENT_AUTOMATION_FULLY)
                .setDecidedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
    }

    /** A protobuf Timestamp as nanoseconds since the epoch (fits a long until 2262). */
    static long nanos(Timestamp t) {
        return t.getSeconds() * 1_000_000_000L + t.getNanos();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
