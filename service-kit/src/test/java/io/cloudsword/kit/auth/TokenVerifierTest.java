package io.cloudsword.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.ParseException;

class TokenVerifierTest {

    private static final String ISSUER = "https://issuer.example";
    private static final String BRANDS = "https://login.example/realms/brands";
    private final KeyPair keys = rsa();

    @Test
    void aValidTokenYieldsTheCallersRolesAndOwnership() throws Exception {
        long now = Instant.now().getEpochSecond();
        Caller caller = verifier(Clock.systemUTC()).verify(sign(keys, ISSUER, "cloudsword-gateway", now + 600,
                "\"groups\":[\"rights_owner\"],\"owner_id\":\"o-1\""));
        assertEquals(Set.of("rights_owner"), caller.roles());
        assertEquals("o-1", caller.ownerId());
    }

    @Test
    void wrongKeyIssuerAudienceOrExpiryAreRefused() {
        long now = Instant.now().getEpochSecond();
        TokenVerifier verifier = verifier(Clock.systemUTC());
        assertThrows(ParseException.class, () -> verifier.verify(sign(rsa(), ISSUER, "cloudsword-gateway", now + 600,
                "\"groups\":[\"admin\"]")));
        assertThrows(ParseException.class, () -> verifier.verify(sign(keys, "https://evil.example",
                "cloudsword-gateway", now + 600, "\"groups\":[\"admin\"]")));
        assertThrows(ParseException.class, () -> verifier.verify(sign(keys, ISSUER, "someone-else", now + 600,
                "\"groups\":[\"admin\"]")));
        assertThrows(ParseException.class, () -> verifier.verify(sign(keys, ISSUER, "cloudsword-gateway", now - 600,
                "\"groups\":[\"admin\"]")));
    }

