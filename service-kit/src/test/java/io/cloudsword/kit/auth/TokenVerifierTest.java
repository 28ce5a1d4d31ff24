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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.ParseException;

class TokenVerifierTest {

    private static final String ISSUER = "https://issuer.example";
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
        TokenVerifier real = verifier(Clock.systemUTC());
        AtomicInteger parses = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(now));
        TokenVerifier verifier = new TokenVerifier(t -> {
            parses.incrementAndGet();
            return realParse(real, t);
        }, clock);

        assertTrue(verifier.verify(token).hasRole("admin"));
        assertTrue(verifier.verify(token).hasRole("admin"));
        assertEquals(1, parses.get(), "the second call is served from memory");
        clock.now = Instant.ofEpochSecond(now + 61);
        verifier.verify(token);
        assertEquals(2, parses.get(), "past its expiry the token is checked again, not served from memory");
        assertThrows(ParseException.class, () -> verifier.verify(token.substring(0, token.length() - 2) + "xx"),
                "a changed byte is another token, verified afresh");
    }

    private static org.eclipse.microprofile.jwt.JsonWebToken realParse(TokenVerifier real, String token)
            throws ParseException {
        try {
            var field = TokenVerifier.class.getDeclaredField("parser");
            field.setAccessible(true);
            return ((TokenVerifier.Parser) field.get(real)).parse(token);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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
