package io.cloudsword.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A c2sp.org/signed-note: UTF-8 text ending in a newline, a blank line, then one or more lines
 * {@code — <key name> <base64(4-byte key id ‖ signature)>}. {@link #open} is strict in the way
 * golang.org/x/mod/sumdb/note is: any syntax error rejects the note, signatures by unknown keys
 * are set aside, a known key's bad signature rejects the note, and a note with no valid
 * signature from a known key is rejected.
 *
 * @param text the signed text, including its final newline
 * @param signatures the verified signatures, in note order, one per key
 * @param unverified signatures by keys the caller did not pass (ignored, kept for re-signing)
 */
public record SignedNote(String text, List<Signature> signatures, List<Signature> unverified) {

    /** A note accepts at most this many signature lines (the spec asks for at least 16). */
    public static final int MAX_SIGNATURES = 100;

    static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line: key name, key id and the raw signature bytes (without the key id). */
    public record Signature(String name, int keyId, byte[] signature) {

        public Signature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        String line() {
            byte[] raw = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return SIGNATURE_PREFIX + name + " " + Codec.base64(raw) + "\n";
        }

        @Override
        public String toString() {
            return name + "+" + NoteVerifier.hexKeyId(keyId);
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
        unverified = List.copyOf(unverified);
    }

    /** Signs text (which must end in a newline) with each signer, in order. */
    public static String sign(String text, NoteSigner... signers) {
        requireText(text);
        if (signers.length == 0) {
            throw new TlogException("a signed note needs at least one signature");
        }
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder note = new StringBuilder(text).append('\n');
        for (NoteSigner signer : signers) {
            note.append(new Signature(signer.name(), signer.keyId(), signer.sign(msg)).line());
        }
        return note.toString();
    }

    public static SignedNote open(String note, Collection<NoteVerifier> known) {
        return open(note.getBytes(StandardCharsets.UTF_8), known);
    }

    /** Parses and verifies a note; see the class comment for what is rejected. */
    public static SignedNote open(byte[] note, Collection<NoteVerifier> known) {
        String msg = Codec.utf8(note, "note");
        Codec.requireNoControl(msg, "note");
        int split = msg.lastIndexOf("\n\n");
        if (split < 0) {
            throw new TlogException("note has no blank line before its signatures");
        }
        String text = msg.substring(0, split + 1);
        String block = msg.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new TlogException("note signatures must be newline-terminated lines");
        }
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        List<Signature> verified = new ArrayList<>();
        List<Signature> unverified = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new TlogException("note has more than " + MAX_SIGNATURES + " signatures");
        }
        for (String line : lines) {
            Signature sig = parseLine(line);
            String id = sig.toString();
            List<NoteVerifier> matches = known.stream()
                    .filter(v -> v.name().equals(sig.name()) && v.keyId() == sig.keyId())
                    .toList();
            if (matches.size() > 1) {
                throw new TlogException("ambiguous key " + id + ": configured more than once");
            }
            if (!seen.add(id + " " + line)) {
                continue;
            }
            if (matches.isEmpty()) {
                unverified.add(sig);
                continue;
            }
            if (verified.stream().anyMatch(v -> v.toString().equals(id))) {
                continue;
            }
            if (!matches.get(0).verify(textBytes, sig.signature)) {
                throw new TlogException("invalid signature for key " + id);
            }
            verified.add(sig);
        }
        if (verified.isEmpty()) {
            throw new TlogException("note has no valid signature from a known key");
        }
        return new SignedNote(text, verified, unverified);
    }

    private static Signature parseLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new TlogException("note signature line must start with an em dash and a space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new TlogException("note signature line must be \u2014 <key name> <signature>");
        }
        String name = rest.substring(0, space);
        if (!Codec.isValidKeyName(name)) {
            throw new TlogException("note signature has an invalid key name");
        }
        byte[] raw = Codec.base64(rest.substring(space + 1), "note signature");
        if (raw.length < 5) {
            throw new TlogException("note signature is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        int keyId = buffer.getInt();
        byte[] signature = new byte[buffer.remaining()];
        buffer.get(signature);
        return new Signature(name, keyId, signature);
    }

    static void requireText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new TlogException("note text must end with a newline");
        }
        Codec.requireNoControl(text, "note text");
    }
}
