package io.cloudsword.listing.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandChangeKind;
import io.cloudsword.api.brand.v1.WatchBrandChangesRequest;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.listing.brand.BrandFacts.Subject;
import io.cloudsword.listing.scoring.BrandContext;
import io.cloudsword.listing.support.BrandChanges;
import io.cloudsword.listing.support.FakeBrandRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The brand cache against a stand-in brand-registry that counts calls: batches instead of calls
 * per listing, nothing asked twice, and every kind of change event seen by the next call.
 */
@QuarkusTest
class BrandCacheTest {

    private static final String PLATFORM = "demo-market";
    private static final List<String> BATCH_METHODS = List.of("BatchGetProductsByGtin", "BatchIsAuthorizedSeller",
            "BatchGetGtinOwners", "BatchGetBrands", "ListBrands", "ResolveBrandMentions");

    @Inject
    BrandFacts facts;

    @Inject
    DataSource db;

    @BeforeEach
    void followTheStream() {
        BrandChanges.listen(facts);
        FakeBrandRegistry.awaitWatching();
    }

    /** A new brand with a name nobody else uses, registered and applied by the cache. */
    private static Brand brand(String name, boolean exclusive, List<String> imageHashes, String... aliases) {
        Brand b = FakeBrandRegistry.putBrand(Brand.newBuilder().setId(UUID.randomUUID().toString())
                .setOwnerId(UUID.randomUUID().toString()).setName(name).addAllAliases(List.of(aliases))
                .addGs1CompanyPrefixes(FakeBrandRegistry.nextPrefix()).setExclusiveDistribution(exclusive)
                .addAllOfficialImageHashes(imageHashes).build(), true);
        BrandChanges.await(b.getId(), 1);
        return b;
    }

    private static String uniqueName(String stem) {
        // letters only: a digit run would still be a word, but the name should read like a brand
        StringBuilder s = new StringBuilder(stem);
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return s.toString();
    }

    private static String prefix(Brand b) {
        return b.getGs1CompanyPrefixes(0);
    }

    private static Subject subject(String shop, String market, String gtin14, String title) {
        return new Subject(PLATFORM, shop, market, gtin14, title, "");
    }

    private static Map<String, Integer> calls() {
        Map<String, Integer> out = new LinkedHashMap<>();
        BATCH_METHODS.forEach(m -> out.put(m, FakeBrandRegistry.calls(m)));
        return out;
    }

    private static int delta(Map<String, Integer> before, String method) {
        return FakeBrandRegistry.calls(method) - before.get(method);
    }

