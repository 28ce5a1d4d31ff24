package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.cloudsword.brand.domain.Product.Msrp;
import io.cloudsword.kit.error.DomainException;

class NewProductTest {

    private static final String BRAND = "0190a0b0-0000-7000-8000-000000000001";

    private static NewProduct product(String gtin) {
        return new NewProduct(BRAND, gtin, " Air Runner 42 ", "640411", List.of(new Msrp("de", "eur", 12_999)),
                List.of("8F3A00FF12345678"));
    }

    private static NewProduct product(String hs, List<Msrp> msrps, List<String> hashes) {
        return new NewProduct(BRAND, "6291041500213", "Air Runner", hs, msrps, hashes);
    }

    private static void refused(String field, String reason, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void gtinsOfEveryLengthAreCheckedAndStoredAsGtin14() {
        assertEquals("06291041500213", product("6291041500213").validatedForRegistration().gtin());
        assertEquals("00000096385074", product("96385074").validatedForRegistration().gtin());
        assertEquals("00036000291452", product("036000291452").validatedForRegistration().gtin());
        assertEquals("00085001200017", product("085001200017").validatedForRegistration().gtin());
        assertEquals("16291041500210", product("16291041500210").validatedForRegistration().gtin());
        refused("gtin", "INVALID_GTIN", () -> product("6291041500214").validatedForRegistration());
        refused("gtin", "INVALID_GTIN", () -> product("16291041500211").validatedForRegistration());
        refused("gtin", "INVALID_GTIN", () -> product("62910415002").validatedForRegistration());
        refused("gtin", "FIELD_REQUIRED", () -> product(" ").validatedForRegistration());
    }

    @Test
    void normalizesNamePricesAndHashes() {
        NewProduct ok = product("6291041500213").validatedForRegistration();
        assertEquals("Air Runner 42", ok.name());
        assertEquals(List.of(new Msrp("DE", "EUR", 12_999)), ok.msrps());
        assertEquals("DE:EUR:12999", ok.msrps().get(0).encode());
        assertEquals(new Msrp("DE", "EUR", 12_999), Msrp.decode("DE:EUR:12999"));
        assertEquals(List.of("8f3a00ff12345678"), ok.imageHashes());
    }

    @Test
    void theHsCodeIsExactlySixDigits() {
        refused("hs_code", "INVALID_HS_CODE", () -> product("6404", List.of(), List.of()).validatedForRegistration());
        refused("hs_code", "INVALID_HS_CODE", () -> product("64041A", List.of(), List.of()).validatedForRegistration());
        refused("hs_code", "FIELD_REQUIRED", () -> product("", List.of(), List.of()).validatedForRegistration());
    }

    @Test
    void pricesNeedACountryACurrencyAPositiveAmountAndOneMarketEach() {
        refused("msrps[1].country", "INVALID_COUNTRY", () -> product("640411",
                List.of(new Msrp("DE", "EUR", 1), new Msrp("XX", "EUR", 1)), List.of()).validatedForRegistration());
        refused("msrps[0].price.currency", "INVALID_CURRENCY", () -> product("640411",
                List.of(new Msrp("DE", "EURO", 1)), List.of()).validatedForRegistration());
        refused("msrps[0].price.amount_minor", "VALUE_OUT_OF_RANGE", () -> product("640411",
                List.of(new Msrp("DE", "EUR", 0)), List.of()).validatedForRegistration());
        refused("msrps[1].country", "INVALID_FORMAT", () -> product("640411",
                List.of(new Msrp("DE", "EUR", 1), new Msrp("de", "USD", 2)), List.of()).validatedForRegistration());
    }

    @Test
    void imageHashesAreSixteenHex() {
        refused("image_hashes[1]", "INVALID_IMAGE_HASH", () -> product("640411", List.of(),
                List.of("8f3a00ff12345678", "xyz")).validatedForRegistration());
    }

    @Test
    void anUpdateNamesItsFieldsUnderProductAndKeepsTheGtin() {
        NewProduct stored = product("6291041500213").validatedForRegistration();
        NewProduct changes = new NewProduct("", "96385074", "New name", "12", List.of(), List.of());
        refused("product.hs_code", "INVALID_HS_CODE",
                () -> stored.with(changes, Set.of("hs_code")).validated("product."));
        NewProduct renamed = stored.with(changes, Set.of("name")).validated("product.");
        assertEquals("New name", renamed.name());
        assertEquals("06291041500213", renamed.gtin());
        assertEquals("640411", renamed.hsCode());
    }
}
