package io.cloudsword.gateway.graphql;

import java.util.List;

import com.google.protobuf.ProtocolMessageEnum;

import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;

/**
 * Proto enums appear in the graph as their value names without the type prefix
 * (TRADEMARK_OFFICE_EUIPO -> "EUIPO"), like RightsOwner.status always did.
 */
final class Enums {
    private Enums() {
    }

    /** The graph's name of a proto enum value; UNSPECIFIED reads as null. */
    static String name(ProtocolMessageEnum value, String prefix) {
        if (value.getNumber() == 0) {
            return null;
        }
        return value.getValueDescriptor().getName().substring(prefix.length());
    }

    /** Null stays UNSPECIFIED; an unknown name is INVALID_ARGUMENT / INVALID_FORMAT on {@code field}. */
    static <E extends Enum<E> & ProtocolMessageEnum> E parse(Class<E> type, String prefix, String value,
            String field) {
        if (value == null) {
            return type.getEnumConstants()[0];
        }
        try {
            E parsed = Enum.valueOf(type, prefix + value.trim().toUpperCase(java.util.Locale.ROOT));
            if (parsed.name().equals("UNRECOGNIZED") || parsed.getNumber() == 0) {
                throw new IllegalArgumentException(value);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new ApiError(ErrorCode.INVALID_ARGUMENT, field, "INVALID_FORMAT",
                    field + " must be one of " + names(type, prefix) + ", got \"" + value + "\"");
        }
    }

    static <E extends Enum<E> & ProtocolMessageEnum> List<E> parseAll(Class<E> type, String prefix,
            List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, values.size()).filter(i -> values.get(i) != null)
                .mapToObj(i -> parse(type, prefix, values.get(i), field + "[" + i + "]")).toList();
    }

    private static <E extends Enum<E> & ProtocolMessageEnum> List<String> names(Class<E> type, String prefix) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .filter(e -> !e.name().equals("UNRECOGNIZED") && e.getNumber() != 0)
                .map(e -> e.name().substring(prefix.length())).toList();
    }
}
