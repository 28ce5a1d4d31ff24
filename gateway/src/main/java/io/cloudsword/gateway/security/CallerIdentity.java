package io.cloudsword.gateway.security;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.gateway.error.ApiError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The verified caller of the current request. Authentication is lazy (proactive auth is off)
 * so that a bad token becomes a GraphQL error with {@code extensions.code} UNAUTHENTICATED,
 * not a bare HTTP 401, and anonymous fields stay reachable. Several issuers may be trusted (one
 * OIDC tenant each, chosen by the token's {@code iss}); {@link IssuerClaims} maps each one's roles
 * and ownership claims to ours.
 */
@ApplicationScoped
public class CallerIdentity {

    /** Leaves a refused token to {@link #current()} instead of Quarkus's default bare 401 with no body. */
    private static final BiConsumer<RoutingContext, Throwable> LEAVE_IT_TO_THE_RESOLVER = (ctx, failure) -> {
    };

    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest request;
    private final IssuerClaims claims;

    public CallerIdentity(CurrentIdentityAssociation identities, CurrentVertxRequest request, IssuerClaims claims) {
        this.identities = identities;
        this.request = request;
        this.claims = claims;
    }

    public Uni<Caller> current() {
        RoutingContext ctx = request.getCurrent();
        if (ctx != null) {
            // read by Quarkus when the lazy authentication fails, so it must be in place before we ask
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_IT_TO_THE_RESOLVER);
        }
        return identities.getDeferredIdentity()
                .onFailure(AuthenticationFailedException.class).transform(e -> ApiError.unauthenticated(
                        "The bearer token was refused: invalid, expired, or not from a trusted issuer"))
                .map(this::toCaller);
    }

    Caller toCaller(SecurityIdentity identity) {
        return claims.toCaller(identity);
    }
}
