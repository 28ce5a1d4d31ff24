package io.cloudsword.verification.grpc;

import static io.cloudsword.verification.grpc.CodesTestSupport.WAIT;
import static io.cloudsword.verification.grpc.CodesTestSupport.issued;
import static io.cloudsword.verification.grpc.CodesTestSupport.owner;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.verification.v1.CheckLogIntegrityRequest;
import io.cloudsword.api.verification.v1.CheckLogIntegrityResponse;
import io.cloudsword.api.verification.v1.Checkpoint;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.ConsistencyProof;
import io.cloudsword.api.verification.v1.GetCheckpointRequest;
import io.cloudsword.api.verification.v1.GetConsistencyProofRequest;
import io.cloudsword.api.verification.v1.GetInclusionProofRequest;
import io.cloudsword.api.verification.v1.GetInclusionProofResponse;
import io.cloudsword.api.verification.v1.GetLogEntriesRequest;
import io.cloudsword.api.verification.v1.GetLogInfoRequest;
import io.cloudsword.api.verification.v1.GetLogInfoResponse;
import io.cloudsword.api.verification.v1.GetProofBundleRequest;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.LogEntry;
import io.cloudsword.api.verification.v1.LogEntryType;
import io.cloudsword.api.verification.v1.ProofBundle;
import io.cloudsword.api.verification.v1.VerificationService;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.cloudsword.tlog.MerkleHash;
import io.cloudsword.tlog.MerkleTree;
import io.cloudsword.tlog.ProofVerifier;
import io.cloudsword.tlog.TileHashReader;
import io.cloudsword.tlog.TilePaths;
import io.cloudsword.verification.grpc.CodesTestSupport.Owner;
import io.cloudsword.verification.support.TestLogKeys;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class TransparencyLogTest {

    @GrpcClient("verification")
    VerificationService anonymous;

    @Inject
    Pool db;

    private Checkpoint checkpoint() {
        return anonymous.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).await().atMost(WAIT).getCheckpoint();
    }

    @Test
    void aCodesProofBundleVerifiesOfflineAndFailsAfterAnyByteChanges() {
        Owner owner = owner(anonymous, List.of());
        // more than a tile of codes, so the proof crosses stored and recomputed tiles
        CodeBatch batch = issued(owner, owner.gtin(), 700);
        IssuedCode code = CodesTestSupport.export(owner, batch.getId()).get(517);
        ProofBundle bundle = anonymous.getProofBundle(GetProofBundleRequest.newBuilder().setCode(code.getDigitalLink())
                .build()).await().atMost(WAIT).getBundle();
        assertEquals(batch.getFirstCodeLogIndex() + 517, bundle.getEntry().getIndex());
        assertEquals(LogEntryType.LOG_ENTRY_TYPE_CODE, bundle.getEntry().getType());
        String entry = bundle.getEntry().getData().toStringUtf8();
        assertTrue(entry.contains("01/" + batch.getGtin() + "/21/" + code.getSerial()), entry);

        String text = bundle.getTlogProof();
        byte[] leaf = MerkleHash.leaf(bundle.getEntry().getData().toByteArray());
        assertTrue(io.cloudsword.tlog.ProofBundle.verify(text, leaf, TestLogKeys.ORIGIN, TestLogKeys.VERIFIER).valid());
        // the bundle carries the entry: the offline verifier needs nothing else
        io.cloudsword.tlog.ProofBundle parsed = io.cloudsword.tlog.ProofBundle.parse(text);
        assertArrayEquals(bundle.getEntry().getData().toByteArray(), parsed.extra());

        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            String tampered = new String(changed, StandardCharsets.UTF_8);
            io.cloudsword.tlog.ProofBundle.Result result;
            try {
                io.cloudsword.tlog.ProofBundle p = io.cloudsword.tlog.ProofBundle.parse(tampered);
                result = io.cloudsword.tlog.ProofBundle.verify(tampered, p.extra() == null ? leaf : MerkleHash.leaf(p.extra()),
                        TestLogKeys.ORIGIN, TestLogKeys.VERIFIER);
            } catch (io.cloudsword.tlog.TlogException e) {
                continue; // does not even parse: rejected
            }
            assertFalse(result.valid(), "a change at byte " + i + " must be rejected");
        }
    }

    @Test
    void inclusionAndConsistencyProofsVerifyAgainstSignedCheckpoints() {
        Owner owner = owner(anonymous, List.of());
        CodeBatch first = issued(owner, owner.gtin(), 300);
        Checkpoint before = checkpoint();
        CodeBatch second = issued(owner, owner.gtin(), 40);
        Checkpoint after = checkpoint();
        assertTrue(after.getTreeSize() > before.getTreeSize());
        io.cloudsword.tlog.Checkpoint opened = io.cloudsword.tlog.Checkpoint.open(after.getSignedNote(), TestLogKeys.ORIGIN,
                TestLogKeys.VERIFIER);
        assertArrayEquals(after.getRootHash().toByteArray(), opened.rootHash());

        IssuedCode code = CodesTestSupport.export(owner, second.getId()).get(7);
        GetInclusionProofResponse proof = anonymous.getInclusionProof(GetInclusionProofRequest.newBuilder()
                .setCode(code.getDigitalLink()).build()).await().atMost(WAIT);
        assertEquals(second.getFirstCodeLogIndex() + 7, proof.getProof().getLeafIndex());
        ProofVerifier.verifyInclusion(proof.getProof().getLeafIndex(), proof.getProof().getTreeSize(),
                proof.getProof().getLeafHash().toByteArray(), bytes(proof.getProof().getHashesList()), opened.rootHash());

        // the batch commitment is an entry too, proven at an older size
        GetInclusionProofResponse commitment = anonymous.getInclusionProof(GetInclusionProofRequest.newBuilder()
                .setLeafIndex(first.getCommitmentLogIndex()).setTreeSize(before.getTreeSize()).build()).await().atMost(WAIT);
        ProofVerifier.verifyInclusion(first.getCommitmentLogIndex(), before.getTreeSize(),
                commitment.getProof().getLeafHash().toByteArray(), bytes(commitment.getProof().getHashesList()),
                before.getRootHash().toByteArray());
        LogEntry entry = anonymous.getLogEntries(GetLogEntriesRequest.newBuilder().setStartIndex(first.getCommitmentLogIndex())
                .setCount(1).build()).await().atMost(WAIT).getEntries(0);
        assertEquals(LogEntryType.LOG_ENTRY_TYPE_BATCH_COMMITMENT, entry.getType());
        assertTrue(entry.getData().toStringUtf8().contains("batch " + first.getId()));

        ConsistencyProof consistency = anonymous.getConsistencyProof(GetConsistencyProofRequest.newBuilder()
                .setFirstTreeSize(before.getTreeSize()).setSecondTreeSize(after.getTreeSize()).build()).await()
                .atMost(WAIT).getProof();
        ProofVerifier.verifyConsistency(before.getTreeSize(), after.getTreeSize(), before.getRootHash().toByteArray(),
                after.getRootHash().toByteArray(), bytes(consistency.getHashesList()));

        Refusals.assertRefused(ErrorDetail.class, Status.Code.OUT_OF_RANGE, "tree_size", "INVALID_TREE_SIZE",
                anonymous.getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(0)
                        .setTreeSize(after.getTreeSize() + 1000).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.OUT_OF_RANGE, "first_tree_size", "INVALID_TREE_SIZE",
                anonymous.getConsistencyProof(GetConsistencyProofRequest.newBuilder()
                        .setFirstTreeSize(after.getTreeSize() + 1).build()));
        GetLogInfoResponse info = anonymous.getLogInfo(GetLogInfoRequest.getDefaultInstance()).await().atMost(WAIT);
        assertEquals(TestLogKeys.ORIGIN, info.getOrigin());
        assertEquals(TestLogKeys.VERIFIER.keyString(), info.getKeys(0).getVkey());
    }

    @Test
    void theTilesServedOverHttpRebuildTheCheckpointsRoot() {
        Owner owner = owner(anonymous, List.of());
        issued(owner, owner.gtin(), 600);
        String note = given().get("/checkpoint").then().statusCode(200).extract().asString();
        io.cloudsword.tlog.Checkpoint cp = io.cloudsword.tlog.Checkpoint.open(note, TestLogKeys.ORIGIN, TestLogKeys.VERIFIER);
        TileHashReader reader = new TileHashReader(cp.size(), tile -> given().get("/" + tile.path()).then()
                .statusCode(200).extract().asByteArray());
        assertArrayEquals(cp.rootHash(), MerkleTree.root(reader, cp.size()));
        // entry bundles hash to the level-0 tile
        TilePaths.Tile tile0 = TilePaths.tileFor(0, 0, cp.size());
        List<byte[]> entries = TilePaths.decodeEntryBundle(given().get("/" + tile0.entriesPath()).then().statusCode(200)
                .extract().asByteArray(), tile0.width());
        List<byte[]> hashes = TilePaths.decodeHashTile(given().get("/" + tile0.path()).then().statusCode(200).extract()
                .asByteArray(), tile0.width());
        for (int i = 0; i < entries.size(); i++) {
            assertArrayEquals(hashes.get(i), MerkleHash.leaf(entries.get(i)));
        }
        given().get("/tile/0/x999/999").then().statusCode(404);
        given().get("/tile/0/abc").then().statusCode(400);
    }

    @Test
    void aTamperedEntryIsDetectedAndProofsAreRefusedUntilRepaired() {
        Owner owner = owner(anonymous, List.of());
        CodeBatch batch = issued(owner, owner.gtin(), 300);
        VerificationService admin = CodesTestSupport.as(anonymous, TestTokens.token("admin"));
        CheckLogIntegrityResponse clean = admin.checkLogIntegrity(CheckLogIntegrityRequest.getDefaultInstance()).await()
                .atMost(WAIT);
        assertTrue(clean.getConsistent(), clean.getProblem());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                owner.client().checkLogIntegrity(CheckLogIntegrityRequest.getDefaultInstance()));

        long index = batch.getCommitmentLogIndex();
        byte[] original = db.preparedQuery("SELECT data FROM log_entry WHERE idx = $1").execute(Tuple.of(index))
                .await().atMost(WAIT).iterator().next().getBuffer(0).getBytes();
        byte[] forged = new String(original, StandardCharsets.UTF_8).replace("quantity 300", "quantity 301")
                .getBytes(StandardCharsets.UTF_8);
        try {
            update(index, forged);
            CheckLogIntegrityResponse broken = admin.checkLogIntegrity(CheckLogIntegrityRequest.getDefaultInstance())
                    .await().atMost(WAIT);
            assertFalse(broken.getConsistent());
            assertTrue(broken.hasFirstBadIndex());
            assertTrue(broken.getFirstBadIndex() <= index, broken.toString());
            Refusals.assertRefused(ErrorDetail.class, Status.Code.DATA_LOSS, "", "LOG_INTEGRITY_FAILURE",
                    anonymous.getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(index).build()));
        } finally {
            update(index, original);
        }
        assertTrue(admin.checkLogIntegrity(CheckLogIntegrityRequest.getDefaultInstance()).await().atMost(WAIT)
                .getConsistent());
        anonymous.getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(index).build()).await().atMost(WAIT);
    }

    @Test
    void aTamperedTreeHashIsDetectedByTheIntegrityCheck() {
        Owner owner = owner(anonymous, List.of());
        issued(owner, owner.gtin(), 600); // at least two full level-0 tiles, so level-1 hashes are stored
        VerificationService admin = CodesTestSupport.as(anonymous, TestTokens.token("admin"));
        byte[] original = db.preparedQuery("SELECT hashes FROM log_tile WHERE level = 1 AND idx = 0").execute()
                .await().atMost(WAIT).iterator().next().getBuffer(0).getBytes();
        byte[] forged = original.clone();
        forged[40] ^= 0x01; // the second stored hash (entries 256..511)
        try {
            tile(forged);
            CheckLogIntegrityResponse broken = admin.checkLogIntegrity(CheckLogIntegrityRequest.getDefaultInstance())
                    .await().atMost(WAIT);
            assertFalse(broken.getConsistent());
            assertEquals(256, broken.getFirstBadIndex(), broken.toString());
            assertTrue(broken.getProblem().contains("256..511"), broken.getProblem());
        } finally {
            tile(original);
        }
        assertTrue(admin.checkLogIntegrity(CheckLogIntegrityRequest.getDefaultInstance()).await().atMost(WAIT)
                .getConsistent());
    }

    private void tile(byte[] hashes) {
        db.preparedQuery("UPDATE log_tile SET hashes = $1 WHERE level = 1 AND idx = 0")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hashes))).await().atMost(WAIT);
    }

    private void update(long index, byte[] data) {
        db.preparedQuery("UPDATE log_entry SET data = $1 WHERE idx = $2")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(data), index)).await().atMost(WAIT);
    }

    private static List<byte[]> bytes(List<ByteString> hashes) {
        return hashes.stream().map(ByteString::toByteArray).toList();
    }
}
