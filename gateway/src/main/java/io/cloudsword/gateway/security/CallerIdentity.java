package io.cloudsword.gateway.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.cloudsword.gateway.error.ApiError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The verified caller of the current request. Authentication is lazy (proactive auth is off)
 * so that a bad token becomes a GraphQL error with {@code extensions.code} UNAUTHENTICATED,
 * not a bare HTTP 401, and anonymous fields stay reachable.
 */
@ApplicationScoped
public class CallerIdentity {

    private final CurrentIdentityAssociation identities;

    public CallerIdentity(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Caller> current() {
        return identities.getDeferredIdentity()
                .onFailure(AuthenticationFailedException.class).transform(e -> ApiError.unauthenticated(
                        "The bearer token was refused: invalid, expired, or not from a trusted issuer"))
                .map(CallerIdentity::toCaller);
    }

    static Caller toCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.claim())) {
                roles.add(role);
            }
        }
        String owner = null;
        String platform = null;
        String customs = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            owner = jwt.getClaim("owner_id");
            platform = jwt.getClaim("platform_id");
            customs = jwt.getClaim("customs_authority");
        }
        return new Caller(identity.getPrincipal().getName(), roles, owner, platform, customs);
    }
}
