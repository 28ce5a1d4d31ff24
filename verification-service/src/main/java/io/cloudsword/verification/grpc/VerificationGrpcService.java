package io.cloudsword.verification.grpc;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.cloudsword.api.common.v1.Actor;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.common.v1.Role;
import io.cloudsword.api.verification.v1.*;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.DomainExceptionMapper;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.verification.codes.DigitalLink;
import io.cloudsword.verification.codes.ScanRules;
import io.cloudsword.verification.domain.BatchView;
import io.cloudsword.verification.domain.CodeBatches;
import io.cloudsword.verification.domain.CodeKeys;
import io.cloudsword.verification.domain.LifecycleEvents;
import io.cloudsword.verification.domain.NewCodeBatch;
import io.cloudsword.verification.domain.Verifications;
import io.cloudsword.verification.log.TransparencyLog;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The gRPC face of verification-service: checks the shape of requests, maps to and from the domain. */
@GrpcService
public class VerificationGrpcService extends MutinyVerificationServiceGrpc.VerificationServiceImplBase {

    static final int MAX_BATCH_VERIFY = 1_000;

    private final CodeBatches batches;
    private final CodeKeys keys;
    private final Verifications verifications;
    private final LifecycleEvents events;
    private final TransparencyLog log;

    public VerificationGrpcService(CodeBatches batches, CodeKeys keys, Verifications verifications,
            LifecycleEvents events, TransparencyLog log) {
        this.batches = batches;
        this.keys = keys;
        this.verifications = verifications;
        this.events = events;
        this.log = log;
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    // ----- code batches

    @Override
    public Uni<CreateCodeBatchResponse> createCodeBatch(CreateCodeBatchRequest r) {
        return batches.create(CallerInterceptor.current(), CallerInterceptor.bearer(),
                new NewCodeBatch(r.getOwnerId(), r.getGtin(), r.getQuantity(), r.getResolverHost(), r.getIdempotencyKey()))
                .map(c -> CreateCodeBatchResponse.newBuilder().setBatch(toProto(c.batch())).setCreated(c.created()).build());
    }

    @Override
    public Uni<GetCodeBatchResponse> getCodeBatch(GetCodeBatchRequest request) {
        return batches.get(CallerInterceptor.current(), request.getId())
                .map(b -> GetCodeBatchResponse.newBuilder().setBatch(toProto(b)).build());
    }

    @Override
    public Uni<BatchGetCodeBatchesResponse> batchGetCodeBatches(BatchGetCodeBatchesRequest request) {
        return batches.batchGet(CallerInterceptor.current(), request.getIdsList()).map(found -> {
            BatchGetCodeBatchesResponse.Builder out = BatchGetCodeBatchesResponse.newBuilder()
                    .addAllMissingIds(found.getValue());
            found.getKey().forEach(b -> out.addBatches(toProto(b)));
            return out.build();
        });
    }

    @Override
    public Uni<ListCodeBatchesResponse> listCodeBatches(ListCodeBatchesRequest r) {
        Set<String> statuses = new HashSet<>();
        for (CodeBatchStatus s : r.getStatusesList()) {
            if (s == CodeBatchStatus.CODE_BATCH_STATUS_UNSPECIFIED || s == CodeBatchStatus.UNRECOGNIZED) {
                return Uni.createFrom().failure(DomainException.invalid("statuses", "INVALID_FORMAT", "unknown status"));
            }
            statuses.add(s.name().substring("CODE_BATCH_STATUS_".length()));
        }
        return batches.list(CallerInterceptor.current(), r.getOwnerId(), r.getGtin(), statuses, r.getPage().getFirst(),
                r.getPage().getAfter()).map(slice -> {
                    ListCodeBatchesResponse.Builder out = ListCodeBatchesResponse.newBuilder();
                    slice.items().forEach(b -> out.addBatches(toProto(b)));
                    return out.setPageInfo(pageInfo(slice.last() == null ? "" : CodeBatches.cursor(slice.last()),
                            slice.hasNextPage())).build();
                });
    }

    @Override
    public Multi<WatchCodeBatchResponse> watchCodeBatch(WatchCodeBatchRequest request) {
        Caller caller = CallerInterceptor.current();
        AtomicBoolean finished = new AtomicBoolean();
        return batches.get(caller, request.getId()).toMulti().flatMap(first -> Multi.createBy().concatenating().streams(
                Multi.createFrom().item(first),
                Multi.createFrom().ticks().every(Duration.ofSeconds(1))
                        .select().first(t -> !finished.get() && !first.finished())
                        .onItem().transformToUniAndConcatenate(t -> batches.get(caller, request.getId()))))
                .invoke(b -> finished.set(b.finished()))
                .skip().repetitions()
                .map(b -> WatchCodeBatchResponse.newBuilder().setBatch(toProto(b)).build());
    }

    @Override
    public Multi<ExportCodesResponse> exportCodes(ExportCodesRequest r) {
        return batches.export(CallerInterceptor.current(), r.getBatchId(), r.getStartIndex(),
                r.hasMaxCodes() ? r.getMaxCodes() : null).map(chunk -> {
                    ExportCodesResponse.Builder out = ExportCodesResponse.newBuilder();
                    chunk.forEach(code -> out.addCodes(IssuedCode.newBuilder().setIndex(code.index())
                            .setSerial(code.serial()).setDigitalLink(code.digitalLink())));
                    return out.build();
                });
    }

    // ----- keys

    @Override
    public Uni<RotateCodeKeyResponse> rotateCodeKey(RotateCodeKeyRequest r) {
        return keys.rotate(CallerInterceptor.current(), r.getBrandId(), r.getReason(), r.getIdempotencyKey()).map(k -> {
            RotateCodeKeyResponse.Builder out = RotateCodeKeyResponse.newBuilder().setActiveKey(toProto(k.active()))
                    .setCreated(k.created());
            if (k.retired() != null) {
                out.setRetiredKey(toProto(k.retired()));
            }
            return out.build();
        });
    }

    @Override
    public Uni<ListCodeKeysResponse> listCodeKeys(ListCodeKeysRequest r) {
        return keys.list(CallerInterceptor.current(), r.getBrandId()).map(list -> {
            ListCodeKeysResponse.Builder out = ListCodeKeysResponse.newBuilder();
            list.forEach(k -> out.addKeys(toProto(k)));
            return out.build();
        });
    }

    // ----- verification

    @Override
    public Uni<VerifyResponse> verify(VerifyRequest r) {
        Caller caller = CallerInterceptor.current();
        String client = CallerInterceptor.clientKey();
        return Uni.createFrom().deferred(() -> verifications.verify(caller, client, "code", r.getCode(),
                scan("context", r.getContext()))).map(v -> VerifyResponse.newBuilder().setVerification(toProto(v)).build());
    }

    @Override
    public Uni<BatchVerifyResponse> batchVerify(BatchVerifyRequest r) {
        if (r.getRequestsCount() > MAX_BATCH_VERIFY) {
            return Uni.createFrom().failure(DomainException.invalid("requests", "TOO_MANY_ITEMS",
                    "At most " + MAX_BATCH_VERIFY + " codes per call, got " + r.getRequestsCount()));
        }
        Caller caller = CallerInterceptor.current();
        String client = CallerInterceptor.clientKey();
        return Multi.createFrom().iterable(r.getRequestsList())
                .onItem().transformToUniAndConcatenate(item -> Uni.createFrom().deferred(() -> verifications
                        .verify(caller, client, "code", item.getCode(), scan("context", item.getContext())))
                        .map(v -> CodeVerificationResult.newBuilder().setCode(item.getCode()).setVerification(toProto(v)).build())
                        .onFailure(DomainException.class).recoverWithItem(e -> {
                            DomainException d = (DomainException) e;
                            if (d.kind() == DomainException.Kind.RESOURCE_EXHAUSTED) {
                                throw d; // a spent allowance stops the whole call
                            }
                            return CodeVerificationResult.newBuilder().setCode(item.getCode()).setError(itemError(d)).build();
                        }))
                .collect().asList()
                .map(results -> BatchVerifyResponse.newBuilder().addAllResults(results).build());
    }

    @Override
    public Uni<GetCodeResponse> getCode(GetCodeRequest r) {
        return verifications.get(CallerInterceptor.current(), r.getCode())
                .map(v -> GetCodeResponse.newBuilder().setVerification(toProto(v)).build());
    }

    @Override
    public Uni<ListScansResponse> listScans(ListScansRequest r) {
        return verifications.scans(CallerInterceptor.current(), r.getCode(), r.getPage().getFirst(), r.getPage().getAfter())
                .map(slice -> {
                    ListScansResponse.Builder out = ListScansResponse.newBuilder();
                    for (Verifications.ScanView s : slice.items()) {
                        Scan.Builder scan = Scan.newBuilder().setId(s.id().toString())
                                .setScannedAt(ProtoTime.toProto(s.scannedAt())).setCountry(s.country())
                                .setChannel(ScanChannel.valueOf(s.channel()))
                                .setVerdict(Verdict.valueOf("VERDICT_" + s.verdict().name()));
                        if (s.location() != null) {
                            scan.setLocation(GeoPoint.newBuilder().setLatitude(s.location().latitude())
                                    .setLongitude(s.location().longitude()));
                        }
                        s.reasons().forEach(reason -> scan.addReasons(toProto(reason)));
                        out.addScans(scan);
                    }
                    return out.setPageInfo(pageInfo(slice.last() == null ? "" : Verifications.cursor(slice.last()),
                            slice.hasNextPage())).build();
                });
    }

    // ----- lifecycle events

    @Override
    public Uni<RecordLifecycleEventResponse> recordLifecycleEvent(RecordLifecycleEventRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> events.record(caller, newEvent(r.getEvent())))
                .map(e -> RecordLifecycleEventResponse.newBuilder().setEvent(toProto(e)).setCreated(e.created()).build());
    }

