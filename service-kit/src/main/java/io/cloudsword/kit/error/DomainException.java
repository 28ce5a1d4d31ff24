package io.cloudsword.kit.error;

/**
 * A rule of the domain said no. Carries a stable, machine-readable reason (INVALID_GTIN,
 * BRAND_NOT_FOUND, NOT_OWNER, ...) and the input field at fault, so that callers can react
 * without parsing messages. The gRPC layer turns it into a status with an ErrorDetail.
 */
public class DomainException extends RuntimeException {

    /** The kind of refusal; each maps to one gRPC status code. */
    public enum Kind {
        INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, FAILED_PRECONDITION, UNAUTHENTICATED, ABORTED,
        OUT_OF_RANGE, RESOURCE_EXHAUSTED, DATA_LOSS, UNAVAILABLE
    }

    private final Kind kind;
    private final String reason;
    private final String field;

    public DomainException(Kind kind, String reason, String field, String message) {
        super(message, null, false, false); // a refusal, not a bug: no stack trace to fill or leak
        this.kind = kind;
        this.reason = reason;
        this.field = field == null ? "" : field;
    }

    public static DomainException invalid(String field, String reason, String message) {
        return new DomainException(Kind.INVALID_ARGUMENT, reason, field, message);
    }

    public static DomainException notFound(String field, String reason, String message) {
        return new DomainException(Kind.NOT_FOUND, reason, field, message);
    }

    public static DomainException alreadyExists(String field, String reason, String message) {
        return new DomainException(Kind.ALREADY_EXISTS, reason, field, message);
    }

    public static DomainException forbidden(String reason, String message) {
        return new DomainException(Kind.PERMISSION_DENIED, reason, "", message);
    }

    public static DomainException failedPrecondition(String field, String reason, String message) {
        return new DomainException(Kind.FAILED_PRECONDITION, reason, field, message);
    }

    /** A concurrent change won (a stale expected_version): re-read and retry. */
    public static DomainException aborted(String field, String reason, String message) {
        return new DomainException(Kind.ABORTED, reason, field, message);
    }

    /** A position past the end of what exists (a tree size larger than the log). */
    public static DomainException outOfRange(String field, String reason, String message) {
        return new DomainException(Kind.OUT_OF_RANGE, reason, field, message);
    }

    /** The caller spent its allowance (rate limits); retry later. */
    public static DomainException exhausted(String reason, String message) {
        return new DomainException(Kind.RESOURCE_EXHAUSTED, reason, "", message);
    }

    /** Stored data failed its own check: refuse to serve it rather than serve it silently. */
    /** A dependency (another service, the database) cannot answer now; the caller may retry. */
    public static DomainException unavailable(String reason, String message) {
        return new DomainException(Kind.UNAVAILABLE, reason, "", message);
    }

    public static DomainException dataLoss(String reason, String message) {
        return new DomainException(Kind.DATA_LOSS, reason, "", message);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
