package io.cloudsword.tlog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An Ed25519 signed-note private key, configured as the golang.org/x/mod/sumdb/note signer key
 * string {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ 32-byte seed)>}. The key id is
 * that of the public key, so a signer key is checked against the public key derived from it.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final byte[] seed;
    private final PrivateKey jcaKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new TlogException("an Ed25519 private key seed has 32 bytes");
        }
        this.seed = seed.clone();
        KeyPair pair = keyPairFromSeed(this.seed);
        this.jcaKey = pair.getPrivate();
        byte[] spki = pair.getPublic().getEncoded();
        this.verifier = NoteVerifier.of(name, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** A fresh key pair for the given key name (use the log origin). */
    public static NoteSigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    public static NoteSigner fromSeed(String name, byte[] seed) {
        return new NoteSigner(name, seed);
    }

    /** Parses {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ seed)>}. */
    public static NoteSigner parse(String signerKey) {
        if (signerKey == null || !signerKey.startsWith(PREFIX)) {
            throw new TlogException("signer key must start with " + PREFIX);
        }
        String rest = signerKey.substring(PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (second < 0) {
            throw new TlogException("signer key is not PRIVATE+KEY+<name>+<key id>+<key>");
        }
        String name = rest.substring(0, first);
        int id = NoteVerifier.parseKeyId(rest.substring(first + 1, second));
        byte[] key = Codec.base64(rest.substring(second + 1), "signer key data");
        if (key.length != 33 || key[0] != NoteVerifier.ED25519) {
            throw new TlogException("signer key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        NoteSigner signer = new NoteSigner(name, Arrays.copyOfRange(key, 1, 33));
        if (signer.keyId() != id) {
            throw new TlogException("signer key id does not match the key");
        }
        return signer;
    }

    public String name() {
        return verifier.name();
    }

    public int keyId() {
        return verifier.keyId();
    }

    /** The matching public key, to hand to verifiers. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The secret string form; {@link #parse} reads it back. Keep it out of logs. */
    public String keyString() {
        byte[] typed = new byte[33];
        typed[0] = NoteVerifier.ED25519;
        System.arraycopy(seed, 0, typed, 1, 32);
        return PREFIX + name() + "+" + NoteVerifier.hexKeyId(keyId()) + "+" + Codec.base64(typed);
    }

    /** Ed25519 signature (RFC 8032, deterministic) of msg. */
    public byte[] sign(byte[] msg) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(jcaKey);
            ed.update(msg);
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.keyString() + "]";
    }

    /*
     * The JDK has no public "public key from Ed25519 seed" call, but its key pair generator takes
     * the 32 seed bytes from the SecureRandom it is given (RFC 8032 §5.1.5), so a SecureRandom
     * that yields the seed derives the pair. The result is checked to be that seed.
     */
    private static KeyPair keyPairFromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
            if (!Arrays.equals(derived, seed)) {
                throw new IllegalStateException("this Java runtime does not derive Ed25519 keys from the seed");
            }
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            return new KeyPair(pair.getPublic(), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for " + seed.length + " seed bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
