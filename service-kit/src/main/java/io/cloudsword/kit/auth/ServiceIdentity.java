package io.cloudsword.kit.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import io.cloudsword.kit.error.DomainException;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/**
 * Who this service is when it calls another service on its own behalf (a background job, a
 * cache that follows brand-registry's change stream), as opposed to forwarding its caller's
 * token. The callee checks the token like any other: it needs a role such as {@code system}.
 * <p>
 * Where the token comes from, first match wins:
 * <ol>
 * <li>an OIDC client-credentials grant when {@code cloudsword.service-auth.token-url},
 * {@code client-id} and {@code client-secret} are configured (production: a confidential client
 * of the identity provider); the token is kept until shortly before it expires;</li>
 * <li>a fixed token in {@code cloudsword.service-auth.token} ({@code ./cloudsword up} mints one
 * with the dev key);</li>
 * <li>none: calls go without authorization (tests against a stand-in that checks nothing).</li>
 * </ol>
 */
@ApplicationScoped
public class ServiceIdentity {

    /** A token is renewed this long before it expires, so it never expires in flight. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(5);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private record Issued(String token, Instant renewAt) {
    }

    private final Optional<URI> tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Optional<String> scope;
    private final Optional<String> staticToken;
    private final Clock clock;
    private final HttpClient http;
    private Issued issued;

    @Inject
    public ServiceIdentity(@ConfigProperty(name = "cloudsword.service-auth.token-url") Optional<String> tokenUrl,
            @ConfigProperty(name = "cloudsword.service-auth.client-id") Optional<String> clientId,
            @ConfigProperty(name = "cloudsword.service-auth.client-secret") Optional<String> clientSecret,
            @ConfigProperty(name = "cloudsword.service-auth.scope") Optional<String> scope,
            @ConfigProperty(name = "cloudsword.service-auth.token") Optional<String> staticToken, Clock clock) {
        boolean grant = present(tokenUrl) && present(clientId) && present(clientSecret);
        if (present(tokenUrl) && !grant) {
            // half a configuration would silently fall back to no identity: refuse it instead
            throw new IllegalStateException("cloudsword.service-auth.token-url needs client-id and client-secret");
        }
        this.tokenUrl = grant ? Optional.of(URI.create(tokenUrl.get().strip())) : Optional.empty();
        this.clientId = grant ? clientId.get().strip() : null;
        this.clientSecret = grant ? clientSecret.get() : null;
        this.scope = scope.filter(s -> !s.isBlank());
        this.staticToken = staticToken.map(String::strip).filter(s -> !s.isEmpty());
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TOKEN_TIMEOUT).build();
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }

    /** Whether calls carry a token at all. */
    public boolean configured() {
        return tokenUrl.isPresent() || staticToken.isPresent();
    }

    /**
     * The "Bearer ..." value to send, or empty when no identity is configured.
     *
     * @throws DomainException UNAVAILABLE / DEPENDENCY_UNAVAILABLE when the identity provider
     *         does not issue a token
     */
    public Optional<String> authorization() {
        if (tokenUrl.isPresent()) {
            return Optional.of("Bearer " + grantedToken());
        }
        return staticToken.map(t -> "Bearer " + t);
    }

    /** {@code stub} sending this service's token on every call (unchanged without an identity). */
    public <S extends AbstractStub<S>> S authorize(S stub) {
        Optional<String> authorization = authorization();
        if (authorization.isEmpty()) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, authorization.get());
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private synchronized String grantedToken() {
        Instant now = clock.instant();
        if (issued != null && now.isBefore(issued.renewAt())) {
            return issued.token();
        }
        issued = requestToken(now);
        return issued.token();
    }

    /** RFC 6749 section 4.4: client credentials, the client authenticated with HTTP Basic (section 2.3.1). */
    private Issued requestToken(Instant now) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        scope.ifPresent(s -> form.append("&scope=").append(formEncode(s)));
        String basic = Base64.getEncoder().encodeToString((formEncode(clientId) + ":" + formEncode(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl.get())
                .timeout(TOKEN_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw refused("the identity provider at " + tokenUrl.get() + " did not answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("interrupted while asking the identity provider for a token");
        }
        if (response.statusCode() != 200) {
            // the body of an error answer may echo the request; only the status is reported
            throw refused("the identity provider answered HTTP " + response.statusCode());
        }
        Map<String, Object> body;
        try {
            // jose4j's JSON reader: it comes with smallrye-jwt, which the kit uses to verify tokens
            body = JsonUtil.parseJson(response.body());
        } catch (JoseException e) {
            throw refused("the identity provider's answer is not JSON");
        }
        if (!(body.get("access_token") instanceof String token) || token.isBlank()) {
            throw refused("the identity provider's answer has no access_token");
        }
        // expires_in is optional (RFC 6749 section 5.1): without it, ask again after a few minutes
        long lifetime = body.get("expires_in") instanceof Number n ? n.longValue() : 300;
        // renew a minute early; a token shorter-lived than two minutes at half its lifetime
        long renewAfter = lifetime > 2 * RENEW_BEFORE.toSeconds() ? lifetime - RENEW_BEFORE.toSeconds() : lifetime / 2;
        return new Issued(token, now.plusSeconds(renewAfter));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static DomainException refused(String why) {
        return DomainException.unavailable("DEPENDENCY_UNAVAILABLE", "No service token: " + why + "; retry later");
    }
}
