package io.cloudsword.gateway.grpc;

import jakarta.enterprise.context.ApplicationScoped;

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
import io.vertx.ext.web.RoutingContext;

/**
 * Passes the caller's bearer token on to the services in the {@code authorization} metadata,
 * so that each service can verify it again and enforce ownership itself (ARCHITECTURE.md).
 */
@GlobalInterceptor
@ApplicationScoped
public class ForwardAuthorization implements ClientInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
            CallOptions options, Channel next) {
        String authorization = currentAuthorization();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<RespT> listener, Metadata headers) {
                // a call may carry the token already (RequestHeaders, for calls made after the request's context)
                if (authorization != null && !headers.containsKey(AUTHORIZATION)) {
                    headers.put(AUTHORIZATION, authorization);
                }
                super.start(listener, headers);
            }
        };
    }

    /** The bearer Authorization header of the current HTTP request, or null. */
    static String currentAuthorization() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (request == null) {
            return null;
        }
        String value = request.request().getHeader("Authorization");
        return value != null && value.regionMatches(true, 0, "Bearer ", 0, 7) ? value : null;
    }
}
