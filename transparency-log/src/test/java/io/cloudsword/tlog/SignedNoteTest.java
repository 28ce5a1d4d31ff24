package io.cloudsword.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors from golang.org/x/mod/sumdb/note (note_test.go), which c2sp.org/signed-note formalises. */
class SignedNoteTest {

    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void keyStringsRoundTripAndMatchTheGoImplementation() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);
        assertEquals("PeterNeumann", signer.name());
        assertEquals(0xc74f20a3, signer.keyId());
        assertEquals(PETER_VKEY, signer.verifier().keyString());
        assertEquals(PETER_SKEY, signer.keyString());
        NoteVerifier verifier = NoteVerifier.parse(PETER_VKEY);
        assertEquals(0xc74f20a3, verifier.keyId());
        assertEquals(PETER_VKEY, verifier.keyString());
        assertEquals(0xaf0cfe78, NoteVerifier.parse(ENOCH_VKEY).keyId());

        NoteSigner fresh = NoteSigner.generate("example.com/log");
        assertEquals(fresh.keyString(), NoteSigner.parse(fresh.keyString()).keyString());
        assertEquals(fresh.verifier().keyString(), NoteVerifier.parse(fresh.verifier().keyString()).keyString());
    }

    @Test
    void mangledKeyStringsAreRejected() {
        for (int i = 0; i <= PETER_VKEY.length(); i++) {
            for (int j = i + 1; j <= PETER_VKEY.length(); j += 7) {
                if (i != 0 || j != PETER_VKEY.length()) {
                    String part = PETER_VKEY.substring(i, j);
                    assertThrows(TlogException.class, () -> NoteVerifier.parse(part), part);
                }
            }
        }
        char[] chars = PETER_VKEY.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String changed = new String(chars);
            assertThrows(TlogException.class, () -> NoteVerifier.parse(changed), changed);
            chars[i]--;
        }
        // Wrong key length and unknown algorithm, each with a matching key id.
        assertThrows(TlogException.class, () -> NoteVerifier.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
        assertThrows(TlogException.class, () -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        assertThrows(TlogException.class, () -> NoteSigner.parse(PETER_SKEY.replace("c74f20a3", "c74f20a4")));
        assertThrows(TlogException.class, () -> NoteSigner.parse(PETER_SKEY.substring("PRIVATE+KEY+".length())));
        assertThrows(TlogException.class, () -> NoteSigner.parse(PETER_SKEY.replace("PeterNeumann", "Peter Neumann")));
    }

    @Test
    void signsExactlyLikeTheGoImplementation() {
        String note = SignedNote.sign(TEXT, NoteSigner.parse(PETER_SKEY));
        assertEquals(TEXT + "\n" + PETER_SIG, note);
        assertThrows(TlogException.class, () -> SignedNote.sign("abc", NoteSigner.parse(PETER_SKEY)));
    }

    @Test
    void opensWithKnownKeysAndIgnoresUnknownOnes() {
        NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
        NoteVerifier enoch = NoteVerifier.parse(ENOCH_VKEY);
        String both = TEXT + "\n" + PETER_SIG + ENOCH_SIG;

        SignedNote onlyPeter = SignedNote.open(both, List.of(peter));
        assertEquals(TEXT, onlyPeter.text());
        assertEquals(List.of("PeterNeumann+c74f20a3"), onlyPeter.signatures().stream().map(Object::toString).toList());
        assertEquals(List.of("EnochRoot+af0cfe78"), onlyPeter.unverified().stream().map(Object::toString).toList());

        SignedNote twice = SignedNote.open(both, List.of(peter, enoch));
        assertEquals(2, twice.signatures().size());
        assertTrue(twice.unverified().isEmpty());

        TlogException none = assertThrows(TlogException.class, () -> SignedNote.open(both, List.of()));
        assertEquals("note has no valid signature from a known key", none.getMessage());
        assertThrows(TlogException.class, () -> SignedNote.open(TEXT + "\n" + ENOCH_SIG, List.of(peter)));
        // A duplicated configured key is ambiguous only when a signature uses it.
        assertThrows(TlogException.class, () -> SignedNote.open(TEXT + "\n" + ENOCH_SIG, List.of(enoch, peter, enoch)));
        SignedNote.open(TEXT + "\n" + PETER_SIG, List.of(enoch, peter, enoch));
        // Repeated signatures are dropped, not double-counted.
        assertEquals(1, SignedNote.open(TEXT + "\n" + PETER_SIG + PETER_SIG, List.of(peter)).signatures().size());
    }

    @Test
    void rejectsWrongSignaturesAndKeys() {
        NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
        String corrupted = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        TlogException e = assertThrows(TlogException.class, () -> SignedNote.open(corrupted, List.of(peter)));
        assertEquals("invalid signature for key PeterNeumann+c74f20a3", e.getMessage());
        // Same text changed after signing.
        assertThrows(TlogException.class, () -> SignedNote.open(TEXT.replace("cryptography", "cryptographY") + "\n" + PETER_SIG, List.of(peter)));
        // A different key that claims Peter's name: its key id differs, so Peter's signature is unknown to it.
        NoteSigner impostor = NoteSigner.generate("PeterNeumann");
        assertThrows(TlogException.class, () -> SignedNote.open(TEXT + "\n" + PETER_SIG, List.of(impostor.verifier())));
        assertThrows(TlogException.class, () -> SignedNote.open(SignedNote.sign(TEXT, impostor), List.of(peter)));
    }

    @Test
    void rejectsMalformedNotes() {
        NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
        List<String> bad = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + PETER_SIG.replace("\u2014", "-"),
                TEXT + "\n" + PETER_SIG.replace("AM=", "AM"),
                TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES + 1));
        for (String note : bad) {
            assertThrows(TlogException.class, () -> SignedNote.open(note, List.of(peter)), note);
        }
        byte[] invalidUtf8 = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        invalidUtf8[0] = (byte) 0xff;
        assertThrows(TlogException.class, () -> SignedNote.open(invalidUtf8, List.of(peter)));
    }

    @Test
    void checkpointSignedThenOpened() {
        NoteSigner log = NoteSigner.generate("example.com/cloudsword");
        byte[] root = TestVectors.ROOTS.get(7);
        Checkpoint checkpoint = new Checkpoint("example.com/cloudsword", 7, root);
        String note = checkpoint.sign(log);
        assertTrue(note.startsWith("example.com/cloudsword\n7\n3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=\n\n"), note);
        assertTrue(note.contains("\n\n\u2014 example.com/cloudsword "));

        Checkpoint opened = Checkpoint.open(note, "example.com/cloudsword", log.verifier());
        assertEquals(checkpoint, opened);
        assertArrayEquals(root, opened.rootHash());

        // A witness's extra signature is ignored.
        NoteSigner witness = NoteSigner.generate("witness.example");
        String cosigned = SignedNote.sign(checkpoint.body(), log, witness);
        assertEquals(checkpoint, Checkpoint.open(cosigned, "example.com/cloudsword", log.verifier()));
        // Signed only by the witness: not the log's checkpoint.
        assertThrows(TlogException.class, () -> Checkpoint.open(SignedNote.sign(checkpoint.body(), witness),
                "example.com/cloudsword", log.verifier()));
        // Another key with the log's name.
        NoteSigner other = NoteSigner.generate("example.com/cloudsword");
        assertThrows(TlogException.class, () -> Checkpoint.open(note, "example.com/cloudsword", other.verifier()));
        // Wrong origin.
        TlogException e = assertThrows(TlogException.class, () -> Checkpoint.open(note, "example.com/other", log.verifier()));
        assertTrue(e.getMessage().contains("expected example.com/other"), e.getMessage());
        // Tampered size or root.
        assertThrows(TlogException.class, () -> Checkpoint.open(note.replaceFirst("\n7\n", "\n8\n"),
                "example.com/cloudsword", log.verifier()));

        Checkpoint extended = new Checkpoint("example.com/cloudsword", 7, root, List.of("ext one", "ext two"));
        assertEquals(extended, Checkpoint.open(extended.sign(log), "example.com/cloudsword", log.verifier()));
    }

    @Test
    void rejectsMalformedCheckpointBodies() {
        String root = "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=";
        assertEquals(7, Checkpoint.parseBody("o\n7\n" + root + "\n").size());
        assertEquals(0, Checkpoint.parseBody("o\n0\n" + root + "\n").size());
        List<String> bad = List.of(
                "o\n7\n",
                "o\n07\n" + root + "\n",
                "o\n-7\n" + root + "\n",
                "o\n+7\n" + root + "\n",
                "o\n 7\n" + root + "\n",
                "o\n99999999999999999999\n" + root + "\n",
                "o\n7\n" + root.substring(4) + "\n",
                "o\n7\nAAAA\n",
                "o\n7\n" + root,
                "\n7\n" + root + "\n",
                "o\n7\n" + root + "\n\nextension after empty line\n");
        for (String body : bad) {
            assertThrows(TlogException.class, () -> Checkpoint.parseBody(body), body);
        }
    }
}
