package io.cloudsword.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.common.v1.Actor;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.api.verification.v1.BatchProgress;
import io.cloudsword.api.verification.v1.BatchVerifyRequest;
import io.cloudsword.api.verification.v1.BatchVerifyResponse;
import io.cloudsword.api.verification.v1.BusinessStep;
import io.cloudsword.api.verification.v1.Checkpoint;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.CodeKey;
import io.cloudsword.api.verification.v1.CodeKeyStatus;
import io.cloudsword.api.verification.v1.CodeLifecycleStatus;
import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.CodeVerificationResult;
import io.cloudsword.api.verification.v1.ConsistencyProof;
import io.cloudsword.api.verification.v1.CreateCodeBatchRequest;
import io.cloudsword.api.verification.v1.CreateCodeBatchResponse;
import io.cloudsword.api.verification.v1.ExportCodesRequest;
import io.cloudsword.api.verification.v1.ExportCodesResponse;
import io.cloudsword.api.verification.v1.GetCheckpointRequest;
import io.cloudsword.api.verification.v1.GetCheckpointResponse;
import io.cloudsword.api.verification.v1.GetCodeBatchRequest;
import io.cloudsword.api.verification.v1.GetCodeBatchResponse;
import io.cloudsword.api.verification.v1.GetConsistencyProofRequest;
import io.cloudsword.api.verification.v1.GetConsistencyProofResponse;
import io.cloudsword.api.verification.v1.GetInclusionProofRequest;
import io.cloudsword.api.verification.v1.GetInclusionProofResponse;
import io.cloudsword.api.verification.v1.GetLogInfoRequest;
import io.cloudsword.api.verification.v1.GetLogInfoResponse;
import io.cloudsword.api.verification.v1.GetProofBundleRequest;
import io.cloudsword.api.verification.v1.GetProofBundleResponse;
import io.cloudsword.api.verification.v1.InclusionProof;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.LifecycleAction;
import io.cloudsword.api.verification.v1.LifecycleEvent;
import io.cloudsword.api.verification.v1.ListCodeBatchesRequest;
import io.cloudsword.api.verification.v1.ListCodeBatchesResponse;
import io.cloudsword.api.verification.v1.ListCodeKeysRequest;
import io.cloudsword.api.verification.v1.ListCodeKeysResponse;
import io.cloudsword.api.verification.v1.ListLifecycleEventsRequest;
import io.cloudsword.api.verification.v1.ListLifecycleEventsResponse;
import io.cloudsword.api.verification.v1.ListScansRequest;
import io.cloudsword.api.verification.v1.ListScansResponse;
import io.cloudsword.api.verification.v1.LogEntry;
import io.cloudsword.api.verification.v1.LogEntryType;
import io.cloudsword.api.verification.v1.LogVerifierKey;
import io.cloudsword.api.verification.v1.ProofBundle;
import io.cloudsword.api.verification.v1.RecordLifecycleEventRequest;
import io.cloudsword.api.verification.v1.RecordLifecycleEventResponse;
import io.cloudsword.api.verification.v1.RotateCodeKeyRequest;
import io.cloudsword.api.verification.v1.RotateCodeKeyResponse;
import io.cloudsword.api.verification.v1.Scan;
import io.cloudsword.api.verification.v1.ScanContext;
import io.cloudsword.api.verification.v1.SuspectReason;
import io.cloudsword.api.verification.v1.SuspectReasonCode;
import io.cloudsword.api.verification.v1.Verdict;
import io.cloudsword.api.verification.v1.VerificationServiceGrpc;
import io.cloudsword.api.verification.v1.VerifyRequest;
import io.cloudsword.api.verification.v1.VerifyResponse;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in verification-service on a real gRPC port, answering as verification.proto says:
 * owner checks from the forwarded token, ErrorDetail on refusals, per-item errors in batches.
 * Its rules are deliberately simple (a code is SUSPECT after a DELETE event or past
 * {@link #SCAN_LIMIT} scans) but come from the calls the gateway makes, not from hard-coded
 * answers. The real service is exercised by its own tests and by cli's end-to-end test.
 */
public class FakeVerification implements QuarkusTestResourceLifecycleManager {

    static final int SCAN_LIMIT = 5;
    /** Export pages are this small in tests, so a download of a few dozen codes takes several calls. */
    static final int EXPORT_PAGE = 7;
    /** Messages within one ExportCodes stream hold at most this many codes (the real service: 10,000). */
    static final int EXPORT_CHUNK = 3;

    static final FakeCallers CALLERS = new FakeCallers();
    static final Map<String, CodeBatch> BATCHES = new ConcurrentHashMap<>();
    /** Issued codes by "gtin14/serial". */
    static final Map<String, Issued> CODES = new ConcurrentHashMap<>();
    static final Map<String, List<Scan>> SCANS = new ConcurrentHashMap<>();
    static final Map<String, List<LifecycleEvent>> EVENTS = new ConcurrentHashMap<>();
    static final Map<String, List<CodeKey>> KEYS = new ConcurrentHashMap<>();
    static final List<byte[]> LOG = new CopyOnWriteArrayList<>();
    static final AtomicReference<VerifyRequest> LAST_VERIFY = new AtomicReference<>();
    /** The authorization of every ExportCodes call, in order. */
    static final List<String> EXPORT_AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** While set, every call fails UNAVAILABLE, as a service that is down. */
    static volatile boolean down;

    private static final Timestamp NOW = Timestamp.newBuilder().setSeconds(1_764_300_000).build();
    private static final Pattern CODE = Pattern.compile("^https://[^/?#]+/01/([^/?#]*)/21/([^/?#]*)(?:\\?.*)?$");
    private static final Pattern PAGE_CURSOR = Pattern.compile("[0-9]+");

    record Issued(String batchId, long index, String serial, String link) {
    }

    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new Service(), CALLERS)).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("cloudsword.verification.host", "localhost",
                "cloudsword.verification.port", Integer.toString(server.getPort()),
                "cloudsword.codes.export-page-size", Integer.toString(EXPORT_PAGE));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------- helpers for tests

    /** Issues a completed batch of {@code quantity} codes for the product's GTIN, as its owner would. */
    static CodeBatch issue(Product product, long quantity) {
        return create(product.getOwnerId(), product.getGtin(), quantity, "id.example.com", UUID.randomUUID().toString());
    }

    static Issued code(CodeBatch batch, long index) {
        return CODES.values().stream().filter(c -> c.batchId.equals(batch.getId()) && c.index == index).findFirst()
                .orElseThrow();
    }

    /** A serial of the right shape that was never issued: the MAC of a forgery cannot match. */
    static String forgedLink(CodeBatch batch) {
        return "https://id.example.com/01/" + batch.getGtin() + "/21/" + "F".repeat(20);
    }

    // ---------------------------------------------------------------------------------------- the rules

    private static CodeBatch create(String ownerId, String gtin14, long quantity, String host, String key) {
        String id = UUID.randomUUID().toString();
        Product product = FakeBrandRegistry.PRODUCTS.get(gtin14);
        // more than 1,000 codes: still RUNNING, half done, so progress has something to show
        boolean running = quantity > 1000;
        long done = running ? quantity / 2 : quantity;
        CodeBatch.Builder batch = CodeBatch.newBuilder().setId(id).setOwnerId(ownerId).setGtin(gtin14)
                .setQuantity(quantity).setResolverHost(host).setBrandId(product == null ? "" : product.getBrandId())
                .setStatus(running ? CodeBatchStatus.CODE_BATCH_STATUS_RUNNING : CodeBatchStatus.CODE_BATCH_STATUS_COMPLETED)
                .setCodesDone(done).setKeyId("key-1").setCreatedAt(NOW).setUpdatedAt(NOW).setStartedAt(NOW)
                .setProgress(BatchProgress.newBuilder().setCodesDone(done).setCodesTotal(quantity)
                        .setPercent(100.0 * done / quantity).setCodesPerSecond(running ? 1234.5 : 0))
                .setFirstCodeLogIndex(LOG.size());
        if (running) {
            batch.getProgressBuilder().setEstimatedCompletionAt(Timestamp.newBuilder().setSeconds(NOW.getSeconds() + 60));
        } else {
            batch.setCompletedAt(NOW).setCommitmentLogIndex(LOG.size() + done);
        }
        for (long i = 0; i < done; i++) {
            String serial = serial(id, i);
            String link = "https://" + host + "/01/" + gtin14 + "/21/" + serial;
            CODES.put(gtin14 + "/" + serial, new Issued(id, i, serial, link));
            LOG.add(("code " + gtin14 + " " + serial).getBytes(StandardCharsets.UTF_8));
        }
        CodeBatch built = batch.build();
        BATCHES.put(id, built);
        IDEMPOTENCY.put(ownerId + "/" + key, id);
        return built;
    }

    private static final Map<String, String> IDEMPOTENCY = new ConcurrentHashMap<>();

    /** 20 base64url characters, like the real serials; unique per (batch, index). */
    static String serial(String batchId, long index) {
        byte[] digest = sha256((batchId + "/" + index).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 20);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a code as verification-service does, refusing what is not a Digital Link with AI 01 and 21. */
    private static String[] parse(String code, String field) {
        Matcher m = CODE.matcher(code);
        if (code.length() > 2048 || !m.matches()) {
            throw refusal(Status.Code.INVALID_ARGUMENT, field, "INVALID_DIGITAL_LINK",
                    field + " must be a GS1 Digital Link https://{host}/01/{gtin}/21/{serial}");
        }
        String gtin = FakeBrandRegistry.toGtin14(m.group(1));
        if (gtin == null) {
            throw refusal(Status.Code.INVALID_ARGUMENT, field, "INVALID_GTIN", field + " has an invalid GTIN");
        }
        if (m.group(2).isEmpty() || m.group(2).length() > 20 || !m.group(2).matches("[A-Za-z0-9_-]+")) {
            throw refusal(Status.Code.INVALID_ARGUMENT, field, "INVALID_SERIAL", field + " has serial '" + m.group(2)
                    + "', not 1..20 characters of the GS1 82-character set");
        }
        return new String[] { gtin, m.group(2) };
    }

    private static CodeVerification check(String code, ScanContext context, String field) {
        String[] parsed = parse(code, field);
        Issued issued = CODES.get(parsed[0] + "/" + parsed[1]);
        if (issued == null) {
            // never issued (or a forged MAC): INVALID, and nothing is stored
            return CodeVerification.newBuilder().setVerdict(Verdict.VERDICT_INVALID).setGtin(parsed[0])
                    .setSerial(parsed[1]).build();
        }
        CodeBatch batch = BATCHES.get(issued.batchId);
        List<Scan> scans = SCANS.computeIfAbsent(issued.link, k -> new CopyOnWriteArrayList<>());
        boolean decommissioned = EVENTS.getOrDefault(issued.link, List.of()).stream()
                .anyMatch(e -> e.getData().getAction() == LifecycleAction.LIFECYCLE_ACTION_DELETE);
        List<SuspectReason> reasons = new ArrayList<>();
        if (decommissioned) {
            reasons.add(SuspectReason.newBuilder().setCode(SuspectReasonCode.SUSPECT_REASON_CODE_SCANNED_AFTER_DECOMMISSIONING)
                    .setExplanation("This code was marked as sold and taken out of circulation before this scan.")
                    .build());
        }
        if (scans.size() + 1 > SCAN_LIMIT) {
            reasons.add(SuspectReason.newBuilder().setCode(SuspectReasonCode.SUSPECT_REASON_CODE_SCAN_COUNT_EXCEEDED)
                    .setExplanation("This code has been checked " + (scans.size() + 1) + " times; a genuine product "
                            + "is rarely checked more than " + SCAN_LIMIT + " times.")
                    .putDetails("scan_count", Integer.toString(scans.size() + 1))
                    .putDetails("limit", Integer.toString(SCAN_LIMIT)).build());
        }
        Verdict verdict = reasons.isEmpty() ? Verdict.VERDICT_GENUINE : Verdict.VERDICT_SUSPECT;
        Scan scan = Scan.newBuilder().setId(UUID.randomUUID().toString())
                .setScannedAt(Timestamp.newBuilder().setSeconds(NOW.getSeconds() + scans.size() * 3600L))
                .setCountry(context.getCountry()).setChannel(context.getChannel()).setVerdict(verdict)
                .addAllReasons(reasons).build();
        scans.add(scan);
        Scan first = scans.get(0);
        return CodeVerification.newBuilder().setVerdict(verdict).addAllReasons(reasons).setGtin(parsed[0])
                .setSerial(parsed[1]).setBrandId(batch.getBrandId()).setOwnerId(batch.getOwnerId())
                .setBatchId(batch.getId()).setScanCount(scans.size()).setFirstScannedAt(first.getScannedAt())
                .setFirstScanCountry(first.getCountry()).setScanId(scan.getId())
                .setLifecycleStatus(decommissioned ? CodeLifecycleStatus.CODE_LIFECYCLE_STATUS_DECOMMISSIONED
                        : CodeLifecycleStatus.CODE_LIFECYCLE_STATUS_ISSUED)
                .setLogIndex(batch.getFirstCodeLogIndex() + issued.index).build();
    }

    private static Issued issuedOrRefuse(String code) {
        String[] parsed = parse(code, "code");
        Issued issued = CODES.get(parsed[0] + "/" + parsed[1]);
        if (issued == null) {
            throw refusal(Status.Code.NOT_FOUND, "code", "CODE_NOT_FOUND", "No code " + code + " was issued");
        }
        return issued;
    }

    private static CodeBatch ownBatch(String id, String field) {
        CodeBatch batch = BATCHES.get(id);
        if (batch == null) {
            throw refusal(Status.Code.NOT_FOUND, field, "CODE_BATCH_NOT_FOUND", "No code batch with id " + id);
        }
        requireOwner(batch.getOwnerId());
        return batch;
    }

    private static void requireOwner(String ownerId) {
        if (FakeCallers.currentAuthorization() == null) {
            throw refusal(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED", "A bearer token is required");
        }
        if (!FakeCallers.owns(ownerId)) {
            throw refusal(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", "This belongs to another rights owner");
        }
    }

    private static Brand brandOrRefuse(String brandId) {
        Brand brand = FakeBrandRegistry.BRANDS.get(brandId);
        if (brand == null) {
            throw refusal(Status.Code.NOT_FOUND, "brand_id", "BRAND_NOT_FOUND", "No brand with id " + brandId);
        }
        requireOwner(brand.getOwnerId());
        return brand;
    }

    private static <T> List<T> page(List<T> all, PageRequest page, PageInfo.Builder info) {
        int size = page.getFirst() == 0 ? 50 : page.getFirst();
        if (size < 1 || size > 500) {
            throw refusal(Status.Code.INVALID_ARGUMENT, "page.first", "INVALID_PAGE_SIZE", "page.first must be 1..500");
        }
        if (!page.getAfter().isEmpty() && !PAGE_CURSOR.matcher(page.getAfter()).matches()) {
            throw refusal(Status.Code.INVALID_ARGUMENT, "page.after", "INVALID_CURSOR", "Not a cursor of this list");
        }
        int from = page.getAfter().isEmpty() ? 0 : Integer.parseInt(page.getAfter());
        List<T> slice = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        if (!slice.isEmpty()) {
            info.setEndCursor(Integer.toString(from + slice.size()));
        }
        info.setHasNextPage(from + size < all.size());
        return slice;
    }

    static StatusRuntimeException refusal(Status.Code code, String field, String reason, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(code.value())
                .setMessage(message).addDetails(Any.pack(ErrorDetail.newBuilder().setField(field).setReason(reason)
                        .setMessage(message).build()))
                .build());
    }

    private static Checkpoint checkpoint() {
        byte[] root = sha256(("root " + LOG.size()).getBytes(StandardCharsets.UTF_8));
        String note = "cloudsword.test/log\n" + LOG.size() + "\n" + Base64.getEncoder().encodeToString(root)
                + "\n\n\u2014 cloudsword.test/log AAAAAAAA\n";
        return Checkpoint.newBuilder().setOrigin("cloudsword.test/log").setTreeSize(LOG.size())
                .setRootHash(ByteString.copyFrom(root)).setSignedNote(note).setPublishedAt(NOW).build();
    }

    /** A proof of the right length for the tree: ceil(log2(size)) hashes. */
    private static InclusionProof inclusion(long index, long size) {
        InclusionProof.Builder proof = InclusionProof.newBuilder().setLeafIndex(index).setTreeSize(size)
                .setLeafHash(ByteString.copyFrom(sha256(LOG.get((int) index))));
        for (long s = size - 1; s > 0; s >>= 1) {
            proof.addHashes(ByteString.copyFrom(sha256(("node " + index + " " + s).getBytes(StandardCharsets.UTF_8))));
        }
        return proof.build();
    }

    static class Service extends VerificationServiceGrpc.VerificationServiceImplBase {

        /** Runs {@code answer} unless the service is "down"; a refusal thrown inside becomes the call's status. */
        private static <T> void answer(StreamObserver<T> response, java.util.function.Supplier<T> answer) {
            if (down) {
                response.onError(Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
                return;
            }
            try {
                response.onNext(answer.get());
                response.onCompleted();
            } catch (StatusRuntimeException refusal) {
                response.onError(refusal);
            }
        }

        @Override
        public void createCodeBatch(CreateCodeBatchRequest r, StreamObserver<CreateCodeBatchResponse> response) {
            answer(response, () -> {
                if (r.getOwnerId().isEmpty()) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "owner_id", "FIELD_REQUIRED", "owner_id is required");
                }
                requireOwner(r.getOwnerId());
                String gtin = FakeBrandRegistry.toGtin14(r.getGtin());
                if (gtin == null) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN", "gtin must be a GTIN-8/12/13/14");
                }
                if (r.getQuantity() < 1 || r.getQuantity() > 10_000_000) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "quantity", "VALUE_OUT_OF_RANGE",
                            "quantity must be 1..10,000,000");
                }
                if (r.getIdempotencyKey().isBlank()) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "idempotency_key", "FIELD_REQUIRED",
                            "idempotency_key is required");
                }
                String existing = IDEMPOTENCY.get(r.getOwnerId() + "/" + r.getIdempotencyKey());
                if (existing != null) {
                    CodeBatch first = BATCHES.get(existing);
                    if (first.getQuantity() != r.getQuantity() || !first.getGtin().equals(gtin)) {
                        throw refusal(Status.Code.ALREADY_EXISTS, "idempotency_key", "IDEMPOTENCY_KEY_REUSED",
                                "The key was used for another batch");
                    }
                    return CreateCodeBatchResponse.newBuilder().setBatch(first).setCreated(false).build();
                }
                Product product = FakeBrandRegistry.PRODUCTS.get(gtin);
                if (product == null || !product.getOwnerId().equals(r.getOwnerId())) {
                    throw refusal(Status.Code.PERMISSION_DENIED, "gtin", "NOT_OWNER", "The GTIN is not the owner's");
                }
                String host = r.getResolverHost().isEmpty() ? "id.example.com" : r.getResolverHost();
                return CreateCodeBatchResponse.newBuilder().setBatch(create(r.getOwnerId(), gtin, r.getQuantity(),
                        host, r.getIdempotencyKey())).setCreated(true).build();
            });
        }

        @Override
        public void getCodeBatch(GetCodeBatchRequest r, StreamObserver<GetCodeBatchResponse> response) {
            answer(response, () -> GetCodeBatchResponse.newBuilder().setBatch(ownBatch(r.getId(), "id")).build());
        }

        @Override
        public void listCodeBatches(ListCodeBatchesRequest r, StreamObserver<ListCodeBatchesResponse> response) {
            answer(response, () -> {
                if (r.getOwnerId().isEmpty() ? !FakeCallers.isStaff() : !FakeCallers.owns(r.getOwnerId())) {
                    throw refusal(Status.Code.PERMISSION_DENIED, "owner_id", "NOT_OWNER", "Not your batches");
                }
                List<CodeBatch> all = BATCHES.values().stream()
                        .filter(b -> r.getOwnerId().isEmpty() || b.getOwnerId().equals(r.getOwnerId()))
                        .filter(b -> r.getGtin().isEmpty() || b.getGtin().equals(FakeBrandRegistry.toGtin14(r.getGtin())))
                        .filter(b -> r.getStatusesList().isEmpty() || r.getStatusesList().contains(b.getStatus()))
                        .sorted(Comparator.comparing(CodeBatch::getId)).toList();
                PageInfo.Builder info = PageInfo.newBuilder();
                List<CodeBatch> slice = page(all, r.getPage(), info);
                return ListCodeBatchesResponse.newBuilder().addAllBatches(slice).setPageInfo(info).build();
            });
        }

        @Override
        public void exportCodes(ExportCodesRequest r, StreamObserver<ExportCodesResponse> response) {
            EXPORT_AUTHORIZATIONS.add(String.valueOf(FakeCallers.currentAuthorization()));
            try {
                CodeBatch batch = ownBatch(r.getBatchId(), "batch_id");
                long end = r.hasMaxCodes() ? Math.min(batch.getCodesDone(), r.getStartIndex() + r.getMaxCodes())
                        : batch.getCodesDone();
                ExportCodesResponse.Builder chunk = ExportCodesResponse.newBuilder();
                for (long i = r.getStartIndex(); i < end; i++) {
                    Issued code = code(batch, i);
                    chunk.addCodes(IssuedCode.newBuilder().setIndex(i).setSerial(code.serial).setDigitalLink(code.link));
                    if (chunk.getCodesCount() == EXPORT_CHUNK) {
                        response.onNext(chunk.build());
                        chunk = ExportCodesResponse.newBuilder();
                    }
                }
                if (chunk.getCodesCount() > 0) {
                    response.onNext(chunk.build());
                }
                response.onCompleted();
            } catch (StatusRuntimeException refusal) {
                response.onError(refusal);
            }
        }

        @Override
        public void rotateCodeKey(RotateCodeKeyRequest r, StreamObserver<RotateCodeKeyResponse> response) {
            answer(response, () -> {
                brandOrRefuse(r.getBrandId());
                if (r.getIdempotencyKey().isBlank()) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "idempotency_key", "FIELD_REQUIRED",
                            "idempotency_key is required");
                }
                List<CodeKey> keys = KEYS.computeIfAbsent(r.getBrandId(), b -> new CopyOnWriteArrayList<>());
                RotateCodeKeyResponse.Builder answer = RotateCodeKeyResponse.newBuilder().setCreated(true);
                if (!keys.isEmpty()) {
                    CodeKey retired = keys.get(0).toBuilder().setStatus(CodeKeyStatus.CODE_KEY_STATUS_RETIRED)
                            .setRetiredAt(NOW).build();
                    keys.set(0, retired);
                    answer.setRetiredKey(retired);
                }
                LOG.add(("key rotation " + r.getBrandId()).getBytes(StandardCharsets.UTF_8));
                CodeKey active = CodeKey.newBuilder().setId(UUID.randomUUID().toString()).setBrandId(r.getBrandId())
                        .setVersion(keys.size() + 1).setStatus(CodeKeyStatus.CODE_KEY_STATUS_ACTIVE).setCreatedAt(NOW)
                        .setLogIndex(LOG.size() - 1).build();
                keys.add(0, active);
                return answer.setActiveKey(active).build();
            });
        }

        @Override
        public void listCodeKeys(ListCodeKeysRequest r, StreamObserver<ListCodeKeysResponse> response) {
            answer(response, () -> {
                brandOrRefuse(r.getBrandId());
                return ListCodeKeysResponse.newBuilder().addAllKeys(KEYS.getOrDefault(r.getBrandId(), List.of())).build();
            });
        }

        @Override
        public void verify(VerifyRequest r, StreamObserver<VerifyResponse> response) {
            LAST_VERIFY.set(r);
            if (!down && r.getCode().contains("/21/RATELIMITED")) {
                response.onError(refusal(Status.Code.RESOURCE_EXHAUSTED, "", "RATE_LIMITED", "Too many checks"));
                return;
            }
            answer(response, () -> VerifyResponse.newBuilder()
                    .setVerification(check(r.getCode(), r.getContext(), "code")).build());
        }

        @Override
        public void batchVerify(BatchVerifyRequest r, StreamObserver<BatchVerifyResponse> response) {
            answer(response, () -> {
                if (r.getRequestsCount() > 1000) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "requests", "TOO_MANY_ITEMS", "at most 1,000");
                }
                BatchVerifyResponse.Builder answer = BatchVerifyResponse.newBuilder();
                for (int i = 0; i < r.getRequestsCount(); i++) {
                    VerifyRequest item = r.getRequests(i);
                    CodeVerificationResult.Builder result = CodeVerificationResult.newBuilder().setCode(item.getCode());
                    try {
                        result.setVerification(check(item.getCode(), item.getContext(), "requests[" + i + "].code"));
                    } catch (StatusRuntimeException e) {
                        ErrorDetail detail = ErrorDetail.newBuilder().setReason(reasonOf(e)).setField(
                                "requests[" + i + "].code").setMessage(e.getStatus().getDescription()).build();
                        result.setError(ItemError.newBuilder().setCode(e.getStatus().getCode().value()).setDetail(detail));
                    }
                    answer.addResults(result);
                }
                return answer.build();
            });
        }

        @Override
        public void listScans(ListScansRequest r, StreamObserver<ListScansResponse> response) {
            answer(response, () -> {
                Issued issued = issuedOrRefuse(r.getCode());
                requireOwner(BATCHES.get(issued.batchId).getOwnerId());
                List<Scan> newestFirst = new ArrayList<>(SCANS.getOrDefault(issued.link, List.of()));
                java.util.Collections.reverse(newestFirst);
                PageInfo.Builder info = PageInfo.newBuilder();
                return ListScansResponse.newBuilder().addAllScans(page(newestFirst, r.getPage(), info))
                        .setPageInfo(info).build();
            });
        }

        @Override
        public void recordLifecycleEvent(RecordLifecycleEventRequest r, StreamObserver<RecordLifecycleEventResponse> response) {
            answer(response, () -> {
                var event = r.getEvent();
                if (event.getCodesCount() == 0 == !event.hasRange()) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "event.codes", "FIELD_REQUIRED",
                            "Exactly one of codes or range is required");
                }
                boolean stepFits = switch (event.getAction()) {
                    case LIFECYCLE_ACTION_ADD -> event.getBusinessStep() == BusinessStep.BUSINESS_STEP_COMMISSIONING;
                    case LIFECYCLE_ACTION_DELETE -> event.getBusinessStep() == BusinessStep.BUSINESS_STEP_DECOMMISSIONING
                            || event.getBusinessStep() == BusinessStep.BUSINESS_STEP_DESTROYING;
                    default -> true;
                };
                if (!stepFits) {
                    throw refusal(Status.Code.INVALID_ARGUMENT, "event.business_step", "INVALID_FORMAT",
                            "business_step does not fit the action");
                }
                List<Issued> codes = new ArrayList<>();
                if (event.hasRange()) {
                    CodeBatch batch = ownBatch(event.getRange().getBatchId(), "event.range.batch_id");
                    for (long i = event.getRange().getStartIndex(); i < event.getRange().getEndIndex(); i++) {
                        codes.add(code(batch, i));
                    }
                } else {
                    for (String code : event.getCodesList()) {
                        Issued issued = issuedOrRefuse(code);
                        requireOwner(BATCHES.get(issued.batchId).getOwnerId());
                        codes.add(issued);
                    }
                }
                LOG.add(("event " + event.getEventId()).getBytes(StandardCharsets.UTF_8));
                LifecycleEvent recorded = LifecycleEvent.newBuilder().setData(event)
                        .setOwnerId(BATCHES.get(codes.get(0).batchId).getOwnerId())
                        .setRecordedBy(Actor.newBuilder().setSubject("owner")).setRecordedAt(NOW)
                        .setLogIndex(LOG.size() - 1).setCodeCount(codes.size()).build();
                for (Issued code : codes) {
                    EVENTS.computeIfAbsent(code.link, k -> new CopyOnWriteArrayList<>()).add(recorded);
                }
                return RecordLifecycleEventResponse.newBuilder().setEvent(recorded).setCreated(true).build();
            });
        }

        @Override
        public void listLifecycleEvents(ListLifecycleEventsRequest r, StreamObserver<ListLifecycleEventsResponse> response) {
            answer(response, () -> {
                Issued issued = issuedOrRefuse(r.getCode());
                requireOwner(BATCHES.get(issued.batchId).getOwnerId());
                PageInfo.Builder info = PageInfo.newBuilder();
                return ListLifecycleEventsResponse.newBuilder()
                        .addAllEvents(page(EVENTS.getOrDefault(issued.link, List.of()), r.getPage(), info))
                        .setPageInfo(info).build();
            });
        }

        @Override
        public void getLogInfo(GetLogInfoRequest r, StreamObserver<GetLogInfoResponse> response) {
            answer(response, () -> GetLogInfoResponse.newBuilder().setOrigin("cloudsword.test/log")
                    .addKeys(LogVerifierKey.newBuilder().setName("cloudsword.test/log")
                            .setPublicKey(ByteString.copyFrom(new byte[32])).setKeyId(ByteString.copyFrom(new byte[4]))
                            .setVkey("cloudsword.test/log+00000000+AQ").setActive(true))
                    .setCheckpoint(checkpoint()).build());
        }

        @Override
        public void getCheckpoint(GetCheckpointRequest r, StreamObserver<GetCheckpointResponse> response) {
            answer(response, () -> GetCheckpointResponse.newBuilder().setCheckpoint(checkpoint()).build());
        }

        @Override
        public void getInclusionProof(GetInclusionProofRequest r, StreamObserver<GetInclusionProofResponse> response) {
            answer(response, () -> {
                long size = r.hasTreeSize() ? r.getTreeSize() : LOG.size();
                long index;
                if (r.hasCode()) {
                    Issued issued = issuedOrRefuse(r.getCode());
                    index = BATCHES.get(issued.batchId).getFirstCodeLogIndex() + issued.index;
                } else {
                    index = r.getLeafIndex();
                }
                if (size > LOG.size() || index < 0 || index >= size) {
                    throw refusal(Status.Code.OUT_OF_RANGE, "tree_size", "INVALID_TREE_SIZE",
                            "leaf_index must be below tree_size, and tree_size at most " + LOG.size());
                }
                GetInclusionProofResponse.Builder answer = GetInclusionProofResponse.newBuilder()
                        .setProof(inclusion(index, size));
                if (!r.hasTreeSize()) {
                    answer.setCheckpoint(checkpoint());
                }
                return answer.build();
            });
        }

        @Override
        public void getConsistencyProof(GetConsistencyProofRequest r, StreamObserver<GetConsistencyProofResponse> response) {
            answer(response, () -> {
                long second = r.hasSecondTreeSize() ? r.getSecondTreeSize() : LOG.size();
                if (r.getFirstTreeSize() <= 0 || r.getFirstTreeSize() > second || second > LOG.size()) {
                    throw refusal(Status.Code.OUT_OF_RANGE, "first_tree_size", "INVALID_TREE_SIZE",
                            "0 < first <= second <= " + LOG.size() + " is required");
                }
                ConsistencyProof.Builder proof = ConsistencyProof.newBuilder().setFirstTreeSize(r.getFirstTreeSize())
                        .setSecondTreeSize(second);
                if (r.getFirstTreeSize() < second) {
                    proof.addHashes(ByteString.copyFrom(sha256(("c " + r.getFirstTreeSize()).getBytes(StandardCharsets.UTF_8))));
                }
                return GetConsistencyProofResponse.newBuilder().setProof(proof).build();
            });
        }

        @Override
        public void getProofBundle(GetProofBundleRequest r, StreamObserver<GetProofBundleResponse> response) {
            answer(response, () -> {
                Issued issued = issuedOrRefuse(r.getCode());
                CodeBatch batch = BATCHES.get(issued.batchId);
                long index = batch.getFirstCodeLogIndex() + issued.index;
                Checkpoint checkpoint = checkpoint();
                InclusionProof proof = inclusion(index, checkpoint.getTreeSize());
                String text = "c2sp.org/tlog-proof@v1\nindex " + index + "\n"
                        + Base64.getEncoder().encodeToString(LOG.get((int) index)) + "\n\n" + checkpoint.getSignedNote();
                return GetProofBundleResponse.newBuilder().setBundle(ProofBundle.newBuilder().setCode(issued.link)
                        .setGtin(batch.getGtin()).setSerial(issued.serial)
                        .setEntry(LogEntry.newBuilder().setIndex(index).setType(LogEntryType.LOG_ENTRY_TYPE_CODE)
                                .setData(ByteString.copyFrom(LOG.get((int) index))).setIntegratedAt(NOW))
                        .setInclusionProof(proof).setCheckpoint(checkpoint).setTlogProof(text)).build();
            });
        }

        private static String reasonOf(StatusRuntimeException e) {
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            try {
                return status.getDetails(0).unpack(ErrorDetail.class).getReason();
            } catch (Exception notADetail) {
                return e.getStatus().getCode().name();
            }
        }
    }
}
