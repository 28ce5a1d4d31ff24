package io.cloudsword.complaint.domain;

import java.util.ArrayList;
import java.util.List;

import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/** A document offered as evidence: its SHA-256 (required) and where a reviewer can fetch it. */
public record Evidence(String sha256, String uri, String mediaType, String description) {

    public static final int MAX_DOCUMENTS = 50;

    /** The documents checked field by field ({@code evidence[i].sha256}, ...); at least one when required. */
    public static List<Evidence> validated(String field, List<Evidence> documents, boolean required) {
        if (documents.isEmpty() && required) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + ": at least one document is required");
        }
        if (documents.size() > MAX_DOCUMENTS) {
            throw DomainException.invalid(field, "TOO_MANY_ITEMS", "At most " + MAX_DOCUMENTS + " documents in " + field);
        }
        List<Evidence> out = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            Evidence d = documents.get(i);
            String prefix = field + "[" + i + "].";
            String sha = d.sha256() == null ? "" : d.sha256().strip().toLowerCase(java.util.Locale.ROOT);
            if (sha.isEmpty()) {
                throw DomainException.invalid(prefix + "sha256", "FIELD_REQUIRED", prefix + "sha256 is required");
            }
            if (!sha.matches("[0-9a-f]{64}")) {
                throw DomainException.invalid(prefix + "sha256", "INVALID_DOCUMENT_HASH",
                        prefix + "sha256 must be 64 hex characters (SHA-256)");
            }
            String uri = d.uri() == null || d.uri().isBlank() ? "" : Texts.httpsUrl(prefix + "uri", d.uri());
            out.add(new Evidence(sha, uri, Checks.optionalText(prefix + "media_type", d.mediaType(), 100),
                    Checks.optionalText(prefix + "description", d.description(), 1_000)));
        }
        return out;
    }
}