    @Override
    public Uni<RecordLifecycleEventsResponse> recordLifecycleEvents(RecordLifecycleEventsRequest r) {
        if (r.getEventsCount() > 1000) {
            return Uni.createFrom().failure(DomainException.invalid("events", "TOO_MANY_ITEMS",
                    "At most 1,000 events per call, got " + r.getEventsCount()));
        }
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            RecordLifecycleEventsResponse.Builder out = RecordLifecycleEventsResponse.newBuilder();
            for (LifecycleEventInput input : r.getEventsList()) {
                LifecycleEventResult.Builder result = LifecycleEventResult.newBuilder().setEventId(input.getEventId());
                try {
                    LifecycleEvents.Recorded e = events.record(caller, newEvent(input));
                    result.setEvent(toProto(e)).setCreated(e.created());
                } catch (DomainException e) {
                    result.setError(itemError(e));
                }
                out.addResults(result);
            }
            return out.build();
        });
    }

    @Override
    public Uni<ListLifecycleEventsResponse> listLifecycleEvents(ListLifecycleEventsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> events.forCode(caller, r.getCode(), r.getPage().getFirst(), r.getPage().getAfter()))
                .map(slice -> {
                    ListLifecycleEventsResponse.Builder out = ListLifecycleEventsResponse.newBuilder();
                    slice.items().forEach(e -> out.addEvents(toProto(e)));
                    return out.setPageInfo(pageInfo(slice.last() == null ? "" : LifecycleEvents.cursor(slice.last()),
                            slice.hasNextPage())).build();
                });
    }

    // ----- transparency log

    @Override
    public Uni<GetLogInfoResponse> getLogInfo(GetLogInfoRequest request) {
        return blocking(() -> {
            GetLogInfoResponse.Builder out = GetLogInfoResponse.newBuilder().setOrigin(log.origin())
                    .addKeys(verifierKey(log.signer().verifier(), true));
            for (String previous : log.previousVerifierKeys()) {
                out.addKeys(verifierKey(io.cloudsword.tlog.NoteVerifier.parse(previous), false));
            }
            TransparencyLog.StoredCheckpoint latest = log.latestCheckpoint();
            if (latest != null) {
                out.setCheckpoint(toProto(latest));
            }
            return out.build();
        });
    }

    @Override
    public Uni<GetCheckpointResponse> getCheckpoint(GetCheckpointRequest request) {
        return blocking(() -> GetCheckpointResponse.newBuilder().setCheckpoint(toProto(log.requireCheckpoint())).build());
    }

    @Override
    public Uni<GetInclusionProofResponse> getInclusionProof(GetInclusionProofRequest r) {
        Uni<Long> index = switch (r.getEntryCase()) {
            case LEAF_INDEX -> Uni.createFrom().item(r.getLeafIndex());
            case CODE -> Uni.createFrom().item(() -> DigitalLink.parse("code", r.getCode())).flatMap(this::locateIssued)
                    .map(Verifications.Located::logIndex);
            default -> Uni.createFrom().failure(DomainException.invalid("entry", "FIELD_REQUIRED",
                    "give leaf_index or code"));
        };
        return index.flatMap(leaf -> blocking(() -> log.proveInclusion(leaf, r.hasTreeSize() ? r.getTreeSize() : null)))
                .map(p -> {
                    GetInclusionProofResponse.Builder out = GetInclusionProofResponse.newBuilder()
                            .setProof(inclusion(p.leafIndex(), p.treeSize(), p.proof()));
                    if (p.checkpoint() != null) {
                        out.setCheckpoint(toProto(p.checkpoint()));
                    }
                    return out.build();
                });
    }

    @Override
    public Uni<GetConsistencyProofResponse> getConsistencyProof(GetConsistencyProofRequest r) {
        return blocking(() -> {
            long second = r.hasSecondTreeSize() ? r.getSecondTreeSize() : log.requireCheckpoint().size();
            ConsistencyProof.Builder proof = ConsistencyProof.newBuilder().setFirstTreeSize(r.getFirstTreeSize())
                    .setSecondTreeSize(second);
            log.proveConsistency(r.getFirstTreeSize(), second).forEach(h -> proof.addHashes(ByteString.copyFrom(h)));
            return GetConsistencyProofResponse.newBuilder().setProof(proof).build();
        });
    }

    @Override
    public Uni<GetProofBundleResponse> getProofBundle(GetProofBundleRequest r) {
        DigitalLink link;
        try {
            link = DigitalLink.parse("code", r.getCode());
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return locateIssued(link).flatMap(found -> blocking(() -> log.proofBundle(found.logIndex())).map(b -> {
            long leaf = found.logIndex();
            return GetProofBundleResponse.newBuilder().setBundle(io.cloudsword.api.verification.v1.ProofBundle.newBuilder()
                    .setCode(r.getCode()).setGtin(link.gtin14()).setSerial(link.serial())
                    .setEntry(LogEntry.newBuilder().setIndex(leaf).setType(LogEntryType.LOG_ENTRY_TYPE_CODE)
                            .setData(ByteString.copyFrom(b.entry())))
                    .setInclusionProof(inclusion(leaf, b.checkpoint().size(), b.proof()))
                    .setCheckpoint(toProto(b.checkpoint())).setTlogProof(b.text())).build();
        }));
    }

    @Override
    public Uni<GetLogEntriesResponse> getLogEntries(GetLogEntriesRequest r) {
        return blocking(() -> log.auditEntries(r.getStartIndex(), r.getCount())).map(entries -> {
            GetLogEntriesResponse.Builder out = GetLogEntriesResponse.newBuilder();
            for (TransparencyLog.Entry e : entries) {
                LogEntry.Builder entry = LogEntry.newBuilder().setIndex(e.index())
                        .setType(LogEntryType.valueOf("LOG_ENTRY_TYPE_" + e.type())).setData(ByteString.copyFrom(e.data()));
                if (e.integratedAt() != null) {
                    entry.setIntegratedAt(ProtoTime.toProto(e.integratedAt()));
                }
                out.addEntries(entry);
            }
            return out.build();
        });
    }

    @Override
    public Uni<CheckLogIntegrityResponse> checkLogIntegrity(CheckLogIntegrityRequest request) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> log.checkIntegrity(caller)).map(report -> {
            CheckLogIntegrityResponse.Builder out = CheckLogIntegrityResponse.newBuilder()
                    .setConsistent(report.consistent()).setCheckedTreeSize(Math.max(0, report.checkedSize()))
                    .setProblem(report.problem()).setCheckedAt(ProtoTime.toProto(report.checkedAt()));
            if (report.firstBadIndex() != null) {
                out.setFirstBadIndex(report.firstBadIndex());
            }
            return out.build();
        });
    }

    // ----- mapping

    private Uni<Verifications.Located> locateIssued(DigitalLink link) {
        return verifications.locate(link).onItem().ifNull().failWith(() -> DomainException.notFound("code",
                "LOG_ENTRY_NOT_FOUND", "No issued code is " + link.path()));
    }

    private static InclusionProof inclusion(long leaf, long size, TransparencyLog.Inclusion proof) {
        InclusionProof.Builder out = InclusionProof.newBuilder().setLeafIndex(leaf).setTreeSize(size)
                .setLeafHash(ByteString.copyFrom(proof.leafHash()));
        proof.hashes().forEach(h -> out.addHashes(ByteString.copyFrom(h)));
        return out.build();
    }

    private static LogVerifierKey verifierKey(io.cloudsword.tlog.NoteVerifier v, boolean active) {
        return LogVerifierKey.newBuilder().setName(v.name()).setPublicKey(ByteString.copyFrom(v.publicKey()))
                .setKeyId(ByteString.copyFrom(java.nio.ByteBuffer.allocate(4).putInt(v.keyId()).array()))
                .setVkey(v.keyString()).setActive(active).build();
    }

    static io.cloudsword.api.verification.v1.Checkpoint toProto(TransparencyLog.StoredCheckpoint c) {
        return io.cloudsword.api.verification.v1.Checkpoint.newBuilder()
                .setOrigin(c.note().substring(0, c.note().indexOf('\n')))
                .setTreeSize(c.size()).setRootHash(ByteString.copyFrom(c.root())).setSignedNote(c.note())
                .setPublishedAt(ProtoTime.toProto(c.publishedAt())).build();
    }

    static io.cloudsword.api.verification.v1.CodeBatch toProto(BatchView b) {
        io.cloudsword.api.verification.v1.CodeBatch.Builder out = io.cloudsword.api.verification.v1.CodeBatch.newBuilder()
                .setId(b.id().toString()).setOwnerId(b.ownerId().toString()).setGtin(b.gtin()).setQuantity(b.quantity())
                .setStatus(CodeBatchStatus.valueOf("CODE_BATCH_STATUS_" + b.status())).setCodesDone(b.codesDone())
                .setCreatedAt(ProtoTime.toProto(b.createdAtExact().toInstant())).setResolverHost(b.resolverHost())
                .setBrandId(b.brandId() == null ? "" : b.brandId().toString())
                .setFailureReason(b.failureReason()).setKeyId(b.keyId() == null ? "" : b.keyId().toString())
                .setUpdatedAt(ProtoTime.toProto(b.updatedAt() == null ? b.createdAtExact().toInstant() : b.updatedAt()));
        BatchProgress.Builder progress = BatchProgress.newBuilder().setCodesDone(b.codesDone()).setCodesTotal(b.quantity())
                .setPercent(b.quantity() == 0 ? 0 : 100.0 * b.codesDone() / b.quantity())
                .setCodesPerSecond(b.codesPerSecond());
        if ("RUNNING".equals(b.status()) && b.codesPerSecond() > 0) {
            long remainingMillis = (long) ((b.quantity() - b.codesDone()) * 1000 / b.codesPerSecond());
            Instant from = b.updatedAt() == null ? Instant.now() : b.updatedAt();
            progress.setEstimatedCompletionAt(ProtoTime.toProto(from.plusMillis(remainingMillis)));
        }
        out.setProgress(progress);
        if (b.startedAt() != null) {
            out.setStartedAt(ProtoTime.toProto(b.startedAt()));
        }
        if (b.completedAt() != null) {
            out.setCompletedAt(ProtoTime.toProto(b.completedAt()));
        }
        if (b.commitmentLogIndex() != null) {
            out.setCommitmentLogIndex(b.commitmentLogIndex());
        }
        if (b.firstCodeLogIndex() != null) {
            out.setFirstCodeLogIndex(b.firstCodeLogIndex());
        }
        return out.build();
    }

    static io.cloudsword.api.verification.v1.CodeKey toProto(CodeKeys.KeyView k) {
        io.cloudsword.api.verification.v1.CodeKey.Builder out = io.cloudsword.api.verification.v1.CodeKey.newBuilder()
                .setId(k.id().toString()).setBrandId(k.brandId().toString()).setVersion(k.version())
                .setStatus(CodeKeyStatus.valueOf("CODE_KEY_STATUS_" + k.status()))
                .setCreatedAt(ProtoTime.toProto(k.createdAt()));
        if (k.retiredAt() != null) {
            out.setRetiredAt(ProtoTime.toProto(k.retiredAt()));
        }
        if (k.logIndex() != null) {
            out.setLogIndex(k.logIndex());
        }
        return out.build();
    }

    static CodeVerification toProto(Verifications.Result v) {
        CodeVerification.Builder out = CodeVerification.newBuilder()
                .setVerdict(Verdict.valueOf("VERDICT_" + v.verdict().name())).setGtin(v.gtin()).setSerial(v.serial())
                .setScanCount(v.scanCount()).setFirstScanCountry(v.firstScanCountry())
                .setLifecycleStatus(CodeLifecycleStatus.valueOf("CODE_LIFECYCLE_STATUS_" + v.lifecycle().name()));
        v.reasons().forEach(r -> out.addReasons(toProto(r)));
        if (v.brandId() != null) {
            out.setBrandId(v.brandId().toString()).setOwnerId(v.ownerId().toString()).setBatchId(v.batchId().toString());
        }
        if (v.firstScannedAt() != null) {
            out.setFirstScannedAt(ProtoTime.toProto(v.firstScannedAt()));
        }
        if (!v.lastBusinessStep().isEmpty()) {
            out.setLastBusinessStep(BusinessStep.valueOf("BUSINESS_STEP_" + v.lastBusinessStep()));
        }
        if (v.scanId() != null) {
            out.setScanId(v.scanId());
        }
        if (v.logIndex() != null) {
            out.setLogIndex(v.logIndex());
        }
        return out.build();
    }

    static SuspectReason toProto(ScanRules.Reason r) {
        return SuspectReason.newBuilder().setCode(SuspectReasonCode.valueOf("SUSPECT_REASON_CODE_" + r.code().name()))
                .setExplanation(r.explanation()).putAllDetails(r.details()).build();
    }

    static LifecycleEvent toProto(LifecycleEvents.Recorded e) {
        LifecycleEventInput data;
        try {
            data = LifecycleEventInput.parseFrom(e.input());
        } catch (InvalidProtocolBufferException ex) {
            throw new IllegalStateException("stored event " + e.eventId() + " does not parse", ex);
        }
        return LifecycleEvent.newBuilder().setData(data).setOwnerId(e.ownerId().toString())
                .setRecordedBy(Actor.newBuilder().setSubject(e.recordedBy())
                        .setRole(Caller.ADMIN.equals(e.recordedRole()) ? Role.ROLE_ADMIN : Role.ROLE_RIGHTS_OWNER)
                        .setOwnerId(e.ownerId().toString()))
                .setRecordedAt(ProtoTime.toProto(e.recordedAt())).setLogIndex(e.logIndex()).setCodeCount(e.codeCount())
                .build();
    }

    static LifecycleEvents.NewEvent newEvent(LifecycleEventInput in) {
        String action = in.getAction() == LifecycleAction.LIFECYCLE_ACTION_UNSPECIFIED || in.getAction() == LifecycleAction.UNRECOGNIZED
                ? "" : in.getAction().name().substring("LIFECYCLE_ACTION_".length());
        String step = in.getBusinessStep() == BusinessStep.BUSINESS_STEP_UNSPECIFIED || in.getBusinessStep() == BusinessStep.UNRECOGNIZED
                ? "" : in.getBusinessStep().name().substring("BUSINESS_STEP_".length());
        return new LifecycleEvents.NewEvent(in.getEventId(), action, step, in.getCodesList(),
                in.hasRange() ? in.getRange().getBatchId() : "", in.getRange().getStartIndex(), in.getRange().getEndIndex(),
                in.hasEventTime() ? ProtoTime.fromProto(in.getEventTime()) : null, in.getEventTimeZoneOffset(),
                in.getPlace().getReadPoint(), in.getPlace().getBusinessLocation(), in.getPlace().getCountry(),
                in.toByteArray());
    }

    static Verifications.ScanInput scan(String field, ScanContext c) {
        ScanRules.GeoPoint location = null;
        if (c.hasLocation()) {
            try {
                location = new ScanRules.GeoPoint(c.getLocation().getLatitude(), c.getLocation().getLongitude());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(field + ".location", "VALUE_OUT_OF_RANGE",
                        "location must be latitude -90..90 and longitude -180..180");
            }
        }
        return new Verifications.ScanInput(c.getCountry(), location,
                c.getChannel() == ScanChannel.UNRECOGNIZED ? ScanChannel.SCAN_CHANNEL_UNSPECIFIED.name() : c.getChannel().name(),
                c.getDeviceHint(), c.hasScannedAt() ? ProtoTime.fromProto(c.getScannedAt()) : null);
    }

    static ItemError itemError(DomainException e) {
        return ItemError.newBuilder().setCode(DomainExceptionMapper.code(e.kind()).value())
                .setDetail(ErrorDetail.newBuilder().setReason(e.reason()).setField(e.field())
                        .setMessage(e.getMessage() == null ? "" : e.getMessage()))
                .build();
    }

    static PageInfo pageInfo(String cursor, boolean more) {
        return PageInfo.newBuilder().setEndCursor(cursor).setHasNextPage(more).build();
    }
}
