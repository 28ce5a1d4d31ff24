package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.BatchListBrandProductsRequest;
import io.cloudsword.api.brand.v1.BatchListBrandTrademarksRequest;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandProducts;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.BrandTrademarks;
import io.cloudsword.api.brand.v1.ListProductsRequest;
import io.cloudsword.api.brand.v1.ListTrademarksRequest;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterProductRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.kit.Gtin;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * BatchListBrandTrademarks and BatchListBrandProducts (the gateway's Brand.trademarks and
 * Brand.products over a page of brands) through the real gRPC server and PostgreSQL: the same
 * records, order, statuses and visibility as ListTrademarks / ListProducts, per brand, in request
 * order.
 */
@QuarkusTest
class BatchListGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    private BrandRegistryService ownerOf(RightsOwner owner) {
        return as(TestTokens.ownerToken(owner.getId()));
    }

    @Test
    void trademarksAreTheFirstOfEachBrandInListTrademarksOrderWithHasMore() {
        RightsOwner owner = owner();
        Brand many = brand(owner);
        Brand exactlyTwo = brand(owner);
        Brand none = brand(owner);
        String base = number();
        // registered out of order, over offices whose names sort differently by byte and by
        // collation (IPOS / IP_AUSTRALIA), one expired: the batch must read as ListTrademarks does
        register(owner, many, TrademarkOffice.TRADEMARK_OFFICE_USPTO, base + "2");
        register(owner, many, TrademarkOffice.TRADEMARK_OFFICE_EUIPO, base + "3");
        register(owner, many, TrademarkOffice.TRADEMARK_OFFICE_IPOS, base + "1");
        register(owner, many, TrademarkOffice.TRADEMARK_OFFICE_EUIPO, base + "1");
        register(owner, many, TrademarkOffice.TRADEMARK_OFFICE_IP_AUSTRALIA, base + "1");
        ownerOf(owner).registerTrademark(TrademarkGrpcTest.mark(many, base + "2")
                .setRegistrationDate(TrademarkGrpcTest.date(2010, 1, 1))
                .setExpiryDate(TrademarkGrpcTest.date(2020, 1, 1)).build()).await().atMost(WAIT);
        register(owner, exactlyTwo, TrademarkOffice.TRADEMARK_OFFICE_CNIPA, base + "9");
        register(owner, exactlyTwo, TrademarkOffice.TRADEMARK_OFFICE_CNIPA, base + "8");

        List<Trademark> listed = listTrademarks(anonymous, many, 50);
        assertEquals(6, listed.size());
        assertTrue(listed.stream().anyMatch(t -> t.getStatus() == TrademarkStatus.TRADEMARK_STATUS_EXPIRED));
        List<Trademark> euipo = listed.stream().filter(t -> t.getOffice() == TrademarkOffice.TRADEMARK_OFFICE_EUIPO)
                .toList();
        assertEquals(List.of(base + "1", base + "2", base + "3"),
                euipo.stream().map(Trademark::getRegistrationNumber).toList(), "by registration number in an office");

        List<BrandTrademarks> results = trademarks(anonymous, 2, many.getId(), exactlyTwo.getId(), none.getId());
        assertEquals(List.of(many.getId(), exactlyTwo.getId(), none.getId()),
                results.stream().map(BrandTrademarks::getBrandId).toList(), "one result per brand, in request order");
        assertEquals(listed.subList(0, 2), results.get(0).getTrademarksList(), "the first two, as ListTrademarks");
        assertTrue(results.get(0).getHasMore());
        assertEquals(listTrademarks(anonymous, exactlyTwo, 50), results.get(1).getTrademarksList());
        assertEquals(List.of(base + "8", base + "9"), results.get(1).getTrademarksList().stream()
                .map(Trademark::getRegistrationNumber).toList());
        assertFalse(results.get(1).getHasMore(), "exactly first_per_brand marks: nothing more");
        assertEquals(0, results.get(2).getTrademarksCount());
        assertFalse(results.get(2).getHasMore());
        results.forEach(r -> assertFalse(r.hasError(), r.toString()));

        // 0 = 10: every mark of the brand, statuses as ListTrademarks derives them (EXPIRED)
        BrandTrademarks all = trademarks(anonymous, 0, many.getId()).get(0);
        assertEquals(listed, all.getTrademarksList());
        assertFalse(all.getHasMore());
        BrandTrademarks five = trademarks(anonymous, 5, many.getId()).get(0);
        assertEquals(listed.subList(0, 5), five.getTrademarksList());
        assertTrue(five.getHasMore());
    }

    @Test
    void productsAreTheFirstOfEachBrandByGtinWithHasMore() {
        RightsOwner owner = owner();
        String prefixA = prefix();
        String prefixB = prefix();
        Brand a = brand(owner, prefixA);
        Brand b = brand(owner, prefixB);
        Brand none = brand(owner);
        for (int item : new int[] {30, 10, 50, 20, 40}) {
            registerProduct(owner, a, gtin(prefixA, item));
        }
        registerProduct(owner, b, gtin(prefixB, 7));

        List<Product> listed = anonymous.listProducts(ListProductsRequest.newBuilder().setBrandId(a.getId())
                .setPage(PageRequest.newBuilder().setFirst(50)).build()).await().atMost(WAIT).getProductsList();
        assertEquals(List.of("0" + gtin(prefixA, 10), "0" + gtin(prefixA, 20), "0" + gtin(prefixA, 30),
                "0" + gtin(prefixA, 40), "0" + gtin(prefixA, 50)), listed.stream().map(Product::getGtin).toList());

        List<BrandProducts> results = products(anonymous, 3, b.getId(), a.getId(), none.getId());
        assertEquals(List.of(b.getId(), a.getId(), none.getId()),
                results.stream().map(BrandProducts::getBrandId).toList(), "one result per brand, in request order");
        assertEquals(1, results.get(0).getProductsCount());
        assertEquals("0" + gtin(prefixB, 7), results.get(0).getProducts(0).getGtin());
        assertFalse(results.get(0).getHasMore());
        assertEquals(listed.subList(0, 3), results.get(1).getProductsList(), "the first three, as ListProducts");
        assertTrue(results.get(1).getHasMore());
        assertEquals(0, results.get(2).getProductsCount());
        assertFalse(results.get(2).getHasMore());
        results.forEach(r -> assertFalse(r.hasError(), r.toString()));

        BrandProducts all = products(anonymous, 0, a.getId()).get(0);
        assertEquals(listed, all.getProductsList(), "0 = 10, more than the brand has");
        assertFalse(all.getHasMore());
        BrandProducts exactlyFive = products(anonymous, 5, a.getId()).get(0);
        assertEquals(listed, exactlyFive.getProductsList());
        assertFalse(exactlyFive.getHasMore(), "exactly first_per_brand products: nothing more");
    }

    @Test
    void malformedAndUnknownIdsAreItemErrorsAndDuplicatesAreAnsweredEachTime() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        register(owner, brand, TrademarkOffice.TRADEMARK_OFFICE_DPMA, number());
        registerProduct(owner, brand, gtin(prefix, 1));
        String unknown = UUID.randomUUID().toString();
        String[] ids = {brand.getId(), "not-an-id", unknown, brand.getId(), ""};

        List<BrandTrademarks> marks = trademarks(anonymous, 0, ids);
        assertEquals(List.of(ids), marks.stream().map(BrandTrademarks::getBrandId).toList(), "as requested, in order");
        assertEquals(1, marks.get(0).getTrademarksCount());
        assertFalse(marks.get(0).hasError());
        assertEquals(marks.get(0), marks.get(3), "a duplicate is answered each time");
        assertItemError(marks.get(1).getError(), Status.Code.INVALID_ARGUMENT, "brand_ids[1]", "INVALID_FORMAT");
        assertItemError(marks.get(2).getError(), Status.Code.NOT_FOUND, "brand_ids[2]", "BRAND_NOT_FOUND");
        assertItemError(marks.get(4).getError(), Status.Code.INVALID_ARGUMENT, "brand_ids[4]", "INVALID_FORMAT");
        for (int i : new int[] {1, 2, 4}) {
            assertEquals(0, marks.get(i).getTrademarksCount());
            assertFalse(marks.get(i).getHasMore());
        }

        List<BrandProducts> products = products(anonymous, 0, ids);
        assertEquals(List.of(ids), products.stream().map(BrandProducts::getBrandId).toList());
        assertEquals(1, products.get(0).getProductsCount());
        assertFalse(products.get(0).hasError());
        assertEquals(products.get(0), products.get(3));
        assertItemError(products.get(1).getError(), Status.Code.INVALID_ARGUMENT, "brand_ids[1]", "INVALID_FORMAT");
        assertItemError(products.get(2).getError(), Status.Code.NOT_FOUND, "brand_ids[2]", "BRAND_NOT_FOUND");
        assertItemError(products.get(4).getError(), Status.Code.INVALID_ARGUMENT, "brand_ids[4]", "INVALID_FORMAT");
        for (int i : new int[] {1, 2, 4}) {
            assertEquals(0, products.get(i).getProductsCount());
        }
    }

    @Test
    void theCapsAreRefusedNamingTheFieldAndFiveHundredBrandsAreAnswered() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        register(owner, brand, TrademarkOffice.TRADEMARK_OFFICE_JPO, number());
        registerProduct(owner, brand, gtin(prefix, 1));

        assertRefused(Status.Code.INVALID_ARGUMENT, "brand_ids", "FIELD_REQUIRED",
                anonymous.batchListBrandTrademarks(BatchListBrandTrademarksRequest.getDefaultInstance()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "brand_ids", "FIELD_REQUIRED",
                anonymous.batchListBrandProducts(BatchListBrandProductsRequest.getDefaultInstance()));

        List<String> fiveHundred = new ArrayList<>();
        fiveHundred.add(brand.getId());
        for (int i = 1; i < 500; i++) {
            fiveHundred.add(UUID.randomUUID().toString());
        }
        List<String> fiveHundredOne = new ArrayList<>(fiveHundred);
        fiveHundredOne.add(brand.getId());
        assertRefused(Status.Code.INVALID_ARGUMENT, "brand_ids", "TOO_MANY_ITEMS", anonymous.batchListBrandTrademarks(
                BatchListBrandTrademarksRequest.newBuilder().addAllBrandIds(fiveHundredOne).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "brand_ids", "TOO_MANY_ITEMS", anonymous.batchListBrandProducts(
                BatchListBrandProductsRequest.newBuilder().addAllBrandIds(fiveHundredOne).build()));

        for (int first : new int[] {-1, 51}) {
            assertRefused(Status.Code.INVALID_ARGUMENT, "first_per_brand", "VALUE_OUT_OF_RANGE",
                    anonymous.batchListBrandTrademarks(BatchListBrandTrademarksRequest.newBuilder()
                            .addBrandIds(brand.getId()).setFirstPerBrand(first).build()));
            assertRefused(Status.Code.INVALID_ARGUMENT, "first_per_brand", "VALUE_OUT_OF_RANGE",
                    anonymous.batchListBrandProducts(BatchListBrandProductsRequest.newBuilder()
                            .addBrandIds(brand.getId()).setFirstPerBrand(first).build()));
        }

        // at the caps: 500 brands (the known one last, to be found wherever it is), 50 per brand
        Collections.reverse(fiveHundred);
        List<BrandTrademarks> marks = trademarks(anonymous, 50, fiveHundred.toArray(String[]::new));
        assertEquals(500, marks.size());
        assertEquals(brand.getId(), marks.get(499).getBrandId());
        assertEquals(1, marks.get(499).getTrademarksCount());
        assertFalse(marks.get(499).hasError());
        assertItemError(marks.get(0).getError(), Status.Code.NOT_FOUND, "brand_ids[0]", "BRAND_NOT_FOUND");
        assertEquals(499, marks.stream().filter(BrandTrademarks::hasError).count());
        List<BrandProducts> products = products(anonymous, 50, fiveHundred.toArray(String[]::new));
        assertEquals(500, products.size());
        assertEquals(1, products.get(499).getProductsCount());
        assertItemError(products.get(498).getError(), Status.Code.NOT_FOUND, "brand_ids[498]", "BRAND_NOT_FOUND");
    }

    /**
     * ListTrademarks and ListProducts answer every caller alike (public registry data, anonymous
     * included, whatever the owner's state): so does the batch, for the same brands.
     */
    @Test
    void everyCallerSeesWhatTheListMethodsShowIncludingASuspendedOwnersRecords() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        register(owner, brand, TrademarkOffice.TRADEMARK_OFFICE_UKIPO, number());
        register(owner, brand, TrademarkOffice.TRADEMARK_OFFICE_KIPO, number());
        registerProduct(owner, brand, gtin(prefix, 2));
        registerProduct(owner, brand, gtin(prefix, 1));
        as(TestTokens.token("system")).suspendRightsOwner(SuspendRightsOwnerRequest.newBuilder().setId(owner.getId())
                .setReason("manifestly unfounded notices").build()).await().atMost(WAIT);

        List<BrandRegistryService> callers = List.of(anonymous, ownerOf(owner), ownerOf(owner()),
                as(TestTokens.token("reviewer")), as(TestTokens.token("system")));
        for (BrandRegistryService caller : callers) {
            List<Trademark> listed = listTrademarks(caller, brand, 50);
            assertEquals(2, listed.size());
            assertEquals(listed, trademarks(caller, 0, brand.getId()).get(0).getTrademarksList());
            List<Product> listedProducts = caller.listProducts(ListProductsRequest.newBuilder().setBrandId(brand.getId())
                    .build()).await().atMost(WAIT).getProductsList();
            assertEquals(2, listedProducts.size());
            assertEquals(listedProducts, products(caller, 0, brand.getId()).get(0).getProductsList());
        }
    }

    // The number of SQL statements per call is not counted here: this module's tests have no
    // statement counter. The repositories read a whole batch with one statement by construction.

    // --- helpers

    private static List<BrandTrademarks> trademarks(BrandRegistryService client, int first, String... brandIds) {
        return client.batchListBrandTrademarks(BatchListBrandTrademarksRequest.newBuilder()
                .addAllBrandIds(List.of(brandIds)).setFirstPerBrand(first).build()).await().atMost(WAIT)
                .getResultsList();
    }

    private static List<BrandProducts> products(BrandRegistryService client, int first, String... brandIds) {
        return client.batchListBrandProducts(BatchListBrandProductsRequest.newBuilder()
                .addAllBrandIds(List.of(brandIds)).setFirstPerBrand(first).build()).await().atMost(WAIT)
                .getResultsList();
    }

    private static List<Trademark> listTrademarks(BrandRegistryService client, Brand brand, int first) {
        return client.listTrademarks(ListTrademarksRequest.newBuilder().setBrandId(brand.getId())
                .setPage(PageRequest.newBuilder().setFirst(first)).build()).await().atMost(WAIT).getTrademarksList();
    }

    private void register(RightsOwner owner, Brand brand, TrademarkOffice office, String number) {
        ownerOf(owner).registerTrademark(TrademarkGrpcTest.mark(brand, number).setOffice(office).build()).await()
                .atMost(WAIT);
    }

    private void registerProduct(RightsOwner owner, Brand brand, String gtin) {
        ownerOf(owner).registerProduct(RegisterProductRequest.newBuilder().setBrandId(brand.getId()).setGtin(gtin)
                .setName("Air Runner").setHsCode("640411").build()).await().atMost(WAIT);
    }

    /** A fresh number stem per test: numbers are unique per office and tests share one database. */
    private static String number() {
        return "BL" + UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase();
    }

    /** A fresh 9-digit prefix starting with 5: prefixes are unique across brands. */
    private static String prefix() {
        return "5" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000L));
    }

    /** The GTIN-13 of item {@code item} under a 9-digit prefix. */
    private static String gtin(String prefix, int item) {
        String body = prefix + String.format("%03d", item);
        return body + Gtin.checkDigit(body);
    }

    private RightsOwner owner() {
        return as(TestTokens.token("admin")).registerRightsOwner(RegisterRightsOwnerRequest.newBuilder()
                .setLegalName("Stapelwerk GmbH").setCountry("DE").setAddress("Hauptstrasse 1, 10115 Berlin")
                .setPhone("+49 30 1234567").setEmail("legal@stapelwerk.example")
                .setTradeRegisterNumber("HRB-" + UUID.randomUUID()).build()).await().atMost(WAIT).getOwner();
    }

    private Brand brand(RightsOwner owner, String... prefixes) {
        return ownerOf(owner).registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(owner.getId())
                .setName("Brand " + UUID.randomUUID()).addAllGs1CompanyPrefixes(List.of(prefixes)).build())
                .await().atMost(WAIT).getBrand();
    }

    private static void assertItemError(ItemError error, Status.Code code, String field, String reason) {
        assertEquals(code.value(), error.getCode(), error.toString());
        assertEquals(field, error.getDetail().getField(), error.toString());
        assertEquals(reason, error.getDetail().getReason(), error.toString());
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
