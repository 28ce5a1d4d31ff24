package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.FieldMask;

/** Helpers shared by the input classes. */
final class Inputs {
    private Inputs() {
    }

    static List<String> orEmpty(List<String> values) {
        // a null inside a list would make protobuf throw; the service names the bad entry instead
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * Collects the update_mask of a partial update: an input field that is set (not null) is
     * written, one left out is kept. Pass "" or [] to clear a field.
     */
    static final class Mask {
        private final List<String> paths = new ArrayList<>();

        /** Adds {@code path} when {@code value} is set and says whether it did. */
        boolean has(Object value, String path) {
            if (value != null) {
                paths.add(path);
                return true;
            }
            return false;
        }

        FieldMask build() {
            return FieldMask.newBuilder().addAllPaths(paths).build();
        }
    }
}
