package io.cloudsword.cli.suite;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the suite: where the checkout is, which port each service gets, a suffix for
 * the database names (so a test run never touches the databases of {@code ./cloudsword up}),
 * and the environment to read PostgreSQL settings from.
 */
public record SuiteOptions(Path root, Map<String, Integer> ports, String databaseSuffix, Map<String, String> env) {

    public int portOf(ServiceSpec spec) {
        return ports.getOrDefault(spec.name(), spec.defaultPort());
    }

    /**
     * A suite on suffixed databases (the end-to-end test's {@code _e2e}) starts from empty ones
     * every time, like the module tests: its data is scratch, and a migration edited before it
     * was released must not meet the old one's checksum. `./cloudsword up` keeps its data.
     */
    public boolean throwawayDatabases() {
        return !databaseSuffix.isEmpty();
    }

    public Path stateDir() {
        return root.resolve("target").resolve("cloudsword");
    }

    public Path logDir() {
        return stateDir().resolve("logs");
    }

    public Path devKeyDir() {
        return stateDir().resolve("dev-keys");
    }

    /**
     * Secrets the suite's data depends on (the codes master key, the log's signing key). Kept
     * outside target/ so a clean build does not orphan the databases' sealed keys; one set per
     * database suffix, like the databases.
     */
    public Path secretsDir() {
        return root.resolve(".cloudsword").resolve("secrets" + databaseSuffix);
    }

    public Path quarkusApp(ServiceSpec spec) {
        return root.resolve(spec.module()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
