package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import com.google.protobuf.ByteString;

import io.cloudsword.api.verification.v1.Checkpoint;
import io.cloudsword.api.verification.v1.ConsistencyProof;
import io.cloudsword.api.verification.v1.GetInclusionProofResponse;
import io.cloudsword.api.verification.v1.GetLogInfoResponse;
import io.cloudsword.api.verification.v1.LogEntry;
import io.cloudsword.api.verification.v1.LogVerifierKey;
import io.cloudsword.api.verification.v1.ProofBundle;

/** The transparency log's types in the graph (RFC 9162, C2SP). Hashes and keys are standard base64. */
final class LogViews {
    private LogViews() {
    }

    static String base64(ByteString bytes) {
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @Name("Checkpoint")
    @Description("A signed checkpoint (c2sp.org/tlog-checkpoint).")
    public static class CheckpointView {
        @Description("Origin line, e.g. cloudsword.example/log")
        @NonNull
        public String origin;
        @Description("Number of entries in the log tree this checkpoint commits to.")
        public long treeSize;
        @Description("SHA-256 root hash, base64")
        @NonNull
        public String rootHash;
        @Description("The signed note exactly as signed and served at /checkpoint: verify these bytes, not the parsed "
                + "fields.")
        @NonNull
        public String signedNote;
        public Instant publishedAt;

        static CheckpointView of(boolean present, Checkpoint c) {
            if (!present) {
                return null;
            }
            CheckpointView v = new CheckpointView();
            v.origin = c.getOrigin();
            v.treeSize = c.getTreeSize();
            v.rootHash = base64(c.getRootHash());
            v.signedNote = c.getSignedNote();
            v.publishedAt = Times.ofOptional(c.hasPublishedAt(), c.getPublishedAt());
            return v;
        }
    }

    @Name("LogVerifierKey")
    @Description("An Ed25519 key that signs checkpoints.")
    public static class VerifierKeyView {
        @Description("Key name as in the signature lines.")
        @NonNull
        public String name;
        @Description("32-byte Ed25519 public key, base64")
        @NonNull
        public String publicKey;
        @Description("First 4 bytes of SHA-256(name || 0x0A || 0x01 || public key), base64")
        @NonNull
        public String keyId;
        @Description("Note verifier key <name>+<hex key id>+<base64(0x01 || key)>, for `cloudsword verify-proof --key`")
        @NonNull
        public String vkey;
        @Description("True for the key that signs new checkpoints; retired keys still verify old ones.")
        public boolean active;

        static VerifierKeyView of(LogVerifierKey k) {
            VerifierKeyView v = new VerifierKeyView();
            v.name = k.getName();
            v.publicKey = base64(k.getPublicKey());
            v.keyId = base64(k.getKeyId());
            v.vkey = k.getVkey();
            v.active = k.getActive();
            return v;
        }
    }

    @Description("What a verifier needs to check proofs offline: the log's origin, its signing keys and the "
            + "latest checkpoint. Public.")
    @Name("LogInfo")
    public static class LogInfoView {
        @Description("The log's origin line, e.g. cloudsword.example/log: the first line of every checkpoint.")
        @NonNull
        public String origin;
        @Description("Every key that has signed checkpoints, active or retired.")
        @NonNull
        public List<@NonNull VerifierKeyView> keys;
        @Description("The latest checkpoint; null before the first one is published.")
        public CheckpointView checkpoint;

        static LogInfoView of(GetLogInfoResponse r) {
            LogInfoView v = new LogInfoView();
            v.origin = r.getOrigin();
            v.keys = r.getKeysList().stream().map(VerifierKeyView::of).toList();
            v.checkpoint = CheckpointView.of(r.hasCheckpoint(), r.getCheckpoint());
            return v;
        }
    }

    @Name("InclusionProof")
    @Description("RFC 9162 2.1.3 inclusion proof of one entry in the tree of treeSize.")
    public static class InclusionProofView {
        @Description("Index of the entry in the log (0-based).")
        public long leafIndex;
        @Description("Size of the tree the proof is against.")
        public long treeSize;
        @Description("SHA-256(0x00 || entry), base64")
        @NonNull
        public String leafHash;
        @Description("Audit path from the leaf's sibling up to the root's child, base64 each.")
        @NonNull
        public List<@NonNull String> hashes;
        @Description("The checkpoint of treeSize when it is a published one (always when treeSize was not given).")
        public CheckpointView checkpoint;

        static InclusionProofView of(io.cloudsword.api.verification.v1.InclusionProof p, CheckpointView checkpoint) {
            InclusionProofView v = new InclusionProofView();
            v.leafIndex = p.getLeafIndex();
            v.treeSize = p.getTreeSize();
            v.leafHash = base64(p.getLeafHash());
            v.hashes = p.getHashesList().stream().map(LogViews::base64).toList();
            v.checkpoint = checkpoint;
            return v;
        }

        static InclusionProofView of(GetInclusionProofResponse r) {
            return of(r.getProof(), CheckpointView.of(r.hasCheckpoint(), r.getCheckpoint()));
        }
    }

    @Name("ConsistencyProof")
    @Description("RFC 9162 2.1.4 consistency proof between two tree sizes.")
    public static class ConsistencyProofView {
        @Description("The smaller tree size the proof starts from.")
        public long firstTreeSize;
        @Description("The larger tree size the proof shows extends the first one.")
        public long secondTreeSize;
        @Description("Proof nodes, base64 each.")
        @NonNull
        public List<@NonNull String> hashes;

        static ConsistencyProofView of(ConsistencyProof p) {
            ConsistencyProofView v = new ConsistencyProofView();
            v.firstTreeSize = p.getFirstTreeSize();
            v.secondTreeSize = p.getSecondTreeSize();
            v.hashes = p.getHashesList().stream().map(LogViews::base64).toList();
            return v;
        }
    }

    @Description("One entry of the transparency log: its position, type and exact bytes.")
    @Name("LogEntry")
    public static class LogEntryView {
        @Description("Position of the entry in the log (0-based).")
        public long index;
        @Description("BATCH_COMMITMENT, CODE, LIFECYCLE_EVENT or KEY_ROTATION")
        @NonNull
        public String type;
        @Description("The exact entry bytes, base64; leaf hash = SHA-256(0x00 || data).")
        @NonNull
        public String data;
        public Instant integratedAt;

        static LogEntryView of(LogEntry e) {
            LogEntryView v = new LogEntryView();
            v.index = e.getIndex();
            v.type = Enums.name(e.getType(), "LOG_ENTRY_TYPE_");
            v.data = base64(e.getData());
            v.integratedAt = Times.ofOptional(e.hasIntegratedAt(), e.getIntegratedAt());
            return v;
        }
    }

    @Name("ProofBundle")
    @Description("An offline proof (c2sp.org/tlog-proof) binding one code to a signed checkpoint.")
    public static class ProofBundleView {
        @Description("The code (GS1 Digital Link URI) the bundle proves.")
        @NonNull
        public String code;
        @Description("GTIN-14")
        @NonNull
        public String gtin;
        @Description("The code's serial (AI 21), decoded.")
        @NonNull
        public String serial;
        @Description("The code's transparency-log entry.")
        @NonNull
        public LogEntryView entry;
        @Description("Proof that the entry is in the tree of the checkpoint.")
        @NonNull
        public InclusionProofView inclusionProof;
        @Description("The signed checkpoint the inclusion proof leads to.")
        @NonNull
        public CheckpointView checkpoint;
        @Description("The whole bundle in the c2sp.org/tlog-proof text form: save it to a file and check it with "
                + "`cloudsword verify-proof <file> --key <vkey>`, with no network.")
        @NonNull
        public String tlogProof;

        static ProofBundleView of(ProofBundle b) {
            ProofBundleView v = new ProofBundleView();
            v.code = b.getCode();
            v.gtin = b.getGtin();
            v.serial = b.getSerial();
            v.entry = LogEntryView.of(b.getEntry());
            v.checkpoint = CheckpointView.of(true, b.getCheckpoint());
            v.inclusionProof = InclusionProofView.of(b.getInclusionProof(), v.checkpoint);
            v.tlogProof = b.getTlogProof();
            return v;
        }
    }
}
