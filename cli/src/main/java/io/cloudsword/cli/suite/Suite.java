package io.cloudsword.cli.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.cloudsword.support.postgres.LocalPostgres;
import io.cloudsword.support.postgres.PostgresSettings;
import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;

/**
 * The whole suite on one machine: PostgreSQL (found or started), then the four services and
 * the gateway as separate JVMs on their ports, each logging to {@code target/cloudsword/logs}.
 * {@link #close()} stops them all, then the throwaway PostgreSQL if we started one.
 */
public final class Suite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** The services that call others on their own identity, not only on their caller's. */
    static final Set<String> SERVICE_IDENTITIES = Set.of("listing-service", "complaint-service");
    static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofDays(30);

    private final SuiteOptions options;
    private final Consumer<String> log;
    private final Map<ServiceSpec, Process> processes = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private DevKeys devKeys;

    private Suite(SuiteOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /** Starts everything and returns once every service answers ready, or fails and stops what it started. */
    public static Suite start(SuiteOptions options, Consumer<String> log) {
        Suite suite = new Suite(options, log);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public DevKeys devKeys() {
        return devKeys;
    }

    public String graphqlUrl() {
        return "http://localhost:" + options.portOf(ServiceSpec.ALL.get(ServiceSpec.ALL.size() - 1)) + "/graphql";
    }

    public int portOf(String serviceName) {
        return ServiceSpec.ALL.stream().filter(s -> s.name().equals(serviceName)).findFirst()
                .map(options::portOf).orElseThrow();
    }

    private void startAll() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (!Files.isRegularFile(options.quarkusApp(spec))) {
                throw new IllegalStateException(options.quarkusApp(spec) + " is missing: build first "
                        + "(./mvnw -DskipTests package, which ./cloudsword does for you)");
            }
        }
        postgres = LocalPostgres.ensure(PostgresSettings.fromEnvironment(options.env(),
                options.stateDir().resolve("postgres")), log);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.hasDatabase() && options.throwawayDatabases()) {
                postgres.recreateDatabase(spec.database() + options.databaseSuffix());
            } else if (spec.hasDatabase()) {
                postgres.createDatabaseIfMissing(spec.database() + options.databaseSuffix());
            }
        }
        devKeys = DevKeys.loadOrCreate(options.devKeyDir());
        try {
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The services start together (they do not call each other at start-up); the gateway after.
        for (ServiceSpec spec : ServiceSpec.ALL) {
            processes.put(spec, launch(spec));
        }
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            awaitReady(spec, deadline);
            log.accept(String.format("%-22s ready on port %d", spec.name(), options.portOf(spec)));
        }
    }

    private Process launch(ServiceSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(options.quarkusApp(spec).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(options.root().resolve(spec.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile(spec).toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environmentFor(spec));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /** Everything a service reads from its environment here; the same names k8s/ sets. */
    Map<String, String> environmentFor(ServiceSpec spec) {
        Map<String, String> env = new HashMap<>(postgres.endpoint().asEnvironment());
        env.put("QUARKUS_PROFILE", "dev");
        // every process verifies callers' tokens against the dev key (ARCHITECTURE.md: services check again)
        env.put("CLOUDSWORD_DEV_PUBLIC_KEY", devKeys.publicKeyBase64());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(options.portOf(spec)));
        if (spec.hasDatabase()) {
            env.put("CLOUDSWORD_DB_NAME", spec.database() + options.databaseSuffix());
        }
        // where every service finds the others (the gateway calls all; services call each other)
        for (ServiceSpec callee : ServiceSpec.ALL) {
            if (callee.hasDatabase() && callee != spec) {
                String prefix = "CLOUDSWORD_" + callee.name().replace("-service", "").replace('-', '_')
                        .toUpperCase();
                env.put(prefix + "_HOST", "localhost");
                env.put(prefix + "_PORT", Integer.toString(options.portOf(callee)));
            }
        }
        if (spec.name().equals("verification-service")) {
            env.putAll(DevSecrets.loadOrCreate(options.secretsDir()).environment());
        }
        if (SERVICE_IDENTITIES.contains(spec.name())) {
            env.put("CLOUDSWORD_SERVICE_AUTH_TOKEN", serviceToken(spec));
        }
        return env;
    }

    /**
     * The token a service sends on the calls it makes on its own behalf (listing-service's brand
     * cache follows brand-registry's change stream; complaint-service's outbox takes listings down
     * and records strikes: both need the system role). Production has
     * an OIDC client-credentials grant instead; here the dev key signs one, as {@code cloudsword
     * token} does, valid long enough for any session.
     */
    String serviceToken(ServiceSpec spec) {
        return new DevTokens(devKeys).token("system:" + spec.name()).role("system")
                .lifetime(SERVICE_TOKEN_LIFETIME).sign();
    }

    public Path logFile(ServiceSpec spec) {
        return options.logDir().resolve(spec.name() + ".log");
    }

    private void awaitReady(ServiceSpec spec, Instant deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + options.portOf(spec) + "/q/health/ready");
        Process process = processes.get(spec);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + "; last lines of " + logFile(spec) + ":\n" + tail(logFile(spec), 30));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.name(), e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.name(), e);
            }
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; last lines of " + logFile(spec) + ":\n" + tail(logFile(spec), 30));
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the gateway first, then the services (SIGTERM, then SIGKILL after 20 s), then PostgreSQL. */
    @Override
    public synchronized void close() {
        List<ServiceSpec> reverse = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(reverse);
        for (ServiceSpec spec : reverse) {
            processes.get(spec).destroy();
        }
        for (ServiceSpec spec : reverse) {
            Process p = processes.get(spec);
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
