package io.cloudsword.kit.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token the way the gateway does: RS256 signature by the trusted issuer's key
 * (a JWKS URL in production, a public key in dev and test), issuer, audience and expiry.
 * <p>
 * Several issuers may be trusted at once (one identity provider for partner platforms, one for
 * customs, one for brand owners): the primary one of {@code cloudsword.auth.issuer} and any
 * number of {@code cloudsword.auth.issuers.<name>.*}, each with its own key, the claim its roles
 * are read from, a mapping of its role names to ours and the names of its ownership claims. The
 * token's {@code iss} is read unverified only to pick the issuer's verifier; that verifier then
 * checks everything (signature, issuer, audience, expiry) as if it were the only one.
 * <p>
 * A caller sends the same token on many calls, and checking an RSA signature costs far more than
 * the rest of a primary-key read; so a verified token is remembered until it expires (a bounded
 * cache keyed by the whole token, so a changed byte is a different key and is verified afresh).
 */
@ApplicationScoped
public class TokenVerifier {

    static final int MAX_REMEMBERED = 10_000;
    static final String ISSUERS_PREFIX = "cloudsword.auth.issuers.";
    private static final Pattern NAMED_ISSUER = Pattern.compile("cloudsword\\.auth\\.issuers\\.([a-z0-9-]+)\\.issuer");
    // the same property set only in the environment (CLOUDSWORD_AUTH_ISSUERS_PARTNERS_ISSUER)
    private static final Pattern NAMED_ISSUER_ENV = Pattern.compile("CLOUDSWORD_AUTH_ISSUERS_([A-Z0-9]+)_ISSUER");

    private record Verified(Caller caller, long expiresAtEpochSecond) {
    }

    /** Signature, issuer, audience and expiry checks: smallrye-jwt's parser. */
    interface Parser {
        JsonWebToken parse(String token) throws ParseException;
    }

    /**
     * One issuer this service trusts.
     *
     * @param issuer the exact {@code iss} of its tokens
     * @param audience the {@code aud} its tokens must name
     * @param publicKey its public key (base64 DER or PEM), or empty
     * @param jwksUrl its JWKS URL, used when there is no public key
     * @param rolesClaim where its roles are, a path such as {@code groups} or {@code realm_access/roles}
     * @param roleNames its role names to ours ({@code brand-owner} to {@code rights_owner}); empty: its
     *        role names are ours; not empty: only the roles named here count, so this issuer
     *        cannot grant a role it was not meant to
     * @param ownerIdClaim the claim holding the rights owner id
     * @param platformIdClaim the claim holding the partner's platform
     * @param customsAuthorityClaim the claim holding the customs authority
     */
    public record TrustedIssuer(String issuer, String audience, Optional<String> publicKey, Optional<String> jwksUrl,
            String rolesClaim, Map<String, String> roleNames, String ownerIdClaim, String platformIdClaim,
            String customsAuthorityClaim) {

        public TrustedIssuer {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("A trusted issuer needs its iss");
            }
            roleNames = Map.copyOf(roleNames);
        }