    @Test
    void aThousandListingsCostAtMostOneCallPerKindAndAskingAgainCostsNothing() {
        List<Brand> brands = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            brands.add(brand(uniqueName("Bulk"), b == 0, List.of(String.format("%016x", b + 1))));
        }
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Brand brand = brands.get(i % 4);
            String gtin = FakeBrandRegistry.gtin14(prefix(brand), i);
            if (i % 2 == 0) {
                FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("DE", 10_000 + i, "EUR")),
                        List.of(String.format("%016x", 1_000 + i)), false);
            }
            if (i % 3 == 0) {
                FakeBrandRegistry.seller(brand.getId(), PLATFORM, "bulk-shop-" + i, List.of("DE"), false);
            }
            subjects.add(subject("bulk-shop-" + i, i % 5 == 0 ? "FR" : "DE", gtin, "Sneakers size " + i));
        }
        Map<String, Integer> before = calls();

        List<BrandContext> first = facts.contexts(subjects);

        assertEquals(1_000, first.size());
        assertTrue(delta(before, "BatchGetProductsByGtin") == 1, "one product batch: " + calls());
        assertTrue(delta(before, "BatchIsAuthorizedSeller") == 1, "one seller batch: " + calls());
        assertTrue(delta(before, "BatchGetGtinOwners") <= 1, "GTIN owners: " + calls());
        assertTrue(delta(before, "BatchGetBrands") <= 1, "brands: " + calls());
        assertEquals(0, delta(before, "ResolveBrandMentions"), "mentions are found locally");

        // listing 6: brand 2's GTIN, a registered product with a German MSRP, an authorized shop in DE
        BrandContext six = first.get(6);
        assertEquals(new BrandContext.Brand(brands.get(2).getId(), brands.get(2).getName()), six.gtinOwner());
        assertEquals(brands.get(2).getId(), six.brandId());
        assertEquals(brands.get(2).getName(), six.brandName());
        assertEquals(new BrandContext.Msrp(10_006, "EUR", "DE"), six.msrp());
        assertEquals(Boolean.TRUE, six.sellerAuthorized());
        assertFalse(six.exclusiveDistribution());
        assertEquals(List.of(String.format("%016x", 3), String.format("%016x", 1_006)), six.officialImageHashes());
        // listing 0: brand 0 (exclusive), sold in FR by a shop authorized for DE only; MSRP only for DE
        BrandContext zero = first.get(0);
        assertTrue(zero.exclusiveDistribution());
        assertEquals(Boolean.FALSE, zero.sellerAuthorized());
        assertNull(zero.msrp());
        // listing 1: no product registered, shop not on the list
        BrandContext one = first.get(1);
        assertEquals(brands.get(1).getId(), one.brandId());
        assertNull(one.msrp());
        assertEquals(Boolean.FALSE, one.sellerAuthorized());
        assertEquals(List.of(String.format("%016x", 2)), one.officialImageHashes());

        Map<String, Integer> again = calls();
        assertEquals(first, facts.contexts(subjects));
        assertEquals(again, calls(), "the second time everything comes from the cache");
    }

    @Test
    void mentionsAreFoundLocallyWithRegistryFoldingAcrossNamesAndAliases() {
        Brand nike = brand("Nike", false, List.of(), "耐克", "Найк");
        Brand other = brand(uniqueName("Other"), false, List.of());
        Map<String, Integer> before = calls();

        List<BrandContext> contexts = facts.contexts(List.of(
                subject("m-shop-1", "DE", null, "ＮＩＫＥ Air"),
                subject("m-shop-2", "CN", null, "耐克运动鞋"),
                subject("m-shop-3", "DE", null, "Nikeland shoes"),
                new Subject(PLATFORM, "m-shop-4", "RU", null, "Кроссовки", "настоящие найк, N.I.K.E и nike"),
                subject("m-shop-5", "DE", FakeBrandRegistry.gtin14(prefix(other), 7), "like nike")));

        assertEquals(List.of(new BrandContext.Mention(nike.getId(), "Nike", "ＮＩＫＥ")), contexts.get(0).mentions());
        assertEquals(nike.getId(), contexts.get(0).brandId());
        assertNull(contexts.get(0).gtinOwner());
        assertEquals(Boolean.FALSE, contexts.get(0).sellerAuthorized());
        assertEquals(List.of(new BrandContext.Mention(nike.getId(), "Nike", "耐克")), contexts.get(1).mentions());
        assertEquals("Nike", contexts.get(1).brandName());
        assertEquals(List.of(), contexts.get(2).mentions(), "never inside another word");
        assertEquals(BrandContext.NONE, contexts.get(2));
        assertEquals(List.of("найк", "N.I.K.E", "nike"), contexts.get(3).mentions().stream()
                .map(BrandContext.Mention::matchedText).toList());
        // a GTIN decides the scored brand over a mention
        assertEquals(other.getId(), contexts.get(4).brandId());
        assertEquals(nike.getId(), contexts.get(4).mentions().get(0).brandId());
        assertEquals(0, delta(before, "ResolveBrandMentions"));
    }

    @Test
    void aBrandChangeReloadsTheBrandAndItsNamesAndPrefixes() {
        Brand brand = brand(uniqueName("Velo"), false, List.of());
        String newPrefix = FakeBrandRegistry.nextPrefix();
        String alias = uniqueName("Alias");
        Subject byGtin = subject("b-shop", "DE", FakeBrandRegistry.gtin14(newPrefix, 1), "shoes");
        Subject byAlias = subject("b-shop", "DE", null, "genuine " + alias + " shoes");
        List<BrandContext> beforeChange = facts.contexts(List.of(byGtin, byAlias));
        assertNull(beforeChange.get(0).brandId());
        assertNull(beforeChange.get(1).brandId());

        int heard = BrandChanges.count(brand.getId());
        FakeBrandRegistry.putBrand(brand.toBuilder().setExclusiveDistribution(true).addAliases(alias)
                .addGs1CompanyPrefixes(newPrefix).addOfficialImageHashes("00000000000000aa").build(), true);
        BrandChanges.await(brand.getId(), heard + 1);

        List<BrandContext> after = facts.contexts(List.of(byGtin, byAlias));
        assertEquals(brand.getId(), after.get(0).gtinOwner().brandId());
        assertTrue(after.get(0).exclusiveDistribution());
        assertEquals(List.of("00000000000000aa"), after.get(0).officialImageHashes());
        assertEquals(List.of(new BrandContext.Mention(brand.getId(), brand.getName(), alias)), after.get(1).mentions());
    }

    @Test
    void theBrandsOfAnOwnerComeFromTheCacheAndFollowItsChanges() {
        Brand first = brand(uniqueName("Owned"), false, List.of());
        assertEquals(Set.of(first.getId()), facts.brandsOwnedBy(first.getOwnerId()));
        assertEquals(Set.of(), facts.brandsOwnedBy(UUID.randomUUID().toString()));

        Brand second = FakeBrandRegistry.putBrand(Brand.newBuilder().setId(UUID.randomUUID().toString())
                .setOwnerId(first.getOwnerId()).setName(uniqueName("Owned")).build(), true);
        BrandChanges.await(second.getId(), 1);
        assertEquals(Set.of(first.getId(), second.getId()), facts.brandsOwnedBy(first.getOwnerId()));
    }

    @Test
    void aProductChangeIsSeenOnlyThroughItsEvent() {
        Brand brand = brand(uniqueName("Prod"), false, List.of());
        String gtin = FakeBrandRegistry.gtin14(prefix(brand), 42);
        FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("DE", 9_999, "EUR")), List.of(),
                true);
        BrandChanges.await(brand.getId(), 2);
        Subject s = subject("p-shop", "DE", gtin, "shoes");
        assertEquals(new BrandContext.Msrp(9_999, "EUR", "DE"), facts.contexts(List.of(s)).get(0).msrp());

        // changed without an event: the cache still answers from memory, without calling
        FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("DE", 12_999, "EUR")),
                List.of("00000000000000bb"), false);
        Map<String, Integer> before = calls();
        assertEquals(new BrandContext.Msrp(9_999, "EUR", "DE"), facts.contexts(List.of(s)).get(0).msrp());
        assertEquals(before, calls());

        int heard = BrandChanges.count(brand.getId());
        FakeBrandRegistry.announce(BrandChangeKind.BRAND_CHANGE_KIND_PRODUCT, brand.getId(), gtin, "", "");
        BrandChanges.await(brand.getId(), heard + 1);
        BrandContext after = facts.contexts(List.of(s)).get(0);
        assertEquals(new BrandContext.Msrp(12_999, "EUR", "DE"), after.msrp());
        assertEquals(List.of("00000000000000bb"), after.officialImageHashes());
    }

    @Test
    void anAuthorizedSellerChangeIsSeenThroughItsEvent() {
        Brand brand = brand(uniqueName("Sell"), true, List.of());
        Subject s = subject("s-shop", "IT", FakeBrandRegistry.gtin14(prefix(brand), 1), "bag");
        assertEquals(Boolean.FALSE, facts.contexts(List.of(s)).get(0).sellerAuthorized());

        FakeBrandRegistry.seller(brand.getId(), PLATFORM, "s-shop", List.of(), false);
        assertEquals(Boolean.FALSE, facts.contexts(List.of(s)).get(0).sellerAuthorized(), "cached until the event");

        int heard = BrandChanges.count(brand.getId());
        FakeBrandRegistry.announce(BrandChangeKind.BRAND_CHANGE_KIND_AUTHORIZED_SELLER, brand.getId(), "", PLATFORM,
                "s-shop");
        BrandChanges.await(brand.getId(), heard + 1);
        assertEquals(Boolean.TRUE, facts.contexts(List.of(s)).get(0).sellerAuthorized());

        FakeBrandRegistry.removeSeller(brand.getId(), PLATFORM, "s-shop", true);
        BrandChanges.await(brand.getId(), heard + 2);
        assertEquals(Boolean.FALSE, facts.contexts(List.of(s)).get(0).sellerAuthorized());
    }

    @Test
    void resyncRequiredDropsEverythingAndReloads() {
        Brand brand = brand(uniqueName("Resync"), false, List.of());
        String gtin = FakeBrandRegistry.gtin14(prefix(brand), 5);
        FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("FR", 5_000, "EUR")), List.of(),
                true);
        BrandChanges.await(brand.getId(), 2);
        Subject s = subject("r-shop", "FR", gtin, "watch");
        BrandContext cached = facts.contexts(List.of(s)).get(0);
        assertEquals(new BrandContext.Msrp(5_000, "EUR", "FR"), cached.msrp());
        assertEquals(Boolean.FALSE, cached.sellerAuthorized());

        // three changes the stream never announced
        FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("FR", 6_000, "EUR")), List.of(),
                false);
        FakeBrandRegistry.seller(brand.getId(), PLATFORM, "r-shop", List.of("FR"), false);
        FakeBrandRegistry.putBrand(FakeBrandRegistry.brandById(brand.getId()).toBuilder().setExclusiveDistribution(true)
                .build(), false);
        assertEquals(cached, facts.contexts(List.of(s)).get(0));

        int listed = FakeBrandRegistry.calls("ListBrands");
        int heard = BrandChanges.count(brand.getId());
        FakeBrandRegistry.requireResync();
        BrandChanges.await(brand.getId(), heard + 1);

        assertTrue(FakeBrandRegistry.calls("ListBrands") > listed, "every brand reloaded");
        BrandContext after = facts.contexts(List.of(s)).get(0);
        assertEquals(new BrandContext.Msrp(6_000, "EUR", "FR"), after.msrp());
        assertEquals(Boolean.TRUE, after.sellerAuthorized());
        assertTrue(after.exclusiveDistribution());
    }

    @Test
    void aBrokenStreamResumesAfterTheLastSequenceAndMissesNothing() throws SQLException {
        Brand brand = brand(uniqueName("Resume"), false, List.of());
        String gtin = FakeBrandRegistry.gtin14(prefix(brand), 9);
        FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("DE", 100, "EUR")), List.of(),
                true);
        BrandChanges.await(brand.getId(), 2);
        Subject s = subject("w-shop", "DE", gtin, "cap");
        assertEquals(100, facts.contexts(List.of(s)).get(0).msrp().amountMinor());

        FakeBrandRegistry.refuseWatch(true);
        try {
            FakeBrandRegistry.clearWatchRequests();
            FakeBrandRegistry.breakStreams();
            long seen = FakeBrandRegistry.latestSequence();
            WatchBrandChangesRequest retry = FakeBrandRegistry.nextWatchRequest();
            assertTrue(retry.hasAfterSequence());
            assertEquals(seen, retry.getAfterSequence());
            assertEquals(seen, persistedSequence(), "the position survives a restart");

            // a change while listing-service cannot follow the stream
            FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("DE", 200, "EUR")), List.of(),
                    true);
        } finally {
            FakeBrandRegistry.refuseWatch(false);
        }
        BrandChanges.await(brand.getId(), 3);
        assertEquals(200, facts.contexts(List.of(s)).get(0).msrp().amountMinor());
    }

    @Test
    void callsCarryTheServiceIdentityAndAnOutageFailsOnlyWhatTheCacheCannotAnswer() {
        Brand brand = brand(uniqueName("Down"), false, List.of());
        String gtin = FakeBrandRegistry.gtin14(prefix(brand), 3);
        Subject known = subject("d-shop", "DE", gtin, "belt");
        BrandContext cached = facts.contexts(List.of(known)).get(0);
        assertEquals("Bearer " + FakeBrandRegistry.SERVICE_TOKEN, FakeBrandRegistry.authorization("WatchBrandChanges"));
        assertEquals("Bearer " + FakeBrandRegistry.SERVICE_TOKEN,
                FakeBrandRegistry.authorization("BatchIsAuthorizedSeller"));

        FakeBrandRegistry.down(true);
        try {
            assertEquals(cached, facts.contexts(List.of(known)).get(0), "answered from memory");
            Subject unknown = subject("d-shop", "DE", FakeBrandRegistry.gtin14(prefix(brand), 4), "belt");
            DomainException e = assertThrows(DomainException.class, () -> facts.contexts(List.of(unknown)));
            assertEquals(DomainException.Kind.UNAVAILABLE, e.kind());
            assertEquals("DEPENDENCY_UNAVAILABLE", e.reason());
        } finally {
            FakeBrandRegistry.down(false);
        }
    }

    private long persistedSequence() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rows = st.executeQuery("SELECT last_sequence FROM brand_watch WHERE id = 1")) {
            assertTrue(rows.next(), "a brand_watch row");
            return rows.getLong(1);
        }
    }
}
