package io.cloudsword.complaint.domain;

import io.cloudsword.kit.error.Checks;

/** What a consumer submits; the contact email is optional (anonymous reports are allowed). */
public record NewConsumerReport(String platform, String listingExternalId, String reason, String contactEmail) {

    public NewConsumerReport validated() {
        return new NewConsumerReport(Checks.platform("platform", platform),
                Checks.text("listing_external_id", listingExternalId, 200),
                Checks.text("reason", reason, 5000),
                contactEmail == null || contactEmail.isBlank() ? "" : Checks.email("contact_email", contactEmail));
    }
}
