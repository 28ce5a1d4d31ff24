package io.cloudsword.k8s;

import static io.cloudsword.k8s.Yamls.at;
import static io.cloudsword.k8s.Yamls.kind;
import static io.cloudsword.k8s.Yamls.map;
import static io.cloudsword.k8s.Yamls.maps;
import static io.cloudsword.k8s.Yamls.name;
import static io.cloudsword.k8s.Yamls.str;
import static io.cloudsword.k8s.Yamls.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One overlay as {@code kubectl kustomize} renders it, with its pods picked out. */
final class Manifests {

    /** Ports a CloudNativePG instance pod declares (the operator writes its pod spec). */
    static final List<Pod.Port> CNPG_INSTANCE_PORTS = List.of(
            new Pod.Port("postgresql", 5432, "TCP"), new Pod.Port("status", 8000, "TCP"),
            new Pod.Port("metrics", 9187, "TCP"));

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    final String overlay;
    final List<Map<String, Object>> objects;
    final List<Pod> pods;

    Manifests(String overlay, List<Map<String, Object>> objects) {
        this.overlay = overlay;
        this.objects = objects;
        this.pods = podsOf(objects);
    }

    /** The overlay rendered once per test run; every caller gets its own deep copy. */
    static Manifests of(String overlay) {
        List<Map<String, Object>> rendered = RENDERED.computeIfAbsent(overlay, Manifests::render);
        return new Manifests(overlay, Yamls.deepCopy(rendered));
    }

    /** The k8s module directory (Maven runs tests there; {@code basedir} says so explicitly). */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    static Path repoRoot() {
        return moduleDir().getParent();
    }

    private static List<Map<String, Object>> render(String overlay) {
        Path dir = moduleDir().resolve("overlays").resolve(overlay);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("No overlay at " + dir);
        }
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", dir.toString());
        Path stderr;
        try {
            stderr = Files.createTempFile("kustomize-", ".err");
            builder.redirectError(stderr.toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("kubectl is not on PATH (" + e.getMessage() + "). These tests render the "
                        + "overlays with `kubectl kustomize`; install kubectl (any version with kustomize v5) and rerun.",
                        e);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(stderr));
            }
            Files.deleteIfExists(stderr);
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out)) {
                if (document != null) {
                    objects.add(map(document));
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + dir, e);
        }
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst();
    }

    /** The app's pod (from its Deployment); fails when the overlay does not have it. */
    Pod pod(String component) {
        return pods.stream().filter(p -> p.component().equals(component) && !p.virtual()).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no workload for " + component));
    }

    /** Pods of workloads, plus one stand-in per CloudNativePG Cluster for the instances it will run. */
    private static List<Pod> podsOf(List<Map<String, Object>> objects) {
        List<Pod> pods = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String kind = kind(object);
            Object template = switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> at(object, "spec", "template");
                case "CronJob" -> at(object, "spec", "jobTemplate", "spec", "template");
                case "Pod" -> object;
                default -> null;
            };
            if (template != null) {
                Map<String, Object> spec = map(at(template, "spec"));
                List<Pod.Port> ports = new ArrayList<>();
                for (Map<String, Object> container : maps(spec.get("containers"))) {
                    for (Map<String, Object> port : maps(container.get("ports"))) {
                        ports.add(new Pod.Port(str(port.get("name")),
                                Integer.parseInt(str(port.get("containerPort"))),
                                str(port.getOrDefault("protocol", "TCP"))));
                    }
                }
                pods.add(new Pod(object, strings(at(template, "metadata", "labels")), spec, ports));
            } else if ("Cluster".equals(kind) && str(object.get("apiVersion")).startsWith("postgresql.cnpg.io/")) {
                Map<String, String> labels = new java.util.LinkedHashMap<>(
                        strings(at(object, "spec", "inheritedMetadata", "labels")));
                labels.put("cnpg.io/cluster", name(object));
                labels.put("cnpg.io/podRole", "instance");
                pods.add(new Pod(object, labels, null, CNPG_INSTANCE_PORTS));
            }
        }
        return pods;
    }

    /** A pod template: who owns it, its labels, its spec (null for operator-made pods), its ports. */
    record Pod(Map<String, Object> owner, Map<String, String> labels, Map<String, Object> spec, List<Port> ports) {

        record Port(String name, int number, String protocol) {
        }

        /** PostgreSQL pods (any overlay's) are one component, "database"; the rest go by app name. */
        String component() {
            if ("database".equals(labels.get("app.kubernetes.io/component"))) {
                return Architecture.DATABASE;
            }
            return labels.getOrDefault("app.kubernetes.io/name", Yamls.id(owner));
        }

        boolean virtual() {
            return spec == null;
        }

        String describe() {
            return Yamls.id(owner);
        }

        /** Containers, then init containers, each as (name, map, isInit). */
        List<Container> containers() {
            List<Container> result = new ArrayList<>();
            if (spec == null) {
                return result;
            }
            maps(spec.get("containers")).forEach(c -> result.add(new Container(this, c, false)));
            maps(spec.get("initContainers")).forEach(c -> result.add(new Container(this, c, true)));
            return result;
        }

        Optional<Port> port(Object nameOrNumber) {
            String wanted = str(nameOrNumber);
            return ports.stream()
                    .filter(p -> wanted.equals(p.name()) || wanted.equals(Integer.toString(p.number())))
                    .findFirst();
        }
    }

    record Container(Pod pod, Map<String, Object> spec, boolean init) {
        String name() {
            return str(spec.get("name"));
        }

        String describe() {
            return pod.describe() + (init ? " initContainer " : " container ") + name();
        }

        /** A sidecar (init container that keeps running) may, and must, have probes; a plain one cannot. */
        boolean runsAlongside() {
            return !init || "Always".equals(str(spec.get("restartPolicy")));
        }
    }
}
