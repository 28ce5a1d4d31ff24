package io.cloudsword.kit.auth;

import java.util.Set;
import java.util.UUID;

import io.cloudsword.kit.error.DomainException;

/**
 * Who is calling a service, as the bearer token that the gateway forwarded (or a direct
 * caller sent) says, after this service verified it again. The domain checks ownership against
 * it: a rights owner acts only on its own records; reviewers and admins act on any.
 */
public record Caller(String subject, Set<String> roles, String ownerId, String platformId, String customsAuthority) {

    public static final String CONSUMER = "consumer";
    public static final String RIGHTS_OWNER = "rights_owner";
    public static final String PLATFORM_PARTNER = "platform_partner";
    public static final String CUSTOMS = "customs";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";
    /** Another Cloud Sword service acting on its own (rescoring, outbox delivery, timers). */
    public static final String SYSTEM = "system";

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, null, null);

    public boolean anonymous() {
        return subject == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Reviewers (a platform's trust-and-safety staff) and admins. */
    public boolean isStaff() {
        return hasRole(REVIEWER) || hasRole(ADMIN);
    }

    /** Refuses with UNAUTHENTICATED when there is no token, PERMISSION_DENIED when no role fits. */
    public Caller requireRole(String... allowed) {
        for (String role : allowed) {
            if (hasRole(role)) {
                return this;
            }
        }
        if (anonymous()) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "",
                    "This method needs a bearer token");
        }
        throw DomainException.forbidden("ROLE_REQUIRED", "This method needs one of the roles " + String.join(", ",
                allowed));
    }

    /** Whether this caller may act on records of {@code ownerId}: staff always, a rights owner for itself. */
    public boolean actsFor(UUID ownerId) {
        return isStaff() || (hasRole(RIGHTS_OWNER) && ownerId != null && ownerId.toString().equals(this.ownerId));
    }

    /** Refuses unless the caller is an admin, or a platform partner of {@code platform}. */
    public Caller requireActsForPlatform(String platform) {
        requireRole(PLATFORM_PARTNER, ADMIN);
        if (!hasRole(ADMIN) && (platformId == null || !platformId.equalsIgnoreCase(platform))) {
            throw DomainException.forbidden("NOT_OWNER", "A platform partner may act only for its own platform");
        }
        return this;
    }

    /** Refuses with PERMISSION_DENIED (reason NOT_OWNER) unless {@link #actsFor} holds. */
    public Caller requireActsFor(UUID ownerId) {
        if (anonymous()) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "",
                    "This method needs a bearer token");
        }
        if (!actsFor(ownerId)) {
            throw DomainException.forbidden("NOT_OWNER", "A rights owner may act only on its own records");
        }
        return this;
    }
}
