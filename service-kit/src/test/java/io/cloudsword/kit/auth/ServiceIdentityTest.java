package io.cloudsword.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.cloudsword.kit.error.DomainException;

class ServiceIdentityTest {

    /** One token request as the identity provider saw it. */
    private record Seen(String authorization, String contentType, String body) {
    }

    private HttpServer idp;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long expiresIn = 600;
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @BeforeEach
    void startIdentityProvider() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Seen(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            byte[] answer = ("{\"access_token\":\"token-" + requests.size() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":" + expiresIn + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        idp.start();
    }

    @AfterEach
    void stopIdentityProvider() {
        idp.stop(0);
    }

    private String tokenUrl() {
        return "http://127.0.0.1:" + idp.getAddress().getPort() + "/token";
    }

    private ServiceIdentity granted() {
        return new ServiceIdentity(Optional.of(tokenUrl()), Optional.of("listing-service"), Optional.of("s3cr&t"),
                Optional.empty(), Optional.of("ignored-static"), clock);
    }

    @Test
    void clientCredentialsAreExchangedOnceAndTheTokenKeptUntilShortlyBeforeItExpires() {
        ServiceIdentity identity = granted();
        assertTrue(identity.configured());
        assertEquals(Optional.of("Bearer token-1"), identity.authorization());
        assertEquals(Optional.of("Bearer token-1"), identity.authorization());
        assertEquals(1, requests.size());
        Seen seen = requests.get(0);
        assertEquals("grant_type=client_credentials", seen.body());
        assertEquals("application/x-www-form-urlencoded", seen.contentType());
        // HTTP Basic over the form-encoded id and secret (RFC 6749 section 2.3.1)
        assertEquals("Basic " + Base64.getEncoder().encodeToString("listing-service:s3cr%26t".getBytes(StandardCharsets.UTF_8)),
                seen.authorization());

        clock.now = clock.now.plusSeconds(expiresIn - ServiceIdentity.RENEW_BEFORE.toSeconds() - 1);
        assertEquals(Optional.of("Bearer token-1"), identity.authorization());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.of("Bearer token-2"), identity.authorization());
        assertEquals(2, requests.size());
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifetime() {
        expiresIn = 60;
        ServiceIdentity identity = granted();
        assertEquals(Optional.of("Bearer token-1"), identity.authorization());
        clock.now = clock.now.plusSeconds(29);
        assertEquals(Optional.of("Bearer token-1"), identity.authorization());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.of("Bearer token-2"), identity.authorization());
    }

    @Test
    void aRefusingOrUnreachableIdentityProviderIsAnUnavailableDependency() {
        status = 401;
        DomainException refused = assertThrows(DomainException.class, () -> granted().authorization());
        assertEquals(DomainException.Kind.UNAVAILABLE, refused.kind());
        assertEquals("DEPENDENCY_UNAVAILABLE", refused.reason());

        String url = tokenUrl();
        idp.stop(0);
        ServiceIdentity unreachable = new ServiceIdentity(Optional.of(url), Optional.of("listing-service"),
                Optional.of("secret"), Optional.empty(), Optional.empty(), clock);
        DomainException down = assertThrows(DomainException.class, unreachable::authorization);
        assertEquals(DomainException.Kind.UNAVAILABLE, down.kind());
        assertEquals("DEPENDENCY_UNAVAILABLE", down.reason());
    }

    @Test
    void aStaticTokenIsSentAsIsAndNothingMeansNoAuthorization() {
        ServiceIdentity fixed = new ServiceIdentity(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(" dev-token "), clock);
        assertEquals(Optional.of("Bearer dev-token"), fixed.authorization());

        ServiceIdentity none = new ServiceIdentity(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(""), clock);
        assertFalse(none.configured());
        assertEquals(Optional.empty(), none.authorization());
        assertTrue(requests.isEmpty());
    }

    @Test
    void aTokenUrlWithoutClientCredentialsIsRefused() {
        assertThrows(IllegalStateException.class, () -> new ServiceIdentity(Optional.of(tokenUrl()),
                Optional.of("listing-service"), Optional.empty(), Optional.empty(), Optional.empty(), clock));
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
