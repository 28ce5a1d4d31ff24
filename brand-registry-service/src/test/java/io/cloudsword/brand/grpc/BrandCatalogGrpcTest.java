package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandChangeKind;
import io.cloudsword.api.brand.v1.BrandMention;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.ListBrandsRequest;
import io.cloudsword.api.brand.v1.ListBrandsResponse;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.ResolveBrandMentionsRequest;
import io.cloudsword.api.brand.v1.ResolveBrandMentionsResponse;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.UpdateBrandRequest;
import io.cloudsword.api.brand.v1.WatchBrandChangesRequest;
import io.cloudsword.api.brand.v1.WatchBrandChangesResponse;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.mutiny.sqlclient.Pool;

/** Listing and changing brands, resolving mentions in free text, and the change stream. */
@QuarkusTest
class BrandCatalogGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    @Inject
    Pool db;

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    @Test
    void brandsListByNameAndPageWithCursorsAndTheQueryMatchesAliasesInAnyScript() {
        RightsOwner owner = registerOwner();
        BrandRegistryService self = as(TestTokens.ownerToken(owner.getId()));
        String stem = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add(stem + " " + i);
            self.registerBrand(brand(owner, stem + " " + i).build()).await().atMost(WAIT);
        }
        Brand cyrillic = self.registerBrand(brand(owner, "Найк " + stem).addAliases("Ｓｐｏｒｔｗｅｒｋ" + stem).build())
                .await().atMost(WAIT).getBrand();

        List<String> seen = new ArrayList<>();
        String after = "";
        do {
            ListBrandsResponse page = anonymous.listBrands(ListBrandsRequest.newBuilder().setOwnerId(owner.getId())
                    .setNameQuery(stem.toLowerCase()).setPage(PageRequest.newBuilder().setFirst(2).setAfter(after))
                    .build()).await().atMost(WAIT);
            page.getBrandsList().forEach(b -> seen.add(b.getName()));
            after = page.getPageInfo().getHasNextPage() ? page.getPageInfo().getEndCursor() : null;
        } while (after != null);
        Collections.sort(names);
        assertEquals(names, seen, "prefix of the name, in name order, every page once");

        List<Brand> byAlias = anonymous.listBrands(ListBrandsRequest.newBuilder().setNameQuery("sport werk " + stem)
                .build()).await().atMost(WAIT).getBrandsList();
        assertEquals(List.of(cyrillic.getId()), byAlias.stream().map(Brand::getId).toList());
        assertEquals(1, anonymous.listBrands(ListBrandsRequest.newBuilder().setNameQuery("найк " + stem).build())
                .await().atMost(WAIT).getBrandsCount());
    }

    @Test
    void anOwnerUpdatesItsBrandWithinTheMaskAndTheVersionMovesOn() {
        RightsOwner owner = registerOwner();
        BrandRegistryService self = as(TestTokens.ownerToken(owner.getId()));
        String prefix = BrandRegistryGrpcTest.randomPrefix();
        Brand brand = self.registerBrand(brand(owner, "Velo" + UUID.randomUUID()).addGs1CompanyPrefixes(prefix).build())
                .await().atMost(WAIT).getBrand();
        assertEquals(1, brand.getVersion());

        Brand updated = self.updateBrand(UpdateBrandRequest.newBuilder()
                .setBrand(Brand.newBuilder().setId(brand.getId()).setExclusiveDistribution(true).addAliases("维洛")
                        .addDistributionTerritories("EU").addDistributionTerritories("cn").setName("ignored"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("exclusive_distribution").addPaths("aliases")
                        .addPaths("distribution_territories"))
                .setExpectedVersion(1).build()).await().atMost(WAIT).getBrand();
        assertTrue(updated.getExclusiveDistribution());
        assertEquals(List.of("维洛"), updated.getAliasesList());
        assertEquals(List.of("EU", "CN"), updated.getDistributionTerritoriesList());
        assertEquals(brand.getName(), updated.getName());
        assertEquals(List.of(prefix), updated.getGs1CompanyPrefixesList());
        assertEquals(2, updated.getVersion());

        assertRefused(Status.Code.ABORTED, "expected_version", "VERSION_MISMATCH", self.updateBrand(
                UpdateBrandRequest.newBuilder().setBrand(Brand.newBuilder().setId(brand.getId()).setName("Late"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("name")).setExpectedVersion(1).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "distribution_territories[0]", "INVALID_COUNTRY", self.updateBrand(
                UpdateBrandRequest.newBuilder().setBrand(Brand.newBuilder().setId(brand.getId())
                        .addDistributionTerritories("XX")).setUpdateMask(FieldMask.newBuilder()
                                .addPaths("distribution_territories")).build()));

        RightsOwner other = registerOwner();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", as(TestTokens.ownerToken(other.getId()))
                .updateBrand(UpdateBrandRequest.newBuilder().setBrand(Brand.newBuilder().setId(brand.getId())
                        .setName("Hijacked")).setUpdateMask(FieldMask.newBuilder().addPaths("name")).build()));
        assertEquals(0L, count("SELECT count(*) FROM brand WHERE name = 'Hijacked'"));
        assertEquals(2L, count("SELECT version FROM brand WHERE id = '" + brand.getId() + "'"), "refusals change nothing");
    }

    @Test
    void aGs1PrefixBelongsToOneBrandOnlyAndADroppedPrefixIsFreeAgain() {
        RightsOwner a = registerOwner();
        RightsOwner b = registerOwner();
        String prefix = BrandRegistryGrpcTest.randomPrefix();
        Brand alpha = as(TestTokens.ownerToken(a.getId())).registerBrand(brand(a, "Alpha" + prefix)
                .addGs1CompanyPrefixes(prefix).build()).await().atMost(WAIT).getBrand();
        long brands = count("SELECT count(*) FROM brand");
        assertRefused(Status.Code.ALREADY_EXISTS, "gs1_company_prefixes[1]", "GS1_PREFIX_CLAIMED",
                as(TestTokens.ownerToken(b.getId())).registerBrand(brand(b, "Beta" + prefix)
                        .addGs1CompanyPrefixes(BrandRegistryGrpcTest.randomPrefix()).addGs1CompanyPrefixes(prefix).build()));
        assertEquals(brands, count("SELECT count(*) FROM brand"));
        assertRefused(Status.Code.INVALID_ARGUMENT, "gs1_company_prefixes[0]", "INVALID_GS1_PREFIX",
                as(TestTokens.ownerToken(b.getId())).registerBrand(brand(b, "Short").addGs1CompanyPrefixes("12345").build()));

        as(TestTokens.ownerToken(a.getId())).updateBrand(UpdateBrandRequest.newBuilder()
                .setBrand(Brand.newBuilder().setId(alpha.getId())).setUpdateMask(FieldMask.newBuilder()
                        .addPaths("gs1_company_prefixes")).build()).await().atMost(WAIT);
        assertTrue(as(TestTokens.ownerToken(b.getId())).registerBrand(brand(b, "Beta" + prefix)
                .addGs1CompanyPrefixes(prefix).build()).await().atMost(WAIT).getCreated());
    }

    @Test
    void mentionsAreResolvedForManyTextsAtOnceWithOffsetsIntoEachText() {
        RightsOwner owner = registerOwner();
        String word = "Qorvex" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "x");
        Brand brand = as(TestTokens.ownerToken(owner.getId())).registerBrand(brand(owner, word).addAliases("寇维")
                .build()).await().atMost(WAIT).getBrand();
        String fullWidth = toFullWidth(word.toUpperCase());
        ResolveBrandMentionsResponse response = anonymous.resolveBrandMentions(ResolveBrandMentionsRequest.newBuilder()
                .addTexts("cheap " + fullWidth + " sneakers").addTexts("nothing here, not even " + word + "ish")
                .addTexts("正品寇维运动鞋").addBrandIds(brand.getId()).build()).await().atMost(WAIT);
        assertEquals(3, response.getResultsCount());
        BrandMention first = response.getResults(0).getMentions(0);
        assertEquals(brand.getId(), first.getBrandId());
        assertEquals(word, first.getMatchedName());
        assertEquals(6, first.getStart());
        assertEquals(fullWidth, first.getMatchedText());
        assertEquals(0, response.getResults(1).getMentionsCount());
        assertEquals("寇维", response.getResults(2).getMentions(0).getMatchedName());
        assertEquals(2, response.getResults(2).getMentions(0).getStart());

        ResolveBrandMentionsRequest.Builder tooMany = ResolveBrandMentionsRequest.newBuilder();
        for (int i = 0; i < 1001; i++) {
            tooMany.addTexts("x");
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "texts", "TOO_MANY_ITEMS", anonymous.resolveBrandMentions(tooMany.build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "texts[1]", "FIELD_TOO_LONG", anonymous.resolveBrandMentions(
                ResolveBrandMentionsRequest.newBuilder().addTexts("ok").addTexts("x".repeat(16_385)).build()));
    }

    @Test
    void watchersSeeEveryCommittedChangeInOrderAndCanResumeAfterTheLastOneTheyProcessed() {
        BrandRegistryService system = as(TestTokens.token("system"));
        long endOfLog = count("SELECT COALESCE(max(sequence), 0) FROM brand_change");
        AssertSubscriber<WatchBrandChangesResponse> live = system.watchBrandChanges(WatchBrandChangesRequest.newBuilder()
                .setAfterSequence(endOfLog).addKinds(BrandChangeKind.BRAND_CHANGE_KIND_BRAND).build())
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        RightsOwner owner = registerOwner();
        BrandRegistryService self = as(TestTokens.ownerToken(owner.getId()));
        Brand brand = self.registerBrand(brand(owner, "Watch" + UUID.randomUUID()).build()).await().atMost(WAIT)
                .getBrand();
        self.updateBrand(UpdateBrandRequest.newBuilder().setBrand(Brand.newBuilder().setId(brand.getId())
                .setExclusiveDistribution(true)).setUpdateMask(FieldMask.newBuilder().addPaths("exclusive_distribution"))
                .build()).await().atMost(WAIT);

        List<WatchBrandChangesResponse> mine = awaitEvents(live, brand.getId(), 2);
        live.cancel();
        assertEquals(List.of(1L, 2L), mine.stream().map(WatchBrandChangesResponse::getBrandVersion).toList());
        assertTrue(mine.get(0).getSequence() < mine.get(1).getSequence());
        assertEquals(owner.getId(), mine.get(0).getOwnerId());
        assertEquals(brand.getId(), mine.get(0).getEntityId());

        AssertSubscriber<WatchBrandChangesResponse> resumed = system.watchBrandChanges(WatchBrandChangesRequest.newBuilder()
                .setAfterSequence(mine.get(0).getSequence()).addBrandIds(brand.getId()).build())
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        List<WatchBrandChangesResponse> replay = awaitEvents(resumed, brand.getId(), 1);
        resumed.cancel();
        assertEquals(mine.get(1).getSequence(), replay.get(0).getSequence());

        AssertSubscriber<WatchBrandChangesResponse> fromTheFuture = system.watchBrandChanges(WatchBrandChangesRequest
                .newBuilder().setAfterSequence(Long.MAX_VALUE / 2).build())
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        fromTheFuture.awaitItems(1, WAIT);
        fromTheFuture.cancel();
        assertEquals(BrandChangeKind.BRAND_CHANGE_KIND_RESYNC_REQUIRED, fromTheFuture.getItems().get(0).getKind());
    }

    @Test
    void consumersCannotWatchTheChangeStream() {
        AssertSubscriber<WatchBrandChangesResponse> denied = as(TestTokens.token("consumer"))
                .watchBrandChanges(WatchBrandChangesRequest.getDefaultInstance())
                .subscribe().withSubscriber(AssertSubscriber.create(1));
        denied.awaitFailure(WAIT);
        assertEquals(Status.Code.PERMISSION_DENIED, Status.fromThrowable(denied.getFailure()).getCode());
    }

    private static List<WatchBrandChangesResponse> awaitEvents(AssertSubscriber<WatchBrandChangesResponse> subscriber,
            String brandId, int count) {
        while (true) {
            int seen = subscriber.getItems().size();
            List<WatchBrandChangesResponse> mine = subscriber.getItems().stream()
                    .filter(e -> e.getBrandId().equals(brandId)).toList();
            if (mine.size() >= count) {
                return mine;
            }
            // one more event of any brand, or an assertion error after WAIT
            subscriber.awaitItems(seen + 1, WAIT);
        }
    }

    private static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (c >= '!' && c <= '~' ? c - 0x21 + 0xFF01 : c)));
        return out.toString();
    }

    private RightsOwner registerOwner() {
        return as(TestTokens.token("admin")).registerRightsOwner(RegisterRightsOwnerRequest.newBuilder()
                .setLegalName("Sportwerk GmbH").setCountry("DE").setAddress("Hauptstrasse 1, 10115 Berlin")
                .setPhone("+49 30 1234567").setEmail("legal@sportwerk.example")
                .setTradeRegisterNumber("HRB-" + UUID.randomUUID()).build()).await().atMost(WAIT).getOwner();
    }

    private static RegisterBrandRequest.Builder brand(RightsOwner owner, String name) {
        return RegisterBrandRequest.newBuilder().setOwnerId(owner.getId()).setName(name);
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
