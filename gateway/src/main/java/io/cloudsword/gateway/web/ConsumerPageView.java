package io.cloudsword.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.SuspectReason;
import io.cloudsword.api.verification.v1.Verdict;

/**
 * The HTML of the consumer page: plain, small, no external assets, readable on a phone. Every
 * value that comes from a request or a service is escaped with {@link Html#escape}.
 */
final class ConsumerPageView {

    /** What the person typed into the report form, echoed back when the report is refused. */
    record ReportInput(String reason, String email, String country, String token) {
    }

    /** A refusal of the report form: the form field at fault (null for the whole form) and a sentence. */
    record FormError(String field, String message) {
    }

    static final String CSS = """
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f4f6;\
            color:#1f2328}
            main{max-width:36rem;margin:0 auto;padding:1rem}
            h1{margin:0;font-size:1.55rem;line-height:1.25}
            h2{margin:0 0 .5rem;font-size:1.2rem}
            .verdict{border-radius:14px;padding:1.1rem 1.2rem;margin:0 0 1rem;color:#fff}
            .verdict h1{display:flex;align-items:center;gap:.7rem}
            .verdict p{margin:.6rem 0 0}
            .verdict ul{margin:.6rem 0 0;padding-left:1.2rem}
            .icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:2.4rem;height:2.4rem;\
            border-radius:50%;background:#fff;font-size:1.5rem;font-weight:700}
            .genuine{background:#17803d}.genuine .icon{color:#17803d}
            .suspect{background:#b45309}.suspect .icon{color:#b45309}
            .invalid{background:#b91c1c}.invalid .icon{color:#b91c1c}
            .neutral{background:#374151}.neutral .icon{color:#374151}
            .card{background:#fff;border-radius:14px;padding:1rem 1.2rem;margin:0 0 1rem;\
            box-shadow:0 1px 2px rgba(0,0,0,.08)}
            dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem;margin:0}
            dt{color:#57606a}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
            label{display:block;font-weight:600;margin:.8rem 0 .25rem}
            .hint{font-weight:400;color:#57606a}
            textarea,input,select{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.6rem;\
            border:1px solid #8c959f;border-radius:8px;background:#fff}
            textarea{min-height:7rem}
            [aria-invalid=true]{border-color:#b91c1c;outline:2px solid #b91c1c}
            button{margin-top:1rem;width:100%;padding:.8rem;font:inherit;font-weight:700;border:0;border-radius:8px;\
            background:#1d4ed8;color:#fff}
            .error{background:#fde8e8;color:#8a1c1c;border-radius:8px;padding:.6rem .8rem;margin:.5rem 0}
            .ok{background:#e7f6ec;color:#14532d;border-radius:8px;padding:.6rem .8rem}
            .muted{color:#57606a;font-size:.9rem;overflow-wrap:anywhere}
            a{color:#1d4ed8}
            """;

    /** The stylesheet is the page's only inline resource: the policy allows exactly it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(CSS)
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final List<String[]> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .map(cc -> new String[] { cc, countryName(cc) }).sorted(Comparator.comparing(c -> c[1])).toList();

    private ConsumerPageView() {
    }

    /** The verdict page: verdict, product and brand (null when unknown), scan figures and the report form. */
    static String verdict(CodeVerification v, Product product, Brand brand, String path) {
        StringBuilder body = new StringBuilder(4096);
        String brandName = brand == null ? null : brand.getName();
        switch (v.getVerdict() == Verdict.VERDICT_UNSPECIFIED ? Verdict.VERDICT_INVALID : v.getVerdict()) {
            case VERDICT_GENUINE -> body.append(banner("genuine", "\u2713", "Genuine product",
                    "<p>This code was issued by " + (brandName == null ? "the brand" : Html.escape(brandName))
                            + " and nothing suggests it has been copied.</p>"));
            case VERDICT_SUSPECT -> {
                StringBuilder reasons = new StringBuilder("<p>The code was issued by ")
                        .append(brandName == null ? "the brand" : Html.escape(brandName))
                        .append(", but there are signs that it has been copied:</p><ul id=\"reasons\">");
                for (SuspectReason reason : v.getReasonsList()) {
                    reasons.append("<li>").append(Html.escape(reason.getExplanation())).append("</li>");
                }
                body.append(banner("suspect", "!", "Warning: this product may be fake",
                        reasons.append("</ul>").toString()));
            }
            default -> body.append(banner("invalid", "\u2715", "This code was not issued by the brand",
                    "<p>No brand issued this code, so the product carrying it may be counterfeit. Please do not rely "
                            + "on it, and report it below.</p>"));
        }

        boolean issued = v.getVerdict() != Verdict.VERDICT_INVALID && v.getVerdict() != Verdict.VERDICT_UNSPECIFIED;
        body.append("<section class=\"card\" id=\"product\"><h2>").append(issued ? "Product" : "The code")
                .append("</h2><dl>");
        if (issued) {
            body.append(row("Product", product == null ? "Not in the brand registry" : product.getName(), "product-name"));
            body.append(row("Brand", brandName == null ? "Unknown" : brandName, "brand-name"));
        }
        body.append(row("GTIN", v.getGtin(), "gtin")).append(row("Serial", v.getSerial(), "serial"));
        body.append("</dl></section>");

        if (issued) {
            body.append("<section class=\"card\" id=\"scans\"><h2>Checks of this code</h2><dl>");
            body.append(row("Checked", v.getScanCount() == 1 ? "1 time (this is the first check)"
                    : v.getScanCount() + " times, including this one", "scan-count"));
            if (v.hasFirstScannedAt()) {
                String first = DAY.format(Instant.ofEpochSecond(v.getFirstScannedAt().getSeconds()));
                if (!v.getFirstScanCountry().isEmpty()) {
                    first += " in " + countryName(v.getFirstScanCountry());
                }
                body.append(row("First checked", first, "first-scan"));
            }
            body.append("</dl></section>");
        }
        // a fresh form token per page: submitting the same form twice files one report
        body.append(reportForm(path, new ReportInput("", "", "", UUID.randomUUID().toString()), List.of()));
        return page(titleOf(v), body.toString());
    }

