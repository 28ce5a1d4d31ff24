package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.SuspectReason;
import io.cloudsword.api.verification.v1.Verdict;

@Name("CodeVerification")
@Description("What is known of a code: the verdict, why it is suspect, and its scan history in figures.")
public class CodeVerificationView {
    @Description("GENUINE (issued, nothing suspicious), SUSPECT (issued, but see reasons) or INVALID (never issued "
            + "or its MAC fails; the two are not told apart).")
    @NonNull
    public String verdict;
    @Description("Why the code is SUSPECT; empty otherwise.")
    @NonNull
    public List<@NonNull SuspectReasonView> reasons;
    @Description("GTIN-14 of the parsed code (also for INVALID when it parsed).")
    @NonNull
    public String gtin;
    @Description("The serial (AI 21), decoded.")
    @NonNull
    public String serial;
    @Id
    @Description("Null for INVALID.")
    public String brandId;
    @Id
    @Description("Null for INVALID.")
    public String ownerId;
    @Id
    @Description("Null for INVALID.")
    public String batchId;
    @Description("Scans recorded for the code, including this one.")
    public long scanCount;
    public Instant firstScannedAt;
    @Description("ISO alpha-2 country of the first scan; null when unknown.")
    public String firstScanCountry;
    @Description("ISSUED, COMMISSIONED or DECOMMISSIONED; null for INVALID.")
    public String lifecycleStatus;
    @Description("Latest lifecycle step, e.g. RETAIL_SELLING; null when none was recorded.")
    public String lastBusinessStep;
    @Id
    @Description("This scan's id; null for INVALID (nothing is stored).")
    public String scanId;
    @Description("The code's transparency-log entry (see proofBundle).")
    public Long logIndex;

    /** Product and brand are resolved only for issued codes: an INVALID code must not borrow a real product's name. */
    boolean issued() {
        return !"INVALID".equals(verdict);
    }

    @Description("One reason a code is SUSPECT, with the facts behind it.")
    @Name("SuspectReason")
    public static class SuspectReasonView {
        @Description("SCAN_COUNT_EXCEEDED, IMPOSSIBLE_TRAVEL, OUTSIDE_DISTRIBUTION_TERRITORY or "
                + "SCANNED_AFTER_DECOMMISSIONING")
        @NonNull
        public String code;
        @Description("A sentence a consumer can read.")
        @NonNull
        public String explanation;
        @Description("Facts, e.g. scan_count and limit, or speed_kmh and previous_country; sorted by key.")
        @NonNull
        public List<@NonNull DetailView> details;

        static SuspectReasonView of(SuspectReason r) {
            SuspectReasonView v = new SuspectReasonView();
            v.code = Enums.name(r.getCode(), "SUSPECT_REASON_CODE_");
            v.explanation = r.getExplanation();
            v.details = new TreeMap<>(r.getDetailsMap()).entrySet().stream().map(e -> DetailView.of(e.getKey(),
                    e.getValue())).toList();
            return v;
        }
    }

    @Description("One fact behind a suspect reason, as a key and its value.")
    @Name("Detail")
    public static class DetailView {
        @Description("Name of the fact, e.g. scan_count, limit, speed_kmh, previous_country.")
        @NonNull
        public String key;
        @Description("The fact's value as text.")
        @NonNull
        public String value;

        static DetailView of(String key, String value) {
            DetailView v = new DetailView();
            v.key = key;
            v.value = value;
            return v;
        }
    }

    static CodeVerificationView of(CodeVerification c) {
        CodeVerificationView v = new CodeVerificationView();
        v.verdict = c.getVerdict() == Verdict.VERDICT_UNSPECIFIED ? "INVALID" : Enums.name(c.getVerdict(), "VERDICT_");
        v.reasons = c.getReasonsList().stream().map(SuspectReasonView::of).toList();
        v.gtin = c.getGtin();
        v.serial = c.getSerial();
        v.brandId = blankToNull(c.getBrandId());
        v.ownerId = blankToNull(c.getOwnerId());
        v.batchId = blankToNull(c.getBatchId());
        v.scanCount = c.getScanCount();
        v.firstScannedAt = Times.ofOptional(c.hasFirstScannedAt(), c.getFirstScannedAt());
        v.firstScanCountry = blankToNull(c.getFirstScanCountry());
        v.lifecycleStatus = Enums.name(c.getLifecycleStatus(), "CODE_LIFECYCLE_STATUS_");
        v.lastBusinessStep = Enums.name(c.getLastBusinessStep(), "BUSINESS_STEP_");
        v.scanId = blankToNull(c.getScanId());
        v.logIndex = c.hasLogIndex() ? c.getLogIndex() : null;
        return v;
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
