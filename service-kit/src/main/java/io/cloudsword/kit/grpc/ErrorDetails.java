package io.cloudsword.kit.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Builds the {@code google.rpc.Status} that carries a {@code cloudsword.common.v1.ErrorDetail}
 * in the {@code grpc-status-details-bin} trailer.
 * <p>
 * This jar is shared by services that each generate their own stubs from the contracts, so it
 * cannot name the generated ErrorDetail class; it writes the same bytes by field number
 * instead (1 reason, 2 field, 3 message). ErrorDetailsTest and every service's tests parse it
 * back with the generated class.
 */
public final class ErrorDetails {

    public static final String TYPE_URL = "type.googleapis.com/cloudsword.common.v1.ErrorDetail";

    private ErrorDetails() {
    }

    public static StatusRuntimeException toException(Status.Code code, String reason, String field, String message) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(message == null ? "" : message)
                .addDetails(Any.newBuilder().setTypeUrl(TYPE_URL).setValue(encode(reason, field, message)))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    static ByteString encode(String reason, String field, String message) {
        try {
            ByteString.Output bytes = ByteString.newOutput();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            if (reason != null && !reason.isEmpty()) {
                out.writeString(1, reason);
            }
            if (field != null && !field.isEmpty()) {
                out.writeString(2, field);
            }
            if (message != null && !message.isEmpty()) {
                out.writeString(3, message);
            }
            out.flush();
            return bytes.toByteString();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: in-memory output
        }
    }
}
