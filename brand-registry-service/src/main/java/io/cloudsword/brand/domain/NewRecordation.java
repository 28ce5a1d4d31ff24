package io.cloudsword.brand.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.cloudsword.brand.domain.CustomsRecordation.Aid;
import io.cloudsword.brand.domain.CustomsRecordation.Authority;
import io.cloudsword.brand.domain.CustomsRecordation.Contact;
import io.cloudsword.brand.domain.CustomsRecordation.Party;
import io.cloudsword.brand.domain.CustomsRecordation.Status;
import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * A recordation as filed or changed (raw until {@link #validated}). Null authority, status or
 * contact means the field was absent. Repeated fields are de-duplicated in first-seen order.
 */
public record NewRecordation(Authority authority, String recordationNumber, List<String> trademarkIds,
        List<String> hsCodes, List<String> territories, List<String> authenticGtins, List<String> authenticImageHashes,
        List<Aid> aids, List<Party> distributors, Contact contact, LocalDate validFrom, LocalDate validUntil,
        Status status) {

    public static final Set<String> UPDATABLE = Set.of("trademark_ids", "hs_codes", "territories", "authentic_gtins",
            "authentic_image_hashes", "identification_aids", "authorized_distributors", "detention_contact",
            "valid_from", "valid_until", "status");

    /** China GACC grants recordations for 10 years. */
    public static final int CN_GACC_MAX_YEARS = 10;

    private static final Pattern HS_CODE = Pattern.compile("^[0-9]{4}([0-9]{2})?$");
    private static final Pattern IMAGE_HASH = Pattern.compile("^[0-9a-f]{16}$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,40}$");

    /** Upper case without any spaces: "cn 2024-12 345" and "CN2024-12345" are one number. */
    public static String normalizeNumber(String number) {
        return number == null ? "" : number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Every field checked, naming the field at fault; {@code prefix} is "" for a registration and
     * "recordation." for an update. {@code registering} allows PENDING or ACTIVE only.
     */
    public NewRecordation validated(String prefix, boolean registering) {
        if (authority == null) {
            throw DomainException.invalid(prefix + "authority", "FIELD_REQUIRED", "authority is required");
        }
        String number = normalizeNumber(Checks.text(prefix + "recordation_number", recordationNumber, 100));
        List<String> tms = required(prefix + "trademark_ids", trademarkIds);
        List<String> trademarks = each(tms, prefix + "trademark_ids", Checks::id);
        List<String> hs = each(required(prefix + "hs_codes", hsCodes), prefix + "hs_codes", NewRecordation::hsCode);
        List<String> t = Territories.territories(prefix + "territories", required(prefix + "territories", territories));
        List<String> gtins = each(authenticGtins, prefix + "authentic_gtins", Gtin::toGtin14);
        List<String> images = each(authenticImageHashes, prefix + "authentic_image_hashes", NewRecordation::imageHash);
        List<Aid> a = new ArrayList<>();
        for (int i = 0; i < aids.size(); i++) {
            a.add(aid(prefix + "identification_aids[" + i + "]", aids.get(i)));
        }
        List<Party> d = new ArrayList<>();
        for (int i = 0; i < distributors.size(); i++) {
            String field = prefix + "authorized_distributors[" + i + "]";
            Party p = distributors.get(i);
            d.add(new Party(Checks.text(field + ".name", p.name(), 300), Checks.country(field + ".country", p.country()),
                    Checks.optionalText(field + ".identifier", p.identifier(), 100)));
        }
        Contact c = contact(prefix + "detention_contact", contact);
        if (validFrom == null) {
            throw DomainException.invalid(prefix + "valid_from", "FIELD_REQUIRED", "valid_from is required");
        }
        if (validUntil == null) {
            throw DomainException.invalid(prefix + "valid_until", "FIELD_REQUIRED", "valid_until is required");
        }
        if (validUntil.isBefore(validFrom)) {
            throw DomainException.invalid(prefix + "valid_until", "INVALID_DATE_RANGE",
                    "valid_until " + validUntil + " is before valid_from " + validFrom);
        }
        if (authority == Authority.CN_GACC && validUntil.isAfter(validFrom.plusYears(CN_GACC_MAX_YEARS))) {
            throw DomainException.invalid(prefix + "valid_until", "VALUE_OUT_OF_RANGE",
                    "A CN GACC recordation is valid for at most " + CN_GACC_MAX_YEARS + " years: valid_until must be "
                            + validFrom.plusYears(CN_GACC_MAX_YEARS) + " or earlier");
        }
        Status s = status == null ? Status.ACTIVE : status;
        if (s == Status.EXPIRED || (registering && s == Status.WITHDRAWN)) {
            throw DomainException.invalid(prefix + "status", "VALUE_OUT_OF_RANGE", registering
                    ? "status must be PENDING or ACTIVE when registering"
                    : "status must be PENDING, ACTIVE or WITHDRAWN; EXPIRED follows from valid_until");
        }
        return new NewRecordation(authority, number, trademarks, hs, t, gtins, images, a, d, c, validFrom, validUntil, s);
    }

    public static NewRecordation of(CustomsRecordation r) {
        return new NewRecordation(r.authority, r.recordationNumber, r.trademarkIds, r.hsCodes, r.territories,
                r.authenticGtins, r.authenticImageHashes, r.aids(), r.distributors(), r.contact(), r.validFrom,
                r.validUntil, r.status);
    }

    /** This record with the masked fields taken from {@code changes}. */
    public NewRecordation with(NewRecordation changes, Set<String> paths) {
        return new NewRecordation(authority, recordationNumber,
                paths.contains("trademark_ids") ? changes.trademarkIds : trademarkIds,
                paths.contains("hs_codes") ? changes.hsCodes : hsCodes,
                paths.contains("territories") ? changes.territories : territories,
                paths.contains("authentic_gtins") ? changes.authenticGtins : authenticGtins,
                paths.contains("authentic_image_hashes") ? changes.authenticImageHashes : authenticImageHashes,
                paths.contains("identification_aids") ? changes.aids : aids,
                paths.contains("authorized_distributors") ? changes.distributors : distributors,
                paths.contains("detention_contact") ? changes.contact : contact,
                paths.contains("valid_from") ? changes.validFrom : validFrom,
                paths.contains("valid_until") ? changes.validUntil : validUntil,
                paths.contains("status") ? changes.status : status);
    }

    void applyTo(CustomsRecordation r) {
        r.trademarkIds = new ArrayList<>(trademarkIds);
        r.hsCodes = new ArrayList<>(hsCodes);
        r.territories = new ArrayList<>(territories);
        r.territoryKeys = Territories.expanded(territories);
        r.authenticGtins = new ArrayList<>(authenticGtins);
        r.authenticImageHashes = new ArrayList<>(authenticImageHashes);
        r.aids(aids);
        r.distributors(distributors);
        r.contact(contact);
        r.validFrom = validFrom;
        r.validUntil = validUntil;
        r.status = status;
    }

    /** 4 (heading) or 6 (subheading) digits. */
    public static String hsCode(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (!HS_CODE.matcher(v).matches()) {
            throw DomainException.invalid(field, "INVALID_HS_CODE",
                    field + " must be an HS heading (4 digits) or subheading (6 digits), got '" + value + "'");
        }
        return v;
    }

    private static String imageHash(String field, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!IMAGE_HASH.matcher(v).matches()) {
            throw DomainException.invalid(field, "INVALID_IMAGE_HASH", field + " must be 16 hex characters");
        }
        return v;
    }

    private static String sha256(String field, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(v).matches()) {
            throw DomainException.invalid(field, "INVALID_DOCUMENT_HASH", field + " must be 64 hex characters (SHA-256)");
        }
        return v;
    }

    private static Aid aid(String field, Aid a) {
        return new Aid(Checks.text(field + ".description", a.description(), 5_000),
                Checks.optionalText(field + ".language", a.language(), 35),
                each(a.imageHashes(), field + ".image_hashes", NewRecordation::imageHash),
                each(a.documentSha256s(), field + ".document_sha256s", NewRecordation::sha256));
    }

    private static Contact contact(String field, Contact c) {
        if (c == null) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " is required");
        }
        String phone = Checks.text(field + ".phone", c.phone(), 40);
        if (!PHONE.matcher(phone).matches()) {
            throw DomainException.invalid(field + ".phone", "INVALID_FORMAT",
                    field + ".phone must be a telephone number (digits, spaces, + ( ) . / -)");
        }
        return new Contact(Checks.text(field + ".name", c.name(), 300),
                Checks.optionalText(field + ".organization", c.organization(), 300),
                Checks.email(field + ".email", c.email()), phone,
                Checks.optionalText(field + ".address", c.address(), 1_000),
                each(c.languages(), field + ".languages", (f, v) -> Checks.text(f, v, 35)));
    }

    private static List<String> required(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " needs at least one element");
        }
        return values;
    }

    private interface FieldCheck {
        String apply(String field, String value);
    }

    private static List<String> each(List<String> values, String field, FieldCheck check) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(check.apply(field + "[" + i + "]", values.get(i)));
        }
        return new ArrayList<>(out);
    }
}
