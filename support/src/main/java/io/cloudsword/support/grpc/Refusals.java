package io.cloudsword.support.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.smallrye.mutiny.Uni;

/**
 * For the services' tests: a gRPC call was refused with the expected status code and an
 * ErrorDetail naming the field and the reason. The detail type is passed in because each
 * service generates its own copy of {@code cloudsword.common.v1.ErrorDetail}.
 */
public final class Refusals {

    private Refusals() {
    }

    public static <T extends Message> T assertRefused(Class<T> detailType, Status.Code code, String field,
            String reason, Uni<?> call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> call.await().atMost(Duration.ofSeconds(15)), "the call should have been refused");
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertTrue(status != null && status.getDetailsCount() == 1, "exactly one error detail expected: " + status);
        Any any = status.getDetails(0);
        try {
            T detail = any.unpack(detailType);
            assertEquals(reason, value(detail, "reason"), detail.toString());
            assertEquals(field, value(detail, "field"), detail.toString());
            return detail;
        } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError("The error detail is not a " + detailType.getSimpleName() + ": " + any, ex);
        }
    }

    private static Object value(Message m, String field) {
        return m.getField(m.getDescriptorForType().findFieldByName(field));
    }
}
