package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.cloudsword.api.brand.v1.BatchMatchCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.BatchMatchCustomsRecordationsResponse;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.CustomsLineMatch;
import io.cloudsword.api.brand.v1.CustomsLineQuery;
import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.DetentionContact;
import io.cloudsword.api.brand.v1.GetCustomsRecordationRequest;
import io.cloudsword.api.brand.v1.IdentificationAid;
import io.cloudsword.api.brand.v1.ListCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationRequest;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationResponse;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
import io.cloudsword.api.brand.v1.SearchCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.TradeParty;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.brand.v1.UpdateCustomsRecordationRequest;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.kit.Gtin;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Customs recordations through the real gRPC server, the domain and PostgreSQL. */
@QuarkusTest
class CustomsRecordationGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CustomsAuthority GACC = CustomsAuthority.CUSTOMS_AUTHORITY_CN_GACC;
    private static final CustomsAuthority AFA = CustomsAuthority.CUSTOMS_AUTHORITY_EU_AFA;

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    @Inject
    Pool db;

    BrandRegistryService admin;
    String ownerId;
    BrandRegistryService owner;
    String prefix;
    Brand brand;
    String trademarkId;

    @BeforeEach
    void anOwnerWithABrandAndATrademark() {
        admin = as(TestTokens.token("admin"));
        ownerId = registerOwner();
        owner = as(TestTokens.ownerToken(ownerId));
        prefix = String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        brand = registerBrand(ownerId, prefix);
        trademarkId = registerTrademark(owner, brand.getId(), TrademarkStatus.TRADEMARK_STATUS_REGISTERED);
    }

    @Test
    void registersOnceNormalizedAndDerivesTheBrands() {
        Brand second = registerBrand(ownerId, null);
        String secondMark = registerTrademark(owner, second.getId(), TrademarkStatus.TRADEMARK_STATUS_REGISTERED);
        String number = "gacc " + UUID.randomUUID().toString().substring(0, 8) + " x";
        RegisterCustomsRecordationResponse first = owner.registerCustomsRecordation(request(GACC, number)
                .addTrademarkIds(secondMark).addAuthenticGtins(gtin13(prefix, 7)).build())
                .await().atMost(WAIT);
        assertTrue(first.getCreated());
        CustomsRecordation r = first.getRecordation();
        assertEquals(number.replace(" ", "").toUpperCase(), r.getRecordationNumber());
        assertEquals(ownerId, r.getOwnerId());
        assertEquals(2, r.getBrandIdsCount());
        assertTrue(r.getBrandIdsList().containsAll(List.of(brand.getId(), second.getId())));
        assertEquals(List.of("0" + gtin13(prefix, 7)), r.getAuthenticGtinsList(), "stored as GTIN-14");
        assertEquals(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_ACTIVE, r.getStatus());
        assertEquals("ops@brand.example", r.getDetentionContact().getEmail());
        assertEquals(List.of("a1b2c3d4e5f60718"), r.getIdentificationAids(0).getImageHashesList());
        assertEquals("CN", r.getAuthorizedDistributors(0).getCountry());
        assertEquals(2L, changes(r.getId()), "one change per covered brand");

        RegisterCustomsRecordationResponse again = owner.registerCustomsRecordation(request(GACC,
                number.toUpperCase().replace(" ", "")).build()).await().atMost(WAIT);
        assertFalse(again.getCreated());
        assertEquals(r, again.getRecordation());
        assertEquals(2L, changes(r.getId()), "a repeat records nothing");

        assertEquals(r, owner.getCustomsRecordation(GetCustomsRecordationRequest.newBuilder().setId(r.getId()).build())
                .await().atMost(WAIT).getRecordation());
    }

    @Test
    void aNumberHeldByAnotherOwnerIsRefused() {
        String number = "N-" + UUID.randomUUID();
        owner.registerCustomsRecordation(request(AFA, number).build()).await().atMost(WAIT);
        String otherId = registerOwner();
        BrandRegistryService other = as(TestTokens.ownerToken(otherId));
        Brand otherBrand = registerBrand(otherId, null);
        String otherMark = registerTrademark(other, otherBrand.getId(), TrademarkStatus.TRADEMARK_STATUS_REGISTERED);
        assertRefused(Status.Code.ALREADY_EXISTS, "recordation_number", "RECORDATION_NUMBER_TAKEN",
                other.registerCustomsRecordation(request(AFA, number).setTrademarkIds(0, otherMark).build()));
        assertEquals(1L, count("SELECT count(*) FROM customs_recordation WHERE recordation_number = '"
                + number.toUpperCase() + "'"));
    }

    @Test
    void coveredTrademarksMustBeTheCallersOwnAndInForce() {
        String otherId = registerOwner();
        BrandRegistryService other = as(TestTokens.ownerToken(otherId));
        String number = "N-" + UUID.randomUUID();
        long before = count("SELECT count(*) FROM customs_recordation");
        long changesBefore = count("SELECT count(*) FROM brand_change WHERE kind = 'CUSTOMS_RECORDATION'");
        assertRefused(Status.Code.PERMISSION_DENIED, "trademark_ids[0]", "NOT_OWNER",
                other.registerCustomsRecordation(request(GACC, number).build()));
        assertRefused(Status.Code.NOT_FOUND, "trademark_ids[1]", "TRADEMARK_NOT_FOUND",
                owner.registerCustomsRecordation(request(GACC, number).addTrademarkIds(UUID.randomUUID().toString())
                        .build()));
        String pending = registerTrademark(owner, brand.getId(), TrademarkStatus.TRADEMARK_STATUS_PENDING);
        assertRefused(Status.Code.FAILED_PRECONDITION, "trademark_ids[1]", "TRADEMARK_NOT_IN_FORCE",
                owner.registerCustomsRecordation(request(GACC, number).addTrademarkIds(pending).build()));
        assertEquals(before, count("SELECT count(*) FROM customs_recordation"), "nothing stored after refusals");
        assertEquals(changesBefore, count("SELECT count(*) FROM brand_change WHERE kind = 'CUSTOMS_RECORDATION'"));
    }

    @Test
    void badFieldsAreRefusedByNameAndNothingIsStored() {
        String n = "N-" + UUID.randomUUID();
        long before = count("SELECT count(*) FROM customs_recordation");
        refused("authority", "FIELD_REQUIRED", request(GACC, n).setAuthority(CustomsAuthority.CUSTOMS_AUTHORITY_UNSPECIFIED));
        refused("recordation_number", "FIELD_REQUIRED", request(GACC, "  "));
        refused("trademark_ids", "FIELD_REQUIRED", request(GACC, n).clearTrademarkIds());
        refused("hs_codes[2]", "INVALID_HS_CODE", request(GACC, n).addHsCodes("64041"));
        refused("hs_codes", "FIELD_REQUIRED", request(GACC, n).clearHsCodes());
        refused("territories", "FIELD_REQUIRED", request(GACC, n).clearTerritories());
        refused("territories[1]", "INVALID_COUNTRY", request(GACC, n).addTerritories("ZZ"));
        refused("authentic_gtins[0]", "INVALID_GTIN", request(GACC, n).addAuthenticGtins("6291041500214"));
        refused("authentic_image_hashes[0]", "INVALID_IMAGE_HASH", request(GACC, n).addAuthenticImageHashes("xyz"));
        refused("identification_aids[0].document_sha256s[0]", "INVALID_DOCUMENT_HASH", request(GACC, n)
                .setIdentificationAids(0, IdentificationAid.newBuilder().setDescription("Hologram")
                        .addDocumentSha256S("abc")));
        refused("authorized_distributors[0].country", "INVALID_COUNTRY", request(GACC, n)
                .setAuthorizedDistributors(0, TradeParty.newBuilder().setName("Acme").setCountry("XX")));
        refused("detention_contact", "FIELD_REQUIRED", request(GACC, n).clearDetentionContact());
        refused("detention_contact.email", "INVALID_EMAIL", request(GACC, n)
                .setDetentionContact(contact().setEmail("not-an-email")));
        refused("detention_contact.phone", "FIELD_REQUIRED", request(GACC, n).setDetentionContact(contact().setPhone("")));
        refused("detention_contact.name", "FIELD_REQUIRED", request(GACC, n).setDetentionContact(contact().setName("")));
        refused("valid_until", "FIELD_REQUIRED", request(GACC, n).clearValidUntil());
        refused("valid_until", "INVALID_DATE", request(GACC, n).setValidUntil(CalendarDate.newBuilder().setYear(2025)
                .setMonth(2).setDay(30)));
        refused("valid_until", "INVALID_DATE_RANGE", request(GACC, n).setValidUntil(date(LocalDate.now().minusYears(2))));
        refused("status", "VALUE_OUT_OF_RANGE", request(GACC, n)
                .setStatus(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_WITHDRAWN));
        assertEquals(before, count("SELECT count(*) FROM customs_recordation"));
    }

    @Test
    void aChinaGaccRecordationLastsAtMostTenYears() {
        LocalDate from = LocalDate.of(2024, 3, 1);
        CustomsRecordation tenYears = owner.registerCustomsRecordation(request(GACC, "N-" + UUID.randomUUID())
                .setValidFrom(date(from)).setValidUntil(date(from.plusYears(10))).build()).await().atMost(WAIT)
                .getRecordation();
        assertEquals(date(LocalDate.of(2034, 3, 1)), tenYears.getValidUntil());

        String n = "N-" + UUID.randomUUID();
        assertRefused(Status.Code.INVALID_ARGUMENT, "valid_until", "VALUE_OUT_OF_RANGE",
                owner.registerCustomsRecordation(request(GACC, n).setValidFrom(date(from))
                        .setValidUntil(date(from.plusYears(10).plusDays(1))).build()));
        assertEquals(0L, count("SELECT count(*) FROM customs_recordation WHERE recordation_number = '" + n + "'"));
        assertTrue(owner.registerCustomsRecordation(request(AFA, n).setValidFrom(date(from))
                .setValidUntil(date(from.plusYears(10).plusDays(1))).build()).await().atMost(WAIT).getCreated(),
                "the ten-year limit is GACC's");

        assertRefused(Status.Code.INVALID_ARGUMENT, "recordation.valid_until", "VALUE_OUT_OF_RANGE",
                owner.updateCustomsRecordation(UpdateCustomsRecordationRequest.newBuilder()
                        .setRecordation(tenYears.toBuilder().setValidUntil(date(from.plusYears(10).plusDays(1))))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("valid_until")).build()));
    }

    @Test
    void expiryIsDerivedFromValidUntil() {
        CustomsRecordation expired = owner.registerCustomsRecordation(request(AFA, "N-" + UUID.randomUUID())
                .setValidFrom(date(LocalDate.of(2019, 1, 1))).setValidUntil(date(LocalDate.of(2020, 12, 31))).build())
                .await().atMost(WAIT).getRecordation();
        assertEquals(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_EXPIRED, expired.getStatus());
        assertEquals(1L, count("SELECT count(*) FROM customs_recordation WHERE id = '" + expired.getId()
                + "' AND status = 'ACTIVE'"), "EXPIRED is never stored");
        CustomsRecordation active = owner.registerCustomsRecordation(request(AFA, "N-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getRecordation();

        assertEquals(List.of(expired.getId()), ids(owner.listCustomsRecordations(ListCustomsRecordationsRequest
                .newBuilder().setOwnerId(ownerId).addStatuses(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_EXPIRED)
                .build()).await().atMost(WAIT).getRecordationsList()));
        assertEquals(List.of(active.getId()), ids(owner.listCustomsRecordations(ListCustomsRecordationsRequest
                .newBuilder().setOwnerId(ownerId).addStatuses(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_ACTIVE)
                .build()).await().atMost(WAIT).getRecordationsList()));
        assertEquals(List.of(active.getId()), ids(search(admin, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()))), "only recordations in force by default");
        assertEquals(List.of(expired.getId(), active.getId()), ids(search(admin, SearchCustomsRecordationsRequest
                .newBuilder().setBrandId(brand.getId()).setIncludeInactive(true))));
        assertEquals(List.of(expired.getId()), ids(search(admin, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()).setInForceOn(date(LocalDate.of(2020, 12, 31))))), "valid_until is inclusive");
    }

    @Test
    void updateWithdrawsAndOnlyTheOwnerMayChange() {
        CustomsRecordation r = owner.registerCustomsRecordation(request(AFA, "N-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getRecordation();
        UpdateCustomsRecordationRequest withdraw = UpdateCustomsRecordationRequest.newBuilder()
                .setRecordation(r.toBuilder().setStatus(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_WITHDRAWN)
                        .clearHsCodes().addHsCodes("4202"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("status").addPaths("hs_codes")).build();
        BrandRegistryService other = as(TestTokens.ownerToken(registerOwner()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", other.updateCustomsRecordation(withdraw));
        assertEquals(1L, changes(r.getId()), "nothing recorded after the refusal");
        assertEquals(1L, count("SELECT count(*) FROM customs_recordation WHERE id = '" + r.getId()
                + "' AND status = 'ACTIVE' AND hs_codes = '{6403,640411}'"), "unchanged");

        CustomsRecordation withdrawn = owner.updateCustomsRecordation(withdraw).await().atMost(WAIT).getRecordation();
        assertEquals(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_WITHDRAWN, withdrawn.getStatus());
        assertEquals(List.of("4202"), withdrawn.getHsCodesList());
        assertEquals(r.getRecordationNumber(), withdrawn.getRecordationNumber());
        assertEquals(2L, changes(r.getId()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "update_mask.paths[0]", "INVALID_UPDATE_MASK",
                owner.updateCustomsRecordation(withdraw.toBuilder().setUpdateMask(FieldMask.newBuilder()
                        .addPaths("recordation_number")).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "recordation.status", "VALUE_OUT_OF_RANGE",
                owner.updateCustomsRecordation(withdraw.toBuilder().setRecordation(r.toBuilder()
                        .setStatus(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_EXPIRED))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
    }

    @Test
    void visibilityOwnerStaffAndTheCustomsOfItsAuthority() {
        CustomsRecordation r = owner.registerCustomsRecordation(request(GACC, "N-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getRecordation();
        GetCustomsRecordationRequest get = GetCustomsRecordationRequest.newBuilder().setId(r.getId()).build();
        assertEquals(r, as(customsToken("CN_GACC")).getCustomsRecordation(get).await().atMost(WAIT).getRecordation());
        assertEquals(r, as(TestTokens.token("reviewer")).getCustomsRecordation(get).await().atMost(WAIT)
                .getRecordation());
        assertEquals(r, as(TestTokens.token("system")).getCustomsRecordation(get).await().atMost(WAIT)
                .getRecordation());
        assertRefused(Status.Code.NOT_FOUND, "id", "RECORDATION_NOT_FOUND",
                as(customsToken("EU_AFA")).getCustomsRecordation(get));
        assertRefused(Status.Code.NOT_FOUND, "id", "RECORDATION_NOT_FOUND",
                as(TestTokens.ownerToken(registerOwner())).getCustomsRecordation(get));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(TestTokens.token("consumer")).getCustomsRecordation(get));
        assertRefused(Status.Code.PERMISSION_DENIED, "authority", "NOT_OWNER",
                as(customsToken("EU_AFA")).searchCustomsRecordations(SearchCustomsRecordationsRequest.newBuilder()
                        .setAuthority(GACC).build()));
        assertEquals(List.of(), ids(search(as(customsToken("EU_AFA")), SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()))), "customs of another authority finds nothing");
        assertEquals(List.of(r.getId()), ids(search(as(customsToken("CUSTOMS_AUTHORITY_CN_GACC")),
                SearchCustomsRecordationsRequest.newBuilder().setBrandId(brand.getId()))));
        BrandRegistryService other = as(TestTokens.ownerToken(registerOwner()));
        assertEquals(List.of(), ids(search(other, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()))), "another owner finds nothing");
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", other.listCustomsRecordations(
                ListCustomsRecordationsRequest.newBuilder().setOwnerId(ownerId).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "owner_id", "FIELD_REQUIRED", owner.listCustomsRecordations(
                ListCustomsRecordationsRequest.newBuilder().build()));
    }

    @Test
    void searchMatchesGtinsHsCodesAndTerritories() {
        CustomsRecordation eu = owner.registerCustomsRecordation(request(AFA, "N-" + UUID.randomUUID())
                .clearTerritories().addTerritories("EU").build()).await().atMost(WAIT).getRecordation();
        Brand foreign = registerBrand(registerOwner(), null);
        String outsider = gtin13(String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L)), 1);
        CustomsRecordation us = owner.registerCustomsRecordation(request(CustomsAuthority.CUSTOMS_AUTHORITY_US_CBP,
                "N-" + UUID.randomUUID()).clearTerritories().addTerritories("US").clearHsCodes().addHsCodes("4202")
                .addAuthenticGtins(outsider).build()).await().atMost(WAIT).getRecordation();

        assertEquals(List.of(eu.getId(), us.getId()), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setGtin(gtin13(prefix, 5)))), "the brand owning the GTIN's prefix");
        assertEquals(List.of(us.getId()), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setGtin("0" + outsider))), "listed as authentic");
        assertEquals(List.of(eu.getId()), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()).setHsCode("640399"))), "6403 covers 640399");
        assertEquals(List.of(eu.getId()), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()).setHsCode("6404"))), "6404 covers 640411");
        assertEquals(List.of(), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()).setHsCode("6405"))));
        assertEquals(List.of(eu.getId()), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()).setTerritory("de"))), "EU covers its members");
        assertEquals(List.of(us.getId()), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()).setTerritory("US"))));
        assertEquals(List.of(us.getId()), ids(search(owner, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId()).setAuthority(CustomsAuthority.CUSTOMS_AUTHORITY_US_CBP))));
        assertEquals(List.of(), ids(search(admin, SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(foreign.getId()))));
        SearchCustomsRecordationsRequest.Builder paged = SearchCustomsRecordationsRequest.newBuilder()
                .setBrandId(brand.getId());
        paged.getPageBuilder().setFirst(1);
        var page1 = owner.searchCustomsRecordations(paged.build()).await().atMost(WAIT);
        assertEquals(List.of(eu.getId()), ids(page1.getRecordationsList()));
        assertTrue(page1.getPageInfo().getHasNextPage());
        paged.getPageBuilder().setAfter(page1.getPageInfo().getEndCursor());
        assertEquals(List.of(us.getId()), ids(owner.searchCustomsRecordations(paged.build()).await().atMost(WAIT)
                .getRecordationsList()));

        assertRefused(Status.Code.INVALID_ARGUMENT, "", "FIELD_REQUIRED",
                owner.searchCustomsRecordations(SearchCustomsRecordationsRequest.newBuilder().setTerritory("DE").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "hs_code", "INVALID_HS_CODE",
                owner.searchCustomsRecordations(SearchCustomsRecordationsRequest.newBuilder().setHsCode("640").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN",
                owner.searchCustomsRecordations(SearchCustomsRecordationsRequest.newBuilder().setGtin("123").build()));
    }

    @Test
    void batchMatchAnswersEveryLineWithRecordationsAndDistributors() {
        String outsider = gtin13(String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L)), 2);
        CustomsRecordation eu = owner.registerCustomsRecordation(request(AFA, "N-" + UUID.randomUUID())
                .clearTerritories().addTerritories("EU").addAuthenticGtins(outsider)
                .addAuthorizedDistributors(TradeParty.newBuilder().setName("Nord Handel GmbH").setCountry("DE")
                        .setIdentifier("DE123456789012345")).build())
                .await().atMost(WAIT).getRecordation();
        owner.registerCustomsRecordation(request(GACC, "N-" + UUID.randomUUID()).build()).await().atMost(WAIT);

        BatchMatchCustomsRecordationsRequest.Builder request = BatchMatchCustomsRecordationsRequest.newBuilder()
                .setAuthority(AFA).setTerritory("DE")
                .setConsignor(TradeParty.newBuilder().setName("Other Name Ltd").setIdentifier("cn 9131 0000 ABC"))
                .addLines(CustomsLineQuery.newBuilder().setBrandId(brand.getId()).setHsCode("640411"))
                .addLines(CustomsLineQuery.newBuilder().setGtin(gtin13(prefix, 9)).setHsCode("6403"))
                .addLines(CustomsLineQuery.newBuilder().setGtin(outsider))
                .addLines(CustomsLineQuery.newBuilder().setGtin("6291041500214"))
                .addLines(CustomsLineQuery.newBuilder().setBrandId(brand.getId()).setHsCode("64"))
                .addLines(CustomsLineQuery.newBuilder().setBrandId(brand.getId()).setHsCode("4202"))
                .addLines(CustomsLineQuery.newBuilder());
        BatchMatchCustomsRecordationsResponse response = as(customsToken("EU_AFA"))
                .batchMatchCustomsRecordations(request.build()).await().atMost(WAIT);
        List<CustomsLineMatch> m = response.getMatchesList();
        assertEquals(7, m.size());
        assertEquals(List.of(eu.getId()), m.get(0).getRecordationIdsList());
        assertTrue(m.get(0).getConsignorAuthorized(), "identifiers match without case and spaces");
        assertFalse(m.get(0).getGtinListedAsAuthentic());
        assertEquals(List.of(eu.getId()), m.get(1).getRecordationIdsList(), "via the GTIN's prefix owner");
        assertEquals(1, m.get(1).getIndex());
        assertEquals(List.of(eu.getId()), m.get(2).getRecordationIdsList());
        assertTrue(m.get(2).getGtinListedAsAuthentic());
        assertEquals("INVALID_GTIN", m.get(3).getError().getDetail().getReason());
        assertEquals("lines[3].gtin", m.get(3).getError().getDetail().getField());
        assertEquals("INVALID_HS_CODE", m.get(4).getError().getDetail().getReason());
        assertEquals("lines[4].hs_code", m.get(4).getError().getDetail().getField());
        assertEquals(List.of(), m.get(5).getRecordationIdsList());
        assertEquals(List.of(), m.get(6).getRecordationIdsList());
        assertEquals(List.of(eu.getId()), ids(response.getRecordationsList()), "each referenced recordation once");

        // An identifier that differs decides against a matching name; without identifiers the names decide.
        assertFalse(match(request.setConsignor(TradeParty.newBuilder().setName("Nord Handel GmbH")
                .setIdentifier("DE999")).build()).get(0).getConsignorAuthorized());
        assertTrue(match(request.setConsignor(TradeParty.newBuilder().setName(" nord  handel gmbh")).build())
                .get(0).getConsignorAuthorized());
        assertEquals(List.of(), match(request.setTerritory("US").build()).get(0).getRecordationIdsList());
        assertEquals(List.of(), match(request.setTerritory("DE").setOnDate(date(LocalDate.now().plusYears(3))).build())
                .get(0).getRecordationIdsList(), "not in force on that day");

        assertRefused(Status.Code.PERMISSION_DENIED, "authority", "NOT_OWNER",
                as(customsToken("CN_GACC")).batchMatchCustomsRecordations(request.build()));
        BatchMatchCustomsRecordationsRequest.Builder tooMany = BatchMatchCustomsRecordationsRequest.newBuilder()
                .setAuthority(AFA).setTerritory("DE");
        for (int i = 0; i < 1_001; i++) {
            tooMany.addLines(CustomsLineQuery.newBuilder().setBrandId(brand.getId()));
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "lines", "TOO_MANY_ITEMS",
                admin.batchMatchCustomsRecordations(tooMany.build()));
    }

    // ---------------------------------------------------------------------------------------

    private List<CustomsLineMatch> match(BatchMatchCustomsRecordationsRequest request) {
        return admin.batchMatchCustomsRecordations(request).await().atMost(WAIT).getMatchesList();
    }

    private List<CustomsRecordation> search(BrandRegistryService client, SearchCustomsRecordationsRequest.Builder r) {
        return client.searchCustomsRecordations(r.build()).await().atMost(WAIT).getRecordationsList();
    }

    private static List<String> ids(List<CustomsRecordation> recordations) {
        return recordations.stream().map(CustomsRecordation::getId).toList();
    }

    private void refused(String field, String reason, RegisterCustomsRecordationRequest.Builder request) {
        assertRefused(Status.Code.INVALID_ARGUMENT, field, reason, owner.registerCustomsRecordation(request.build()));
    }

    private RegisterCustomsRecordationRequest.Builder request(CustomsAuthority authority, String number) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return RegisterCustomsRecordationRequest.newBuilder().setAuthority(authority).setRecordationNumber(number)
                .addTrademarkIds(trademarkId).addHsCodes("6403").addHsCodes("640411").addTerritories("CN")
                .addIdentificationAids(IdentificationAid.newBuilder().setDescription("Hologram on the tongue label")
                        .setLanguage("en").addImageHashes("A1B2C3D4E5F60718"))
                .addAuthorizedDistributors(TradeParty.newBuilder().setName("Shanghai Trading Co").setCountry("cn")
                        .setIdentifier("CN91310000ABC"))
                .setDetentionContact(contact())
                .setValidFrom(date(today.minusYears(1))).setValidUntil(date(today.plusYears(2)));
    }

    private static DetentionContact.Builder contact() {
        return DetentionContact.newBuilder().setName("Li Wei").setOrganization("Brand Legal").setEmail("ops@brand.example")
                .setPhone("+8613800138000").addLanguages("zh-Hans");
    }

    private static CalendarDate date(LocalDate d) {
        return CalendarDate.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth())
                .build();
    }

    /** A valid GTIN-13 under a 9-digit GS1 prefix. */
    private static String gtin13(String prefix, int item) {
        String body = prefix + String.format("%03d", item);
        return body + Gtin.checkDigit(body);
    }

    private static String customsToken(String authority) {
        return TestTokens.TOKENS.token("officer-" + authority).role("customs").claim("customs_authority", authority)
                .sign();
    }

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    private String registerOwner() {
        return admin.registerRightsOwner(RegisterRightsOwnerRequest.newBuilder().setLegalName("Recordation Test Ltd")
                .setCountry("CN").setAddress("1 Nanjing Road, Shanghai").setPhone("+8613800138000")
                .setEmail("legal@recordation.example").setTradeRegisterNumber("USCC-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getOwner().getId();
    }

    private Brand registerBrand(String owner, String gs1Prefix) {
        RegisterBrandRequest.Builder b = RegisterBrandRequest.newBuilder().setOwnerId(owner)
                .setName("Brand " + UUID.randomUUID());
        if (gs1Prefix != null) {
            b.addGs1CompanyPrefixes(gs1Prefix);
        }
        return admin.registerBrand(b.build()).await().atMost(WAIT).getBrand();
    }

    private static String registerTrademark(BrandRegistryService as, String brandId, TrademarkStatus status) {
        return as.registerTrademark(RegisterTrademarkRequest.newBuilder().setBrandId(brandId)
                .setOffice(TrademarkOffice.TRADEMARK_OFFICE_CNIPA).setRegistrationNumber("TM" + UUID.randomUUID())
                .setMarkText("MARK").addNiceClasses(25).addTerritories("CN")
                .setRegistrationDate(date(LocalDate.of(2020, 1, 1))).setExpiryDate(date(LocalDate.of(2040, 1, 1)))
                .setStatus(status).setEvidenceSha256("ab".repeat(32)).build()).await().atMost(WAIT).getTrademark()
                .getId();
    }

    private long changes(String entityId) {
        return count("SELECT count(*) FROM brand_change WHERE kind = 'CUSTOMS_RECORDATION' AND entity_id = '"
                + entityId + "'");
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
