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

    private final TokenVerifier verifier;

    public CallerInterceptor(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The caller of the gRPC call in progress; read it when the method starts. */
    public static Caller current() {
        Caller caller = CALLER.get();
        return caller == null ? Caller.ANONYMOUS : caller;
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
        return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String message) {
        StatusRuntimeException e = ErrorDetails.toException(Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED", "",
                message);
        call.close(e.getStatus(), e.getTrailers() == null ? new Metadata() : e.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }
}
