package io.cloudsword.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An offline proof that an entry is in the log, in the c2sp.org/tlog-proof@v1 text format:
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;            (optional, unauthenticated)
 * index &lt;leaf index&gt;
 * &lt;base64 hash&gt;               (inclusion proof, leaf's sibling first, one per line)
 *
 * &lt;signed checkpoint, verbatim&gt;
 * </pre>
 *
 * Like a detached signature it does not carry the entry: the verifier hashes the entry it holds
 * (for example the scanned code's record) and checks it against the proof.
 *
 * @param extra opaque data, or null when the bundle has no extra line; never trust it unverified
 */
public record ProofBundle(long index, List<byte[]> proof, String checkpoint, byte[] extra) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";
    private static final int MAX_PROOF_HASHES = 63;

    public ProofBundle {
        if (index < 0) {
            throw new TlogException("leaf index " + index + " is negative");
        }
        proof = List.copyOf(proof);
        proof.forEach(h -> MerkleHash.requireHash(h, "proof hash"));
        if (proof.size() > MAX_PROOF_HASHES) {
            throw new TlogException("inclusion proof has more than " + MAX_PROOF_HASHES + " hashes");
        }
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (!checkpoint.endsWith("\n")) {
            throw new TlogException("signed checkpoint must end with a newline");
        }
        extra = extra == null ? null : extra.clone();
    }

    public ProofBundle(long index, List<byte[]> proof, String checkpoint) {
        this(index, proof, checkpoint, null);
    }

    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    /** The outcome of {@link #verify}: valid with what was proven, or the reason it is not. */
    public record Result(boolean valid, String failure, long index, Checkpoint checkpoint) {

        static Result ok(long index, Checkpoint checkpoint) {
            return new Result(true, null, index, checkpoint);
        }

        static Result fail(String failure) {
            return new Result(false, failure, -1, null);
        }
    }

    public String encode() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            text.append("extra ").append(Codec.base64(extra)).append('\n');
        }
        text.append("index ").append(index).append('\n');
        proof.forEach(h -> text.append(Codec.base64(h)).append('\n'));
        return text.append('\n').append(checkpoint).toString();
    }

    /** Parses the text format strictly; the checkpoint is kept verbatim, not yet verified. */
    public static ProofBundle parse(String text) {
        if (text == null) {
            throw new TlogException("proof bundle is missing");
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new TlogException("proof bundle has no blank line before the checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n", -1);
        String checkpoint = text.substring(blank + 2);
        if (!lines[0].equals(HEADER)) {
            throw new TlogException("proof bundle does not start with " + HEADER);
        }
        int at = 1;
        byte[] extra = null;
        if (at < lines.length && lines[at].startsWith("extra ")) {
            extra = Codec.base64(lines[at].substring("extra ".length()), "extra data");
            at++;
        }
        if (at >= lines.length || !lines[at].startsWith("index ")) {
            throw new TlogException("proof bundle has no index line");
        }
        long index = Codec.decimal(lines[at].substring("index ".length()), "leaf index");
        at++;
        List<byte[]> proof = new ArrayList<>();
        for (; at < lines.length; at++) {
            byte[] hash = Codec.base64(lines[at], "proof hash " + proof.size());
            if (hash.length != MerkleHash.SIZE) {
                throw new TlogException("proof hash " + proof.size() + " is not " + MerkleHash.SIZE + " bytes");
            }
            proof.add(hash);
        }
        if (checkpoint.isEmpty()) {
            throw new TlogException("proof bundle has no checkpoint");
        }
        return new ProofBundle(index, proof, checkpoint, extra);
    }

    /** Verifies with the log's key, taking the key name as the log origin (tlog-checkpoint advice). */
    public static Result verify(String bundle, byte[] leafHash, NoteVerifier logKey) {
        return verify(bundle, leafHash, logKey.name(), logKey);
    }

    /**
     * Checks, with no network, that the entry with this leaf hash is at the bundle's index in the
     * tree of a checkpoint signed by logKey for the given origin.
     */
    public static Result verify(String bundle, byte[] leafHash, String origin, NoteVerifier logKey) {
        ProofBundle parsed;
        try {
            parsed = parse(bundle);
        } catch (TlogException e) {
            return Result.fail("malformed proof bundle: " + e.getMessage());
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(parsed.checkpoint, origin, logKey);
        } catch (TlogException e) {
            return Result.fail("checkpoint not accepted: " + e.getMessage());
        }
        try {
            ProofVerifier.verifyInclusion(parsed.index, checkpoint.size(), leafHash, parsed.proof, checkpoint.rootHash());
        } catch (TlogException e) {
            return Result.fail("entry not proven in the log: " + e.getMessage());
        }
        return Result.ok(parsed.index, checkpoint);
    }
}
