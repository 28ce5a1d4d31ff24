package io.cloudsword.gateway.security;

import java.util.EnumSet;
import java.util.Set;

import io.cloudsword.gateway.error.ApiError;

/**
 * Who is calling, as the verified token says: subject, roles and the ownership claims
 * ({@code owner_id}, {@code platform_id}, {@code customs_authority}) that fields are checked against.
 */
public record Caller(String subject, Set<Role> roles, String ownerId, String platformId, String customsAuthority) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, null, null);

    public boolean anonymous() {
        return subject == null;
    }

    /**
     * Lets the call through when the caller holds one of {@code allowed}; otherwise refuses
     * with UNAUTHENTICATED (no token) or FORBIDDEN (a token without the role).
     */
    public Caller require(Role first, Role... more) {
        Set<Role> allowed = EnumSet.of(first, more);
        if (roles.stream().anyMatch(allowed::contains)) {
            return this;
        }
        if (anonymous()) {
            throw ApiError.unauthenticated("This field needs a bearer token");
        }
        throw ApiError.forbidden("This field needs one of the roles " + allowed.stream().map(Role::claim).toList());
    }

    /** Any role at all: the caller only has to be signed in. */
    public Caller requireSignedIn() {
        return require(Role.CONSUMER, Role.values());
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
