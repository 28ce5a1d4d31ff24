package io.cloudsword.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import io.cloudsword.tlog.MerkleHash;
import io.cloudsword.tlog.NoteVerifier;
import io.cloudsword.tlog.ProofBundle;
import io.cloudsword.tlog.TlogException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks an offline proof bundle (c2sp.org/tlog-proof@v1) with no network: the checkpoint is
 * signed by the log's key, and the entry is in the tree that checkpoint commits to. The entry
 * travels in the bundle's {@code extra} line (what a customs officer or consumer is handed) or
 * comes from a separate file; either way only its hash is trusted, through the proof.
 */
@Command(name = "verify-proof", description = "Check an offline proof bundle against the log's public key, "
        + "with no network. Exit 0 when the entry is proven in a checkpoint signed by that key, 1 when not.")
class VerifyProofCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<bundle>", description = "the proof bundle file ('-' for standard input)")
    String bundle;

    @Option(names = "--key", required = true, paramLabel = "<public key>",
            description = "the log's verifier key: <name>+<hex key id>+<base64 key>, or a file holding it")
    String key;

    @Option(names = "--entry", paramLabel = "<file>",
            description = "the log entry, when the bundle does not carry it in its extra line")
    Path entry;

    @Option(names = "--origin", description = "the log's origin line (default: the key's name)")
    String origin;

    private final PrintStream out;

    VerifyProofCommand() {
        this(System.out);
    }

    VerifyProofCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        byte[] raw = "-".equals(bundle) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(bundle));
        String text;
        try {
            // strict: a bundle that is not UTF-8 was altered, it is not to be repaired into text
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return fail("malformed proof bundle: not UTF-8");
        }
        NoteVerifier logKey;
        ProofBundle parsed;
        try {
            logKey = NoteVerifier.parse(readKey(key));
            parsed = ProofBundle.parse(text);
        } catch (TlogException e) {
            return fail(e.getMessage());
        }
        byte[] entryBytes = entry != null ? Files.readAllBytes(entry) : parsed.extra();
        if (entryBytes == null) {
            return fail("the bundle carries no entry (no extra line); pass the entry with --entry");
        }
        ProofBundle.Result result = ProofBundle.verify(text, MerkleHash.leaf(entryBytes),
                origin != null ? origin : logKey.name(), logKey);
        if (!result.valid()) {
            return fail(result.failure());
        }
        out.println("VALID: entry " + result.index() + " of " + result.checkpoint().origin() + ", in the tree of size "
                + result.checkpoint().size() + " with root " + HexFormat.of().formatHex(result.checkpoint().rootHash())
                + ", signed by " + logKey.name());
        out.println("entry: " + describe(entryBytes));
        return 0;
    }

    private static String readKey(String value) throws IOException {
        Path file = Path.of(value);
        return !value.contains("+") && Files.isRegularFile(file) ? Files.readString(file).strip() : value.strip();
    }

    private Integer fail(String reason) {
        out.println("NOT VALID: " + reason);
        return 1;
    }

    /** The entry as text when it is text, else as hex: what the log vouches for. */
    private static String describe(byte[] entry) {
        String text = new String(entry, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(c -> c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && c != 0xfffd));
        return printable ? text : HexFormat.of().formatHex(entry);
    }
}
