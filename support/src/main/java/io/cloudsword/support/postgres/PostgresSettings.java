package io.cloudsword.support.postgres;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the caller asked for. {@code explicit} means the operator named a host or port
 * (CLOUDSWORD_DB_HOST / CLOUDSWORD_DB_PORT): then that server must answer, and no throwaway
 * cluster is started behind their back. {@code forceThrowaway} (CLOUDSWORD_DB_THROWAWAY=true)
 * skips the probe, for trying the no-PostgreSQL path on a machine that has one.
 */
public record PostgresSettings(String host, int port, String user, String password,
        boolean explicit, boolean forceThrowaway, Path workDir) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5432;

    public static PostgresSettings fromEnvironment(Map<String, String> env, Path workDir) {
        String host = env.get("CLOUDSWORD_DB_HOST");
        String port = env.get("CLOUDSWORD_DB_PORT");
        boolean explicit = notBlank(host) || notBlank(port);
        int portNumber;
        try {
            portNumber = notBlank(port) ? Integer.parseInt(port.trim()) : DEFAULT_PORT;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CLOUDSWORD_DB_PORT must be a port number, got '" + port + "'");
        }
        return new PostgresSettings(
                notBlank(host) ? host.trim() : DEFAULT_HOST,
                portNumber,
                env.getOrDefault("CLOUDSWORD_DB_USER", "postgres"),
                env.getOrDefault("CLOUDSWORD_DB_PASSWORD", ""),
                explicit,
                "true".equalsIgnoreCase(env.get("CLOUDSWORD_DB_THROWAWAY")),
                workDir);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
