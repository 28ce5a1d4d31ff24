package io.cloudsword.kit.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.grpc.ErrorDetails;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies the bearer token of every gRPC call (forwarded by the gateway, or sent by a direct
 * caller) and makes the {@link Caller} available to the method through {@link #current()}. A
 * call without a token is anonymous; a call with a token this service does not trust is
 * refused with UNAUTHENTICATED before it reaches the method.
 */
@GlobalInterceptor
@ApplicationScoped
public class CallerInterceptor implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Caller> CALLER = Context.key("cloudsword-caller");
    private static final Context.Key<String> BEARER = Context.key("cloudsword-bearer");
    private static final Metadata.Key<String> CLIENT_KEY = Metadata.Key.of("x-client-key",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CLIENT = Context.key("cloudsword-client-key");

    private final TokenVerifier verifier;

    public CallerInterceptor(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The caller of the gRPC call in progress; read it when the method starts. */
    public static Caller current() {
        Caller caller = CALLER.get();
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /**
     * The verified "Bearer ..." value of the call in progress, or null: forwarded when this service
     * asks another on the caller's behalf (the callee checks the caller's rights itself).
     */
    public static String bearer() {
        return BEARER.get();
    }

    /**
     * Who to count a rate limit against: the x-client-key the gateway sends (its view of the
     * client's address or API key), else the peer address of the call.
     */
    public static String clientKey() {
        String key = CLIENT.get();
        return key == null ? "unknown" : key;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String authorization = headers.get(AUTHORIZATION);
        Caller caller = Caller.ANONYMOUS;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return refuse(call, "The authorization metadata must be 'Bearer <token>'");
            }
            try {
                caller = verifier.verify(authorization.substring(7).strip());
            } catch (ParseException e) {
                return refuse(call, "The bearer token was refused: invalid, expired, or not from a trusted issuer");
            }
        }
        String client = headers.get(CLIENT_KEY);
        if (client == null || client.isBlank() || client.length() > 200) {
            Object peer = call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            client = peer instanceof java.net.InetSocketAddress a ? a.getAddress().getHostAddress() : "unknown";
        }
        Context context = Context.current().withValue(CALLER, caller).withValue(CLIENT, client);
        if (authorization != null) {
            context = context.withValue(BEARER, authorization);
        }
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String message) {
        StatusRuntimeException e = ErrorDetails.toException(Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED", "",
                message);
        call.close(e.getStatus(), e.getTrailers() == null ? new Metadata() : e.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }
}
