package io.cloudsword.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cloudsword.tlog.Checkpoint;
import io.cloudsword.tlog.MemoryHashStore;
import io.cloudsword.tlog.MerkleTree;
import io.cloudsword.tlog.NoteSigner;
import io.cloudsword.tlog.ProofBundle;
import picocli.CommandLine;

/** `./cloudsword verify-proof`: a bundle made by a real (in-memory) log, then tampered with. */
class VerifyProofCommandTest {

    private static final String ORIGIN = "verify.cloudsword.example/log";
    private static final String CODE = "https://id.cloudsword.example/01/06291041500213/21/AbCdEfGhIjKlMnOpQrSt";

    @TempDir
    Path dir;

    private final NoteSigner logKey = NoteSigner.generate(ORIGIN);
    private final MemoryHashStore log = new MemoryHashStore();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private String checkpoint;

    @BeforeEach
    void fillTheLog() {
        for (int i = 0; i < 1000; i++) {
            log.append(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        log.append(CODE.getBytes(StandardCharsets.UTF_8)); // index 1000
        for (int i = 0; i < 300; i++) {
            log.append(("later " + i).getBytes(StandardCharsets.UTF_8));
        }
        checkpoint = new Checkpoint(ORIGIN, log.size(), log.root()).sign(logKey);
    }

    private Path bundle(long index, byte[] extra) throws IOException {
        String text = new ProofBundle(index, MerkleTree.inclusionProof(log, index, log.size()), checkpoint, extra).encode();
        return Files.writeString(dir.resolve("bundle-" + index + ".txt"), text);
    }

    private int run(String... args) {
        return new CommandLine(new VerifyProofCommand(new PrintStream(output, true, StandardCharsets.UTF_8)))
                .execute(args);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBundleCarryingItsEntryVerifiesWithTheLogsKeyAlone() throws IOException {
        Path file = bundle(1000, CODE.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, run(file.toString(), "--key", logKey.verifier().keyString()), printed());
        assertTrue(printed().contains("VALID: entry 1000 of " + ORIGIN + ", in the tree of size 1301"), printed());
        assertTrue(printed().contains("entry: " + CODE), printed());
    }

    @Test
    void theKeyMayComeFromAFileAndTheEntryFromAnother() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("log.pub"), logKey.verifier().keyString() + "\n");
        Path entry = Files.writeString(dir.resolve("entry"), CODE);
        assertEquals(0, run(bundle(1000, null).toString(), "--key", keyFile.toString(), "--entry", entry.toString()),
                printed());
    }

    @Test
    void anotherEntryAtThatIndexIsNotProven() throws IOException {
        Path forged = bundle(1000, (CODE.substring(0, CODE.length() - 1) + "X").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, run(forged.toString(), "--key", logKey.verifier().keyString()));
        assertTrue(printed().contains("NOT VALID: entry not proven in the log"), printed());
    }

    @Test
    void aBundleThatIsNoLongerUtf8IsRefusedWithAReason() throws IOException {
        Path file = bundle(1000, CODE.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] ^= (byte) 0x80;
        Files.write(file, bytes);
        assertEquals(1, run(file.toString(), "--key", logKey.verifier().keyString()));
        assertTrue(printed().contains("NOT VALID: malformed proof bundle: not UTF-8"), printed());
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws IOException {
        NoteSigner impostor = NoteSigner.generate(ORIGIN);
        assertEquals(1, run(bundle(1000, CODE.getBytes(StandardCharsets.UTF_8)).toString(), "--key",
                impostor.verifier().keyString()));
        assertTrue(printed().contains("NOT VALID: checkpoint not accepted"), printed());
    }

    @Test
    void aTamperedCheckpointOrAGarbledBundleIsRefused() throws IOException {
        Path file = bundle(1000, CODE.getBytes(StandardCharsets.UTF_8));
        String text = Files.readString(file).replace("\n1301\n", "\n1302\n");
        Files.writeString(file, text);
        assertEquals(1, run(file.toString(), "--key", logKey.verifier().keyString()));
        assertTrue(printed().contains("NOT VALID"), printed());

        Path garbage = Files.writeString(dir.resolve("garbage"), "hello\n\nworld\n");
        assertEquals(1, run(garbage.toString(), "--key", logKey.verifier().keyString()));
        assertTrue(printed().contains("NOT VALID: malformed proof bundle") || printed().contains("NOT VALID: proof bundle"),
                printed());
    }

    @Test
    void aBundleWithoutItsEntryNamesWhatIsMissing() throws IOException {
        assertEquals(1, run(bundle(1000, null).toString(), "--key", logKey.verifier().keyString()));
        assertTrue(printed().contains("--entry"), printed());
    }
}
