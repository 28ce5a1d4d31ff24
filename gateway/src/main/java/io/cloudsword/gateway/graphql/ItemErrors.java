package io.cloudsword.gateway.graphql;

import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.grpc.Status;

/** A batch answer's per-item error, raised as the GraphQL error of the field that asked for the item. */
final class ItemErrors {
    private ItemErrors() {
    }

    static boolean present(boolean hasError, ItemError error) {
        return hasError && error.getCode() != 0;
    }

    static ApiError toApiError(ItemError error) {
        ErrorCode code = ErrorCode.of(Status.fromCodeValue(error.getCode()).getCode());
        String reason = error.getDetail().getReason().isEmpty() ? code.name() : error.getDetail().getReason();
        String message = error.getDetail().getMessage().isEmpty() ? reason : error.getDetail().getMessage();
        return new ApiError(code, error.getDetail().getField(), reason, message);
    }
}
