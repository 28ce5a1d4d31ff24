package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.cloudsword.api.verification.v1.InclusionProof;
import io.cloudsword.api.verification.v1.LogEntry;
import io.cloudsword.api.verification.v1.LogVerifierKey;
import io.cloudsword.tlog.Checkpoint;
import io.cloudsword.tlog.MemoryHashStore;
import io.cloudsword.tlog.MerkleHash;
import io.cloudsword.tlog.MerkleTree;
import io.cloudsword.tlog.NoteSigner;
import io.cloudsword.tlog.ProofBundle;

class ProofCheckTest {

    static final String ORIGIN = "log.cloudsword.example/codes";
    static final String GTIN = "04012345000016";

    /** A small log whose entry i names GTIN and serial i, with a checkpoint signed by its key. */
    static final class Log {
        final NoteSigner signer = NoteSigner.generate(ORIGIN);
        final MemoryHashStore store = new MemoryHashStore();
        final List<byte[]> entries = new ArrayList<>();
        final String checkpoint;

        Log(int size) {
            for (int i = 0; i < size; i++) {
                byte[] entry = ("code\n" + GTIN + "\n" + serial(i)).getBytes(StandardCharsets.US_ASCII);
                entries.add(entry);
                store.append(entry);
            }
            checkpoint = new Checkpoint(ORIGIN, store.size(), store.root()).sign(signer);
        }

        static String serial(int i) {
            return String.format("FAAAAAA%013d", i);
        }

        InclusionProof proof(int index) {
            InclusionProof.Builder p = InclusionProof.newBuilder().setLeafIndex(index).setTreeSize(store.size())
                    .setLeafHash(ByteString.copyFrom(MerkleHash.leaf(entries.get(index))));
            MerkleTree.inclusionProof(store, index, store.size()).forEach(h -> p.addHashes(ByteString.copyFrom(h)));
            return p.build();
        }

        io.cloudsword.api.verification.v1.ProofBundle bundle(int index) {
            String text = new ProofBundle(index, MerkleTree.inclusionProof(store, index, store.size()), checkpoint)
                    .encode();
            return io.cloudsword.api.verification.v1.ProofBundle.newBuilder().setGtin(GTIN).setSerial(serial(index))
                    .setEntry(LogEntry.newBuilder().setIndex(index).setData(ByteString.copyFrom(entries.get(index))))
                    .setInclusionProof(proof(index)).setTlogProof(text).build();
        }

        ProofCheck check() {
            return ProofCheck.of(ORIGIN, List.of(LogVerifierKey.newBuilder().setName(ORIGIN)
                    .setVkey(signer.verifier().keyString()).build()));
        }
    }

    @Test
    void acceptsARealInclusionProofAndBundle() {
        Log log = new Log(1000);
        ProofCheck check = log.check();
        for (int i : new int[] { 0, 1, 499, 998, 999 }) {
            assertNull(check.inclusion(log.proof(i), log.checkpoint, i));
            assertNull(check.inclusion(log.proof(i), log.checkpoint, -1));
            assertNull(check.bundle(log.bundle(i), GTIN, Log.serial(i), i));
        }
    }

    @Test
    void rejectsATamperedProofAWrongLeafAnotherKeyOrASizeMismatch() {
        Log log = new Log(1000);
        ProofCheck check = log.check();
        InclusionProof good = log.proof(123);
        byte[] flipped = good.getHashes(3).toByteArray();
        flipped[7] ^= 0x01;
        assertNotNull(check.inclusion(good.toBuilder().setHashes(3, ByteString.copyFrom(flipped)).build(),
                log.checkpoint, 123));
        assertNotNull(check.inclusion(good, log.checkpoint, 124), "not the code's entry");
        assertNotNull(check.inclusion(good.toBuilder().setTreeSize(999).build(), log.checkpoint, 123));
        assertNotNull(check.inclusion(good.toBuilder().clearHashes().addAllHashes(good.getHashesList().subList(1,
                good.getHashesCount())).build(), log.checkpoint, 123), "a hash too few");
        Log other = new Log(1000);
        String failure = other.check().inclusion(good, log.checkpoint, 123);
        assertNotNull(failure);
        assertTrue(failure.startsWith("checkpoint not accepted"), failure);
    }

    @Test
    void rejectsABundleOfAnotherCodeOrWithAnAlteredEntryOrProof() {
        Log log = new Log(300);
        ProofCheck check = log.check();
        var bundle = log.bundle(42);
        assertNotNull(check.bundle(bundle, GTIN, Log.serial(43), 42), "asked another serial");
        assertNotNull(check.bundle(bundle, GTIN, Log.serial(42), 41), "not the code's entry");
        byte[] entry = bundle.getEntry().getData().toByteArray();
        entry[0] ^= 0x01;
        assertNotNull(check.bundle(bundle.toBuilder().setEntry(bundle.getEntry().toBuilder()
                .setData(ByteString.copyFrom(entry))).build(), GTIN, Log.serial(42), 42));
        String text = bundle.getTlogProof();
        String altered = text.replace("index 42\n", "index 43\n");
        assertNotNull(check.bundle(bundle.toBuilder().setTlogProof(altered).clearInclusionProof().build(), GTIN,
                Log.serial(42), -1));
        var unnamed = bundle.toBuilder().setEntry(bundle.getEntry().toBuilder()
                .setData(ByteString.copyFromUtf8("something else"))).clearInclusionProof().build();
        assertNotNull(check.bundle(unnamed, GTIN, Log.serial(42), 42));
    }
}
