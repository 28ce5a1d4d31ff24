package io.cloudsword.gateway.web;

import jakarta.ws.rs.core.Response;

import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.vertx.core.json.JsonObject;

/**
 * An ApiError as a plain HTTP answer for the download endpoints: the status code a download
 * client (curl, a print workflow) understands, and the same code, status, field and message the
 * graph puts in extensions, as JSON.
 */
final class HttpErrors {
    private HttpErrors() {
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case INVALID_ARGUMENT -> 400;
            case ALREADY_EXISTS, FAILED_PRECONDITION -> 409;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    static Response of(ApiError error) {
        JsonObject body = new JsonObject();
        error.getExtensions().forEach((k, v) -> body.put(k, String.valueOf(v)));
        body.put("message", error.getMessage());
        Response.ResponseBuilder response = Response.status(status(error.code())).type("application/json")
                .entity(body.encode());
        if (error.code() == ErrorCode.UNAUTHENTICATED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
