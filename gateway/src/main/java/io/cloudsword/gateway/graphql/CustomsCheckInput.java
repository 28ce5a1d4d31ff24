package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;

/**
 * A customs declaration as an officer types or imports it. Validated here, before any service
 * call, so a bad declaration costs no round trip and leaves no scan behind; error fields are
 * named after the argument ("declaration.lines[3].gtin").
 */
@Input("CustomsDeclarationInput")
@Description("A customs declaration to check: authority, declaration id, consignor, origin, the date of the check "
        + "(the detention notice's date for the deadlines) and up to 1,000 lines.")
public class CustomsCheckInput {

    static final int MAX_LINES = 1000;
    /** BatchVerify takes 1,000 codes; one call per declaration means 1,000 codes per declaration. */
    static final int MAX_CODES = 1000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Description("The customs authority: EU_AFA, US_CBP, CN_GACC, UK_HMRC, JP_CUSTOMS or KR_KCS. A customs officer "
            + "checks declarations of the authority named in its token only.")
    @NonNull
    public String authority;
    @Description("The declaration's reference (MRN, entry number, ...), echoed in the answer; 1..100 characters.")
    @NonNull
    public String declarationId;
    @Description("The consignor (exporter) of the goods, compared with the recordations' authorized distributors.")
    @NonNull
    public CustomsPartyInput consignor;
    @Description("Country of origin, ISO 3166-1 alpha-2.")
    @NonNull
    public String origin;
    @Description("Country of the customs office, ISO 3166-1 alpha-2; default: the authority's country (\"EU\" for "
            + "EU_AFA, so recordations for any member state match).")
    public String officeCountry;
    @Description("Date of the check and of the detention notice, ISO yyyy-MM-dd: recordations must be in force on it "
            + "and the rights holder's deadline is counted from it.")
    @NonNull
    public String date;
    @Description("The declaration's lines, 1..1,000.")
    @NonNull
    public List<@NonNull CustomsLineInput> lines;

    @Input("CustomsPartyInput")
    @Description("A party named on a declaration.")
    public static class CustomsPartyInput {
        @Description("Legal name; required unless an identifier is given.")
        public String name;
        @Description("ISO 3166-1 alpha-2 country; optional.")
        public String country;
        @Description("Registration identifier (EU EORI, US CBP importer number, CN USCC); preferred over the name "
                + "when matching authorized distributors.")
        public String identifier;
    }

    @Input("CustomsLineInput")
    @Description("One line of a declaration.")
    public static class CustomsLineInput {
        @Description("Description of the goods, up to 2,000 characters.")
        public String description;
        @Description("Brand declared on the goods, as written (any script); resolved against registered brand names "
                + "and aliases.")
        public String declaredBrand;
        @Description("GTIN-8/12/13/14 of the goods, with a valid check digit; optional.")
        public String gtin;
        @Description("HS code, 6 digits (subheading).")
        @NonNull
        public String hsCode;
        @Description("Number of units, at least 1.")
        public int quantity;
        @Description("Declared customs value of the whole line; compared per unit with the product's MSRP.")
        public MarketPriceInput.MoneyInput declaredValue;
        @Description("Perishable goods: the EU deadline is 3 working days instead of 10.")
        public Boolean perishable;
        @Description("GS1 Digital Link codes scanned on the goods (at most 1,000 in the whole declaration); each is "
                + "verified and recorded as a customs scan.")
        public List<@NonNull String> scannedCodes;
    }

    /** The declaration after validation: what the check works with. */
    record Checked(CustomsAuthority authority, String declarationId, String consignorName, String consignorCountry,
            String consignorIdentifier, String origin, String territory, LocalDate date, List<Line> lines) {
    }

    record Line(int index, String description, String declaredBrand, String gtin, String gtin14, String hsCode,
            long quantity, long valueMinor, String valueCurrency, boolean perishable, List<String> codes) {
        boolean hasValue() {
            return valueCurrency != null;
        }
    }

    /** The authority alone, for the caller check that must come before the rest is looked at. */
    CustomsAuthority parseAuthority() {
        if (authority == null || authority.isBlank()) {
            throw invalid("declaration.authority", "FIELD_REQUIRED", "declaration.authority is required");
        }
        return Enums.parse(CustomsAuthority.class, CustomsRecordationView.AUTHORITY, authority,
                "declaration.authority");
    }

