package io.cloudsword.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofBundleTest {

    static final String ORIGIN = "log.cloudsword.example/codes";

    /** The example of c2sp.org/tlog-proof (signatures elided there, so only parsed here). */
    static final String SPEC_EXAMPLE = """
            c2sp.org/tlog-proof@v1
            extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
            index 73894
            gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
            B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
            EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
            RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
            AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

            example.com/fancylog
            109482
            sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

            \u2014 example.com/fancylog hI2DJw[...]1roloI=
            """;

    @Test
    void parsesTheSpecExample() {
        ProofBundle bundle = ProofBundle.parse(SPEC_EXAMPLE);
        assertEquals(73894, bundle.index());
        assertEquals(5, bundle.proof().size());
        assertEquals(39, bundle.extra().length);
        assertTrue(bundle.checkpoint().startsWith("example.com/fancylog\n109482\n"));
        assertEquals(SPEC_EXAMPLE, bundle.encode());
    }

    @Test
    void roundTripsAndVerifiesOffline() {
        Log log = new Log(300);
        long index = 123;
        String text = log.bundle(index, "code record 123".getBytes(StandardCharsets.UTF_8));

        ProofBundle parsed = ProofBundle.parse(text);
        assertEquals(index, parsed.index());
        assertEquals(text, parsed.encode());
        ProofBundle.Result result = ProofBundle.verify(text, log.leafHash(index), log.signer.verifier());
        assertTrue(result.valid(), result.failure());
        assertNull(result.failure());
        assertEquals(index, result.index());
        assertEquals(300, result.checkpoint().size());
        assertArrayEquals("code record 123".getBytes(StandardCharsets.UTF_8), ProofBundle.parse(text).extra());

        // Without extra data, and for a one-leaf tree (empty proof).
        Log tiny = new Log(1);
        String noExtra = tiny.bundle(0, null);
        assertFalse(noExtra.contains("extra"));
        assertTrue(noExtra.startsWith("c2sp.org/tlog-proof@v1\nindex 0\n\n" + ORIGIN + "\n1\n"), noExtra);
        assertTrue(ProofBundle.verify(noExtra, tiny.leafHash(0), tiny.signer.verifier()).valid());
    }

    @Test
    void tamperedBundlesFailWithAReason() {
        Log log = new Log(300);
        String text = log.bundle(77, null);
        NoteVerifier key = log.signer.verifier();
        byte[] leaf = log.leafHash(77);
        String firstHash = text.split("\n")[2];
        String flipped = Base64.getEncoder().encodeToString(flip(Base64.getDecoder().decode(firstHash)));

        assertFailure("entry not proven in the log", ProofBundle.verify(text, log.leafHash(78), key));
        assertFailure("entry not proven in the log", ProofBundle.verify(text.replace("index 77\n", "index 76\n"), leaf, key));
        assertFailure("entry not proven in the log", ProofBundle.verify(text.replace(firstHash, flipped), leaf, key));
        assertFailure("entry not proven in the log: inclusion proof has", ProofBundle.verify(text.replace(firstHash + "\n", ""), leaf, key));
        assertFailure("checkpoint not accepted: invalid signature", ProofBundle.verify(text.replace("\n300\n", "\n299\n"), leaf, key));
        assertFailure("checkpoint not accepted: note has no valid signature",
                ProofBundle.verify(text, leaf, NoteSigner.generate(ORIGIN).verifier()));
        assertFailure("checkpoint not accepted: checkpoint is for log",
                ProofBundle.verify(text, leaf, "other.example/log", key));
        assertFailure("malformed proof bundle: proof bundle does not start with",
                ProofBundle.verify(text.replace("@v1", "@v2"), leaf, key));
        assertFailure("malformed proof bundle: leaf index", ProofBundle.verify(text.replace("index 77", "index 077"), leaf, key));
        assertFailure("malformed proof bundle: proof hash 0 is not", ProofBundle.verify(text.replace(firstHash, "AAAA"), leaf, key));
        assertFailure("malformed proof bundle", ProofBundle.verify(text.replace("index 77\n", ""), leaf, key));
        assertFailure("malformed proof bundle", ProofBundle.verify(text.substring(0, text.indexOf("\n\n")), leaf, key));

        // A checkpoint re-signed by someone else's key with the log's name is refused.
        NoteSigner forger = NoteSigner.generate(ORIGIN);
        String forged = text.substring(0, text.indexOf("\n\n") + 2)
                + new Checkpoint(ORIGIN, 300, log.store.root()).sign(forger);
        assertFailure("checkpoint not accepted", ProofBundle.verify(forged, leaf, key));
        assertThrows(TlogException.class, () -> ProofBundle.parse("c2sp.org/tlog-proof@v1\nindex 1\n\n"));
    }

    private static void assertFailure(String reasonStart, ProofBundle.Result result) {
        assertFalse(result.valid());
        assertTrue(result.failure().startsWith(reasonStart), result.failure());
    }

    private static byte[] flip(byte[] hash) {
        hash[0] ^= 1;
        return hash;
    }

    /** A small log: entries "entry i", signed by a fresh key named after the origin. */
    static final class Log {
        final MemoryHashStore store = new MemoryHashStore();
        final NoteSigner signer = NoteSigner.generate(ORIGIN);
        final List<byte[]> entries = new ArrayList<>();

        Log(int size) {
            for (int i = 0; i < size; i++) {
                byte[] entry = ("entry " + i).getBytes(StandardCharsets.UTF_8);
                entries.add(entry);
                store.append(entry);
            }
        }

        byte[] leafHash(long index) {
            return MerkleHash.leaf(entries.get((int) index));
        }

        String bundle(long index, byte[] extra) {
            String checkpoint = new Checkpoint(ORIGIN, store.size(), store.root()).sign(signer);
            return new ProofBundle(index, MerkleTree.inclusionProof(store, index, store.size()), checkpoint, extra).encode();
        }
    }
}
