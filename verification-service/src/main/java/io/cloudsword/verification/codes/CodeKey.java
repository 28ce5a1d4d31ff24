package io.cloudsword.verification.codes;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A secret HMAC-SHA256 key that issues and checks serials. {@code id} (0..63) is written as the
 * first character of every serial it issues, so that a serial names the key that checks it and
 * keys can rotate: new codes use the active key, older codes keep verifying for as long as their
 * key is in the list handed to {@link SerialCodec#check}. The service maps its key records
 * (per-brand versions 1, 2, 3...) to ids, e.g. {@code (version - 1) % 64}; after 64 rotations an id
 * is reused, which is safe: every listed key with the serial's id is tried.
 */
public final class CodeKey {

    public static final int MAX_ID = SerialCodec.ALPHABET.length() - 1;
    /** HMAC-SHA256 keys shorter than the hash add no strength; shorter secrets are refused. */
    public static final int MIN_SECRET_BYTES = 32;

    private final int id;
    private final byte[] secret;

    public CodeKey(int id, byte[] secret) {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("key id must be 0.." + MAX_ID + ", got " + id);
        }
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("key secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.id = id;
        this.secret = secret.clone();
    }

    /** A fresh random 32-byte key. */
    public static CodeKey generate(int id, SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new CodeKey(id, secret);
    }

    public int id() {
        return id;
    }

    /** The character that starts the serials of this key. */
    public char idChar() {
        return SerialCodec.ALPHABET.charAt(id);
    }

    /** A copy, for sealed storage; the material never leaves the service. */
    public byte[] secret() {
        return secret.clone();
    }

    byte[] secretRef() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeKey k && k.id == id && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "CodeKey[id=" + id + ", secret=<redacted>]";
    }
}
