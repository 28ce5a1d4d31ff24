package io.cloudsword.brand.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * A trademark as a caller describes it, for registration or as the merged result of an update;
 * {@link #validated} checks and normalizes it. Absent enum values are null.
 */
public record NewTrademark(String brandId, Trademark.Office office, String registrationNumber, String markText,
        List<Integer> niceClasses, List<String> territories, LocalDate registrationDate, LocalDate expiryDate,
        Trademark.Status status, String evidenceSha256, String markImageHash) {

    public static final Set<String> UPDATABLE = Set.of("mark_text", "nice_classes", "territories", "registration_date",
            "expiry_date", "status", "evidence_sha256", "mark_image_hash");

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern IMAGE_HASH = Pattern.compile("^[0-9a-f]{16}$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The request of RegisterTrademark, checked; only REGISTERED and PENDING may be registered. */
    public NewTrademark validatedForRegistration() {
        String brand = Checks.id("brand_id", brandId);
        if (office == null) {
            throw DomainException.invalid("office", "INVALID_TRADEMARK_OFFICE",
                    "office must name the trademark office that registered the mark");
        }
        if (status == null) {
            throw DomainException.invalid("status", "FIELD_REQUIRED", "status is required (REGISTERED or PENDING)");
        }
        if (status != Trademark.Status.REGISTERED && status != Trademark.Status.PENDING) {
            throw DomainException.invalid("status", "VALUE_OUT_OF_RANGE", "A trademark is registered as REGISTERED or"
                    + " PENDING; CANCELLED is set through UpdateTrademark and EXPIRED is derived from expiry_date");
        }
        NewTrademark checked = validated("");
        return new NewTrademark(brand, office, checked.registrationNumber, checked.markText, checked.niceClasses,
                checked.territories, registrationDate, expiryDate, status, checked.evidenceSha256, checked.markImageHash);
    }

    /**
     * Checks everything but the brand (fields named {@code prefix + name}). Dates are required
     * while the mark is REGISTERED: an office registers for a term.
     */
    public NewTrademark validated(String prefix) {
        String number = registrationNumber(prefix + "registration_number", registrationNumber);
        String text = Checks.optionalText(prefix + "mark_text", markText, 500);
        List<Integer> classes = niceClasses(prefix + "nice_classes", niceClasses);
        if (territories == null || territories.isEmpty()) {
            throw DomainException.invalid(prefix + "territories", "FIELD_REQUIRED",
                    "territories must name at least one country (or EU) where the mark is protected");
        }
        List<String> where = Territories.territories(prefix + "territories", territories);
        if (status == null) {
            throw DomainException.invalid(prefix + "status", "FIELD_REQUIRED", "status is required");
        }
        if (status == Trademark.Status.EXPIRED) {
            throw DomainException.invalid(prefix + "status", "VALUE_OUT_OF_RANGE",
                    "EXPIRED is derived from expiry_date; set expiry_date instead");
        }
        if (status == Trademark.Status.REGISTERED) {
            if (registrationDate == null) {
                throw DomainException.invalid(prefix + "registration_date", "FIELD_REQUIRED",
                        "registration_date is required unless the mark is PENDING");
            }
            if (expiryDate == null) {
                throw DomainException.invalid(prefix + "expiry_date", "FIELD_REQUIRED",
                        "expiry_date is required unless the mark is PENDING");
            }
        }
        if (registrationDate != null && expiryDate != null && expiryDate.isBefore(registrationDate)) {
            throw DomainException.invalid(prefix + "expiry_date", "INVALID_DATE_RANGE",
                    "expiry_date " + expiryDate + " is before registration_date " + registrationDate);
        }
        String evidence = evidenceSha256 == null ? "" : evidenceSha256.strip().toLowerCase(Locale.ROOT);
        if (evidence.isEmpty()) {
            throw DomainException.invalid(prefix + "evidence_sha256", "FIELD_REQUIRED",
                    "evidence_sha256 (SHA-256 of the registration certificate) is required");
        }
        if (!SHA256.matcher(evidence).matches()) {
            throw DomainException.invalid(prefix + "evidence_sha256", "INVALID_DOCUMENT_HASH",
                    "evidence_sha256 must be a SHA-256 as 64 hex characters");
        }
        String image = markImageHash == null ? "" : markImageHash.strip().toLowerCase(Locale.ROOT);
        if (!image.isEmpty() && !IMAGE_HASH.matcher(image).matches()) {
            throw DomainException.invalid(prefix + "mark_image_hash", "INVALID_IMAGE_HASH",
                    "mark_image_hash must be a perceptual hash of 16 hex characters");
        }
        return new NewTrademark(brandId, office, number, text, classes, where, registrationDate, expiryDate, status,
                evidence, image);
    }

    /** Upper case with every space removed: "tm 1234 567" and "TM1234567" are one number. */
    static String registrationNumber(String field, String value) {
        String v = WHITESPACE.matcher(value == null ? "" : value).replaceAll("").toUpperCase(Locale.ROOT);
        return Checks.text(field, v, 100);
    }

    /** At least one class of 1..45; sorted ascending, duplicates collapsed. */
    static List<Integer> niceClasses(String field, List<Integer> values) {
        if (values == null || values.isEmpty()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " must name at least one Nice class");
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            int c = values.get(i);
            if (c < 1 || c > 45) {
                throw DomainException.invalid(field + "[" + i + "]", "INVALID_NICE_CLASS",
                        "Nice classes are 1..45 (goods 1..34, services 35..45), got " + c);
            }
            out.add(c);
        }
        return new ArrayList<>(out);
    }

    /** The stored values, as a starting point for an update. */
    public static NewTrademark of(Trademark t) {
        return new NewTrademark(t.brandId.toString(), t.office, t.registrationNumber, t.markText, t.niceClasses,
                t.territories, t.registrationDate, t.expiryDate, t.status, t.evidenceSha256, t.markImageHash);
    }

    /** These values with the masked fields taken from {@code changes}. */
    public NewTrademark with(NewTrademark changes, Set<String> paths) {
        return new NewTrademark(brandId, office, registrationNumber,
                paths.contains("mark_text") ? changes.markText : markText,
                paths.contains("nice_classes") ? changes.niceClasses : niceClasses,
                paths.contains("territories") ? changes.territories : territories,
                paths.contains("registration_date") ? changes.registrationDate : registrationDate,
                paths.contains("expiry_date") ? changes.expiryDate : expiryDate,
                paths.contains("status") ? changes.status : status,
                paths.contains("evidence_sha256") ? changes.evidenceSha256 : evidenceSha256,
                paths.contains("mark_image_hash") ? changes.markImageHash : markImageHash);
    }

    void applyTo(Trademark t) {
        t.markText = markText;
        t.niceClasses = new ArrayList<>(niceClasses);
        t.territories = new ArrayList<>(territories);
        t.registrationDate = registrationDate;
        t.expiryDate = expiryDate;
        t.status = status;
        t.evidenceSha256 = evidenceSha256;
        t.markImageHash = markImageHash;
    }
}
