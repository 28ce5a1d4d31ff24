package io.cloudsword.gateway.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * An error a client can act on. As a {@link GraphQLError}, its extensions land in the
 * response's {@code errors[].extensions}: {@code code} is the stable reason of the contracts'
 * ErrorDetail (INVALID_GTIN, NOT_OWNER, ...; common.proto promises it there), or the
 * category when there is no finer reason; {@code status} is always the category
 * (INVALID_ARGUMENT, FORBIDDEN, UNAVAILABLE, ...); {@code field} names the input at fault.
 */
public class ApiError extends RuntimeException implements GraphQLError {

    private final ErrorCode code;
    private final String field;
    private final String reason;

    public ApiError(ErrorCode code, String field, String reason, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field == null ? "" : field;
        this.reason = reason == null ? "" : reason;
    }

    public static ApiError unauthenticated(String message) {
        return new ApiError(ErrorCode.UNAUTHENTICATED, null, "UNAUTHENTICATED", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(ErrorCode.FORBIDDEN, null, "ROLE_REQUIRED", message);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", reason.isEmpty() ? code.name() : reason);
        extensions.put("status", code.name());
        if (!field.isEmpty()) {
            extensions.put("field", field);
        }
        if (!reason.isEmpty()) {
            extensions.put("reason", reason);
        }
        return extensions;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }
}
