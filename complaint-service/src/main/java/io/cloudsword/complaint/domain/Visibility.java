package io.cloudsword.complaint.domain;

import io.cloudsword.kit.auth.Caller;

/**
 * Who sees a notice: the notifier (or the right holder it filed for), partners of the notice's
 * platform (for their sellers), reviewers (of their platform when the token names one), admins
 * and services. Anybody else is told the notice does not exist.
 */
public final class Visibility {

    private Visibility() {
    }

    public static boolean maySee(Caller caller, Notice n) {
        if (caller.hasRole(Caller.ADMIN) || caller.hasRole(Caller.SYSTEM)) {
            return true;
        }
        if (caller.hasRole(Caller.REVIEWER) && (caller.platformId() == null || caller.platformId().isEmpty()
                || caller.platformId().equalsIgnoreCase(n.platform))) {
            return true;
        }
        if (caller.hasRole(Caller.PLATFORM_PARTNER) && n.platform.equalsIgnoreCase(caller.platformId())) {
            return true;
        }
        return caller.hasRole(Caller.RIGHTS_OWNER) && n.concernsOwner(caller.ownerId());
    }

    /** Decisions are made by platform trust-and-safety staff (or an admin). */
    public static Caller requireReviewer(Caller caller) {
        return caller.requireRole(Caller.REVIEWER, Caller.ADMIN);
    }

    /** Restricts a reviewer whose token names a platform to that platform; "" = any. */
    public static String reviewerPlatform(Caller caller, String requested) {
        if (caller.hasRole(Caller.REVIEWER) && !caller.hasRole(Caller.ADMIN) && caller.platformId() != null
                && !caller.platformId().isEmpty()) {
            return caller.platformId().toLowerCase(java.util.Locale.ROOT);
        }
        return requested;
    }
}
