package io.cloudsword.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Client-side proof checks, following the verification algorithms of RFC 9162 §2.1.3.2
 * (inclusion) and §2.1.4.2 (consistency) step by step. Before running them the proof length is
 * compared with the only length a correct proof can have (as transparency-dev/merkle does), so
 * a proof with a hash too many or too few fails with a clear reason. Every method throws
 * {@link TlogException} on failure and returns normally on success.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
        MerkleHash.requireHash(root, "expected root");
        if (!MessageDigest.isEqual(computed, root)) {
            throw new TlogException("inclusion proof does not lead to the expected root hash");
        }
    }

    public static boolean isValidInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        try {
            verifyInclusion(index, size, leafHash, proof, root);
            return true;
        } catch (TlogException e) {
            return false;
        }
    }

    /** The root a correct inclusion proof implies; RFC 9162 §2.1.3.2 steps 1–5 less the root compare. */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || size < 0) {
            throw new TlogException("leaf index and tree size must not be negative");
        }
        if (index >= size) {
            throw new TlogException("leaf index " + index + " is not below tree size " + size);
        }
        MerkleHash.requireHash(leafHash, "leaf hash");
        requireHashes(proof);
        int want = inclusionProofLength(index, size);
        if (proof.size() != want) {
            throw new TlogException("inclusion proof has " + proof.size() + " hashes, a tree of size " + size
                    + " needs " + want + " for leaf " + index);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new TlogException("inclusion proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new TlogException("inclusion proof is too short");
        }
        return r;
    }

    /**
     * Checks that the tree of size2 with root2 extends the tree of size1 with root1. Equal sizes
     * need an empty proof and equal roots; size1 = 0 is refused (nothing to prove, and RFC 9162
     * requires 0 < first); size1 > size2 is refused.
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < 0) {
            throw new TlogException("tree sizes must not be negative");
        }
        if (size1 > size2) {
            throw new TlogException("first tree size " + size1 + " is larger than second tree size " + size2);
        }
        MerkleHash.requireHash(root1, "first root");
        MerkleHash.requireHash(root2, "second root");
        requireHashes(proof);
        if (size1 == 0) {
            throw new TlogException("a consistency proof from the empty tree is meaningless");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new TlogException("consistency proof between equal tree sizes must be empty");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new TlogException("trees of equal size " + size1 + " have different root hashes");
            }
            return;
        }
        int want = consistencyProofLength(size1, size2);
        if (proof.size() != want) {
            throw new TlogException("consistency proof has " + proof.size() + " hashes, sizes " + size1 + " → " + size2
                    + " need " + want);
        }
        // §2.1.4.2 step 1.
        if (proof.isEmpty()) {
            throw new TlogException("consistency proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        // Step 2.
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        // Steps 3–4.
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new TlogException("consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 7.
        if (sn != 0) {
            throw new TlogException("consistency proof is too short");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new TlogException("consistency proof does not lead to the first root hash");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new TlogException("consistency proof does not lead to the second root hash");
        }
    }

    public static boolean isValidConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        try {
            verifyConsistency(size1, size2, root1, root2, proof);
            return true;
        } catch (TlogException e) {
            return false;
        }
    }

    /** Length of PATH(index, D[size]): hashes below where the paths to index and size-1 part, plus the left border. */
    public static int inclusionProofLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    /** Length of PROOF(size1, D[size2]) for 0 < size1 < size2. */
    public static int consistencyProofLength(long size1, long size2) {
        int inner = 64 - Long.numberOfLeadingZeros((size1 - 1) ^ (size2 - 1));
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        int seed = Long.bitCount(size1) == 1 ? 0 : 1;
        return seed + inner - shift + border;
    }

    private static void requireHashes(List<byte[]> proof) {
        if (proof == null) {
            throw new TlogException("proof is missing");
        }
        for (int i = 0; i < proof.size(); i++) {
            MerkleHash.requireHash(proof.get(i), "proof hash " + i);
        }
    }
}
