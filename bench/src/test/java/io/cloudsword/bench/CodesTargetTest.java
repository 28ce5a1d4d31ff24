package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.cloudsword.bench.seed.DemoCatalog;

class CodesTargetTest {

    @Test
    void picksTheFirstNonExclusiveBrandWithTwoProductsOfTheSeededCatalogue() {
        DemoCatalog.Catalog catalog = DemoCatalog.generate(400, 30, 42);
        CodesTarget.Pick pick = CodesTarget.pick(catalog, -1);
        DemoCatalog.Brand brand = catalog.brands().get(pick.brandIndex());
        assertFalse(brand.exclusiveDistribution());
        for (int b = 0; b < pick.brandIndex(); b++) {
            DemoCatalog.Brand earlier = catalog.brands().get(b);
            assertTrue(earlier.exclusiveDistribution() || earlier.products().size() < 2);
        }
        assertEquals(brand.products().get(0).gtin14(), pick.gtin14());
        assertEquals(brand.products().get(1).gtin14(), pick.otherGtin14());
        assertNotEquals(pick.gtin14(), pick.otherGtin14());
        assertTrue(pick.gtin14().startsWith("0" + brand.gs1Prefix()));
        assertEquals(pick, CodesTarget.pick(DemoCatalog.generate(400, 30, 42), -1), "deterministic");
    }

    @Test
    void honoursAnExplicitBrandAndRefusesOneOutOfRange() {
        DemoCatalog.Catalog catalog = DemoCatalog.generate(400, 30, 42);
        int chosen = -1;
        for (int b = catalog.brands().size() - 1; b >= 0 && chosen < 0; b--) {
            if (catalog.brands().get(b).products().size() >= 2) {
                chosen = b;
            }
        }
        assertEquals(chosen, CodesTarget.pick(catalog, chosen).brandIndex());
        assertThrows(IllegalArgumentException.class, () -> CodesTarget.pick(catalog, 400));
    }
}
