package io.cloudsword.complaint.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * What a consumer submits: a suspected fake seen on a listing (platform + listing_external_id)
 * or on a scanned code (digital_link, the GS1 Digital Link URI printed on the product). The
 * contact email and the purchase country are optional (anonymous reports are allowed).
 */
public record NewConsumerReport(String platform, String listingExternalId, String reason, String contactEmail,
        String digitalLink, String purchaseCountry) {

    /** The same bound verification-service puts on a code. */
    static final int MAX_DIGITAL_LINK = 2048;
    static final int MAX_SERIAL = 20;

    /** One path segment: RFC 3986 pchar, percent escapes allowed. */
    private static final String SEGMENT = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+";
    /**
     * https://{host}[:port]/01/{gtin}[/22/{cpv}][/10/{lot}]/21/{serial}[?data attributes]. Only the
     * shape is checked here: whether the code was ever issued is verification-service's business,
     * and a report about a forged code is exactly what a consumer should be able to file.
     */
    private static final Pattern DIGITAL_LINK = Pattern.compile("^https://[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?"
            + "(?::[0-9]{1,5})?/01/([0-9]{8}|[0-9]{12,14})(?:/22/" + SEGMENT + ")?(?:/10/" + SEGMENT + ")?/21/("
            + SEGMENT + ")(?:\\?[^#\\s]*)?$");
    /** GS1 AI encodable character set 82, the characters a serial (AI 21) may have. */
    private static final String SET_82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    public NewConsumerReport validated() {
        boolean codeReport = digitalLink != null && !digitalLink.isBlank();
        boolean listingReport = !isBlank(platform) || !isBlank(listingExternalId);
        if (codeReport && listingReport) {
            throw DomainException.invalid("digital_link", "INVALID_FORMAT",
                    "A report is about one listing (platform, listing_external_id) or one scanned code (digital_link), "
                            + "not both");
        }
        if (!codeReport && !listingReport) {
            throw DomainException.invalid("digital_link", "FIELD_REQUIRED",
                    "Either (platform, listing_external_id) or digital_link is required");
        }
        String country = isBlank(purchaseCountry) ? "" : Checks.country("purchase_country", purchaseCountry);
        String email = isBlank(contactEmail) ? "" : Checks.email("contact_email", contactEmail);
        if (codeReport) {
            String link = digitalLink(digitalLink);
            return new NewConsumerReport("", "", Checks.text("reason", reason, 5000), email, link, country);
        }
        return new NewConsumerReport(Checks.platform("platform", platform),
                Checks.text("listing_external_id", listingExternalId, 200),
                Checks.text("reason", reason, 5000), email, "", country);
    }

    /** The link, trimmed, when it has the shape of a serialized GS1 Digital Link; INVALID_DIGITAL_LINK otherwise. */
    static String digitalLink(String value) {
        String link = value.strip();
        if (link.length() > MAX_DIGITAL_LINK) {
            throw invalidLink("is longer than " + MAX_DIGITAL_LINK + " characters");
        }
        Matcher m = DIGITAL_LINK.matcher(link);
        if (!m.matches()) {
            throw invalidLink("must be a GS1 Digital Link https://{host}/01/{gtin}/21/{serial}");
        }
        String gtin = m.group(1);
        if (Gtin.checkDigit(gtin.substring(0, gtin.length() - 1)) != gtin.charAt(gtin.length() - 1) - '0') {
            throw invalidLink("has a GTIN (AI 01) with a wrong check digit");
        }
        String serial = percentDecoded(m.group(2));
        if (serial.length() > MAX_SERIAL || serial.chars().anyMatch(c -> SET_82.indexOf(c) < 0)) {
            throw invalidLink("has a serial (AI 21) that is not 1.." + MAX_SERIAL
                    + " characters of the GS1 82-character set");
        }
        return link;
    }

    /** The segment's text; malformed UTF-8 decodes to U+FFFD, which set 82 then refuses. */
    private static String percentDecoded(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(segment, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static DomainException invalidLink(String why) {
        return DomainException.invalid("digital_link", "INVALID_DIGITAL_LINK", "digital_link " + why);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
