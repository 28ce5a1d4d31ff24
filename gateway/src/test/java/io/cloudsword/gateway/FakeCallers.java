package io.cloudsword.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * For the stand-in services: who called (the claims of the token the gateway forwarded; the
 * gateway checked its signature, the fakes only read it), with what client key, and how often
 * each RPC was called.
 */
final class FakeCallers implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> CLIENT_KEY = Metadata.Key.of("x-client-key", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CALLER = Context.key("authorization");

    /** Calls per RPC name, and the authorization and client key each RPC last received ("null" when absent). */
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, String> authorization = new ConcurrentHashMap<>();
    final Map<String, String> clientKey = new ConcurrentHashMap<>();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        String token = headers.get(AUTHORIZATION);
        authorization.put(method, String.valueOf(token));
        clientKey.put(method, String.valueOf(headers.get(CLIENT_KEY)));
        return Contexts.interceptCall(Context.current().withValue(CALLER, token), call, headers, next);
    }

    int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /** The authorization metadata of the call being served, or null. */
    static String currentAuthorization() {
        return CALLER.get();
    }

    /** A claim of the current caller's token as raw JSON ("\"abc\"" or "[...]"), null when absent. */
    static String claim(String name) {
        String authorization = CALLER.get();
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\])").matcher(payload);
        return m.find() ? m.group(1) : null;
    }

    static String ownerId() {
        String owner = claim("owner_id");
        return owner == null ? null : owner.replace("\"", "");
    }

    static boolean isStaff() {
        String groups = claim("groups");
        return groups != null && (groups.contains("\"admin\"") || groups.contains("\"reviewer\""));
    }

    static boolean owns(String ownerId) {
        return isStaff() || ownerId.equals(ownerId());
    }
}
