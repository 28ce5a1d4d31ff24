package io.cloudsword.tlog;

import static io.cloudsword.tlog.TestVectors.ENTRIES;
import static io.cloudsword.tlog.TestVectors.NODES;
import static io.cloudsword.tlog.TestVectors.ROOTS;
import static io.cloudsword.tlog.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    @Test
    void hashesMatchTheRfc6962TestTree() {
        assertArrayEquals(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), MerkleHash.empty());
        for (int i = 0; i < ENTRIES.size(); i++) {
            assertArrayEquals(NODES.get(0).get(i), MerkleHash.leaf(ENTRIES.get(i)), "leaf " + i);
        }
        for (int level = 1; level < NODES.size(); level++) {
            for (int i = 0; i < NODES.get(level).size(); i++) {
                byte[] left = NODES.get(level - 1).get(2 * i);
                byte[] right = NODES.get(level - 1).get(2 * i + 1);
                assertArrayEquals(NODES.get(level).get(i), MerkleHash.node(left, right), "node " + level + "/" + i);
            }
        }
        assertThrows(TlogException.class, () -> MerkleHash.node(new byte[31], new byte[32]));
    }

    @Test
    void storesEveryCompleteNodeAndComputesEveryRoot() {
        MemoryHashStore store = new MemoryHashStore();
        assertArrayEquals(ROOTS.get(0), store.root());
        assertArrayEquals(ROOTS.get(0), MerkleTree.root(store, 0));
        for (int n = 1; n <= 8; n++) {
            assertEquals(n - 1, store.append(ENTRIES.get(n - 1)));
            assertArrayEquals(ROOTS.get(n), store.root(), "compact root of size " + n);
            for (int m = 0; m <= n; m++) {
                assertArrayEquals(ROOTS.get(m), MerkleTree.root(store, m), "stored root of size " + m);
                assertArrayEquals(ROOTS.get(m), CompactRange.of(store, m).root(), "rebuilt range of size " + m);
            }
        }
        for (int level = 0; level < NODES.size(); level++) {
            for (int i = 0; i < NODES.get(level).size(); i++) {
                assertArrayEquals(NODES.get(level).get(i), store.nodeHash(level, i));
            }
        }
        assertThrows(TlogException.class, () -> store.nodeHash(1, 4));
    }

    @Test
    void appendReturnsTheNewlyCompleteNodes() {
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 7; i++) {
            range.append(MerkleHash.leaf(ENTRIES.get(i)));
        }
        List<CompactRange.Node> created = range.append(MerkleHash.leaf(ENTRIES.get(7)));
        assertEquals(4, created.size());
        for (int level = 0; level < 4; level++) {
            CompactRange.Node node = created.get(level);
            assertEquals(level, node.level());
            assertEquals(7 >> level, node.index());
            assertArrayEquals(NODES.get(level).get(7 >> level), node.hash());
        }
        assertEquals(0, created.get(0).tileLevel());
        assertEquals(-1, created.get(1).tileLevel());
    }

    @Test
    void proofsMatchTheTransparencyDevVectors() {
        MemoryHashStore store = TestVectors.store();
        assertProof(List.of(), MerkleTree.inclusionProof(store, 0, 1));
        assertProof(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), MerkleTree.inclusionProof(store, 0, 8));
        assertProof(List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), MerkleTree.inclusionProof(store, 5, 8));
        assertProof(List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                MerkleTree.inclusionProof(store, 2, 3));
        assertProof(List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"), MerkleTree.inclusionProof(store, 1, 5));

        assertProof(List.of(), MerkleTree.consistencyProof(store, 1, 1));
        assertProof(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), MerkleTree.consistencyProof(store, 1, 8));
        assertProof(List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), MerkleTree.consistencyProof(store, 6, 8));
        assertProof(List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"), MerkleTree.consistencyProof(store, 2, 5));
        assertProof(List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), MerkleTree.consistencyProof(store, 6, 7));
    }

    @Test
    void everyProofOfTheTestTreeVerifiesAndEveryTamperingFails() {
        MemoryHashStore store = TestVectors.store();
        for (int n = 1; n <= 8; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(store, i, n);
                assertEquals(ProofVerifier.inclusionProofLength(i, n), proof.size());
                ProofVerifier.verifyInclusion(i, n, NODES.get(0).get(i), proof, ROOTS.get(n));
                assertInclusionTamperingFails(i, n, NODES.get(0).get(i), proof, ROOTS.get(n));
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(store, m, n);
                if (m < n) {
                    assertEquals(ProofVerifier.consistencyProofLength(m, n), proof.size());
                }
                ProofVerifier.verifyConsistency(m, n, ROOTS.get(m), ROOTS.get(n), proof);
                if (m < n) {
                    assertConsistencyTamperingFails(m, n, ROOTS.get(m), ROOTS.get(n), proof);
                }
            }
        }
    }

    @Test
    void randomLargerTreesAgreeWithTheReferenceAndVerify() {
        Random random = new Random(9162);
        for (int round = 0; round < 6; round++) {
            int size = 1 + random.nextInt(1500);
            MemoryHashStore store = new MemoryHashStore();
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // Distinct entries: with two equal neighbouring leaves a proof for one also proves the other.
                byte[] entry = new byte[4 + random.nextInt(40)];
                random.nextBytes(entry);
                java.nio.ByteBuffer.wrap(entry).putInt(i);
                store.append(entry);
                leaves.add(MerkleHash.leaf(entry));
            }
            for (int probe = 0; probe < 40; probe++) {
                int n = 1 + random.nextInt(size);
                int m = 1 + random.nextInt(n);
                int i = random.nextInt(n);
                byte[] rootN = TestVectors.referenceMth(leaves.subList(0, n));
                byte[] rootM = TestVectors.referenceMth(leaves.subList(0, m));
                assertArrayEquals(rootN, MerkleTree.root(store, n));
                List<byte[]> inclusion = MerkleTree.inclusionProof(store, i, n);
                ProofVerifier.verifyInclusion(i, n, leaves.get(i), inclusion, rootN);
                assertInclusionTamperingFails(i, n, leaves.get(i), inclusion, rootN);
                List<byte[]> consistency = MerkleTree.consistencyProof(store, m, n);
                ProofVerifier.verifyConsistency(m, n, rootM, rootN, consistency);
                if (m < n) {
                    assertConsistencyTamperingFails(m, n, rootM, rootN, consistency);
                }
            }
            assertArrayEquals(TestVectors.referenceMth(leaves), store.root());
        }
    }

    @Test
    void refusesImpossibleProofRequests() {
        MemoryHashStore store = TestVectors.store();
        assertThrows(TlogException.class, () -> MerkleTree.inclusionProof(store, 8, 8));
        assertThrows(TlogException.class, () -> MerkleTree.inclusionProof(store, -1, 8));
        assertThrows(TlogException.class, () -> MerkleTree.inclusionProof(store, 0, 0));
        assertThrows(TlogException.class, () -> MerkleTree.consistencyProof(store, 0, 8));
        assertThrows(TlogException.class, () -> MerkleTree.consistencyProof(store, 5, 4));
        assertThrows(TlogException.class, () -> MerkleTree.root(store, 9));
    }

    @Test
    void verifierEdgeCases() {
        byte[] some = hex("abacaba000000000000000000000000000000000000000000060061e00123456");
        byte[] root1 = ROOTS.get(3);
        byte[] root2 = ROOTS.get(5);
        // Equal sizes: only an empty proof between equal roots.
        ProofVerifier.verifyConsistency(3, 3, root1, root1, List.of());
        assertThrows(TlogException.class, () -> ProofVerifier.verifyConsistency(3, 3, root1, root1, List.of(some)));
        assertThrows(TlogException.class, () -> ProofVerifier.verifyConsistency(3, 3, root1, root2, List.of()));
        // From the empty tree: refused whatever the proof.
        assertThrows(TlogException.class, () -> ProofVerifier.verifyConsistency(0, 5, ROOTS.get(0), root2, List.of()));
        assertThrows(TlogException.class, () -> ProofVerifier.verifyConsistency(0, 0, ROOTS.get(0), ROOTS.get(0), List.of()));
        // Time travel and empty proofs.
        assertThrows(TlogException.class, () -> ProofVerifier.verifyConsistency(5, 3, root2, root1, List.of()));
        assertThrows(TlogException.class, () -> ProofVerifier.verifyConsistency(1, 2, ROOTS.get(1), ROOTS.get(2), List.of()));
        // Index at or beyond size, with any proof.
        assertThrows(TlogException.class, () -> ProofVerifier.verifyInclusion(0, 0, some, List.of(), ROOTS.get(0)));
        assertThrows(TlogException.class, () -> ProofVerifier.verifyInclusion(1, 1, some, List.of(), some));
        assertThrows(TlogException.class, () -> ProofVerifier.verifyInclusion(2, 1, some, List.of(), some));
        // A single-leaf tree: the root is the leaf hash and the proof is empty.
        byte[] leaf = MerkleHash.leaf("data".getBytes());
        ProofVerifier.verifyInclusion(0, 1, leaf, List.of(), leaf);
        assertThrows(TlogException.class, () -> ProofVerifier.verifyInclusion(0, 1, leaf, List.of(), some));
        assertThrows(TlogException.class, () -> ProofVerifier.verifyInclusion(0, 1, new byte[0], List.of(), leaf));
        // Wrong length is named as such.
        TlogException e = assertThrows(TlogException.class,
                () -> ProofVerifier.verifyInclusion(0, 8, NODES.get(0).get(0), List.of(some), ROOTS.get(8)));
        assertEquals("inclusion proof has 1 hashes, a tree of size 8 needs 3 for leaf 0", e.getMessage());
    }

    static void assertInclusionTamperingFails(long i, long n, byte[] leaf, List<byte[]> proof, byte[] root) {
        byte[] some = hex("abacaba000000000000000000000000000000000000000000060061e00123456");
        List<Runnable> probes = new ArrayList<>(List.of(
                () -> ProofVerifier.verifyInclusion(i - 1, n, leaf, proof, root),
                () -> ProofVerifier.verifyInclusion(i + 1, n, leaf, proof, root),
                () -> ProofVerifier.verifyInclusion(i ^ 2, n, leaf, proof, root),
                () -> ProofVerifier.verifyInclusion(i, n * 2, leaf, proof, root),
                () -> ProofVerifier.verifyInclusion(i, n / 2, leaf, proof, root),
                () -> ProofVerifier.verifyInclusion(i, n, some, proof, root),
                () -> ProofVerifier.verifyInclusion(i, n, leaf, proof, MerkleHash.empty()),
                () -> ProofVerifier.verifyInclusion(i, n, leaf, proof, some),
                () -> ProofVerifier.verifyInclusion(i, n, leaf, with(proof, proof.size(), root), root),
                () -> ProofVerifier.verifyInclusion(i, n, leaf, with(proof, 0, root), root),
                () -> ProofVerifier.verifyInclusion(i, n, leaf, with(proof, 0, some), root)));
        for (int k = 0; k < proof.size(); k++) {
            List<byte[]> flipped = TestVectors.copy(proof);
            flipped.get(k)[0] ^= 8;
            probes.add(() -> ProofVerifier.verifyInclusion(i, n, leaf, flipped, root));
        }
        if (!proof.isEmpty()) {
            probes.add(() -> ProofVerifier.verifyInclusion(i, n, leaf, proof.subList(0, proof.size() - 1), root));
        }
        if (proof.size() > 1) {
            probes.add(() -> ProofVerifier.verifyInclusion(i, n, leaf, with(proof.subList(1, proof.size()), 0, some), root));
        }
        for (int k = 0; k < probes.size(); k++) {
            Runnable probe = probes.get(k);
            if (isValid(probe)) {
                throw new AssertionError("tampered inclusion probe " + k + " verified for leaf " + i + " of " + n);
            }
        }
    }

    static void assertConsistencyTamperingFails(long m, long n, byte[] root1, byte[] root2, List<byte[]> proof) {
        byte[] some = hex("abacaba000000000000000000000000000000000000000000060061e00123456");
        List<Runnable> probes = new ArrayList<>(List.of(
                () -> ProofVerifier.verifyConsistency(m - 1, n, root1, root2, proof),
                () -> ProofVerifier.verifyConsistency(m + 1, n, root1, root2, proof),
                () -> ProofVerifier.verifyConsistency(m ^ 2, n, root1, root2, proof),
                () -> ProofVerifier.verifyConsistency(m, n * 2, root1, root2, proof),
                () -> ProofVerifier.verifyConsistency(m, n / 2, root1, root2, proof),
                () -> ProofVerifier.verifyConsistency(m, n, some, root2, proof),
                () -> ProofVerifier.verifyConsistency(m, n, root1, some, proof),
                () -> ProofVerifier.verifyConsistency(m, n, root2, root1, proof),
                () -> ProofVerifier.verifyConsistency(m, n, root1, root2, List.of()),
                () -> ProofVerifier.verifyConsistency(m, n, root1, root2, with(proof, proof.size(), root1)),
                () -> ProofVerifier.verifyConsistency(m, n, root1, root2, with(proof, proof.size(), root2)),
                () -> ProofVerifier.verifyConsistency(m, n, root1, root2, with(proof, 0, root1)),
                () -> ProofVerifier.verifyConsistency(m, n, root1, root2, with(proof, 0, root2)),
                () -> ProofVerifier.verifyConsistency(m, n, root1, root2, with(proof, 0, proof.get(0))),
                () -> ProofVerifier.verifyConsistency(m, n, root1, root2, proof.subList(0, proof.size() - 1))));
        for (int k = 0; k < proof.size(); k++) {
            List<byte[]> flipped = TestVectors.copy(proof);
            flipped.get(k)[0] ^= 16;
            probes.add(() -> ProofVerifier.verifyConsistency(m, n, root1, root2, flipped));
        }
        for (int k = 0; k < probes.size(); k++) {
            if (isValid(probes.get(k))) {
                throw new AssertionError("tampered consistency probe " + k + " verified for " + m + " → " + n);
            }
        }
    }

    private static boolean isValid(Runnable probe) {
        try {
            probe.run();
            return true;
        } catch (TlogException e) {
            return false;
        }
    }

    private static List<byte[]> with(List<byte[]> proof, int at, byte[] hash) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, hash);
        return copy;
    }

    private static void assertProof(List<String> expectedHex, List<byte[]> proof) {
        assertEquals(expectedHex, proof.stream().map(h -> java.util.HexFormat.of().formatHex(h)).toList());
    }
}