        /** Roles in {@code groups}, ownership claims under our names: a Cloud Sword-minted token. */
        public static TrustedIssuer of(String issuer, String audience, Optional<String> publicKey,
                Optional<String> jwksUrl) {
            return new TrustedIssuer(issuer, audience, publicKey, jwksUrl, "groups", Map.of(), "owner_id",
                    "platform_id", "customs_authority");
        }
    }

    /** A trusted issuer's verifier and how its claims become a {@link Caller}. */
    record Issuer(Parser parser, TrustedIssuer rules) {

        Caller caller(JsonWebToken jwt) {
            Set<String> roles = new HashSet<>();
            for (String role : jwt.getGroups()) {
                if (rules.roleNames().isEmpty()) {
                    roles.add(role);
                } else if (rules.roleNames().containsKey(role)) {
                    roles.add(rules.roleNames().get(role));
                }
            }
            return new Caller(jwt.getSubject(), roles, text(jwt, rules.ownerIdClaim()),
                    text(jwt, rules.platformIdClaim()), text(jwt, rules.customsAuthorityClaim()));
        }

        private static String text(JsonWebToken jwt, String claim) {
            Object value = jwt.getClaim(claim);
            if (value instanceof jakarta.json.JsonString s) {
                return s.getString();
            }
            return value == null ? null : value.toString();
        }
    }

    private final Map<String, Issuer> issuers;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public TokenVerifier(@ConfigProperty(name = "cloudsword.auth.issuer") String issuer,
            @ConfigProperty(name = "cloudsword.auth.audience", defaultValue = "cloudsword-gateway") String audience,
            @ConfigProperty(name = "cloudsword.auth.public-key") Optional<String> publicKey,
            @ConfigProperty(name = "cloudsword.auth.jwks-url") Optional<String> jwksUrl, Config config, Clock clock) {
        this(trusted(TrustedIssuer.of(issuer, audience, publicKey, jwksUrl), namedIssuers(config, audience)), clock);
    }

    /** Trusts only the primary issuer (the single-issuer configuration). */
    public TokenVerifier(String issuer, String audience, Optional<String> publicKey, Optional<String> jwksUrl,
            Clock clock) {
        this(trusted(TrustedIssuer.of(issuer, audience, publicKey, jwksUrl), Map.of()), clock);
    }

    /** Trusts each of {@code issuers}; two with the same {@code iss} are a configuration error. */
    public TokenVerifier(Iterable<TrustedIssuer> issuers, Clock clock) {
        this(byIssuer(issuers), clock);
    }

    TokenVerifier(Map<String, Issuer> issuers, Clock clock) {
        this.issuers = Map.copyOf(issuers);
        this.clock = clock;
    }

    /** One issuer whose tokens {@code parser} checks (tests count or fake the parsing). */
    TokenVerifier(Parser parser, String issuer, Clock clock) {
        this(Map.of(issuer, new Issuer(parser, TrustedIssuer.of(issuer, "cloudsword-gateway", Optional.empty(),
                Optional.empty()))), clock);
    }

    /** The {@code iss} values this service trusts. */
    public Set<String> trustedIssuers() {
        return new TreeSet<>(issuers.keySet());
    }

    /** @throws ParseException when the token is not one this service trusts */
    public Caller verify(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && now < known.expiresAtEpochSecond()) {
            return known.caller();
        }
        // the unverified iss only picks the verifier; that verifier checks the issuer again with the signature
        String claimed = unverifiedIssuer(token);
        Issuer issuer = claimed == null ? null : issuers.get(claimed);
        if (issuer == null) {
            throw new ParseException("The token's issuer is not trusted");
        }
        JsonWebToken jwt = issuer.parser().parse(token);
        Caller caller = issuer.caller(jwt);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear(); // crude but bounded: the next calls verify their tokens again
        }
        verified.put(token, new Verified(caller, jwt.getExpirationTime()));
        return caller;
    }

    /** The {@code iss} claim of a compact JWS, not verified; null when the token has none or is no JWT. */
    static String unverifiedIssuer(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(first + 1, second)),
                    StandardCharsets.UTF_8);
            return JsonUtil.parseJson(payload).get("iss") instanceof String iss ? iss : null;
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            return null;
        }
    }

    static Issuer issuer(TrustedIssuer rules) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(rules.issuer());
        info.setExpectedAudience(Set.of(rules.audience()));
        info.setGroupsPath(rules.rolesClaim());
        info.setExpGracePeriodSecs(30);
        if (rules.publicKey().isPresent() && !rules.publicKey().get().isBlank()) {
            info.setPublicKeyContent(rules.publicKey().get());
        } else if (rules.jwksUrl().isPresent() && !rules.jwksUrl().get().isBlank()) {
            info.setPublicKeyLocation(rules.jwksUrl().get());
        } else {
            throw new IllegalStateException("Set a key for the issuer " + rules.issuer() + ": cloudsword.auth.jwks-url "
                    + "(CLOUDSWORD_OIDC_JWKS_URL: the issuer's JWKS) or cloudsword.auth.public-key for the primary "
                    + "issuer, cloudsword.auth.issuers.<name>.jwks-url or .public-key for a named one");
        }
        DefaultJWTParser parser = new DefaultJWTParser(info);
        return new Issuer(parser::parse, rules);
    }

    private static Map<String, Issuer> trusted(TrustedIssuer primary, Map<String, TrustedIssuer> named) {
        List<TrustedIssuer> all = new ArrayList<>();
        all.add(primary);
        all.addAll(named.values());
        return byIssuer(all);
    }

    private static Map<String, Issuer> byIssuer(Iterable<TrustedIssuer> issuers) {
        Map<String, Issuer> byIssuer = new LinkedHashMap<>();
        for (TrustedIssuer rules : issuers) {
            if (byIssuer.put(rules.issuer(), issuer(rules)) != null) {
                throw new IllegalStateException("The issuer " + rules.issuer() + " is configured twice");
            }
        }
        return byIssuer;
    }

    /**
     * {@code cloudsword.auth.issuers.<name>.issuer} (required), {@code .jwks-url} or {@code .public-key},
     * {@code .audience} (default: the primary's), {@code .roles-claim} (default {@code groups}),
     * {@code .role-map.<theirs>=<ours>}, {@code .owner-id-claim}, {@code .platform-id-claim},
     * {@code .customs-authority-claim} (defaults: our claim names).
     */
    static Map<String, TrustedIssuer> namedIssuers(Config config, String defaultAudience) {
        Set<String> names = new TreeSet<>();
        Map<String, Map<String, String>> roleMaps = new LinkedHashMap<>();
        for (String property : config.getPropertyNames()) {
            Matcher named = NAMED_ISSUER.matcher(property);
            Matcher env = NAMED_ISSUER_ENV.matcher(property);
            if (named.matches()) {
                names.add(named.group(1));
            } else if (env.matches()) {
                names.add(env.group(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String property : config.getPropertyNames()) {
            for (String name : names) {
                String prefix = ISSUERS_PREFIX + name + ".role-map.";
                if (property.startsWith(prefix)) {
                    String theirs = property.substring(prefix.length()).replace("\"", "");
                    roleMaps.computeIfAbsent(name, n -> new LinkedHashMap<>())
                            .put(theirs, config.getValue(property, String.class).strip());
                }
            }
        }
        Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();
        for (String name : names) {
            String prefix = ISSUERS_PREFIX + name + ".";
            issuers.put(name, new TrustedIssuer(config.getValue(prefix + "issuer", String.class).strip(),
                    config.getOptionalValue(prefix + "audience", String.class).orElse(defaultAudience),
                    config.getOptionalValue(prefix + "public-key", String.class),
                    config.getOptionalValue(prefix + "jwks-url", String.class),
                    config.getOptionalValue(prefix + "roles-claim", String.class).orElse("groups"),
                    roleMaps.getOrDefault(name, Map.of()),
                    config.getOptionalValue(prefix + "owner-id-claim", String.class).orElse("owner_id"),
                    config.getOptionalValue(prefix + "platform-id-claim", String.class).orElse("platform_id"),
                    config.getOptionalValue(prefix + "customs-authority-claim", String.class)
                            .orElse("customs_authority")));
        }
        return issuers;
    }
}
