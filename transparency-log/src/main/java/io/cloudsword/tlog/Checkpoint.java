package io.cloudsword.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A c2sp.org/tlog-checkpoint: the note text {@code <origin>\n<tree size>\n<base64 root>\n}
 * followed by optional non-empty extension lines, signed as a {@link SignedNote}.
 */
public final class Checkpoint {

    private final String origin;
    private final long size;
    private final byte[] rootHash;
    private final List<String> extensions;

    public Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
        if (origin == null || origin.isEmpty()) {
            throw new TlogException("checkpoint origin must not be empty");
        }
        requireLine(origin, "checkpoint origin");
        MerkleTree.requireSize(size, "checkpoint tree size");
        MerkleHash.requireHash(rootHash, "checkpoint root hash");
        for (String extension : extensions) {
            if (extension.isEmpty()) {
                throw new TlogException("checkpoint extension lines must not be empty");
            }
            requireLine(extension, "checkpoint extension line");
        }
        this.origin = origin;
        this.size = size;
        this.rootHash = rootHash.clone();
        this.extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return size;
    }

    public byte[] rootHash() {
        return rootHash.clone();
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The note text that gets signed. */
    public String body() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Codec.base64(rootHash)).append('\n');
        extensions.forEach(e -> text.append(e).append('\n'));
        return text.toString();
    }

    /** The signed checkpoint, as served at {@code <prefix>/checkpoint}. */
    public String sign(NoteSigner... signers) {
        return SignedNote.sign(body(), signers);
    }

    /** Parses a note text (no signatures) strictly. */
    public static Checkpoint parseBody(String text) {
        SignedNote.requireText(text);
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new TlogException("checkpoint needs origin, tree size and root hash lines");
        }
        long size = Codec.decimal(lines[1], "checkpoint tree size");
        byte[] root = Codec.base64(lines[2], "checkpoint root hash");
        if (root.length != MerkleHash.SIZE) {
            throw new TlogException("checkpoint root hash is not " + MerkleHash.SIZE + " bytes");
        }
        return new Checkpoint(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
    }

    public static Checkpoint open(String note, String origin, NoteVerifier verifier) {
        return open(note.getBytes(StandardCharsets.UTF_8), origin, verifier);
    }

    /**
     * Verifies a signed checkpoint: it must carry a valid signature by verifier (other keys'
     * signatures are ignored) and name the expected origin.
     */
    public static Checkpoint open(byte[] note, String origin, NoteVerifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        SignedNote opened = SignedNote.open(note, List.of(verifier));
        Checkpoint checkpoint = parseBody(opened.text());
        if (!checkpoint.origin.equals(origin)) {
            throw new TlogException("checkpoint is for log " + Codec.abbreviate(checkpoint.origin) + ", expected " + origin);
        }
        return checkpoint;
    }

    private static void requireLine(String line, String what) {
        if (line.indexOf('\n') >= 0) {
            throw new TlogException(what + " must be a single line");
        }
        Codec.requireNoControl(line, what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
                && Arrays.equals(c.rootHash, rootHash) && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return body();
    }
}
