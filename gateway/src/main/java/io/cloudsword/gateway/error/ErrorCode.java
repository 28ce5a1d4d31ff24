package io.cloudsword.gateway.error;

import io.grpc.Status;

/** The stable {@code extensions.code} values of the graph's errors. */
public enum ErrorCode {
    UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION, UNAVAILABLE,
    INTERNAL;

    /** How a service's gRPC status reads to a GraphQL client. */
    public static ErrorCode of(Status.Code code) {
        return switch (code) {
            case UNAUTHENTICATED -> UNAUTHENTICATED;
            case PERMISSION_DENIED -> FORBIDDEN;
            case NOT_FOUND -> NOT_FOUND;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> INVALID_ARGUMENT;
            case ALREADY_EXISTS, ABORTED -> ALREADY_EXISTS;
            case FAILED_PRECONDITION -> FAILED_PRECONDITION;
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, CANCELLED -> UNAVAILABLE;
            default -> INTERNAL;
        };
    }
}
