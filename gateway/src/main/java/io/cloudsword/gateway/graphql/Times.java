package io.cloudsword.gateway.graphql;

import java.time.Instant;

import com.google.protobuf.Timestamp;

final class Times {
    private Times() {
    }

    static Instant of(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