    /** The report form alone, after a refusal: the person's input kept, each error beside its field. */
    static String reportRefused(String path, ReportInput input, List<FormError> errors) {
        return page("Report a suspected fake", reportForm(path, input, errors));
    }

    /**
     * The confirmation. It has no link back to the check on purpose: opening the code's address
     * again would count as another scan of the code.
     */
    static String reportReceived(String reportId) {
        return page("Report received", banner("neutral", "\u2713", "Thank you, your report was received",
                "<p>The brand will look into it.</p>")
                + "<section class=\"card\"><p class=\"ok\" id=\"report-confirmation\">Your report reference is <strong "
                + "id=\"report-id\">" + Html.escape(reportId) + "</strong>. Keep it if you want to ask about your "
                + "report.</p></section>");
    }

    /** HTTP 400: the address is not a product code at all. */
    static String malformed(String detail) {
        return page("Not a valid product code", banner("invalid", "?", "This is not a valid product code",
                "<p>The address you opened is not a code that a brand could have issued: it may have been mistyped "
                        + "or damaged. Please scan the code on the product again.</p>")
                + "<section class=\"card\"><p class=\"muted\" id=\"detail\">Details: " + Html.escape(detail)
                + "</p></section>");
    }

    /** HTTP 503: verification-service (or the report service) did not answer. */
    static String unavailable() {
        return page("Verification temporarily unavailable", banner("neutral", "\u2026",
                "Verification temporarily unavailable",
                "<p>We cannot check this code right now. Please try again in a few minutes.</p>"));
    }

    /** HTTP 429: too many checks from one network. */
    static String rateLimited() {
        return page("Too many checks", banner("neutral", "\u2026", "Too many checks from your network",
                "<p>Please wait a minute and try again.</p>"));
    }

    private static String reportForm(String path, ReportInput input, List<FormError> errors) {
        StringBuilder f = new StringBuilder(8192);
        f.append("<section class=\"card\" id=\"report\"><h2>Report a suspected fake</h2>")
                .append("<p class=\"muted\">Tell the brand what made you suspicious. Your email is optional; we use it "
                        + "only to tell you the outcome.</p>");
        for (FormError e : errors) {
            f.append("<p class=\"error\" role=\"alert\">").append(e.field() == null ? ""
                    : "<strong>" + Html.escape(label(e.field())) + "</strong>: ").append(Html.escape(e.message()))
                    .append("</p>");
        }
        f.append("<form method=\"post\" action=\"").append(Html.escape(path + "/report")).append("\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(Html.escape(input.token())).append("\">")
                .append("<label for=\"reason\">What made you suspicious?</label>")
                .append("<textarea id=\"reason\" name=\"reason\" required maxlength=\"2000\"")
                .append(invalid(errors, "reason")).append('>').append(Html.escape(input.reason())).append("</textarea>")
                .append("<label for=\"email\">Your email <span class=\"hint\">(optional)</span></label>")
                .append("<input id=\"email\" name=\"email\" type=\"email\" maxlength=\"254\" autocomplete=\"email\" "
                        + "value=\"").append(Html.escape(input.email())).append('"').append(invalid(errors, "email"))
                .append('>')
                .append("<label for=\"country\">Where did you buy it? <span class=\"hint\">(optional)</span></label>")
                .append("<select id=\"country\" name=\"country\"").append(invalid(errors, "country")).append('>')
                .append("<option value=\"\">Choose a country</option>");
        for (String[] country : COUNTRIES) {
            f.append("<option value=\"").append(country[0]).append('"')
                    .append(country[0].equalsIgnoreCase(input.country()) ? " selected" : "").append('>')
                    .append(Html.escape(country[1])).append("</option>");
        }
        return f.append("</select><button type=\"submit\">Send report</button></form></section>").toString();
    }

    private static String invalid(List<FormError> errors, String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field())) ? " aria-invalid=\"true\"" : "";
    }

    static String label(String field) {
        return switch (field) {
            case "reason" -> "What made you suspicious?";
            case "email" -> "Your email";
            case "country" -> "Where did you buy it?";
            default -> "The code";
        };
    }

    private static String banner(String kind, String icon, String title, String html) {
        return "<section class=\"verdict " + kind + "\" id=\"verdict\" data-verdict=\"" + kind + "\"><h1><span "
                + "class=\"icon\" aria-hidden=\"true\">" + icon + "</span><span id=\"verdict-title\">" + title
                + "</span></h1>" + html + "</section>";
    }

    private static String row(String term, String value, String id) {
        return "<dt>" + term + "</dt><dd id=\"" + id + "\">" + Html.escape(value) + "</dd>";
    }

    private static String titleOf(CodeVerification v) {
        return switch (v.getVerdict()) {
            case VERDICT_GENUINE -> "Genuine product";
            case VERDICT_SUSPECT -> "Warning: this product may be fake";
            default -> "Code not issued by the brand";
        };
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + Html.escape(title) + " \u2013 Cloud Sword</title>"
                + "<style>" + CSS + "</style></head><body><main>" + body
                + "<p class=\"muted\">Checked by Cloud Sword: brands record every code they issue in a public log.</p>"
                + "</main></body></html>";
    }

    static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    private static String sha256(String css) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(css.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
