package io.cloudsword.kit.auth;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token the way the gateway does: RS256 signature by the trusted issuer's key
 * (a JWKS URL in production, a public key in dev and test), issuer, audience and expiry.
 */
@ApplicationScoped
public class TokenVerifier {

    private final JWTParser parser;

    public TokenVerifier(@ConfigProperty(name = "cloudsword.auth.issuer") String issuer,
            @ConfigProperty(name = "cloudsword.auth.audience", defaultValue = "cloudsword-gateway") String audience,
            @ConfigProperty(name = "cloudsword.auth.public-key") Optional<String> publicKey,
            @ConfigProperty(name = "cloudsword.auth.jwks-url") Optional<String> jwksUrl) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(issuer);
        info.setExpectedAudience(Set.of(audience));
        info.setGroupsPath("groups");
        info.setExpGracePeriodSecs(30);
        if (publicKey.isPresent() && !publicKey.get().isBlank()) {
            info.setPublicKeyContent(publicKey.get());
        } else if (jwksUrl.isPresent() && !jwksUrl.get().isBlank()) {
            info.setPublicKeyLocation(jwksUrl.get());
        } else {
            throw new IllegalStateException("Set cloudsword.auth.jwks-url (CLOUDSWORD_OIDC_JWKS_URL: the issuer's JWKS) "
                    + "or cloudsword.auth.public-key to verify callers' tokens");
        }
        this.parser = new DefaultJWTParser(info);
    }

    /** @throws ParseException when the token is not one this service trusts */
    public Caller verify(String token) throws ParseException {
        JsonWebToken jwt = parser.parse(token);
        return new Caller(jwt.getSubject(), new HashSet<>(jwt.getGroups()), jwt.getClaim("owner_id"),
                jwt.getClaim("platform_id"), jwt.getClaim("customs_authority"));
    }
}
