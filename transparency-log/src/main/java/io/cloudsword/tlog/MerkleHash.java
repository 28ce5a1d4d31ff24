package io.cloudsword.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 §2.1.1 Merkle tree hashing with SHA-256 (identical to RFC 6962 §2.1). */
public final class MerkleHash {

    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** MTH({}) = SHA-256() */
    public static byte[] empty() {
        return sha256();
    }

    /** MTH({d}) = SHA-256(0x00 ‖ d) */
    public static byte[] leaf(byte[] entry) {
        return sha256(new byte[] {LEAF_PREFIX}, entry);
    }

    /** SHA-256(0x01 ‖ left ‖ right) */
    public static byte[] node(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        return sha256(new byte[] {NODE_PREFIX}, left, right);
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest md = newSha256();
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != SIZE) {
            throw new TlogException(what + " is not a " + SIZE + "-byte hash");
        }
    }
}
