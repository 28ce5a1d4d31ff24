package io.cloudsword.gateway.grpc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.quarkus.arc.Arc;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends the services an opaque key for the client behind the current request in the metadata
 * {@code x-client-key} (common.proto), so that they can rate-limit anonymous callers (consumers
 * verifying codes and filing reports) per client. The key is an HMAC of the client's address:
 * stable for one client, useless for finding the address again, and no personal data reaches the
 * services. Behind a proxy, enable Quarkus's {@code quarkus.http.proxy.*} forwarding so that the
 * address is the client's, not the proxy's.
 */
@GlobalInterceptor
@ApplicationScoped
public class ForwardClientKey implements ClientInterceptor {

    public static final Metadata.Key<String> CLIENT_KEY = Metadata.Key.of("x-client-key",
            Metadata.ASCII_STRING_MARSHALLER);

    private final SecretKeySpec secret;

    /**
     * @param secret shared by every gateway replica so that one client has one key whichever
     *               replica it reaches; without it each process draws its own (fine for one replica)
     */
    public ForwardClientKey(@ConfigProperty(name = "cloudsword.client-key.secret") Optional<String> secret) {
        byte[] key = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
            CallOptions options, Channel next) {
        String clientKey = currentClientKey();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<RespT> listener, Metadata headers) {
                if (clientKey != null && !headers.containsKey(CLIENT_KEY)) {
                    headers.put(CLIENT_KEY, clientKey);
                }
                super.start(listener, headers);
            }
        };
    }

    /** The key of an address: 128 bits of HMAC-SHA256, base64url. */
    public String keyOf(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The key of the client behind the current HTTP request, or null outside one. */
    String currentClientKey() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (request == null) {
            return null;
        }
        SocketAddress address = request.request().remoteAddress();
        if (address == null) {
            return null;
        }
        return keyOf(address.hostAddress() != null ? address.hostAddress() : address.host());
    }
}
