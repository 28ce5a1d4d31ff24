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

    /**
     * For a single-value field answered through a batch call: the item's field path
     * ("gtins[0]") is named after the field's own argument ("gtin") instead.
     */
    static ApiError toApiError(ItemError error, String argument) {
        ApiError batch = toApiError(error);
        return new ApiError(batch.code(), batch.field().replaceFirst("^[a-z_]+\\[\\d+]", argument),
                error.getDetail().getReason().isEmpty() ? batch.code().name() : error.getDetail().getReason(),
                batch.getMessage().replaceFirst("^[a-z_]+\\[\\d+]", argument));
    }

    static ApiError toApiError(ItemError error) {
        ErrorCode code = ErrorCode.of(Status.fromCodeValue(error.getCode()).getCode());
        String reason = error.getDetail().getReason().isEmpty() ? code.name() : error.getDetail().getReason();
        String message = error.getDetail().getMessage().isEmpty() ? reason : error.getDetail().getMessage();
        return new ApiError(code, error.getDetail().getField(), reason, message);
    }
}
