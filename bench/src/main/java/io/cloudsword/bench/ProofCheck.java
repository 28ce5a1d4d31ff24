package io.cloudsword.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.cloudsword.api.verification.v1.InclusionProof;
import io.cloudsword.api.verification.v1.LogVerifierKey;
import io.cloudsword.tlog.Checkpoint;
import io.cloudsword.tlog.MerkleHash;
import io.cloudsword.tlog.NoteVerifier;
import io.cloudsword.tlog.ProofBundle;
import io.cloudsword.tlog.ProofVerifier;
import io.cloudsword.tlog.TlogException;

/**
 * Checks, offline and with the log's own verifier (the transparency-log module, as
 * {@code ./cloudsword verify-proof} does), every proof codes-issue times: a fast answer only counts
 * if it is a proof. The log's keys and origin come from GetLogInfo once, before timing.
 */
final class ProofCheck {

    private final String origin;
    private final List<NoteVerifier> keys;

    ProofCheck(String origin, List<NoteVerifier> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the log names no verifier key");
        }
        this.origin = origin;
        this.keys = List.copyOf(keys);
    }

    /** From GetLogInfo's keys: the note verifier string when given, else name + raw public key. */
    static ProofCheck of(String origin, List<LogVerifierKey> logKeys) {
        List<NoteVerifier> keys = new ArrayList<>();
        for (LogVerifierKey k : logKeys) {
            keys.add(k.getVkey().isEmpty() ? NoteVerifier.of(k.getName(), k.getPublicKey().toByteArray())
                    : NoteVerifier.parse(k.getVkey()));
        }
        return new ProofCheck(origin, keys);
    }

    /**
     * An inclusion proof with the checkpoint it was answered with: null when the checkpoint is signed
     * by a log key for the log's origin, the proof is of {@code expectedIndex} (when not negative) in
     * that checkpoint's tree and leads from the leaf hash to its root; else why not.
     */
    String inclusion(InclusionProof proof, String signedCheckpoint, long expectedIndex) {
        Checkpoint checkpoint;
        try {
            checkpoint = open(signedCheckpoint);
        } catch (TlogException e) {
            return "checkpoint not accepted: " + e.getMessage();
        }
        if (proof.getTreeSize() != checkpoint.size()) {
            return "proof for tree size " + proof.getTreeSize() + ", checkpoint of size " + checkpoint.size();
        }
        if (expectedIndex >= 0 && proof.getLeafIndex() != expectedIndex) {
            return "proof of leaf " + proof.getLeafIndex() + ", the code's entry is " + expectedIndex;
        }
        try {
            ProofVerifier.verifyInclusion(proof.getLeafIndex(), proof.getTreeSize(), proof.getLeafHash().toByteArray(),
                    proof.getHashesList().stream().map(h -> h.toByteArray()).toList(), checkpoint.rootHash());
        } catch (TlogException e) {
            return "inclusion proof fails: " + e.getMessage();
        }
        return null;
    }

    /**
     * A code's proof bundle: null when it names the code, its entry's bytes name the GTIN and serial,
     * the entry is the proven leaf ({@code expectedIndex} when not negative) and the c2sp.org/tlog-proof
     * text verifies against a log key with the entry's own leaf hash; else why not.
     */
    String bundle(io.cloudsword.api.verification.v1.ProofBundle bundle, String gtin14, String serial,
            long expectedIndex) {
        if (!bundle.getGtin().equals(gtin14) || !bundle.getSerial().equals(serial)) {
            return "bundle names " + bundle.getGtin() + "/" + bundle.getSerial() + ", asked " + gtin14 + "/" + serial;
        }
        byte[] entry = bundle.getEntry().getData().toByteArray();
        if (!contains(entry, serial) || !contains(entry, gtin14)) {
            return "the entry's bytes do not name GTIN " + gtin14 + " and serial " + serial;
        }
        long index = bundle.getEntry().getIndex();
        if (expectedIndex >= 0 && index != expectedIndex) {
            return "bundle of entry " + index + ", the code's entry is " + expectedIndex;
        }
        byte[] leafHash = MerkleHash.leaf(entry);
        if (bundle.hasInclusionProof() && (bundle.getInclusionProof().getLeafIndex() != index
                || !Arrays.equals(bundle.getInclusionProof().getLeafHash().toByteArray(), leafHash))) {
            return "the bundle's inclusion proof is not of its entry";
        }
        String failure = null;
        for (NoteVerifier key : keys) {
            ProofBundle.Result result = ProofBundle.verify(bundle.getTlogProof(), leafHash, origin, key);
            if (result.valid()) {
                return result.index() == index ? null
                        : "tlog-proof of index " + result.index() + ", the entry is " + index;
            }
            failure = result.failure();
        }
        return "tlog-proof not valid: " + failure;
    }

    private Checkpoint open(String note) {
        TlogException last = null;
        for (NoteVerifier key : keys) {
            try {
                return Checkpoint.open(note, origin, key);
            } catch (TlogException e) {
                last = e;
            }
        }
        throw last;
    }

    static boolean contains(byte[] haystack, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
