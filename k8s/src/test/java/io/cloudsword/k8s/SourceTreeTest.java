package io.cloudsword.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the files themselves must (not) hold: committed secrets, and the images' Dockerfiles. */
class SourceTreeTest {

    private static final Pattern SECRET_DOCUMENT = Pattern.compile("(?m)^kind:\\s*Secret\\s*$");

    /** Every file of the module but build output. */
    private static List<Path> k8sFiles() throws IOException {
        Path module = Manifests.moduleDir();
        try (Stream<Path> files = Files.walk(module)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !module.relativize(p).startsWith("target"))
                    .toList();
        }
    }

    @Test
    void noPemBlockAnywhereUnderK8s() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : k8sFiles()) {
            if (Files.readString(file).contains(Invariants.PEM)) {
                offenders.add(Manifests.moduleDir().relativize(file).toString());
            }
        }
        assertEquals(List.of(), offenders, "PEM blocks (keys, certificates) committed under k8s/");
    }

    @Test
    void baseAndProdCommitNoSecretAndDevOnlyGeneratesDevSecrets() throws IOException {
        List<String> problems = new ArrayList<>();
        Path module = Manifests.moduleDir();
        for (Path file : k8sFiles()) {
            Path relative = module.relativize(file);
            String name = file.getFileName().toString();
            if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || !(relative.startsWith("base")
                    || relative.startsWith("overlays"))) {
                continue;
            }
            String text = Files.readString(file);
            if (SECRET_DOCUMENT.matcher(text).find()) {
                problems.add(relative + " holds a kind: Secret document (create Secrets with kubectl, see README)");
            }
            if (text.contains("secretGenerator")) {
                if (!relative.startsWith(Path.of("overlays", "dev"))) {
                    problems.add(relative + " generates Secrets; only the dev overlay may, with dev-only values");
                } else {
                    Matcher m = Pattern.compile("(?m)^\\s*-\\s*name:\\s*(\\S+)").matcher(
                            text.substring(text.indexOf("secretGenerator"), endOfBlock(text, "secretGenerator")));
                    while (m.find()) {
                        if (!m.group(1).contains("dev")) {
                            problems.add(relative + " generates Secret " + m.group(1) + ", whose name lacks \"dev\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The end of a top-level YAML block (the next line starting a new top-level key). */
    private static int endOfBlock(String text, String key) {
        Matcher next = Pattern.compile("(?m)^[A-Za-z]").matcher(text);
        int start = text.indexOf(key) + key.length();
        return next.find(start) ? next.start() : text.length();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void readmeTellsHowToCreateEverySecretTheOverlayNeeds(String overlay) throws IOException {
        String readme = Files.readString(Manifests.moduleDir().resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String secret : Invariants.operatorSecrets(Manifests.of(overlay))) {
            if (!Pattern.compile("kubectl[^\\n]*create secret[^\\n]*\\b" + Pattern.quote(secret) + "\\b")
                    .matcher(readme).find()) {
                missing.add(secret);
            }
        }
        assertEquals(Set.of(), missing, "k8s/README.md has no `kubectl ... create secret ...` line for these Secrets "
                + "that the " + overlay + " overlay references but does not create");
    }

    @ParameterizedTest
    @ValueSource(strings = {"brand-registry-service", "listing-service", "complaint-service", "verification-service",
            "gateway"})
    void everyAppHasJvmAndNativeDockerfilesInTheQuarkusConvention(String module) throws IOException {
        Path docker = Manifests.repoRoot().resolve(module).resolve("src/main/docker");
        String port = AppProperties.of(module).value("prod", "quarkus.http.port");
        for (String file : List.of("Dockerfile.jvm", "Dockerfile.native")) {
            Path path = docker.resolve(file);
            assertTrue(Files.isRegularFile(path), module + " has no " + path);
            String text = Files.readString(path);
            List<String> problems = new ArrayList<>();
            Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(text);
            if (!from.find()) {
                problems.add("no FROM");
            } else {
                problems.addAll(Invariants.imageProblems("FROM", from.group(1)));
            }
            if (!Pattern.compile("(?m)^USER\\s+" + Invariants.QUARKUS_UID + "\\s*$").matcher(text).find()) {
                problems.add("does not switch to USER " + Invariants.QUARKUS_UID + " (the uid k8s/ runs it as)");
            }
            if (!Pattern.compile("(?m)^EXPOSE\\s+" + port + "\\s*$").matcher(text).find()) {
                problems.add("does not EXPOSE " + port + " (quarkus.http.port)");
            }
            if (file.endsWith("jvm")) {
                for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                        "target/quarkus-app/app/", "target/quarkus-app/quarkus/")) {
                    if (!text.contains("COPY --chown=" + Invariants.QUARKUS_UID + " " + layer)) {
                        problems.add("does not copy the layer " + layer);
                    }
                }
            } else if (!text.contains("target/*-runner")) {
                problems.add("does not copy the native runner target/*-runner");
            }
            if (!problems.isEmpty()) {
                fail(module + "/src/main/docker/" + file + ": " + String.join("; ", problems));
            }
        }
    }
}
