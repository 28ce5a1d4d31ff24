package io.cloudsword.k8s;

import static io.cloudsword.k8s.Yamls.at;
import static io.cloudsword.k8s.Yamls.map;
import static io.cloudsword.k8s.Yamls.maps;
import static io.cloudsword.k8s.Yamls.str;
import static io.cloudsword.k8s.Yamls.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cloudsword.k8s.Manifests.Container;

/** The environment a container gets: env and envFrom, ConfigMaps resolved, Secrets named but unread. */
record Env(Map<String, Var> vars, List<String> problems) {

    /** One variable; {@code value} is null when it comes from a Secret (or a field of the pod). */
    record Var(String name, String value, String source, String secretName, String secretKey, boolean optional) {
        boolean fromSecret() {
            return secretName != null;
        }
    }

    Optional<Var> get(String name) {
        return Optional.ofNullable(vars.get(name));
    }

    String value(String name) {
        Var var = vars.get(name);
        return var == null ? null : var.value();
    }

    static Env of(Manifests manifests, Container container) {
        Map<String, Var> vars = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String where = container.describe();
        for (Map<String, Object> from : maps(container.spec().get("envFrom"))) {
            String prefix = str(from.getOrDefault("prefix", ""));
            if (from.containsKey("secretRef")) {
                problems.add(where + ": envFrom secretRef " + str(at(from, "secretRef", "name"))
                        + " hides which variables it sets; name each with env[].valueFrom.secretKeyRef");
                continue;
            }
            Map<String, Object> ref = map(from.get("configMapRef"));
            String name = str(ref.get("name"));
            Optional<Map<String, Object>> configMap = manifests.find("ConfigMap", name);
            if (configMap.isEmpty()) {
                if (!Boolean.TRUE.equals(ref.get("optional"))) {
                    problems.add(where + ": envFrom ConfigMap " + name + " is not in the rendering");
                }
                continue;
            }
            strings(configMap.get().get("data")).forEach((key, value) -> vars.put(prefix + key,
                    new Var(prefix + key, value, "ConfigMap " + name, null, null, false)));
        }
        // env wins over envFrom, as in Kubernetes.
        for (Map<String, Object> env : maps(container.spec().get("env"))) {
            String name = str(env.get("name"));
            if (env.containsKey("value")) {
                vars.put(name, new Var(name, str(env.get("value")), "literal", null, null, false));
                continue;
            }
            Map<String, Object> valueFrom = map(env.get("valueFrom"));
            if (valueFrom.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(valueFrom.get("secretKeyRef"));
                vars.put(name, new Var(name, null, "Secret " + str(ref.get("name")), str(ref.get("name")),
                        str(ref.get("key")), Boolean.TRUE.equals(ref.get("optional"))));
            } else if (valueFrom.containsKey("configMapKeyRef")) {
                Map<String, Object> ref = map(valueFrom.get("configMapKeyRef"));
                String cm = str(ref.get("name"));
                String key = str(ref.get("key"));
                Optional<Map<String, Object>> configMap = manifests.find("ConfigMap", cm);
                String value = configMap.map(c -> strings(c.get("data")).get(key)).orElse(null);
                if (value == null && !Boolean.TRUE.equals(ref.get("optional"))) {
                    problems.add(where + ": env " + name + " refers to ConfigMap " + cm + " key " + key
                            + ", which is not in the rendering");
                }
                vars.put(name, new Var(name, value, "ConfigMap " + cm, null, null,
                        Boolean.TRUE.equals(ref.get("optional"))));
            } else {
                vars.put(name, new Var(name, null, "field of the pod", null, null, false));
            }
        }
        return new Env(vars, problems);
    }
}
