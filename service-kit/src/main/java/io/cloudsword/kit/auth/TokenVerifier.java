package io.cloudsword.kit.auth;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token the way the gateway does: RS256 signature by the trusted issuer's key
 * (a JWKS URL in production, a public key in dev and test), issuer, audience and expiry.
 * <p>
 * A caller sends the same token on many calls, and checking an RSA signature costs far more than
 * the rest of a primary-key read; so a verified token is remembered until it expires (a bounded
 * cache keyed by the whole token, so a changed byte is a different key and is verified afresh).
 */
@ApplicationScoped
public class TokenVerifier {

    static final int MAX_REMEMBERED = 10_000;

    private record Verified(Caller caller, long expiresAtEpochSecond) {
    }

    /** Signature, issuer, audience and expiry checks: smallrye-jwt's parser. */
    interface Parser {
        JsonWebToken parse(String token) throws ParseException;
    }

    private final Parser parser;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public TokenVerifier(@ConfigProperty(name = "cloudsword.auth.issuer") String issuer,
            @ConfigProperty(name = "cloudsword.auth.audience", defaultValue = "cloudsword-gateway") String audience,
            @ConfigProperty(name = "cloudsword.auth.public-key") Optional<String> publicKey,
            @ConfigProperty(name = "cloudsword.auth.jwks-url") Optional<String> jwksUrl, Clock clock) {
        this.clock = clock;
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
        JWTParser jwtParser = new DefaultJWTParser(info);
        this.parser = jwtParser::parse;
    }

    TokenVerifier(Parser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    /** @throws ParseException when the token is not one this service trusts */
    public Caller verify(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && now < known.expiresAtEpochSecond()) {
            return known.caller();
        }
        JsonWebToken jwt = parser.parse(token);
        Caller caller = new Caller(jwt.getSubject(), new HashSet<>(jwt.getGroups()), jwt.getClaim("owner_id"),
                jwt.getClaim("platform_id"), jwt.getClaim("customs_authority"));
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear(); // crude but bounded: the next calls verify their tokens again
        }
        verified.put(token, new Verified(caller, jwt.getExpirationTime()));
        return caller;
    }
}
