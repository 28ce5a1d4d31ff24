package io.cloudsword.gateway.error;

import java.util.UUID;

import org.jboss.logging.Logger;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Reads a failed service call as an {@link ApiError}: the status code becomes
 * {@code extensions.code}, the service's ErrorDetail gives {@code field} and {@code reason}.
 */
public final class GrpcFailures {

    private static final Logger LOG = Logger.getLogger(GrpcFailures.class);

    private GrpcFailures() {
    }

    public static Throwable toApiError(Throwable failure) {
        if (failure instanceof ApiError) {
            return failure;
        }
        Status status = failure instanceof StatusRuntimeException sre ? sre.getStatus()
                : failure instanceof StatusException se ? se.getStatus() : null;
        if (status == null) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(failure, "Unexpected failure, incident %s", incident);
            return new ApiError(ErrorCode.INTERNAL, null, "INTERNAL", "Internal error (incident " + incident + ")");
        }
        ErrorCode code = ErrorCode.of(status.getCode());
        ErrorDetail detail = detailOf(failure);
        String message = switch (code) {
            case UNAVAILABLE -> "A service this query needs is unavailable; retry later";
            case INTERNAL -> "Internal error in a service";
            default -> detail.getMessage().isEmpty() ? String.valueOf(status.getDescription()) : detail.getMessage();
        };
        if (code == ErrorCode.INTERNAL || code == ErrorCode.UNAVAILABLE) {
            LOG.warnf("Service call failed: %s", status);
        }
        return new ApiError(code, detail.getField(), detail.getReason().isEmpty() ? code.name() : detail.getReason(),
                message);
    }

    private static ErrorDetail detailOf(Throwable failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status != null) {
            for (Any any : status.getDetailsList()) {
                if (any.is(ErrorDetail.class)) {
                    try {
                        return any.unpack(ErrorDetail.class);
                    } catch (InvalidProtocolBufferException e) {
                        LOG.debug("Unreadable ErrorDetail", e);
                    }
                }
            }
        }
        return ErrorDetail.getDefaultInstance();
    }
}
