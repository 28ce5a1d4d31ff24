package io.cloudsword.support.tokens;

import java.util.Map;

import io.grpc.Metadata;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For a service's {@code @QuarkusTest}s: a key pair made for this test run. The service trusts
 * its public half ({@code cloudsword.auth.public-key}); tests sign tokens with {@link #TOKENS}
 * and send them with {@link #bearer(String)}.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final DevKeys KEYS = DevKeys.generate();
    public static final DevTokens TOKENS = new DevTokens(KEYS);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public Map<String, String> start() {
        return Map.of("cloudsword.auth.public-key", KEYS.publicKeyBase64());
    }

    @Override
    public void stop() {
    }

    /** gRPC metadata carrying the token, for {@code GrpcClientUtils.attachHeaders(client, ...)}. */
    public static Metadata bearer(String token) {
        Metadata metadata = new Metadata();
        metadata.put(AUTHORIZATION, "Bearer " + token);
        return metadata;
    }

    public static String ownerToken(String ownerId) {
        return TOKENS.token("owner-" + ownerId).role("rights_owner").claim("owner_id", ownerId).sign();
    }

    public static String token(String role) {
        return TOKENS.token("test-" + role).role(role).sign();
    }
}
