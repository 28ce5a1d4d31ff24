package io.cloudsword.cli.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.cloudsword.tlog.NoteSigner;

/**
 * The secrets verification-service needs on this machine, made once and kept as files (owner-only):
 * the master key that seals code keys and the Ed25519 key that signs checkpoints, plus the public
 * verifier key a person passes to {@code cloudsword verify-proof --key}. Production takes its own
 * from a Secret; these never leave this machine.
 */
public record DevSecrets(Path masterKey, Path signingKey, Path verifierKey) {

    public static final String LOG_ORIGIN = "log.cloudsword.dev";

    public static DevSecrets loadOrCreate(Path dir) {
        DevSecrets s = new DevSecrets(dir.resolve("codes-master.key"), dir.resolve("log-signing.key"),
                dir.resolve("log-verifier.vkey"));
        try {
            Files.createDirectories(dir);
            if (!Files.exists(s.masterKey)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                write(s.masterKey, Base64.getEncoder().encodeToString(key));
            }
            if (!Files.exists(s.signingKey)) {
                NoteSigner signer = NoteSigner.generate(LOG_ORIGIN);
                write(s.signingKey, signer.keyString());
                Files.writeString(s.verifierKey, signer.verifier().keyString() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the dev secrets in " + dir, e);
        }
        return s;
    }

    private static void write(Path file, String secret) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }

    /** What verification-service reads them from. */
    public Map<String, String> environment() {
        return Map.of("CLOUDSWORD_CODES_MASTER_KEY_FILE", masterKey.toString(),
                "CLOUDSWORD_LOG_SIGNING_KEY_FILE", signingKey.toString(),
                "CLOUDSWORD_LOG_ORIGIN", LOG_ORIGIN);
    }
}
