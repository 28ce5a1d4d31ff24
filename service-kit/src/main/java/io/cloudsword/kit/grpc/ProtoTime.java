package io.cloudsword.kit.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;

/** UTC instants on the wire are google.protobuf.Timestamp (ARCHITECTURE.md). */
public final class ProtoTime {

    private ProtoTime() {
    }

    public static Timestamp toProto(Instant instant) {
        if (instant == null) {
            return Timestamp.getDefaultInstance();
        }
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant fromProto(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
