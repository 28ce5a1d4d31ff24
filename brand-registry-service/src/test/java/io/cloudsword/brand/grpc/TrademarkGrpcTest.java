package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.BatchCheckRightStandingRequest;
import io.cloudsword.api.brand.v1.BatchGetTrademarksRequest;
import io.cloudsword.api.brand.v1.BatchGetTrademarksResponse;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.CheckRightStandingRequest;
import io.cloudsword.api.brand.v1.GetTrademarkRequest;
import io.cloudsword.api.brand.v1.ListTrademarksRequest;
import io.cloudsword.api.brand.v1.ListTrademarksResponse;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
import io.cloudsword.api.brand.v1.RegisterTrademarkResponse;
import io.cloudsword.api.brand.v1.RejectRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightStanding;
import io.cloudsword.api.brand.v1.RightStandingOutcome;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.SetTrustedFlaggerRequest;
import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.brand.v1.UpdateTrademarkRequest;
import io.cloudsword.api.brand.v1.VerifyRightsOwnerRequest;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Trademarks and right standing through the real gRPC server, the domain and PostgreSQL. */
@QuarkusTest
class TrademarkGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SHA = "3f".repeat(32);

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    @Inject
    Pool db;

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    private BrandRegistryService admin() {
        return as(TestTokens.token("admin"));
    }

    private BrandRegistryService system() {
        return as(TestTokens.token("system"));
    }

    private BrandRegistryService ownerOf(RightsOwner owner) {
        return as(TestTokens.ownerToken(owner.getId()));
    }

    @Test
    void anOwnerRegistersATrademarkNormalizedAndAnybodyReadsIt() {
        RightsOwner owner = owner();
        Brand brand = brand(owner);
        String number = number();
        RegisterTrademarkResponse registered = ownerOf(owner).registerTrademark(mark(brand, " " + number.toLowerCase()
                .replace("-", " - ") + " ").clearNiceClasses().addNiceClasses(25).addNiceClasses(3)
                .addNiceClasses(25).build()).await().atMost(WAIT);
        assertTrue(registered.getCreated());
        Trademark t = registered.getTrademark();
        assertEquals(number, t.getRegistrationNumber());
        assertEquals(List.of(3, 25), t.getNiceClassesList());
        assertEquals(owner.getId(), t.getOwnerId());
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_REGISTERED, t.getStatus());
        assertEquals(date(2030, 5, 1), t.getExpiryDate());

        assertEquals(t, anonymous.getTrademark(GetTrademarkRequest.newBuilder().setId(t.getId()).build())
                .await().atMost(WAIT).getTrademark());
        String unknown = UUID.randomUUID().toString();
        BatchGetTrademarksResponse batch = anonymous.batchGetTrademarks(BatchGetTrademarksRequest.newBuilder()
                .addIds(unknown).addIds(t.getId()).addIds(t.getId()).build()).await().atMost(WAIT);
        assertEquals(List.of(t), batch.getTrademarksList());
        assertEquals(List.of(unknown), batch.getMissingIdsList());
        assertEquals(1L, count("SELECT count(*) FROM brand_change WHERE kind = 'TRADEMARK' AND entity_id = '"
                + t.getId() + "' AND brand_id = '" + brand.getId() + "'"));
        assertRefused(Status.Code.NOT_FOUND, "id", "TRADEMARK_NOT_FOUND",
                anonymous.getTrademark(GetTrademarkRequest.newBuilder().setId(unknown).build()));
    }

    @Test
    void theSameOwnerRegisteringTheSameNumberAgainGetsTheFirstAndNothingChanges() {
        RightsOwner owner = owner();
        Brand brand = brand(owner);
        String number = number();
        Trademark first = ownerOf(owner).registerTrademark(mark(brand, number).build()).await().atMost(WAIT)
                .getTrademark();
        long version = brandVersion(brand);
        RegisterTrademarkResponse again = ownerOf(owner).registerTrademark(mark(brand, number.toLowerCase())
                .clearNiceClasses().addNiceClasses(9).setMarkText("Changed").build()).await().atMost(WAIT);
        assertFalse(again.getCreated());
        assertEquals(first, again.getTrademark());
        assertEquals(version, brandVersion(brand), "a repeat writes nothing and records no change");
        assertEquals(1L, count("SELECT count(*) FROM trademark WHERE registration_number = '" + number + "'"));
    }

    @Test
    void anotherOwnerCannotRegisterANumberTakenAtTheSameOffice() {
        RightsOwner a = owner();
        RightsOwner b = owner();
        String number = number();
        ownerOf(a).registerTrademark(mark(brand(a), number).build()).await().atMost(WAIT);
        Brand brandB = brand(b);
        assertRefused(Status.Code.ALREADY_EXISTS, "registration_number", "DUPLICATE_REGISTRATION_NUMBER",
                ownerOf(b).registerTrademark(mark(brandB, number).build()));
        assertEquals(0L, count("SELECT count(*) FROM trademark WHERE brand_id = '" + brandB.getId() + "'"));
        // the same number at another office is another trademark
        assertTrue(ownerOf(b).registerTrademark(mark(brandB, number).setOffice(TrademarkOffice.TRADEMARK_OFFICE_USPTO)
                .build()).await().atMost(WAIT).getCreated());
    }

    @Test
    void badTrademarksAreRefusedByFieldAndNothingIsWritten() {
        RightsOwner owner = owner();
        Brand brand = brand(owner);
        BrandRegistryService client = ownerOf(owner);
        assertRefused(Status.Code.INVALID_ARGUMENT, "office", "INVALID_TRADEMARK_OFFICE", client.registerTrademark(
                mark(brand, number()).setOffice(TrademarkOffice.TRADEMARK_OFFICE_UNSPECIFIED).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "nice_classes[1]", "INVALID_NICE_CLASS", client.registerTrademark(
                mark(brand, number()).clearNiceClasses().addNiceClasses(25).addNiceClasses(0).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "nice_classes[0]", "INVALID_NICE_CLASS", client.registerTrademark(
                mark(brand, number()).clearNiceClasses().addNiceClasses(46).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "nice_classes", "FIELD_REQUIRED", client.registerTrademark(
                mark(brand, number()).clearNiceClasses().build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "territories[0]", "INVALID_COUNTRY", client.registerTrademark(
                mark(brand, number()).clearTerritories().addTerritories("XX").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "territories", "FIELD_REQUIRED", client.registerTrademark(
                mark(brand, number()).clearTerritories().build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "expiry_date", "INVALID_DATE_RANGE", client.registerTrademark(
                mark(brand, number()).setExpiryDate(date(2019, 12, 31)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "registration_date", "INVALID_DATE", client.registerTrademark(
                mark(brand, number()).setRegistrationDate(date(2023, 2, 30)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "registration_date", "FIELD_REQUIRED", client.registerTrademark(
                mark(brand, number()).clearRegistrationDate().build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "evidence_sha256", "FIELD_REQUIRED", client.registerTrademark(
                mark(brand, number()).setEvidenceSha256("").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "evidence_sha256", "INVALID_DOCUMENT_HASH",
                client.registerTrademark(mark(brand, number()).setEvidenceSha256("abc").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "mark_image_hash", "INVALID_IMAGE_HASH", client.registerTrademark(
                mark(brand, number()).setMarkImageHash("xyz").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "status", "VALUE_OUT_OF_RANGE", client.registerTrademark(
                mark(brand, number()).setStatus(TrademarkStatus.TRADEMARK_STATUS_CANCELLED).build()));
        assertRefused(Status.Code.NOT_FOUND, "brand_id", "BRAND_NOT_FOUND", client.registerTrademark(
                mark(brand, number()).setBrandId(UUID.randomUUID().toString()).build()));
        assertEquals(0L, count("SELECT count(*) FROM trademark WHERE brand_id = '" + brand.getId() + "'"));

        Trademark pending = client.registerTrademark(mark(brand, number()).clearRegistrationDate().clearExpiryDate()
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_PENDING).build()).await().atMost(WAIT).getTrademark();
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_PENDING, pending.getStatus());
        assertFalse(pending.hasRegistrationDate());
    }

    @Test
    void onlyTheBrandsOwnerRegistersAndChangesItsTrademarks() {
        RightsOwner a = owner();
        RightsOwner b = owner();
        Brand brandA = brand(a);
        Trademark t = ownerOf(a).registerTrademark(mark(brandA, number()).build()).await().atMost(WAIT).getTrademark();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                ownerOf(b).registerTrademark(mark(brandA, number()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", ownerOf(b).updateTrademark(update(t.toBuilder()
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_CANCELLED).build(), "status")));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(TestTokens.token("reviewer")).registerTrademark(mark(brandA, number()).build()));
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.registerTrademark(mark(brandA, number()).build()));
        assertEquals(1L, count("SELECT count(*) FROM trademark WHERE brand_id = '" + brandA.getId() + "'"));
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_REGISTERED, get(t).getStatus());
    }

    @Test
    void rejectedAndSuspendedOwnersRegisterNoTrademarks() {
        RightsOwner rejected = owner();
        Brand brandR = brand(rejected);
        as(TestTokens.token("reviewer")).rejectRightsOwner(RejectRightsOwnerRequest.newBuilder()
                .setId(rejected.getId()).setReason("documents forged").build()).await().atMost(WAIT);
        assertRefused(Status.Code.FAILED_PRECONDITION, "brand_id", "OWNER_NOT_VERIFIED",
                ownerOf(rejected).registerTrademark(mark(brandR, number()).build()));

        RightsOwner suspended = owner();
        Brand brandS = brand(suspended);
        suspend(suspended);
        assertRefused(Status.Code.FAILED_PRECONDITION, "brand_id", "OWNER_SUSPENDED",
                ownerOf(suspended).registerTrademark(mark(brandS, number()).build()));
        assertEquals(0L, count("SELECT count(*) FROM trademark WHERE brand_id IN ('" + brandR.getId() + "', '"
                + brandS.getId() + "')"));
    }

    @Test
    void aRegisteredMarkPastItsExpiryReadsExpiredAndListsFilterOnTheEffectiveStatus() {
        RightsOwner owner = owner();
        Brand brand = brand(owner);
        BrandRegistryService client = ownerOf(owner);
        Trademark expired = client.registerTrademark(mark(brand, number()).setRegistrationDate(date(2010, 1, 1))
                .setExpiryDate(date(2020, 1, 1)).build()).await().atMost(WAIT).getTrademark();
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_EXPIRED, expired.getStatus());
        assertEquals(1L, count("SELECT count(*) FROM trademark WHERE id = '" + expired.getId()
                + "' AND status = 'REGISTERED'"), "EXPIRED is derived, never stored");
        Trademark inForce = client.registerTrademark(mark(brand, number()).build()).await().atMost(WAIT)
                .getTrademark();
        Trademark pending = client.registerTrademark(mark(brand, number()).clearRegistrationDate().clearExpiryDate()
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_PENDING).build()).await().atMost(WAIT).getTrademark();
        Trademark uspto = client.registerTrademark(mark(brand, number()).setOffice(TrademarkOffice.TRADEMARK_OFFICE_USPTO)
                .build()).await().atMost(WAIT).getTrademark();

        assertEquals(List.of(expired.getId()), ids(list(ListTrademarksRequest.newBuilder().setBrandId(brand.getId())
                .addStatuses(TrademarkStatus.TRADEMARK_STATUS_EXPIRED))));
        assertEquals(java.util.Set.of(inForce.getId(), uspto.getId()), java.util.Set.copyOf(ids(list(
                ListTrademarksRequest.newBuilder().setBrandId(brand.getId())
                        .addStatuses(TrademarkStatus.TRADEMARK_STATUS_REGISTERED)))));
        assertEquals(List.of(pending.getId()), ids(list(ListTrademarksRequest.newBuilder().setOwnerId(owner.getId())
                .addStatuses(TrademarkStatus.TRADEMARK_STATUS_PENDING))));
        assertEquals(List.of(uspto.getId()), ids(list(ListTrademarksRequest.newBuilder().setBrandId(brand.getId())
                .setOffice(TrademarkOffice.TRADEMARK_OFFICE_USPTO))));
        assertEquals(List.of(inForce.getId()), ids(list(ListTrademarksRequest.newBuilder()
                .setOffice(TrademarkOffice.TRADEMARK_OFFICE_EUIPO)
                .setRegistrationNumber(inForce.getRegistrationNumber().toLowerCase()))));

        // one by one through the pages: office, then registration number
        List<Trademark> paged = new ArrayList<>();
        String after = "";
        do {
            ListTrademarksResponse page = list(ListTrademarksRequest.newBuilder().setBrandId(brand.getId())
                    .setPage(PageRequest.newBuilder().setFirst(1).setAfter(after)));
            paged.addAll(page.getTrademarksList());
            after = page.getPageInfo().getHasNextPage() ? page.getPageInfo().getEndCursor() : "";
        } while (!after.isEmpty());
        assertEquals(4, paged.size());
        List<String> keys = paged.stream().map(t -> t.getOffice().name() + " " + t.getRegistrationNumber()).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
        assertRefused(Status.Code.INVALID_ARGUMENT, "statuses[0]", "VALUE_OUT_OF_RANGE", anonymous.listTrademarks(
                ListTrademarksRequest.newBuilder().addStatuses(TrademarkStatus.TRADEMARK_STATUS_UNSPECIFIED).build()));
    }

    @Test
    void theOwnerRenewsAndCancelsWithTheSameChecksAsRegistration() {
        RightsOwner owner = owner();
        Brand brand = brand(owner);
        BrandRegistryService client = ownerOf(owner);
        Trademark t = client.registerTrademark(mark(brand, number()).setRegistrationDate(date(2010, 1, 1))
                .setExpiryDate(date(2020, 1, 1)).build()).await().atMost(WAIT).getTrademark();
        long version = brandVersion(brand);

        Trademark renewed = client.updateTrademark(update(t.toBuilder().setExpiryDate(date(2030, 1, 1))
                .setOffice(TrademarkOffice.TRADEMARK_OFFICE_USPTO).build(), "expiry_date")).await().atMost(WAIT)
                .getTrademark();
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_REGISTERED, renewed.getStatus());
        assertEquals(TrademarkOffice.TRADEMARK_OFFICE_EUIPO, renewed.getOffice(), "unmasked fields stay");
        assertEquals(version + 1, brandVersion(brand));

        assertRefused(Status.Code.INVALID_ARGUMENT, "trademark.nice_classes[0]", "INVALID_NICE_CLASS",
                client.updateTrademark(update(t.toBuilder().clearNiceClasses().addNiceClasses(50).build(),
                        "nice_classes")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "trademark.expiry_date", "INVALID_DATE_RANGE",
                client.updateTrademark(update(t.toBuilder().setExpiryDate(date(2009, 1, 1)).build(), "expiry_date")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "update_mask.paths[0]", "INVALID_UPDATE_MASK",
                client.updateTrademark(update(t, "office")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "trademark.status", "VALUE_OUT_OF_RANGE",
                client.updateTrademark(update(t.toBuilder().setStatus(TrademarkStatus.TRADEMARK_STATUS_EXPIRED).build(),
                        "status")));
        assertEquals(version + 1, brandVersion(brand), "refused updates change nothing");
        assertEquals(List.of(3, 25), get(t).getNiceClassesList());

        Trademark cancelled = client.updateTrademark(update(t.toBuilder()
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_CANCELLED).build(), "status")).await().atMost(WAIT)
                .getTrademark();
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_CANCELLED, cancelled.getStatus());
        assertEquals(3L, count("SELECT count(*) FROM brand_change WHERE kind = 'TRADEMARK' AND entity_id = '"
                + t.getId() + "'"));
        assertRefused(Status.Code.NOT_FOUND, "trademark.id", "TRADEMARK_NOT_FOUND", client.updateTrademark(
                update(t.toBuilder().setId(UUID.randomUUID().toString()).build(), "status")));
    }

    @Test
    void theVerifiedOwnerOfAMarkInForceHasStandingAndEveryFailureIsNamed() {
        RightsOwner holder = verifiedOwner();
        Brand brand = brand(holder);
        Trademark t = ownerOf(holder).registerTrademark(mark(brand, number()).build()).await().atMost(WAIT)
                .getTrademark();
        admin().setTrustedFlagger(SetTrustedFlaggerRequest.newBuilder().setOwnerId(holder.getId()).setTrusted(true)
                .setGrantingAuthority("Bundesnetzagentur (DE)").build()).await().atMost(WAIT);

        RightStanding valid = standing(system(), holder.getId(), t.getId(), null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, valid.getOutcome());
        assertEquals(holder.getId(), valid.getRightHolderOwnerId());
        assertEquals(brand.getId(), valid.getBrandId());
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, valid.getNotifierStatus());
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_REGISTERED, valid.getTrademarkStatus());
        assertTrue(valid.getTrustedFlagger());
        // the owner checks itself
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID,
                standing(ownerOf(holder), holder.getId(), t.getId(), null).getOutcome());

        // after the expiry date (2030-05-01) the mark no longer stands
        RightStanding later = standing(system(), holder.getId(), t.getId(), instant("2030-05-02T00:00:00Z"));
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_TRADEMARK_NOT_IN_FORCE, later.getOutcome());
        assertEquals(TrademarkStatus.TRADEMARK_STATUS_EXPIRED, later.getTrademarkStatus());
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID,
                standing(system(), holder.getId(), t.getId(), instant("2030-05-01T23:59:59Z")).getOutcome());

        RightsOwner stranger = verifiedOwner();
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER,
                standing(as(TestTokens.token("reviewer")), stranger.getId(), t.getId(), null).getOutcome());
        RightsOwner pending = owner();
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_NOT_VERIFIED,
                standing(system(), pending.getId(), t.getId(), null).getOutcome());
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_NOT_FOUND,
                standing(system(), UUID.randomUUID().toString(), t.getId(), null).getOutcome());
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_TRADEMARK_NOT_FOUND,
                standing(system(), holder.getId(), UUID.randomUUID().toString(), null).getOutcome());
        Trademark cancelled = ownerOf(holder).registerTrademark(mark(brand, number()).build()).await().atMost(WAIT)
                .getTrademark();
        ownerOf(holder).updateTrademark(update(cancelled.toBuilder().setStatus(TrademarkStatus.TRADEMARK_STATUS_CANCELLED)
                .build(), "status")).await().atMost(WAIT);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_TRADEMARK_NOT_IN_FORCE,
                standing(system(), holder.getId(), cancelled.getId(), null).getOutcome());
        suspend(holder);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_SUSPENDED,
                standing(system(), holder.getId(), t.getId(), null).getOutcome());
    }

    @Test
    void batchChecksAnswerInOrderWithItemErrorsAndOwnersCheckOnlyThemselves() {
        RightsOwner holder = verifiedOwner();
        Trademark t = ownerOf(holder).registerTrademark(mark(brand(holder), number()).build()).await().atMost(WAIT)
                .getTrademark();
        List<RightStanding> results = system().batchCheckRightStanding(BatchCheckRightStandingRequest.newBuilder()
                .addChecks(check(holder.getId(), t.getId()))
                .addChecks(check("nope", t.getId()))
                .addChecks(check(holder.getId(), ""))
                .addChecks(check(UUID.randomUUID().toString(), t.getId())).build()).await().atMost(WAIT).getResultsList();
        assertEquals(4, results.size());
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, results.get(0).getOutcome());
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_UNSPECIFIED, results.get(1).getOutcome());
        assertEquals("checks[1].notifier_owner_id", results.get(1).getError().getDetail().getField());
        assertEquals("INVALID_FORMAT", results.get(1).getError().getDetail().getReason());
        assertEquals(Status.Code.INVALID_ARGUMENT.value(), results.get(1).getError().getCode());
        assertEquals("checks[2].trademark_id", results.get(2).getError().getDetail().getField());
        assertEquals("FIELD_REQUIRED", results.get(2).getError().getDetail().getReason());
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_NOT_FOUND, results.get(3).getOutcome());

        RightsOwner other = verifiedOwner();
        List<RightStanding> own = ownerOf(other).batchCheckRightStanding(BatchCheckRightStandingRequest.newBuilder()
                .addChecks(check(other.getId(), t.getId())).addChecks(check(holder.getId(), t.getId())).build())
                .await().atMost(WAIT).getResultsList();
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER, own.get(0).getOutcome());
        assertEquals("NOT_OWNER", own.get(1).getError().getDetail().getReason());
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", ownerOf(other).checkRightStanding(
                check(holder.getId(), t.getId())));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED", as(TestTokens.token("consumer"))
                .checkRightStanding(check(holder.getId(), t.getId())));
        assertRefused(Status.Code.INVALID_ARGUMENT, "notifier_owner_id", "FIELD_REQUIRED", system().checkRightStanding(
                check("", t.getId())));
        BatchCheckRightStandingRequest.Builder tooMany = BatchCheckRightStandingRequest.newBuilder();
        for (int i = 0; i < 501; i++) {
            tooMany.addChecks(check(holder.getId(), t.getId()));
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "checks", "TOO_MANY_ITEMS",
                system().batchCheckRightStanding(tooMany.build()));
    }

    // --- helpers

    private RightStanding standing(BrandRegistryService client, String notifier, String trademark, Timestamp at) {
        CheckRightStandingRequest.Builder request = check(notifier, trademark).toBuilder();
        if (at != null) {
            request.setAt(at);
        }
        return client.checkRightStanding(request.build()).await().atMost(WAIT).getStanding();
    }

    private static CheckRightStandingRequest check(String notifier, String trademark) {
        return CheckRightStandingRequest.newBuilder().setNotifierOwnerId(notifier).setTrademarkId(trademark).build();
    }

    private static Timestamp instant(String iso) {
        return Timestamp.newBuilder().setSeconds(java.time.Instant.parse(iso).getEpochSecond()).build();
    }

    private ListTrademarksResponse list(ListTrademarksRequest.Builder request) {
        return anonymous.listTrademarks(request.build()).await().atMost(WAIT);
    }

    private static List<String> ids(ListTrademarksResponse response) {
        return response.getTrademarksList().stream().map(Trademark::getId).toList();
    }

    private Trademark get(Trademark t) {
        return anonymous.getTrademark(GetTrademarkRequest.newBuilder().setId(t.getId()).build()).await().atMost(WAIT)
                .getTrademark();
    }

    private static UpdateTrademarkRequest update(Trademark t, String... paths) {
        return UpdateTrademarkRequest.newBuilder().setTrademark(t)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build();
    }

    static RegisterTrademarkRequest.Builder mark(Brand brand, String number) {
        return RegisterTrademarkRequest.newBuilder().setBrandId(brand.getId())
                .setOffice(TrademarkOffice.TRADEMARK_OFFICE_EUIPO).setRegistrationNumber(number).setMarkText("ACME")
                .addNiceClasses(25).addNiceClasses(3).addTerritories("EU")
                .setRegistrationDate(date(2020, 5, 1)).setExpiryDate(date(2030, 5, 1))
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_REGISTERED).setEvidenceSha256(SHA);
    }

    /** A fresh number per test: tests share one database. */
    private static String number() {
        return "TM-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase();
    }

    static CalendarDate date(int y, int m, int d) {
        return CalendarDate.newBuilder().setYear(y).setMonth(m).setDay(d).build();
    }

    private RightsOwner owner() {
        return admin().registerRightsOwner(RegisterRightsOwnerRequest.newBuilder().setLegalName("Markenhaus GmbH")
                .setCountry("DE").setAddress("Hauptstrasse 1, 10115 Berlin").setPhone("+49 30 1234567")
                .setEmail("legal@markenhaus.example").setTradeRegisterNumber("HRB-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getOwner();
    }

    private RightsOwner verifiedOwner() {
        RightsOwner owner = owner();
        return as(TestTokens.token("reviewer")).verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder()
                .setId(owner.getId()).build()).await().atMost(WAIT).getOwner();
    }

    private void suspend(RightsOwner owner) {
        system().suspendRightsOwner(SuspendRightsOwnerRequest.newBuilder().setId(owner.getId())
                .setReason("manifestly unfounded notices").build()).await().atMost(WAIT);
    }

    private Brand brand(RightsOwner owner) {
        return ownerOf(owner).registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(owner.getId())
                .setName("Brand " + UUID.randomUUID()).build()).await().atMost(WAIT).getBrand();
    }

    private long brandVersion(Brand brand) {
        return count("SELECT version FROM brand WHERE id = '" + brand.getId() + "'");
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
