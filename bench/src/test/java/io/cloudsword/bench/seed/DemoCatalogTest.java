package io.cloudsword.bench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private final DemoCatalog.Catalog catalog = DemoCatalog.generate(400, 30, 42);

    @Test
    void hasTheFieldsScale() {
        assertEquals(400, catalog.brands().size());
        assertEquals(12_000, catalog.productCount());
        assertEquals(100, catalog.owners().size());
    }

    @Test
    void isTheSameOnEveryRun() {
        assertEquals(catalog, DemoCatalog.generate(400, 30, 42));
    }

    @Test
    void gtinsAreValidUniqueAndUnderTheirBrandsPrefix() {
        assertEquals(3, DemoCatalog.checkDigit("629104150021")); // DOMAIN.md's example
        Set<String> gtins = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (DemoCatalog.Brand brand : catalog.brands()) {
            assertTrue(prefixes.add(brand.gs1Prefix()), "prefix repeated: " + brand.gs1Prefix());
            for (DemoCatalog.Product p : brand.products()) {
                assertEquals(13, p.gtin13().length());
                assertEquals(DemoCatalog.checkDigit(p.gtin13().substring(0, 12)), p.gtin13().charAt(12) - '0');
                assertTrue(p.gtin13().startsWith(brand.gs1Prefix()));
                assertTrue(gtins.add(p.gtin13()), "GTIN repeated: " + p.gtin13());
                assertTrue(p.hsCode().matches("[0-9]{6}"));
            }
        }
    }

    @Test
    void brandNamesAreUniqueAndHaveAliasesInThreeOtherScripts() {
        Set<String> names = new HashSet<>();
        for (DemoCatalog.Brand brand : catalog.brands()) {
            assertTrue(names.add(brand.name().toLowerCase()), "name repeated: " + brand.name());
            assertEquals(3, brand.aliases().size());
            assertTrue(brand.aliases().get(0).codePoints().allMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN));
            assertTrue(brand.aliases().get(1).codePoints().allMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.CYRILLIC));
        }
    }
}
