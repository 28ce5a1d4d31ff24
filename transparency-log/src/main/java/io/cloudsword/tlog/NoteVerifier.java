package io.cloudsword.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An Ed25519 signed-note public key (c2sp.org/signed-note, signature type 0x01), configured as
 * the golang.org/x/mod/sumdb/note verifier key string {@code <name>+<hex key id>+<base64(0x01 ‖
 * 32-byte public key)>}.
 */
public final class NoteVerifier {

    static final byte ED25519 = 0x01;
    // DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410); the raw key follows.
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey jcaKey;

    private NoteVerifier(String name, byte[] publicKey) {
        if (!Codec.isValidKeyName(name)) {
            throw new TlogException("key name must be non-empty without spaces or '+': " + Codec.abbreviate(String.valueOf(name)));
        }
        if (publicKey == null || publicKey.length != 32) {
            throw new TlogException("an Ed25519 public key has 32 bytes");
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, this.publicKey);
        try {
            byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
            System.arraycopy(this.publicKey, 0, spki, SPKI_PREFIX.length, 32);
            this.jcaKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new TlogException("not a usable Ed25519 public key", e);
        }
    }

    public static NoteVerifier of(String name, byte[] ed25519PublicKey) {
        return new NoteVerifier(name, ed25519PublicKey);
    }

    /** Parses {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}, checking the key id. */
    public static NoteVerifier parse(String verifierKey) {
        if (verifierKey == null) {
            throw new TlogException("verifier key is missing");
        }
        int first = verifierKey.indexOf('+');
        int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
        if (second < 0) {
            throw new TlogException("verifier key is not <name>+<key id>+<key>");
        }
        String name = verifierKey.substring(0, first);
        int id = parseKeyId(verifierKey.substring(first + 1, second));
        byte[] key = Codec.base64(verifierKey.substring(second + 1), "verifier key data");
        if (key.length != 33 || key[0] != ED25519) {
            throw new TlogException("verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        NoteVerifier verifier = new NoteVerifier(name, Arrays.copyOfRange(key, 1, 33));
        if (verifier.keyId != id) {
            throw new TlogException("verifier key id does not match the key");
        }
        return verifier;
    }

    public String name() {
        return name;
    }

    /** First 4 bytes, big-endian, of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The configurable string form; {@link #parse} reads it back. */
    public String keyString() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + hexKeyId(keyId) + "+" + Codec.base64(typed);
    }

    /** Whether sig is this key's Ed25519 signature of msg (RFC 8032). */
    public boolean verify(byte[] msg, byte[] sig) {
        if (sig == null || sig.length != 64) {
            return false;
        }
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(jcaKey);
            ed.update(msg);
            return ed.verify(sig);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    @Override
    public String toString() {
        return keyString();
    }

    static int keyId(String name, byte[] publicKey) {
        byte[] hash = MerkleHash.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}, publicKey);
        return ByteBuffer.wrap(hash, 0, 4).getInt();
    }

    static String hexKeyId(int keyId) {
        return String.format(Locale.ROOT, "%08x", keyId);
    }

    static int parseKeyId(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            throw new TlogException("key id must be 8 hex digits");
        }
        return (int) Long.parseLong(hex, 16);
    }
}
