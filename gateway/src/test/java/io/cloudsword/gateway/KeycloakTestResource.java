package io.cloudsword.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak for {@link KeycloakIdentityTest}: the {@code keycloak-quarkus-dist} that Maven
 * unpacks into {@code target/keycloak}, started in dev mode on free ports with an empty dev-file
 * database and the realms of {@code src/test/resources/keycloak/} imported, once per test run.
 * The gateway gets two more OIDC tenants, one per realm, next to its default (dev key) tenant.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> REALM_FILES = List.of("cloudsword-partners-realm.json", "cloudsword-brands-realm.json");
    /** First start augments the distribution, then the schema is created and two realms imported. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);

    /** Where Keycloak answers, e.g. {@code http://localhost:41234}; set by {@link #start()}. */
    static volatile String baseUrl;

    private Process keycloak;
    private Path log;

    @Override
    public Map<String, String> start() {
        Path home = distribution();
        Path javaHome = javaHome();
        int httpPort = freePort();
        int managementPort = freePort();
        try {
            // a fresh database every run: the realm files are the whole truth, nothing left from the last run
            Path data = home.resolve("data");
            deleteTree(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            for (String realm : REALM_FILES) {
                try (InputStream in = KeycloakTestResource.class.getResourceAsStream("/keycloak/" + realm)) {
                    if (in == null) {
                        throw new IllegalStateException("The realm file keycloak/" + realm + " is not on the test classpath");
                    }
                    Files.copy(in, imports.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            log = home.getParent().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + httpPort, "--http-management-port=" + managementPort, "--health-enabled=true",
                    "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            builder.environment().remove("JAVA");
            builder.environment().remove("JAVA_OPTS");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            keycloak = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start from " + home, e);
        }
        awaitReady(URI.create("http://localhost:" + managementPort + "/health/ready"));
        baseUrl = "http://localhost:" + httpPort;

        Map<String, String> config = new HashMap<>();
        // the partners realm emits our role names in groups (a realm-role mapper), as our own tokens do,
        // so the services (here the stand-ins) read them where they always do
        tenant(config, "partners", baseUrl + "/realms/cloudsword-partners", "groups");
        // the brands realm keeps Keycloak's realm_access/roles and names its roles and owner claim its own way
        tenant(config, "brands", baseUrl + "/realms/cloudsword-brands", "realm_access/roles");
        config.put("cloudsword.identity.tenants.brands.role-map.brand-owner", "rights_owner");
        config.put("cloudsword.identity.tenants.brands.owner-id-claim", "brand_owner_id");
        return config;
    }

    private static void tenant(Map<String, String> config, String tenant, String issuer, String rolesClaim) {
        config.put("quarkus.oidc." + tenant + ".auth-server-url", issuer);
        config.put("quarkus.oidc." + tenant + ".application-type", "service");
        config.put("quarkus.oidc." + tenant + ".token.audience", "cloudsword-gateway");
        config.put("quarkus.oidc." + tenant + ".roles.role-claim-path", rolesClaim);
    }

    @Override
    public void stop() {
        if (keycloak == null) {
            return;
        }
        List<ProcessHandle> children = keycloak.descendants().toList();
        keycloak.destroy(); // kc.sh passes SIGTERM on to its JVM
        try {
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                keycloak.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        keycloak = null;
    }

    /** The unpacked distribution: gateway/target/keycloak/keycloak-<version>. */
    private static Path distribution() {
        Path unpacked = Path.of("target", "keycloak").toAbsolutePath();
        try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/kc.sh")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution under " + unpacked
                            + ": the gateway build unpacks org.keycloak:keycloak-quarkus-dist there in "
                            + "process-test-resources (run the test through Maven, e.g. ./mvnw -pl gateway verify)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JDK Keycloak runs on: KEYCLOAK_JAVA_HOME when set, else the one running the tests.
     * Keycloak 26.5 runs on Java 17 and newer.
     */
    private static Path javaHome() {
        String chosen = System.getenv("KEYCLOAK_JAVA_HOME");
        Path home = Path.of(chosen != null && !chosen.isBlank() ? chosen : System.getProperty("java.home"));
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException("No java at " + home.resolve("bin/java") + " to run Keycloak: set "
                    + "KEYCLOAK_JAVA_HOME to a JDK 17 or newer");
        }
        if (chosen == null && Runtime.version().feature() < 17) {
            throw new IllegalStateException("Keycloak needs Java 17 or newer; set KEYCLOAK_JAVA_HOME to one");
        }
        return home;
    }

    private void awaitReady(URI ready) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue() + " before it was ready:\n"
                        + tail());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + READY_WITHIN.toSeconds() + " s:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
