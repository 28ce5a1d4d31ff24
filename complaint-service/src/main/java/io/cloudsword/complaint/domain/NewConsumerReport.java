package io.cloudsword.complaint.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/** What a consumer submits; the contact email is optional (anonymous reports are allowed). */
public record NewConsumerReport(String platform, String listingExternalId, String reason, String contactEmail) {

    private static final Pattern PLATFORM = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

    public NewConsumerReport validated() {
        String p = platform == null ? "" : platform.strip().toLowerCase(Locale.ROOT);
        if (!PLATFORM.matcher(p).matches()) {
            throw DomainException.invalid("platform", "INVALID_PLATFORM",
                    "platform must be a code of 2-63 lower-case letters, digits, '.', '_' or '-'");
        }
        return new NewConsumerReport(p,
                Checks.text("listing_external_id", listingExternalId, 200),
                Checks.text("reason", reason, 5000),
                contactEmail == null || contactEmail.isBlank() ? "" : Checks.email("contact_email", contactEmail));
    }
}
