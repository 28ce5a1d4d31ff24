package io.cloudsword.complaint.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * A notice as filed, before the right and the listings are checked with the other services:
 * every element DSA Art. 16(2), E-Commerce Law Art. 42 and DMCA 512(c)(3) require, checked
 * field by field. {@code fingerprint} identifies the request's content for idempotency.
 */
public record NewNotice(String idempotencyKey, String platform, Jurisdiction jurisdiction, String notifierName,
        String notifierEmail, String notifierPhone, String principalOwnerId, String rightType, String trademarkId,
        String copyrightWorkDescription, String copyrightRegistrationNumber, String explanation,
        List<Evidence> evidence, List<ListingReference> listings, Notice.Statements statements,
        String clientReference, String fingerprint) {

    public static final int MAX_LISTINGS = 300;
    public static final int MAX_EXPLANATION = 10_000;

    /** A listing as the notifier names it: its URL or the platform's listing id. */
    public record ListingReference(String url, String externalId) {
    }

    /** The same notice with every field checked and normalized; the first fault is refused by name. */
    public NewNotice validated() {
        String key = Checks.text("idempotency_key", idempotencyKey, 200);
        String slug = Checks.platform("platform", platform);
        String name = Checks.text("notifier_name", notifierName, 300);
        String email = Checks.email("notifier_email", notifierEmail);
        String phone = Checks.optionalText("notifier_phone", notifierPhone, 50);
        String principal = Texts.blank(principalOwnerId) ? "" : Checks.id("principal_owner_id", principalOwnerId);
        String tm = "";
        String workDescription = "";
        String workRegistration = "";
        switch (rightType == null ? "" : rightType) {
            case "TRADEMARK" -> tm = Checks.id("right.trademark_id", Checks.text("right.trademark_id", trademarkId, 64));
            case "COPYRIGHT" -> {
                workDescription = Checks.text("right.copyright_work_description", copyrightWorkDescription, 2_000);
                workRegistration = Checks.optionalText("right.copyright_registration_number",
                        copyrightRegistrationNumber, 100);
            }
            default -> throw DomainException.invalid("right.type", "FIELD_REQUIRED",
                    "right.type is required: TRADEMARK (with trademark_id) or COPYRIGHT");
        }
        String why = Checks.text("explanation", explanation, MAX_EXPLANATION);
        List<Evidence> docs = Evidence.validated("evidence", evidence, true);
        if (listings.isEmpty()) {
            throw DomainException.invalid("listings", "FIELD_REQUIRED", "listings: at least one listing is required");
        }
        if (listings.size() > MAX_LISTINGS) {
            throw DomainException.invalid("listings", "TOO_MANY_ITEMS", "A notice names at most " + MAX_LISTINGS
                    + " listings, got " + listings.size() + "; split it into several notices");
        }
        List<ListingReference> refs = new ArrayList<>(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            ListingReference r = listings.get(i);
            String field = "listings[" + i + "]";
            boolean hasUrl = !Texts.blank(r.url());
            boolean hasId = !Texts.blank(r.externalId());
            if (hasUrl == hasId) {
                throw DomainException.invalid(field, hasUrl ? "INVALID_FORMAT" : "FIELD_REQUIRED",
                        field + " needs exactly one of url or external_id");
            }
            refs.add(hasUrl ? new ListingReference(Texts.httpsUrl(field + ".url", r.url()), "")
                    : new ListingReference("", Checks.text(field + ".external_id", r.externalId(), 128)));
        }
        Notice.Statements s = statements == null ? new Notice.Statements(false, false, false, "") : statements;
        if (!s.goodFaith()) {
            throw DomainException.invalid("statements.good_faith", "FIELD_REQUIRED",
                    "The notice must state a good-faith belief that the use is not authorized");
        }
        if (!s.accurate()) {
            throw DomainException.invalid("statements.accurate", "FIELD_REQUIRED",
                    "The notice must state that it is accurate and complete");
        }
        // DMCA 512(c)(3)(A)(vi): whoever files for somebody else states, under penalty of perjury, that it may
        if (!s.authorizedToAct() && (!principal.isEmpty() || "COPYRIGHT".equals(rightType))) {
            throw DomainException.invalid("statements.authorized_to_act", "FIELD_REQUIRED",
                    "An agent, and every copyright notice, must state that it is authorized to act for the right holder");
        }
        String signature = Checks.text("statements.signature", s.signature(), 300);
        return new NewNotice(key, slug, jurisdiction, name, email, phone, principal, rightType, tm, workDescription,
                workRegistration, why, docs, refs, new Notice.Statements(true, true, s.authorizedToAct(), signature),
                Checks.optionalText("client_reference", clientReference, 200), fingerprint);
    }

    public UUID principal() {
        return principalOwnerId.isEmpty() ? null : UUID.fromString(principalOwnerId);
    }
}