    Checked validate() {
        CustomsAuthority parsedAuthority = parseAuthority();
        String id = required(declarationId, "declaration.declarationId");
        if (id.length() > 100) {
            throw invalid("declaration.declarationId", "FIELD_TOO_LONG", "declaration.declarationId has more than 100 "
                    + "characters");
        }
        if (consignor == null) {
            throw invalid("declaration.consignor", "FIELD_REQUIRED", "declaration.consignor is required");
        }
        String consignorName = trim(consignor.name);
        String consignorId = trim(consignor.identifier);
        if (consignorName.isEmpty() && consignorId.isEmpty()) {
            throw invalid("declaration.consignor.name", "FIELD_REQUIRED",
                    "declaration.consignor needs a name or an identifier");
        }
        String consignorCountry = trim(consignor.country).isEmpty() ? ""
                : country(consignor.country, "declaration.consignor.country");
        String originCountry = country(required(origin, "declaration.origin"), "declaration.origin");
        String territory = officeCountry == null || officeCountry.isBlank() ? defaultTerritory(parsedAuthority)
                : country(officeCountry, "declaration.officeCountry");
        LocalDate day = date(required(date, "declaration.date"));
        if (lines == null || lines.isEmpty()) {
            throw invalid("declaration.lines", "FIELD_REQUIRED", "declaration.lines needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw invalid("declaration.lines", "TOO_MANY_ITEMS", "declaration.lines has " + lines.size()
                    + " lines; at most " + MAX_LINES + " per declaration");
        }
        List<Line> checked = new ArrayList<>(lines.size());
        int codes = 0;
        for (int i = 0; i < lines.size(); i++) {
            CustomsLineInput l = lines.get(i);
            String field = "declaration.lines[" + i + "]";
            String description = trim(l.description);
            if (description.length() > 2000) {
                throw invalid(field + ".description", "FIELD_TOO_LONG", field + ".description has more than 2,000 "
                        + "characters");
            }
            String brand = trim(l.declaredBrand);
            if (brand.length() > 200) {
                throw invalid(field + ".declaredBrand", "FIELD_TOO_LONG", field + ".declaredBrand has more than 200 "
                        + "characters");
            }
            String gtin = trim(l.gtin);
            String gtin14 = gtin.isEmpty() ? null : toGtin14(gtin);
            if (!gtin.isEmpty() && gtin14 == null) {
                throw invalid(field + ".gtin", "INVALID_GTIN", field + ".gtin must be a GTIN-8/12/13/14 with a valid "
                        + "check digit, got \"" + gtin + "\"");
            }
            String hs = trim(l.hsCode);
            if (!hs.matches("[0-9]{6}")) {
                throw invalid(field + ".hsCode", "INVALID_HS_CODE", field + ".hsCode must be 6 digits, got \"" + hs
                        + "\"");
            }
            if (l.quantity < 1) {
                throw invalid(field + ".quantity", "VALUE_OUT_OF_RANGE", field + ".quantity must be at least 1");
            }
            long valueMinor = 0;
            String currency = null;
            if (l.declaredValue != null) {
                currency = trim(l.declaredValue.currency).toUpperCase(Locale.ROOT);
                if (!currency.matches("[A-Z]{3}")) {
                    throw invalid(field + ".declaredValue.currency", "INVALID_CURRENCY",
                            field + ".declaredValue.currency must be an ISO 4217 code");
                }
                if (l.declaredValue.amountMinor < 0) {
                    throw invalid(field + ".declaredValue.amountMinor", "VALUE_OUT_OF_RANGE",
                            field + ".declaredValue.amountMinor must not be negative");
                }
                valueMinor = l.declaredValue.amountMinor;
            }
            List<String> lineCodes = l.scannedCodes == null ? List.of()
                    : l.scannedCodes.stream().map(CustomsCheckInput::trim).filter(c -> !c.isEmpty()).toList();
            codes += lineCodes.size();
            if (codes > MAX_CODES) {
                throw invalid(field + ".scannedCodes", "TOO_MANY_ITEMS", "A declaration may carry at most " + MAX_CODES
                        + " scanned codes; split it");
            }
            checked.add(new Line(i, description, brand, gtin, gtin14, hs, l.quantity, valueMinor, currency,
                    Boolean.TRUE.equals(l.perishable), lineCodes));
        }
        return new Checked(parsedAuthority, id, consignorName, consignorCountry, consignorId, originCountry, territory,
                day, checked);
    }

    /** Where the authority acts when the office's country is not given; "EU" matches every member state. */
    static String defaultTerritory(CustomsAuthority authority) {
        return switch (authority) {
            case CUSTOMS_AUTHORITY_US_CBP -> "US";
            case CUSTOMS_AUTHORITY_CN_GACC -> "CN";
            case CUSTOMS_AUTHORITY_UK_HMRC -> "GB";
            case CUSTOMS_AUTHORITY_JP_CUSTOMS -> "JP";
            case CUSTOMS_AUTHORITY_KR_KCS -> "KR";
            default -> "EU";
        };
    }

    /**
     * GTIN-8/12/13/14 with a correct check digit (weights 3,1,3,... from the right, check digit
     * excluded), left-padded to 14 digits; null when invalid.
     */
    static String toGtin14(String gtin) {
        if (!gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
            return null;
        }
        String padded = "0".repeat(14 - gtin.length()) + gtin;
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (padded.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == padded.charAt(13) - '0' ? padded : null;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("declaration.date", "INVALID_DATE", "declaration.date must be an ISO date yyyy-MM-dd, got \""
                    + value + "\"");
        }
    }

    private static String country(String value, String field) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z]{2}") || !COUNTRIES.contains(v)) {
            throw invalid(field, "INVALID_COUNTRY", field + " must be an ISO 3166-1 alpha-2 code, got \"" + value + "\"");
        }
        return v;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "FIELD_REQUIRED", field + " is required");
        }
        return value.trim();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static ApiError invalid(String field, String reason, String message) {
        return new ApiError(ErrorCode.INVALID_ARGUMENT, field, reason, message);
    }
}
