package io.cloudsword.support.postgres;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's {@code @QuarkusTest}s a real PostgreSQL: the configured one if it answers,
 * otherwise a throwaway cluster. The service's test database (init arg {@code database}) is
 * dropped and created fresh, so every run starts from the Flyway migrations alone and never
 * touches the databases that {@code ./cloudsword up} uses.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private LocalPostgres postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("PostgresTestResource needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.ensure(PostgresSettings.fromEnvironment(System.getenv(), Path.of("target")),
                message -> System.out.println("[postgres] " + message));
        postgres.recreateDatabase(database);
        PostgresEndpoint e = postgres.endpoint();
        Map<String, String> config = new HashMap<>();
        config.put("cloudsword.db.host", e.host());
        config.put("cloudsword.db.port", Integer.toString(e.port()));
        config.put("cloudsword.db.user", e.user());
        config.put("cloudsword.db.password", e.password());
        config.put("cloudsword.db.name", database);
        return config;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
