package io.cloudsword.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Walking the plain maps and lists SnakeYAML gives for a Kubernetes object. */
final class Yamls {

    private Yamls() {
    }

    /** The node at {@code path} (map keys), or null where any step is missing. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> ? (List<Object>) node : List.of();
    }

    static List<Map<String, Object>> maps(Object node) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list(node)) {
            result.add(map(item));
        }
        return result;
    }

    static String str(Object node) {
        return node == null ? null : node.toString();
    }

    static Map<String, String> strings(Object node) {
        Map<String, String> result = new LinkedHashMap<>();
        map(node).forEach((k, v) -> result.put(k, str(v)));
        return result;
    }

    static String kind(Map<String, Object> object) {
        return str(object.get("kind"));
    }

    static String name(Map<String, Object> object) {
        return str(at(object, "metadata", "name"));
    }

    static String id(Map<String, Object> object) {
        return kind(object) + "/" + name(object);
    }

    /** A deep copy, so a test can break one object without touching the shared rendering. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return node;
    }

    /**
     * Whether a Kubernetes label selector ({@code matchLabels} and {@code matchExpressions})
     * selects these labels. An empty selector selects everything, as in the API.
     */
    static boolean selects(Object selector, Map<String, String> labels) {
        Map<String, Object> sel = map(selector);
        for (Map.Entry<String, String> wanted : strings(sel.get("matchLabels")).entrySet()) {
            if (!Objects.equals(labels.get(wanted.getKey()), wanted.getValue())) {
                return false;
            }
        }
        for (Map<String, Object> expression : maps(sel.get("matchExpressions"))) {
            String key = str(expression.get("key"));
            List<String> values = list(expression.get("values")).stream().map(Yamls::str).toList();
            String operator = str(expression.get("operator"));
            boolean ok = switch (operator) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalArgumentException("Unknown selector operator " + operator);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** CPU in millicores. */
    static long millicores(Object quantity) {
        String q = str(quantity);
        if (q.endsWith("m")) {
            return Long.parseLong(q.substring(0, q.length() - 1));
        }
        return Math.round(Double.parseDouble(q) * 1000);
    }

    /** Memory in bytes. */
    static long bytes(Object quantity) {
        String q = str(quantity);
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] suffix : suffixes) {
            if (q.endsWith(suffix[0])) {
                return Math.round(Double.parseDouble(q.substring(0, q.length() - suffix[0].length()))
                        * Long.parseLong(suffix[1]));
            }
        }
        return Math.round(Double.parseDouble(q));
    }
}
