package io.cloudsword.gateway.graphql;

import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;

/**
 * Role pre-checks the gateway makes before calling: they save a round trip, the service
 * enforces the same rules (and ownership of records the gateway cannot see) again.
 */
final class Access {
    private Access() {
    }

    /** A rights owner acts only on its own records; reviewers and admins act on any. */
    static void requireOwnerOrStaff(Caller caller, String ownerId, String field) {
        if (isStaff(caller)) {
            return;
        }
        if (caller.ownerId() == null || !caller.ownerId().equals(ownerId)) {
            throw new ApiError(ErrorCode.FORBIDDEN, field, "NOT_OWNER", "A rights owner may act only on its own records");
        }
    }

    static boolean isStaff(Caller caller) {
        return caller.is(Role.ADMIN) || caller.is(Role.REVIEWER);
    }

    /** Writes to brands and what belongs to them: the owner (checked by the service) or an admin. */
    static void ownerWrite(Caller caller) {
        caller.require(Role.RIGHTS_OWNER, Role.ADMIN);
    }

    static void staff(Caller caller) {
        caller.require(Role.REVIEWER, Role.ADMIN);
    }

    /**
     * Lists of complaints, counter-notices, appeals and consumer reports: the parties to them
     * (notifiers, partners) and staff; complaint-service narrows the rows to what each may see.
     */
    static void complaintParty(Caller caller) {
        caller.require(Role.RIGHTS_OWNER, Role.PLATFORM_PARTNER, Role.REVIEWER, Role.ADMIN);
    }

    /** Listings and shops: partners, rights owners, customs and staff (listing-service's readers), not consumers. */
    static void listingReader(Caller caller) {
        caller.require(Role.PLATFORM_PARTNER, Role.RIGHTS_OWNER, Role.CUSTOMS, Role.REVIEWER, Role.ADMIN);
    }

    /** A shop's standing and history: listing readers, a partner for its own platform only. */
    static void shopReader(Caller caller, String platform) {
        listingReader(caller);
        actsForPlatform(caller, platform, "platform");
    }

    /**
     * A partner acts for its own platform only (platform_id of the token); other roles pass here
     * and are checked by the role pre-check of the field. No platform given (a listing named by
     * id): the service, which knows the listing's platform, checks it.
     */
    static void actsForPlatform(Caller caller, String platform, String field) {
        if (platform == null || isStaff(caller) || !caller.is(Role.PLATFORM_PARTNER)) {
            return;
        }
        if (caller.platformId() == null || !caller.platformId().equals(platform)) {
            throw new ApiError(ErrorCode.FORBIDDEN, field, "NOT_OWNER", "A partner may act only for its own platform");
        }
    }

    /**
     * Filing a complaint: the notifier is the caller's rights owner (or its agent), so only a
     * rights owner files; an anonymous caller is UNAUTHENTICATED (consumers file consumer reports).
     */
    static void notifier(Caller caller) {
        caller.require(Role.RIGHTS_OWNER);
    }

    /**
     * Watching a platform's decisions: a partner its own platform (platform_id of the token),
     * reviewers and admins any.
     */
    static void watcherOf(Caller caller, String platform, String field) {
        caller.require(Role.PLATFORM_PARTNER, Role.REVIEWER, Role.ADMIN);
        if (isStaff(caller)) {
            return;
        }
        if (caller.platformId() == null || !caller.platformId().equals(platform)) {
            throw new ApiError(ErrorCode.FORBIDDEN, field, "NOT_OWNER", "A partner may watch only its own platform");
        }
    }
}
