package io.cloudsword.support.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster that lives as long as the command that started it: initdb into a fresh
 * folder, start on a free loopback port, stop and delete on {@link #stop()} or JVM exit.
 * PostgreSQL refuses to run as root, so as root the cluster runs as an unprivileged user
 * ({@code postgres} if it exists, else {@code nobody}) in a temp folder that user owns.
 */
final class ThrowawayCluster {

    private final PostgresBinaries binaries;
    private final Path baseDir;
    private final Path dataDir;
    private final List<String> runAs;
    private final int port;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private ThrowawayCluster(PostgresBinaries binaries, Path baseDir, List<String> runAs, int port) {
        this.binaries = binaries;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.runAs = runAs;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "stop-throwaway-postgres");
    }

    static ThrowawayCluster start(PostgresBinaries binaries, Path workDir, Consumer<String> log) {
        boolean root = isRoot();
        List<String> runAs = root ? runAsUnprivilegedUser() : List.of();
        Path baseDir = createBaseDir(root ? null : workDir, runAs);
        IllegalStateException lastFailure = null;
        try {
            new ThrowawayCluster(binaries, baseDir, runAs, 0).initdb();
            // a free port can be taken between our probe and PostgreSQL's bind: try a few
            for (int attempt = 0; attempt < 3; attempt++) {
                ThrowawayCluster candidate = new ThrowawayCluster(binaries, baseDir, runAs, freePort());
                try {
                    candidate.startServer();
                    Runtime.getRuntime().addShutdownHook(candidate.shutdownHook);
                    log.accept("Throwaway PostgreSQL on 127.0.0.1:" + candidate.port + " (data in " + baseDir
                            + (root ? ", running as " + runAs.get(2) : "") + ")");
                    return candidate;
                } catch (IllegalStateException e) {
                    lastFailure = e;
                }
            }
            throw lastFailure;
        } catch (RuntimeException e) {
            deleteRecursively(baseDir);
            throw e;
        }
    }

    PostgresEndpoint endpoint() {
        return new PostgresEndpoint("127.0.0.1", port, "postgres", "");
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            PostgresBinaries.run(command(binaries.pgCtl().toString(), "-D", dataDir.toString(), "-m", "fast", "-w",
                    "stop"));
        } catch (IllegalStateException ignored) {
            // already gone; nothing to stop
        }
        deleteRecursively(baseDir);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
    }

    private void initdb() {
        PostgresBinaries.run(command(binaries.initdb().toString(), "-D", dataDir.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
    }

    private void startServer() {
        // The data is thrown away afterwards, so durability settings only cost time here.
        // No Unix socket: its path would be long (under target/) and TCP on loopback is all we use.
        String options = "-p " + port + " -k '' -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        PostgresBinaries.run(command(binaries.pgCtl().toString(), "-D", dataDir.toString(), "-l",
                baseDir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options, "start"));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(args));
        return command;
    }

    private static Path createBaseDir(Path workDir, List<String> runAs) {
        try {
            Path base;
            if (workDir != null) {
                Files.createDirectories(workDir);
                base = Files.createTempDirectory(workDir.toAbsolutePath(), "postgres-");
            } else {
                base = Files.createTempDirectory("cloudsword-postgres-");
            }
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
            if (!runAs.isEmpty()) {
                PostgresBinaries.run(List.of("chown", runAs.get(2), base.toString()));
            }
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the throwaway PostgreSQL", e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@code runuser -u USER --}: the command prefix that drops root for PostgreSQL. */
    private static List<String> runAsUnprivilegedUser() {
        for (String user : List.of("postgres", "nobody")) {
            try {
                PostgresBinaries.run(List.of("id", "-u", user));
                return List.of("runuser", "-u", user, "--");
            } catch (IllegalStateException missing) {
                // try the next candidate
            }
        }
        throw new IllegalStateException("Running as root and no unprivileged user (postgres, nobody) exists to run "
                + "PostgreSQL; create one or set CLOUDSWORD_DB_HOST to an existing server");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for PostgreSQL", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp folder
        }
    }
}
