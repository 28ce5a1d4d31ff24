package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.cloudsword.api.brand.v1.AddAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.AddAuthorizedSellerResponse;
import io.cloudsword.api.brand.v1.AuthorizedSeller;
import io.cloudsword.api.brand.v1.BatchIsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.IsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.ListAuthorizedSellersRequest;
import io.cloudsword.api.brand.v1.ListAuthorizedSellersResponse;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RemoveAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.SellerAuthorization;
import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;
import io.cloudsword.api.brand.v1.UpdateAuthorizedSellerRequest;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Authorized sellers through the real gRPC server, the domain and PostgreSQL. */
@QuarkusTest
class AuthorizedSellerGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    @Inject
    Pool db;

    BrandRegistryService admin;
    String ownerId;
    BrandRegistryService owner;
    Brand brand;
    String shop;

    @BeforeEach
    void aBrandOfItsOwnOwner() {
        admin = as(TestTokens.token("admin"));
        ownerId = registerOwner();
        owner = as(TestTokens.ownerToken(ownerId));
        brand = registerBrand(owner, ownerId, false);
        shop = "shop-" + UUID.randomUUID();
    }

    @Test
    void addsAnEntryOnceAndAnswersARepeatWithTheExistingOne() {
        AddAuthorizedSellerResponse first = owner.addAuthorizedSeller(add(shop).addTerritories("de")
                .addTerritories("EU").setNote("contract 42").build()).await().atMost(WAIT);
        assertTrue(first.getCreated());
        AuthorizedSeller seller = first.getSeller();
        assertEquals(List.of("DE", "EU"), seller.getTerritoriesList());
        assertEquals(ownerId, seller.getOwnerId());
        assertEquals("tmall", seller.getPlatform());
        assertEquals(1L, changes(seller.getId(), false));

        AddAuthorizedSellerResponse again = owner.addAuthorizedSeller(add(shop).addTerritories("US").build())
                .await().atMost(WAIT);
        assertFalse(again.getCreated());
        assertEquals(seller, again.getSeller(), "the repeat changes nothing");
        assertEquals(1L, changes(seller.getId(), false), "a repeat records no change");
        assertEquals(1L, count("SELECT count(*) FROM authorized_seller WHERE shop_id = '" + shop + "'"));
    }

    @Test
    void validFromDefaultsToNow() {
        Instant before = Instant.now().minusSeconds(5);
        AuthorizedSeller seller = owner.addAuthorizedSeller(AddAuthorizedSellerRequest.newBuilder()
                .setBrandId(brand.getId()).setPlatform("tmall").setShopId(shop).build()).await().atMost(WAIT)
                .getSeller();
        assertTrue(ProtoTime.fromProto(seller.getValidFrom()).isAfter(before));
        assertFalse(seller.hasValidUntil());
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsStored() {
        long before = count("SELECT count(*) FROM authorized_seller");
        assertRefused(Status.Code.INVALID_ARGUMENT, "valid_until", "INVALID_DATE_RANGE",
                owner.addAuthorizedSeller(add(shop).setValidUntil(ProtoTime.toProto(FROM)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "territories[1]", "INVALID_COUNTRY",
                owner.addAuthorizedSeller(add(shop).addTerritories("DE").addTerritories("XX").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "shop_id", "FIELD_REQUIRED",
                owner.addAuthorizedSeller(add(" ").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "shop_id", "FIELD_TOO_LONG",
                owner.addAuthorizedSeller(add("s".repeat(201)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "platform", "INVALID_FORMAT",
                owner.addAuthorizedSeller(add(shop).setPlatform("Not A Platform!").build()));
        assertRefused(Status.Code.NOT_FOUND, "brand_id", "BRAND_NOT_FOUND",
                owner.addAuthorizedSeller(add(shop).setBrandId(UUID.randomUUID().toString()).build()));
        assertEquals(before, count("SELECT count(*) FROM authorized_seller"));
    }

    @Test
    void anotherOwnerCannotAddUpdateRemoveOrReadTheList() {
        String otherId = registerOwner();
        BrandRegistryService other = as(TestTokens.ownerToken(otherId));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", other.addAuthorizedSeller(add(shop).build()));
        assertEquals(0L, count("SELECT count(*) FROM authorized_seller WHERE shop_id = '" + shop + "'"),
                "nothing stored after the refusal");

        AuthorizedSeller seller = owner.addAuthorizedSeller(add(shop).build()).await().atMost(WAIT).getSeller();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", other.updateAuthorizedSeller(
                UpdateAuthorizedSellerRequest.newBuilder().setSeller(seller.toBuilder().addTerritories("CN"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("territories")).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                other.removeAuthorizedSeller(RemoveAuthorizedSellerRequest.newBuilder().setId(seller.getId()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", other.listAuthorizedSellers(list()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(platformToken("tmall")).listAuthorizedSellers(list()));
        assertEquals(1L, changes(seller.getId(), false), "only the add was recorded");
        assertTrue(count("SELECT count(*) FROM authorized_seller WHERE id = '" + seller.getId()
                + "' AND removed_at IS NULL AND territories = '{}'") == 1L, "the entry is unchanged");

        assertEquals(List.of(seller), as(TestTokens.token("system")).listAuthorizedSellers(list()).await()
                .atMost(WAIT).getSellersList());
        assertEquals(List.of(seller), as(TestTokens.token("reviewer")).listAuthorizedSellers(list()).await()
                .atMost(WAIT).getSellersList());
    }

    @Test
    void listsByPlatformAndShopInPagesAndFiltersByValidity() {
        owner.addAuthorizedSeller(add("b-shop").setPlatform("taobao").build()).await().atMost(WAIT);
        owner.addAuthorizedSeller(add("a-shop").setPlatform("taobao").build()).await().atMost(WAIT);
        owner.addAuthorizedSeller(add("z-shop").setPlatform("amazon-de")
                .setValidUntil(ProtoTime.toProto(Instant.parse("2025-06-01T00:00:00Z"))).build()).await().atMost(WAIT);

        ListAuthorizedSellersResponse page1 = owner.listAuthorizedSellers(list().toBuilder()
                .setPage(PageRequest.newBuilder().setFirst(2)).build()).await().atMost(WAIT);
        assertEquals(List.of("amazon-de/z-shop", "taobao/a-shop"), keys(page1));
        assertTrue(page1.getPageInfo().getHasNextPage());
        ListAuthorizedSellersResponse page2 = owner.listAuthorizedSellers(list().toBuilder()
                .setPage(PageRequest.newBuilder().setFirst(2).setAfter(page1.getPageInfo().getEndCursor())).build())
                .await().atMost(WAIT);
        assertEquals(List.of("taobao/b-shop"), keys(page2));
        assertFalse(page2.getPageInfo().getHasNextPage());

        assertEquals(List.of("taobao/a-shop", "taobao/b-shop"), keys(owner.listAuthorizedSellers(list().toBuilder()
                .setPlatform("taobao").build()).await().atMost(WAIT)));
        assertEquals(List.of("taobao/a-shop", "taobao/b-shop"), keys(owner.listAuthorizedSellers(list().toBuilder()
                .setValidAt(ProtoTime.toProto(Instant.parse("2025-06-01T00:00:00Z"))).build()).await().atMost(WAIT)),
                "valid_until is exclusive");
    }

    @Test
    void isAuthorizedSellerFollowsTerritoryAndTheHalfOpenWindow() {
        AuthorizedSeller seller = owner.addAuthorizedSeller(add(shop).addTerritories("EU").addTerritories("CH")
                .build()).await().atMost(WAIT).getSeller();
        BrandRegistryService platform = as(platformToken("tmall"));

        SellerAuthorization listed = platform.isAuthorizedSeller(check(shop, "de", FROM.plusSeconds(3600)))
                .await().atMost(WAIT).getResult();
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED, listed.getBasis());
        assertTrue(listed.getAuthorized());
        assertEquals(seller.getId(), listed.getAuthorizedSellerId());
        assertEquals("DE", listed.getCountry());

        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED, platform, check(shop, "CH", FROM));
        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY, platform,
                check(shop, "US", FROM));
        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY, platform,
                check(shop, "GB", FROM));
        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY, platform,
                check(shop, "DE", FROM.minusNanos(1000)));
        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED, platform,
                check(shop, "DE", UNTIL.minusNanos(1000)));
        SellerAuthorization atUntil = platform.isAuthorizedSeller(check(shop, "DE", UNTIL)).await().atMost(WAIT)
                .getResult();
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY, atUntil.getBasis(),
                "valid_until itself is outside [valid_from, valid_until)");
        assertFalse(atUntil.getAuthorized());
        assertEquals(seller.getId(), atUntil.getAuthorizedSellerId());

        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED, platform,
                check("another-shop", "DE", FROM));
        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_BRAND_NOT_FOUND, platform,
                check(shop, "DE", FROM).toBuilder().setBrandId(UUID.randomUUID().toString()).build());
    }

    @Test
    void anEntryWithoutTerritoriesCoversEveryMarketAndExclusiveDistributionIsReported() {
        Brand exclusive = registerBrand(owner, ownerId, true);
        owner.addAuthorizedSeller(add(shop).setBrandId(exclusive.getId()).build()).await().atMost(WAIT);
        SellerAuthorization listed = owner.isAuthorizedSeller(check(shop, "JP", FROM).toBuilder()
                .setBrandId(exclusive.getId()).build()).await().atMost(WAIT).getResult();
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED, listed.getBasis());
        assertTrue(listed.getExclusiveDistribution());
        SellerAuthorization other = owner.isAuthorizedSeller(check("unknown-shop", "JP", FROM).toBuilder()
                .setBrandId(exclusive.getId()).build()).await().atMost(WAIT).getResult();
        assertFalse(other.getAuthorized());
        assertTrue(other.getExclusiveDistribution());
        assertFalse(owner.isAuthorizedSeller(check(shop, "JP", FROM)).await().atMost(WAIT).getResult()
                .getExclusiveDistribution());
    }

    @Test
    void whoMayCheck() {
        owner.addAuthorizedSeller(add(shop).build()).await().atMost(WAIT);
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                as(platformToken("jd")).isAuthorizedSeller(check(shop, "DE", FROM)));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                as(TestTokens.ownerToken(registerOwner())).isAuthorizedSeller(check(shop, "DE", FROM)));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(TestTokens.token("consumer")).isAuthorizedSeller(check(shop, "DE", FROM)));
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.isAuthorizedSeller(check(shop, "DE", FROM)));
        for (String role : List.of("system", "reviewer", "admin", "customs")) {
            assertTrue(as(TestTokens.token(role)).isAuthorizedSeller(check(shop, "DE", FROM)).await().atMost(WAIT)
                    .getResult().getAuthorized(), role);
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "country", "INVALID_COUNTRY",
                admin.isAuthorizedSeller(check(shop, "XX", FROM)));
    }

    @Test
    void batchAnswersEveryCheckInOrderWithPerItemErrors() {
        owner.addAuthorizedSeller(add(shop).addTerritories("FR").build()).await().atMost(WAIT);
        BatchIsAuthorizedSellerRequest request = BatchIsAuthorizedSellerRequest.newBuilder()
                .addChecks(check(shop, "FR", FROM))
                .addChecks(check(shop, "XX", FROM))
                .addChecks(check(shop, "ES", FROM))
                .addChecks(check(shop, "FR", FROM).toBuilder().setShopId(""))
                .addChecks(check("nobody", "FR", FROM))
                .addChecks(check(shop, "FR", FROM).toBuilder().setPlatform("jd"))
                .addChecks(check(shop, "FR", FROM))
                .build();
        List<SellerAuthorization> results = as(platformToken("tmall")).batchIsAuthorizedSeller(request).await()
                .atMost(WAIT).getResultsList();
        assertEquals(7, results.size());
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED, results.get(0).getBasis());
        assertEquals("INVALID_COUNTRY", results.get(1).getError().getDetail().getReason());
        assertEquals("country", results.get(1).getError().getDetail().getField());
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_UNSPECIFIED, results.get(1).getBasis());
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY, results.get(2).getBasis());
        assertEquals("FIELD_REQUIRED", results.get(3).getError().getDetail().getReason());
        assertEquals("shop_id", results.get(3).getError().getDetail().getField());
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED, results.get(4).getBasis());
        assertEquals("NOT_OWNER", results.get(5).getError().getDetail().getReason(), "another platform's check");
        assertEquals(7, results.get(5).getError().getCode());
        assertEquals(results.get(0), results.get(6));

        BatchIsAuthorizedSellerRequest.Builder tooMany = BatchIsAuthorizedSellerRequest.newBuilder();
        for (int i = 0; i < 1_001; i++) {
            tooMany.addChecks(check(shop, "FR", FROM));
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "checks", "TOO_MANY_ITEMS",
                admin.batchIsAuthorizedSeller(tooMany.build()));
        BatchIsAuthorizedSellerRequest.Builder full = BatchIsAuthorizedSellerRequest.newBuilder();
        for (int i = 0; i < 1_000; i++) {
            full.addChecks(check(i % 2 == 0 ? shop : "s" + i, "FR", FROM));
        }
        List<SellerAuthorization> all = admin.batchIsAuthorizedSeller(full.build()).await().atMost(WAIT)
                .getResultsList();
        assertEquals(1_000, all.size());
        assertTrue(all.get(998).getAuthorized());
        assertFalse(all.get(999).getAuthorized());
    }

    @Test
    void updateChangesTerritoryAndWindowAndKeepsTheWindowValid() {
        AuthorizedSeller seller = owner.addAuthorizedSeller(add(shop).build()).await().atMost(WAIT).getSeller();
        AuthorizedSeller updated = owner.updateAuthorizedSeller(UpdateAuthorizedSellerRequest.newBuilder()
                .setSeller(seller.toBuilder().clearTerritories().addTerritories("cn").clearValidUntil()
                        .setNote("renewed").setPlatform("ignored"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("territories").addPaths("valid_until")
                        .addPaths("note")).build()).await().atMost(WAIT).getSeller();
        assertEquals(List.of("CN"), updated.getTerritoriesList());
        assertFalse(updated.hasValidUntil());
        assertEquals("renewed", updated.getNote());
        assertEquals("tmall", updated.getPlatform(), "only masked fields change");
        assertEquals(2L, changes(seller.getId(), false));

        assertRefused(Status.Code.INVALID_ARGUMENT, "seller.valid_until", "INVALID_DATE_RANGE",
                owner.updateAuthorizedSeller(UpdateAuthorizedSellerRequest.newBuilder()
                        .setSeller(seller.toBuilder().setValidUntil(ProtoTime.toProto(FROM.minusSeconds(1))))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("valid_until")).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "update_mask.paths[0]", "INVALID_UPDATE_MASK",
                owner.updateAuthorizedSeller(UpdateAuthorizedSellerRequest.newBuilder().setSeller(seller)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("shop_id")).build()));
        assertEquals(2L, changes(seller.getId(), false), "refused updates record nothing");
        assertRefused(Status.Code.NOT_FOUND, "seller.id", "AUTHORIZED_SELLER_NOT_FOUND",
                owner.updateAuthorizedSeller(UpdateAuthorizedSellerRequest.newBuilder()
                        .setSeller(seller.toBuilder().setId(UUID.randomUUID().toString()))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("note")).build()));
    }

    @Test
    void removeIsSoftAndIdempotentAndReAddingRevivesTheEntry() {
        AuthorizedSeller seller = owner.addAuthorizedSeller(add(shop).build()).await().atMost(WAIT).getSeller();
        RemoveAuthorizedSellerRequest remove = RemoveAuthorizedSellerRequest.newBuilder().setId(seller.getId()).build();
        assertTrue(owner.removeAuthorizedSeller(remove).await().atMost(WAIT).getRemoved());
        assertFalse(owner.removeAuthorizedSeller(remove).await().atMost(WAIT).getRemoved());
        assertFalse(owner.removeAuthorizedSeller(RemoveAuthorizedSellerRequest.newBuilder()
                .setId(UUID.randomUUID().toString()).build()).await().atMost(WAIT).getRemoved());
        assertEquals(1L, changes(seller.getId(), true), "one removal recorded");
        assertEquals(1L, count("SELECT count(*) FROM brand_change WHERE entity_id = '" + seller.getId()
                + "' AND kind = 'AUTHORIZED_SELLER' AND platform = 'tmall' AND shop_id = '" + shop + "' AND removed"));
        assertEquals(1L, count("SELECT count(*) FROM authorized_seller WHERE id = '" + seller.getId()
                + "' AND removed_at IS NOT NULL"), "kept, marked removed");
        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED, admin, check(shop, "DE", FROM));
        assertEquals(0, owner.listAuthorizedSellers(list()).await().atMost(WAIT).getSellersCount());
        assertRefused(Status.Code.NOT_FOUND, "seller.id", "AUTHORIZED_SELLER_NOT_FOUND",
                owner.updateAuthorizedSeller(UpdateAuthorizedSellerRequest.newBuilder().setSeller(seller)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("note")).build()));

        AddAuthorizedSellerResponse revived = owner.addAuthorizedSeller(add(shop).addTerritories("IT").build())
                .await().atMost(WAIT);
        assertTrue(revived.getCreated());
        assertEquals(seller.getId(), revived.getSeller().getId());
        assertEquals(List.of("IT"), revived.getSeller().getTerritoriesList());
        assertBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED, admin, check(shop, "IT", FROM));
    }

    // ---------------------------------------------------------------------------------------

    private void assertBasis(SellerAuthorizationBasis expected, BrandRegistryService client,
            IsAuthorizedSellerRequest request) {
        assertEquals(expected, client.isAuthorizedSeller(request).await().atMost(WAIT).getResult().getBasis(),
                request.toString());
    }

    private static List<String> keys(ListAuthorizedSellersResponse response) {
        return response.getSellersList().stream().map(s -> s.getPlatform() + "/" + s.getShopId()).toList();
    }

    private AddAuthorizedSellerRequest.Builder add(String shopId) {
        return AddAuthorizedSellerRequest.newBuilder().setBrandId(brand.getId()).setPlatform("tmall")
                .setShopId(shopId).setValidFrom(ProtoTime.toProto(FROM)).setValidUntil(ProtoTime.toProto(UNTIL));
    }

    private ListAuthorizedSellersRequest list() {
        return ListAuthorizedSellersRequest.newBuilder().setBrandId(brand.getId()).build();
    }

    private IsAuthorizedSellerRequest check(String shopId, String country, Instant at) {
        return IsAuthorizedSellerRequest.newBuilder().setBrandId(brand.getId()).setPlatform("tmall").setShopId(shopId)
                .setCountry(country).setAt(ProtoTime.toProto(at)).build();
    }

    static String platformToken(String platform) {
        return TestTokens.TOKENS.token("partner-" + platform).role("platform_partner").claim("platform_id", platform)
                .sign();
    }

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    private String registerOwner() {
        return admin.registerRightsOwner(RegisterRightsOwnerRequest.newBuilder().setLegalName("Seller Test GmbH")
                .setCountry("DE").setAddress("Hauptstrasse 1, Berlin").setPhone("+49301234567")
                .setEmail("legal@seller.example").setTradeRegisterNumber("HRB-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getOwner().getId();
    }

    private static Brand registerBrand(BrandRegistryService as, String ownerId, boolean exclusive) {
        return as.registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(ownerId)
                .setName("Brand " + UUID.randomUUID()).setExclusiveDistribution(exclusive).build())
                .await().atMost(WAIT).getBrand();
    }

    private long changes(String entityId, boolean removed) {
        return count("SELECT count(*) FROM brand_change WHERE kind = 'AUTHORIZED_SELLER' AND entity_id = '" + entityId
                + "'" + (removed ? " AND removed" : ""));
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
