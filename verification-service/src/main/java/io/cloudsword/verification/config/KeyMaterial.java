package io.cloudsword.verification.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.tlog.NoteSigner;

/**
 * The service's own secrets, read from configuration or files (a Kubernetes Secret mounted as
 * files in production; files {@code ./cloudsword up} generates on this machine in dev): the master
 * key that seals every brand's code key in the database, and the Ed25519 key that signs
 * checkpoints. Neither is ever in the repository, and a service without them does not start.
 *
 * <p>Rotation: a new master key goes in {@code master-key}, the old one moves to
 * {@code previous-master-keys}; sealed keys name the master key that sealed them (4 bytes of its
 * SHA-256), so both open. A new checkpoint key is a new {@code signing-key}; earlier checkpoints
 * stay verifiable with the old public key, which {@code previous-verifier-keys} keeps listed.
 */
@ApplicationScoped
public class KeyMaterial {

    private static final byte SEAL_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] masterKey;
    private final List<byte[]> previousMasterKeys;
    private final NoteSigner signer;
    private final List<String> previousVerifierKeys;

    public KeyMaterial(
            @ConfigProperty(name = "cloudsword.codes.master-key") Optional<String> masterKey,
            @ConfigProperty(name = "cloudsword.codes.master-key-file") Optional<String> masterKeyFile,
            @ConfigProperty(name = "cloudsword.codes.previous-master-keys") Optional<List<String>> previous,
            @ConfigProperty(name = "cloudsword.log.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "cloudsword.log.signing-key-file") Optional<String> signingKeyFile,
            @ConfigProperty(name = "cloudsword.log.previous-verifier-keys") Optional<List<String>> previousVerifiers) {
        this.masterKey = masterKey(read("cloudsword.codes.master-key", masterKey, masterKeyFile));
        this.previousMasterKeys = new ArrayList<>();
        previous.orElse(List.of()).forEach(k -> previousMasterKeys.add(masterKey(k)));
        this.signer = NoteSigner.parse(read("cloudsword.log.signing-key", signingKey, signingKeyFile));
        this.previousVerifierKeys = previousVerifiers.orElse(List.of());
    }

    private static String read(String name, Optional<String> value, Optional<String> file) {
        if (value.isPresent() && !value.get().isBlank()) {
            return value.get().strip();
        }
        if (file.isPresent() && !file.get().isBlank()) {
            try {
                return Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + "-file " + file.get(), e);
            }
        }
        throw new IllegalStateException("Neither " + name + " nor " + name + "-file is configured");
    }

    private static byte[] masterKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The codes master key must be base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("The codes master key must be 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    /** The key that signs checkpoints. */
    public NoteSigner signer() {
        return signer;
    }

    /** Earlier checkpoint keys, as note verifier key strings. */
    public List<String> previousVerifierKeys() {
        return previousVerifierKeys;
    }

    /** Seals a code key's secret for storage; {@code owner} (the key's id) is bound to it. */
    public byte[] seal(UUID owner, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(owner));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(1 + 4 + NONCE_BYTES + sealed.length).put(SEAL_VERSION).put(keyId(masterKey))
                    .put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens a sealed secret with whichever configured master key sealed it. */
    public byte[] open(UUID owner, byte[] sealed) {
        if (sealed.length < 1 + 4 + NONCE_BYTES + 16 || sealed[0] != SEAL_VERSION) {
            throw new IllegalStateException("Sealed code key " + owner + " has an unknown format");
        }
        byte[] id = java.util.Arrays.copyOfRange(sealed, 1, 5);
        List<byte[]> candidates = new ArrayList<>();
        candidates.add(masterKey);
        candidates.addAll(previousMasterKeys);
        for (byte[] key : candidates) {
            if (MessageDigest.isEqual(id, keyId(key))) {
                try {
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(128, sealed, 5, NONCE_BYTES));
                    cipher.updateAAD(aad(owner));
                    return cipher.doFinal(sealed, 5 + NONCE_BYTES, sealed.length - 5 - NONCE_BYTES);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Sealed code key " + owner + " does not open: altered or wrong key");
                }
            }
        }
        throw new IllegalStateException("Code key " + owner + " was sealed by a master key that is not configured");
    }

    private static byte[] aad(UUID owner) {
        return ("cloudsword/code-key/v1/" + owner).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] keyId(byte[] key) {
        try {
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
