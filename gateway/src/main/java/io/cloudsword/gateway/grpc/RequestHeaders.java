package io.cloudsword.gateway.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Metadata;

/**
 * What ForwardAuthorization and ForwardClientKey add to a call, taken from the current request
 * once. The pages of a long download are fetched as the client reads them, possibly long after
 * the request began and from whichever thread asks for the next page; attached with
 * {@code GrpcClientUtils.attachHeaders}, the captured headers go with every page without relying
 * on the request's context still being reachable there. The interceptors leave headers that are
 * already present alone.
 */
@ApplicationScoped
public class RequestHeaders {

    private final ForwardClientKey clientKeys;

    public RequestHeaders(ForwardClientKey clientKeys) {
        this.clientKeys = clientKeys;
    }

    /** Call on the request's thread; the result can be used on any thread. */
    public Metadata capture() {
        Metadata headers = new Metadata();
        String authorization = ForwardAuthorization.currentAuthorization();
        if (authorization != null) {
            headers.put(ForwardAuthorization.AUTHORIZATION, authorization);
        }
        String clientKey = clientKeys.currentClientKey();
        if (clientKey != null) {
            headers.put(ForwardClientKey.CLIENT_KEY, clientKey);
        }
        return headers;
    }
}
