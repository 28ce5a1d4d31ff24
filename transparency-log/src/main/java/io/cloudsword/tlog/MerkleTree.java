package io.cloudsword.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs computed from stored hashes, following the recursive definitions of
 * RFC 9162 §2.1.1 (MTH), §2.1.3.1 (PATH) and §2.1.4.1 (PROOF / SUBPROOF) literally. Every
 * subtree the recursion visits starts at a multiple of its split size, so its perfect parts are
 * exactly stored nodes; at most O(log² n) hashes are computed per call.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** MTH(D[0:size]); the empty tree's hash for size 0. */
    public static byte[] root(HashReader reader, long size) {
        requireSize(size, "tree size");
        return size == 0 ? MerkleHash.empty() : mth(reader, 0, size);
    }

    /** PATH(index, D[0:size]): sibling hashes from the leaf's level up to the root's children. */
    public static List<byte[]> inclusionProof(HashReader reader, long index, long size) {
        requireSize(size, "tree size");
        if (index < 0 || index >= size) {
            throw new TlogException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(reader, index, 0, size, proof);
        return proof;
    }

    /** PROOF(size1, D[0:size2]); empty when the sizes are equal. Requires 0 < size1 ≤ size2. */
    public static List<byte[]> consistencyProof(HashReader reader, long size1, long size2) {
        requireSize(size1, "first tree size");
        requireSize(size2, "second tree size");
        if (size1 == 0) {
            throw new TlogException("a consistency proof from the empty tree is meaningless");
        }
        if (size1 > size2) {
            throw new TlogException("first tree size " + size1 + " is larger than second tree size " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(reader, size1, 0, size2, true, proof);
        return proof;
    }

    /** MTH(D[begin:end]) for a range the RFC recursion produces (begin aligned to the split). */
    static byte[] mth(HashReader reader, long begin, long end) {
        long n = end - begin;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            byte[] hash = reader.nodeHash(level, begin >>> level);
            MerkleHash.requireHash(hash, "stored node (" + level + ", " + (begin >>> level) + ")");
            return hash;
        }
        long k = split(n);
        return MerkleHash.node(mth(reader, begin, begin + k), mth(reader, begin + k, end));
    }

    // Appends PATH(m, D[begin:end]) with m relative to begin; the list order is leaf-first.
    private static void path(HashReader reader, long m, long begin, long end, List<byte[]> out) {
        long n = end - begin;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(reader, m, begin, begin + k, out);
            out.add(mth(reader, begin + k, end));
        } else {
            path(reader, m - k, begin + k, end, out);
            out.add(mth(reader, begin, begin + k));
        }
    }

    // Appends SUBPROOF(m, D[begin:end], whole) with m relative to begin.
    private static void subproof(HashReader reader, long m, long begin, long end, boolean whole, List<byte[]> out) {
        long n = end - begin;
        if (m == n) {
            if (!whole) {
                out.add(mth(reader, begin, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(reader, m, begin, begin + k, whole, out);
            out.add(mth(reader, begin + k, end));
        } else {
            subproof(reader, m - k, begin + k, end, false, out);
            out.add(mth(reader, begin, begin + k));
        }
    }

    /** The largest power of two smaller than n (n > 1), where RFC 9162 splits a tree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    static void requireSize(long size, String what) {
        if (size < 0) {
            throw new TlogException(what + " " + size + " is negative");
        }
    }
}