    @Test
    void aTokenIsVerifiedOnceAndRememberedOnlyUntilItExpires() throws Exception {
        long now = Instant.now().getEpochSecond();
        String token = sign(keys, ISSUER, "cloudsword-gateway", now + 60, "\"groups\":[\"admin\"]");
        TokenVerifier.Parser real = TokenVerifier.issuer(TokenVerifier.TrustedIssuer.of(ISSUER, "cloudsword-gateway",
                Optional.of(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())), Optional.empty()))
                .parser();
        AtomicInteger parses = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(now));
        TokenVerifier verifier = new TokenVerifier(t -> {
            parses.incrementAndGet();
            return real.parse(t);
        }, ISSUER, clock);

        assertTrue(verifier.verify(token).hasRole("admin"));
        assertTrue(verifier.verify(token).hasRole("admin"));
        assertEquals(1, parses.get(), "the second call is served from memory");
        clock.now = Instant.ofEpochSecond(now + 61);
        verifier.verify(token);
        assertEquals(2, parses.get(), "past its expiry the token is checked again, not served from memory");
        assertThrows(ParseException.class, () -> verifier.verify(token.substring(0, token.length() - 2) + "xx"),
                "a changed byte is another token, verified afresh");
    }

    @Test
    void eachTrustedIssuerIsCheckedWithItsOwnKeyRolesAndClaimNames() throws Exception {
        long now = Instant.now().getEpochSecond();
        KeyPair brandsKeys = rsa();
        TokenVerifier verifier = new TokenVerifier(List.of(
                TokenVerifier.TrustedIssuer.of(ISSUER, "cloudsword-gateway", Optional.of(base64(keys)), Optional.empty()),
                new TokenVerifier.TrustedIssuer(BRANDS, "cloudsword-gateway", Optional.of(base64(brandsKeys)),
                        Optional.empty(), "realm_access/roles", Map.of("brand-owner", "rights_owner"), "brand_owner",
                        "platform_id", "customs_authority")), Clock.systemUTC());

        Caller primary = verifier.verify(sign(keys, ISSUER, "cloudsword-gateway", now + 600,
                "\"groups\":[\"platform_partner\"],\"platform_id\":\"marketly\""));
        assertEquals(Set.of("platform_partner"), primary.roles());
        assertEquals("marketly", primary.platformId());

        Caller brandOwner = verifier.verify(sign(brandsKeys, BRANDS, "cloudsword-gateway", now + 600,
                "\"realm_access\":{\"roles\":[\"brand-owner\",\"admin\",\"offline_access\"]},"
                        + "\"brand_owner\":\"o-7\",\"groups\":[\"admin\"]"));
        assertEquals(Set.of("rights_owner"), brandOwner.roles(),
                "only mapped roles count: the brands issuer cannot grant admin, neither in realm_access nor in groups");
        assertEquals("o-7", brandOwner.ownerId());
        assertEquals(Set.of(ISSUER, BRANDS), verifier.trustedIssuers());
    }

    @Test
    void aTokenIsCheckedByTheIssuerItNamesAndRefusedWhenThatIssuerDidNotSignIt() {
        long now = Instant.now().getEpochSecond();
        KeyPair brandsKeys = rsa();
        TokenVerifier verifier = new TokenVerifier(List.of(
                TokenVerifier.TrustedIssuer.of(ISSUER, "cloudsword-gateway", Optional.of(base64(keys)), Optional.empty()),
                TokenVerifier.TrustedIssuer.of(BRANDS, "cloudsword-gateway", Optional.of(base64(brandsKeys)),
                        Optional.empty())), Clock.systemUTC());
        // signed by the primary's key but claiming the brands issuer: the brands key does not verify it
        assertThrows(ParseException.class, () -> verifier.verify(sign(keys, BRANDS, "cloudsword-gateway", now + 600,
                "\"groups\":[\"admin\"]")));
        assertThrows(ParseException.class, () -> verifier.verify(sign(brandsKeys, "https://unknown.example",
                "cloudsword-gateway", now + 600, "\"groups\":[\"admin\"]")));
        assertThrows(ParseException.class, () -> verifier.verify(sign(brandsKeys, BRANDS, "someone-else", now + 600,
                "\"groups\":[\"admin\"]")));
        assertThrows(ParseException.class, () -> verifier.verify("not.a.jwt"));
        assertThrows(ParseException.class, () -> verifier.verify("no-dots-at-all"));
    }

    @Test
    void namedIssuersAreReadFromConfigurationNextToThePrimaryOne() throws Exception {
        long now = Instant.now().getEpochSecond();
        KeyPair brandsKeys = rsa();
        Map<String, String> properties = Map.of(
                "cloudsword.auth.issuers.brands.issuer", BRANDS,
                "cloudsword.auth.issuers.brands.public-key", base64(brandsKeys),
                "cloudsword.auth.issuers.brands.roles-claim", "realm_access/roles",
                "cloudsword.auth.issuers.brands.role-map.brand-owner", "rights_owner",
                "cloudsword.auth.issuers.brands.owner-id-claim", "brand_owner",
                "unrelated.property", "x");
        TokenVerifier verifier = new TokenVerifier(ISSUER, "cloudsword-gateway", Optional.of(base64(keys)),
                Optional.empty(), new MapConfig(properties), Clock.systemUTC());
        assertEquals(Set.of(ISSUER, BRANDS), verifier.trustedIssuers());
        Caller caller = verifier.verify(sign(brandsKeys, BRANDS, "cloudsword-gateway", now + 600,
                "\"realm_access\":{\"roles\":[\"brand-owner\"]},\"brand_owner\":\"o-9\""));
        assertEquals(Set.of("rights_owner"), caller.roles());
        assertEquals("o-9", caller.ownerId());
        assertEquals(Set.of("admin"), verifier.verify(sign(keys, ISSUER, "cloudsword-gateway", now + 600,
                "\"groups\":[\"admin\"]")).roles(), "the primary issuer works as before");

        Map<String, String> keyless = Map.of("cloudsword.auth.issuers.brands.issuer", BRANDS);
        IllegalStateException noKey = assertThrows(IllegalStateException.class, () -> new TokenVerifier(ISSUER,
                "cloudsword-gateway", Optional.of(base64(keys)), Optional.empty(), new MapConfig(keyless),
                Clock.systemUTC()));
        assertTrue(noKey.getMessage().contains(BRANDS), noKey.getMessage());
        Map<String, String> twice = Map.of("cloudsword.auth.issuers.again.issuer", ISSUER,
                "cloudsword.auth.issuers.again.public-key", base64(keys));
        assertThrows(IllegalStateException.class, () -> new TokenVerifier(ISSUER, "cloudsword-gateway",
                Optional.of(base64(keys)), Optional.empty(), new MapConfig(twice), Clock.systemUTC()));
    }

    /** Just enough of MicroProfile Config for the named issuers. */
    private record MapConfig(Map<String, String> values) implements Config {
        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new java.util.NoSuchElementException(name));
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(type.cast(values.get(name)));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    private static String base64(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private TokenVerifier verifier(Clock clock) {
        return new TokenVerifier(ISSUER, "cloudsword-gateway",
                Optional.of(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())), Optional.empty(), clock);
    }

    private static String sign(KeyPair keys, String issuer, String audience, long exp, String claims)
            throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String body = b64("{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"s\",\"iat\":"
                + (exp - 3600) + ",\"exp\":" + exp + "," + claims + "}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
        return header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
