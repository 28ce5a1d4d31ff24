package io.cloudsword.complaint.support;

import java.util.Map;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/** Remembers the authorization each method was last called with (the service's own identity). */
final class AuthorizationRecorder implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private final Map<String, String> seen;

    AuthorizationRecorder(Map<String, String> seen) {
        this.seen = seen;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String auth = headers.get(AUTHORIZATION);
        seen.put(call.getMethodDescriptor().getBareMethodName(), auth == null ? "" : auth);
        return next.startCall(call, headers);
    }
}
