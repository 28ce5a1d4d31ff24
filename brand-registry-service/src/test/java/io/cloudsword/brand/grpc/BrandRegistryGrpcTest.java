package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.BatchGetBrandsResponse;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.GetRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterBrandResponse;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.quarkus.grpc.GrpcClientUtils;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Through the real gRPC server, the domain and PostgreSQL, and back. */
@QuarkusTest
class BrandRegistryGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    /** Most tests act as an admin; the ownership tests below use owners' own tokens. */
    BrandRegistryService client;

    @BeforeEach
    void actAsAdmin() {
        client = as(TestTokens.token("admin"));
    }

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    @Inject
    Pool db;

    @Test
    void registersAnOwnerAsPendingAndReadsItBack() {
        RightsOwner owner = registerOwner("HRB-" + UUID.randomUUID());
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_PENDING, owner.getStatus());
        assertEquals("DE", owner.getCountry());
        RightsOwner read = client.getRightsOwner(GetRightsOwnerRequest.newBuilder().setId(owner.getId()).build())
                .await().atMost(WAIT).getOwner();
        assertEquals(owner, read);
    }

    @Test
    void registeringTheSameCompanyTwiceReturnsTheFirstRegistration() {
        String number = "HRB-" + UUID.randomUUID();
        RightsOwner first = registerOwner(number);
        RightsOwner again = registerOwner(number);
        assertEquals(first.getId(), again.getId());
        assertEquals(1L, count("SELECT count(*) FROM rights_owner WHERE trade_register_number = '" + number + "'"));
    }

    @Test
    void anotherLegalNameUnderARegisteredNumberIsRefusedAndNothingIsWritten() {
        String number = "HRB-" + UUID.randomUUID();
        registerOwner(number);
        assertRefused(Status.Code.ALREADY_EXISTS, "trade_register_number", "OWNER_ALREADY_REGISTERED",
                client.registerRightsOwner(ownerRequest(number).setLegalName("Impostor GmbH").build()));
        assertEquals(0L, count("SELECT count(*) FROM rights_owner WHERE legal_name = 'Impostor GmbH'"));
    }

    @Test
    void badOwnerFieldsAreRefusedByNameAndNothingIsWritten() {
        long before = count("SELECT count(*) FROM rights_owner");
        assertRefused(Status.Code.INVALID_ARGUMENT, "country", "INVALID_COUNTRY",
                client.registerRightsOwner(ownerRequest("X1").setCountry("XX").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "email", "INVALID_EMAIL",
                client.registerRightsOwner(ownerRequest("X2").setEmail("not-an-email").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "legal_name", "FIELD_REQUIRED",
                client.registerRightsOwner(ownerRequest("X3").setLegalName("   ").build()));
        assertEquals(before, count("SELECT count(*) FROM rights_owner"));
    }

    @Test
    void registersABrandAndFindsItByIdAndInABatch() {
        RightsOwner owner = registerOwner("HRB-" + UUID.randomUUID());
        RegisterBrandResponse registered = client.registerBrand(brandRequest(owner.getId(), "Nike")
                .addAliases("耐克").addGs1CompanyPrefixes(randomPrefix()).addOfficialImageHashes("8F3A00FF12345678")
                .build()).await().atMost(WAIT);
        assertTrue(registered.getCreated());
        Brand brand = registered.getBrand();
        assertEquals(List.of("耐克"), brand.getAliasesList());
        assertEquals(List.of("8f3a00ff12345678"), brand.getOfficialImageHashesList());

        assertEquals(brand, client.getBrand(GetBrandRequest.newBuilder().setId(brand.getId()).build())
                .await().atMost(WAIT).getBrand());

        String unknown = UUID.randomUUID().toString();
        BatchGetBrandsResponse batch = client.batchGetBrands(BatchGetBrandsRequest.newBuilder()
                .addIds(unknown).addIds(brand.getId()).build()).await().atMost(WAIT);
        assertEquals(List.of(brand), batch.getBrandsList());
        assertEquals(List.of(unknown), batch.getMissingIdsList());
    }

    @Test
    void theSameBrandNameInAnotherWidthOrCaseIsTheSameBrand() {
        RightsOwner owner = registerOwner("HRB-" + UUID.randomUUID());
        Brand first = client.registerBrand(brandRequest(owner.getId(), "Nike").build()).await().atMost(WAIT)
                .getBrand();
        RegisterBrandResponse again = client.registerBrand(brandRequest(owner.getId(), "ＮＩＫＥ").build())
                .await().atMost(WAIT);
        assertFalse(again.getCreated());
        assertEquals(first.getId(), again.getBrand().getId());
    }

    @Test
    void badBrandFieldsAreRefusedByNameAndNothingIsWritten() {
        RightsOwner owner = registerOwner("HRB-" + UUID.randomUUID());
        long before = count("SELECT count(*) FROM brand");
        assertRefused(Status.Code.INVALID_ARGUMENT, "gs1_company_prefixes[1]", "INVALID_GS1_PREFIX",
                client.registerBrand(brandRequest(owner.getId(), "Acme").addGs1CompanyPrefixes("0850012")
                        .addGs1CompanyPrefixes("08500X2").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "official_domains[0]", "INVALID_FORMAT",
                client.registerBrand(brandRequest(owner.getId(), "Acme").addOfficialDomains("not a domain").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "official_image_hashes[0]", "INVALID_IMAGE_HASH",
                client.registerBrand(brandRequest(owner.getId(), "Acme").addOfficialImageHashes("xyz").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "owner_id", "INVALID_FORMAT",
                client.registerBrand(brandRequest("1 OR 1=1", "Acme").build()));
        assertRefused(Status.Code.NOT_FOUND, "owner_id", "RIGHTS_OWNER_NOT_FOUND",
                client.registerBrand(brandRequest(UUID.randomUUID().toString(), "Acme").build()));
        assertEquals(before, count("SELECT count(*) FROM brand"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundAndInvalid() {
        assertRefused(Status.Code.NOT_FOUND, "id", "BRAND_NOT_FOUND",
                client.getBrand(GetBrandRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "id", "INVALID_FORMAT",
                client.getBrand(GetBrandRequest.newBuilder().setId("../../etc/passwd").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "ids[1]", "INVALID_FORMAT",
                client.batchGetBrands(BatchGetBrandsRequest.newBuilder().addIds(UUID.randomUUID().toString())
                        .addIds("nope").build()));
    }

    @Test
    void anOwnerRegistersBrandsForItselfOnlyAndReadsOnlyItsOwnRecord() {
        RightsOwner a = registerOwner("HRB-" + UUID.randomUUID());
        RightsOwner b = registerOwner("HRB-" + UUID.randomUUID());
        BrandRegistryService ownerA = as(TestTokens.ownerToken(a.getId()));

        assertTrue(ownerA.registerBrand(brandRequest(a.getId(), "Alpha").build()).await().atMost(WAIT).getCreated());
        long brands = count("SELECT count(*) FROM brand");
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                ownerA.registerBrand(brandRequest(b.getId(), "Hijack").build()));
        assertEquals(brands, count("SELECT count(*) FROM brand"), "nothing written for B");

        assertEquals(a.getId(), ownerA.getRightsOwner(GetRightsOwnerRequest.newBuilder().setId(a.getId()).build())
                .await().atMost(WAIT).getOwner().getId());
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                ownerA.getRightsOwner(GetRightsOwnerRequest.newBuilder().setId(b.getId()).build()));
    }

    @Test
    void withoutATokenNothingCanBeRegisteredAndABadTokenIsRefused() {
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.registerRightsOwner(ownerRequest("HRB-" + UUID.randomUUID()).build()));
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                as("not-a-jwt").getBrand(GetBrandRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
        String foreign = new io.cloudsword.support.tokens.DevTokens(io.cloudsword.support.tokens.DevKeys.generate())
                .token("mallory").role("admin").sign();
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                as(foreign).registerRightsOwner(ownerRequest("HRB-" + UUID.randomUUID()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(TestTokens.token("consumer")).registerRightsOwner(ownerRequest("HRB-" + UUID.randomUUID()).build()));
    }

    @Test
    void brandDataIsPublicToOtherServices() {
        RightsOwner owner = registerOwner("HRB-" + UUID.randomUUID());
        Brand brand = client.registerBrand(brandRequest(owner.getId(), "Public").build()).await().atMost(WAIT)
                .getBrand();
        assertEquals(brand, anonymous.getBrand(GetBrandRequest.newBuilder().setId(brand.getId()).build())
                .await().atMost(WAIT).getBrand());
    }

    private static void assertRefused(Status.Code code, String field, String reason, io.smallrye.mutiny.Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }

    private RightsOwner registerOwner(String tradeRegisterNumber) {
        return client.registerRightsOwner(ownerRequest(tradeRegisterNumber).build()).await().atMost(WAIT).getOwner();
    }

    private static RegisterRightsOwnerRequest.Builder ownerRequest(String tradeRegisterNumber) {
        return RegisterRightsOwnerRequest.newBuilder().setLegalName("Sportwerk GmbH").setCountry("de")
                .setAddress("Hauptstrasse 1, 10115 Berlin").setPhone("+49 30 1234567")
                .setEmail("legal@sportwerk.example").setTradeRegisterNumber(tradeRegisterNumber);
    }

    private static RegisterBrandRequest.Builder brandRequest(String ownerId, String name) {
        return RegisterBrandRequest.newBuilder().setOwnerId(ownerId).setName(name);
    }

    /** A fresh 9-digit GS1 company prefix: prefixes are unique across brands, and tests share one database. */
    static String randomPrefix() {
        return String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }
}
