package io.cloudsword.verification.grpc;

import static io.cloudsword.verification.grpc.CodesTestSupport.WAIT;
import static io.cloudsword.verification.grpc.CodesTestSupport.issued;
import static io.cloudsword.verification.grpc.CodesTestSupport.owner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.verification.v1.BatchVerifyRequest;
import io.cloudsword.api.verification.v1.BatchVerifyResponse;
import io.cloudsword.api.verification.v1.BusinessStep;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeLifecycleStatus;
import io.cloudsword.api.verification.v1.CodeRange;
import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.GeoPoint;
import io.cloudsword.api.verification.v1.GetCodeRequest;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.LifecycleAction;
import io.cloudsword.api.verification.v1.LifecycleEventInput;
import io.cloudsword.api.verification.v1.ListLifecycleEventsRequest;
import io.cloudsword.api.verification.v1.ListScansRequest;
import io.cloudsword.api.verification.v1.ListScansResponse;
import io.cloudsword.api.verification.v1.Place;
import io.cloudsword.api.verification.v1.RecordLifecycleEventRequest;
import io.cloudsword.api.verification.v1.RecordLifecycleEventResponse;
import io.cloudsword.api.verification.v1.ScanChannel;
import io.cloudsword.api.verification.v1.ScanContext;
import io.cloudsword.api.verification.v1.SuspectReasonCode;
import io.cloudsword.api.verification.v1.VerificationService;
import io.cloudsword.api.verification.v1.VerifyRequest;
import io.cloudsword.api.verification.v1.Verdict;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.verification.grpc.CodesTestSupport.Owner;
import io.grpc.Metadata;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class VerifyTest {

    static final GeoPoint SHANGHAI = GeoPoint.newBuilder().setLatitude(31.23).setLongitude(121.47).build();
    static final GeoPoint PARIS = GeoPoint.newBuilder().setLatitude(48.86).setLongitude(2.35).build();

    @GrpcClient("verification")
    VerificationService anonymous;

    @Inject
    Pool db;

    /** An anonymous consumer with its own rate-limit allowance. */
    private VerificationService consumer() {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("x-client-key", Metadata.ASCII_STRING_MARSHALLER), "test-" + UUID.randomUUID());
        return GrpcClientUtils.attachHeaders(anonymous, m);
    }

    private static CodeVerification verify(VerificationService client, String code, ScanContext.Builder context) {
        return client.verify(VerifyRequest.newBuilder().setCode(code).setContext(context).build()).await().atMost(WAIT)
                .getVerification();
    }

    @Test
    void aCopiedCodeScannedInShanghaiAndThirtyMinutesLaterInParisIsSuspect() {
        Owner owner = owner(anonymous, List.of());
        IssuedCode code = CodesTestSupport.export(owner, issued(owner, owner.gtin(), 5).getId()).get(0);
        Instant now = Instant.now();
        // the owner's inspectors may back-date scans; consumers scan "now"
        CodeVerification first = verify(owner.client(), code.getDigitalLink(), ScanContext.newBuilder().setCountry("CN")
                .setLocation(SHANGHAI).setChannel(ScanChannel.SCAN_CHANNEL_BRAND_OWNER)
                .setScannedAt(ProtoTime.toProto(now.minusSeconds(30 * 60))));
        assertEquals(Verdict.VERDICT_GENUINE, first.getVerdict());
        assertEquals(1, first.getScanCount());
        assertEquals("CN", first.getFirstScanCountry());
        assertEquals(CodeLifecycleStatus.CODE_LIFECYCLE_STATUS_ISSUED, first.getLifecycleStatus());

        CodeVerification second = verify(consumer(), code.getDigitalLink(), ScanContext.newBuilder().setCountry("FR")
                .setLocation(PARIS).setChannel(ScanChannel.SCAN_CHANNEL_CONSUMER_WEB));
        assertEquals(Verdict.VERDICT_SUSPECT, second.getVerdict());
        assertEquals(1, second.getReasonsCount());
        assertEquals(SuspectReasonCode.SUSPECT_REASON_CODE_IMPOSSIBLE_TRAVEL, second.getReasons(0).getCode());
        assertEquals("CN", second.getReasons(0).getDetailsMap().get("previous_country"));
        assertTrue(Long.parseLong(second.getReasons(0).getDetailsMap().get("speed_kmh")) > 10_000);
        assertEquals(2, second.getScanCount());
        assertEquals("CN", second.getFirstScanCountry());

        // the owner sees both scans, newest first, with their verdicts; another owner does not
        ListScansResponse scans = owner.client().listScans(ListScansRequest.newBuilder().setCode(code.getDigitalLink())
                .build()).await().atMost(WAIT);
        assertEquals(2, scans.getScansCount());
        assertEquals(Verdict.VERDICT_SUSPECT, scans.getScans(0).getVerdict());
        assertEquals(48.9, scans.getScans(0).getLocation().getLatitude(), 1e-9, "stored coarse (0.1 degree)");
        assertEquals(Verdict.VERDICT_GENUINE, scans.getScans(1).getVerdict());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "code", "CODE_NOT_FOUND",
                owner(anonymous, List.of()).client().listScans(ListScansRequest.newBuilder()
                        .setCode(code.getDigitalLink()).build()));
        // a consumer may not back-date
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                consumer().verify(VerifyRequest.newBuilder().setCode(code.getDigitalLink()).setContext(ScanContext
                        .newBuilder().setScannedAt(ProtoTime.toProto(now.minusSeconds(60)))).build()));
    }

    @Test
    void scansOutsideTheTerritoryAndBeyondTheScanLimitAreSuspect() {
        Owner owner = owner(anonymous, List.of("EU"));
        IssuedCode code = CodesTestSupport.export(owner, issued(owner, owner.gtin(), 1).getId()).get(0);
        assertEquals(Verdict.VERDICT_GENUINE, verify(owner.client(), code.getDigitalLink(),
                ScanContext.newBuilder().setCountry("DE")).getVerdict());
        CodeVerification outside = verify(owner.client(), code.getDigitalLink(), ScanContext.newBuilder().setCountry("US"));
        assertEquals(SuspectReasonCode.SUSPECT_REASON_CODE_OUTSIDE_DISTRIBUTION_TERRITORY, outside.getReasons(0).getCode());
        CodeVerification last = null;
        for (int i = 3; i <= 21; i++) {
            last = verify(owner.client(), code.getDigitalLink(), ScanContext.newBuilder().setCountry("FR"));
        }
        assertEquals(21, last.getScanCount());
        assertEquals(SuspectReasonCode.SUSPECT_REASON_CODE_SCAN_COUNT_EXCEEDED, last.getReasons(0).getCode());
    }

    @Test
    void forgedMisplacedMalformedAndOversizedCodesAreRefusedAndStoreNothing() {
        Owner owner = owner(anonymous, List.of());
        CodeBatch batch = issued(owner, owner.gtin(), 3);
        IssuedCode code = CodesTestSupport.export(owner, batch.getId()).get(0);
        String link = code.getDigitalLink();
        String serial = code.getSerial();
        String host = link.substring(0, link.indexOf("/01/"));
        long scans = count("code_scan");
        long states = count("code_state");

        // right format, wrong MAC
        char last = serial.charAt(19);
        String forged = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertInvalid(forged);
        // a nonce no batch ever had
        assertInvalid(host + "/01/" + owner.gtin().substring(0, 1) + batch.getGtin().substring(1) + "/21/"
                + serial.charAt(0) + "_______" + serial.substring(8));
        // a valid serial moved to another GTIN (of the same brand)
        String otherGtin = owner.gtin();
        assertInvalid(host + "/01/" + otherGtin + "/21/" + serial);
        // a serial that merely looks like ours
        assertInvalid(host + "/01/" + batch.getGtin() + "/21/ABC");
        // a percent-encoded slash decodes to a character no serial of ours has
        assertInvalid(host + "/01/" + batch.getGtin() + "/21/" + serial.substring(0, 19) + "%2F");

        refused("https://example.com/not-a-digital-link", "INVALID_DIGITAL_LINK");
        refused("ftp://id.example/01/" + batch.getGtin() + "/21/" + serial, "INVALID_DIGITAL_LINK");
        int wrongCheckDigit = (batch.getGtin().charAt(13) - '0' + 1) % 10;
        refused(host + "/01/" + batch.getGtin().substring(0, 13) + wrongCheckDigit + "/21/" + serial, "INVALID_GTIN");
        refused(host + "/01/" + batch.getGtin() + "/21/" + "A".repeat(10_000), "INVALID_DIGITAL_LINK");
        refused(host + "/01/" + batch.getGtin() + "/21/" + "A".repeat(21), "INVALID_SERIAL");
        refused(host + "/01/" + batch.getGtin() + "/21/%C0%AF" + serial.substring(2), "INVALID_DIGITAL_LINK");
        refused(host + "/01/" + batch.getGtin() + "/21/%00" + serial.substring(1), "INVALID_SERIAL");
        refused(host + "/01/" + batch.getGtin() + "/21/%G1" + serial.substring(2), "INVALID_DIGITAL_LINK");
        refused(host + "/01/" + batch.getGtin() + "/21/%252F" + serial.substring(1), "INVALID_SERIAL");

        assertEquals(scans, count("code_scan"), "no scan stored for a refused or INVALID code");
        assertEquals(states, count("code_state"));
        // the service still answers the real code
        assertEquals(Verdict.VERDICT_GENUINE, verify(owner.client(), link, ScanContext.newBuilder()).getVerdict());
    }

    @Test
    void batchVerifyAnswersEachCodeInOrderAndAMalformedOneIsAnItemError() {
        Owner owner = owner(anonymous, List.of());
        List<IssuedCode> codes = CodesTestSupport.export(owner, issued(owner, owner.gtin(), 2).getId());
        BatchVerifyResponse r = owner.client().batchVerify(BatchVerifyRequest.newBuilder()
                .addRequests(VerifyRequest.newBuilder().setCode(codes.get(0).getDigitalLink()))
                .addRequests(VerifyRequest.newBuilder().setCode("garbage"))
                .addRequests(VerifyRequest.newBuilder().setCode(codes.get(1).getDigitalLink()))
                .build()).await().atMost(WAIT);
        assertEquals(3, r.getResultsCount());
        assertEquals(Verdict.VERDICT_GENUINE, r.getResults(0).getVerification().getVerdict());
        assertEquals("INVALID_DIGITAL_LINK", r.getResults(1).getError().getDetail().getReason());
        assertFalse(r.getResults(1).hasVerification());
        assertEquals(Verdict.VERDICT_GENUINE, r.getResults(2).getVerification().getVerdict());
    }

    @Test
    void anonymousClientsAreRateLimitedAndInvalidAnswersCostMore() {
        VerificationService client = consumer();
        String invalid = "https://id.example/01/09506000134352/21/AAAAAAAAAAAAAAAAAAAA";
        int answered = 0;
        Status.Code refusal = null;
        for (int i = 0; i < 30 && refusal == null; i++) {
            try {
                verify(client, invalid, ScanContext.newBuilder());
                answered++;
            } catch (io.grpc.StatusRuntimeException e) {
                refusal = e.getStatus().getCode();
            }
        }
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refusal);
        assertTrue(answered <= 3, "a burst of 30 allows about 3 INVALID answers at 10 each, got " + answered);
        // another client is not affected
        assertEquals(Verdict.VERDICT_INVALID, verify(consumer(), invalid, ScanContext.newBuilder()).getVerdict());
    }

    @Test
    void lifecycleEventsFollowEpcisRulesAndADecommissionedCodeScansSuspect() {
        Owner owner = owner(anonymous, List.of());
        CodeBatch batch = issued(owner, owner.gtin(), 10);
        List<IssuedCode> codes = CodesTestSupport.export(owner, batch.getId());
        RecordLifecycleEventResponse added = record(owner, event(LifecycleAction.LIFECYCLE_ACTION_ADD,
                BusinessStep.BUSINESS_STEP_COMMISSIONING).setRange(CodeRange.newBuilder().setBatchId(batch.getId())
                        .setStartIndex(0).setEndIndex(10)));
        assertTrue(added.getCreated());
        assertEquals(10, added.getEvent().getCodeCount());
        // delivered twice: one event
        assertFalse(record(owner, added.getEvent().getData().toBuilder()).getCreated());

        RecordLifecycleEventResponse sold = record(owner, event(LifecycleAction.LIFECYCLE_ACTION_DELETE,
                BusinessStep.BUSINESS_STEP_DECOMMISSIONING).addCodes(codes.get(3).getDigitalLink()));
        assertTrue(sold.getEvent().getLogIndex() > added.getEvent().getLogIndex());

        CodeVerification after = verify(owner.client(), codes.get(3).getDigitalLink(), ScanContext.newBuilder());
        assertEquals(Verdict.VERDICT_SUSPECT, after.getVerdict());
        assertEquals(SuspectReasonCode.SUSPECT_REASON_CODE_SCANNED_AFTER_DECOMMISSIONING, after.getReasons(0).getCode());
        assertEquals(CodeLifecycleStatus.CODE_LIFECYCLE_STATUS_DECOMMISSIONED, after.getLifecycleStatus());
        CodeVerification neighbour = owner.client().getCode(GetCodeRequest.newBuilder()
                .setCode(codes.get(4).getDigitalLink()).build()).await().atMost(WAIT).getVerification();
        assertEquals(CodeLifecycleStatus.CODE_LIFECYCLE_STATUS_COMMISSIONED, neighbour.getLifecycleStatus());
        assertEquals(BusinessStep.BUSINESS_STEP_COMMISSIONING, neighbour.getLastBusinessStep());
        assertEquals(0, neighbour.getScanCount());

        long events = count("lifecycle_event");
        // nothing but inspection after decommissioning; the rule names the state
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "event", "INVALID_STATE_TRANSITION",
                owner.client().recordLifecycleEvent(RecordLifecycleEventRequest.newBuilder().setEvent(
                        event(LifecycleAction.LIFECYCLE_ACTION_OBSERVE, BusinessStep.BUSINESS_STEP_SHIPPING)
                                .setRange(CodeRange.newBuilder().setBatchId(batch.getId()).setStartIndex(0).setEndIndex(5)))
                        .build()));
        // ADD goes with COMMISSIONING only
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "event.business_step",
                "INVALID_BUSINESS_STEP", owner.client().recordLifecycleEvent(RecordLifecycleEventRequest.newBuilder()
                        .setEvent(event(LifecycleAction.LIFECYCLE_ACTION_ADD, BusinessStep.BUSINESS_STEP_SHIPPING)
                                .addCodes(codes.get(0).getDigitalLink())).build()));
        // someone else's codes
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                owner(anonymous, List.of()).client().recordLifecycleEvent(RecordLifecycleEventRequest.newBuilder()
                        .setEvent(event(LifecycleAction.LIFECYCLE_ACTION_OBSERVE, BusinessStep.BUSINESS_STEP_SHIPPING)
                                .addCodes(codes.get(0).getDigitalLink())).build()));
        assertEquals(events, count("lifecycle_event"), "refused events are not stored");
        // inspecting a decommissioned code is allowed
        assertTrue(record(owner, event(LifecycleAction.LIFECYCLE_ACTION_OBSERVE, BusinessStep.BUSINESS_STEP_INSPECTING)
                .addCodes(codes.get(3).getDigitalLink())).getCreated());
        assertEquals(3, owner.client().listLifecycleEvents(ListLifecycleEventsRequest.newBuilder()
                .setCode(codes.get(3).getDigitalLink()).build()).await().atMost(WAIT).getEventsCount());
    }

    private static LifecycleEventInput.Builder event(LifecycleAction action, BusinessStep step) {
        return LifecycleEventInput.newBuilder().setEventId(UUID.randomUUID().toString()).setAction(action)
                .setBusinessStep(step).setEventTime(ProtoTime.toProto(Instant.now().minusSeconds(60)))
                .setEventTimeZoneOffset("+01:00").setPlace(Place.newBuilder().setCountry("DE")
                        .setReadPoint("urn:epc:id:sgln:4012345.00001.0"));
    }

    private static RecordLifecycleEventResponse record(Owner owner, LifecycleEventInput.Builder event) {
        return owner.client().recordLifecycleEvent(RecordLifecycleEventRequest.newBuilder().setEvent(event).build())
                .await().atMost(WAIT);
    }

    private void assertInvalid(String code) {
        CodeVerification v = verify(consumer(), code, ScanContext.newBuilder().setCountry("DE"));
        assertEquals(Verdict.VERDICT_INVALID, v.getVerdict(), code);
        assertEquals("", v.getScanId());
        assertEquals("", v.getBrandId());
    }

    private void refused(String code, String reason) {
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "code", reason,
                consumer().verify(VerifyRequest.newBuilder().setCode(code).build()));
    }

    private long count(String table) {
        return db.query("SELECT count(*) FROM " + table).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }
}
