package io.cloudsword.support.postgres;

import java.util.Map;

/** Where a PostgreSQL server answers, and who to log in as. */
public record PostgresEndpoint(String host, int port, String user, String password) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * The environment that points a service at this server. The services read
     * {@code cloudsword.db.*} properties, which MicroProfile Config also takes from these
     * variables.
     */
    public Map<String, String> asEnvironment() {
        return Map.of(
                "CLOUDSWORD_DB_HOST", host,
                "CLOUDSWORD_DB_PORT", Integer.toString(port),
                "CLOUDSWORD_DB_USER", user,
                "CLOUDSWORD_DB_PASSWORD", password);
    }
}
