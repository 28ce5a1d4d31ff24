package io.cloudsword.bench;

import java.time.Duration;
import java.util.List;

import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinResponse;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.bench.seed.DemoCatalog;

/**
 * Whose codes the codes benchmarks issue and scan: a product of a brand of the seeded demo
 * catalogue ({@code ./cloudsword seed}), chosen deterministically, with its owner and brand ids as
 * brand-registry-service knows them, and a second product of the same owner (a valid code moved to
 * it must be INVALID).
 */
record CodesTarget(int brandIndex, String brandName, String ownerId, String brandId, String gtin14,
        String otherGtin14) {

    /** The catalogue positions chosen: brand, its product's GTIN-14 and another of its GTIN-14s. */
    record Pick(int brandIndex, String gtin14, String otherGtin14) {
    }

    /**
     * {@code brandIndex} when not negative; else the first brand without exclusive distribution
     * (its scans are never suspect for the territory, so a first scan must be GENUINE) that has two
     * products. The code's GTIN is the brand's first product, the other GTIN its second.
     */
    static Pick pick(DemoCatalog.Catalog catalog, int brandIndex) {
        List<DemoCatalog.Brand> brands = catalog.brands();
        int chosen = brandIndex;
        if (chosen < 0) {
            for (int b = 0; b < brands.size() && chosen < 0; b++) {
                if (!brands.get(b).exclusiveDistribution() && brands.get(b).products().size() >= 2) {
                    chosen = b;
                }
            }
        }
        if (chosen < 0 || chosen >= brands.size() || brands.get(chosen).products().size() < 2) {
            throw new IllegalArgumentException("no demo brand " + (brandIndex < 0 ? "" : brandIndex + " ")
                    + "with two products");
        }
        List<DemoCatalog.Product> products = brands.get(chosen).products();
        return new Pick(chosen, products.get(0).gtin14(), products.get(1).gtin14());
    }

    /** The pick's owner and brand ids from brand-registry-service; refuses when the catalogue is not seeded. */
    static CodesTarget resolve(MutinyBrandRegistryServiceStub registry, DemoCatalog.Catalog catalog, int brandIndex) {
        Pick pick = pick(catalog, brandIndex);
        BatchGetProductsByGtinResponse found = registry.batchGetProductsByGtin(BatchGetProductsByGtinRequest
                .newBuilder().addGtins(pick.gtin14()).addGtins(pick.otherGtin14()).build())
                .await().atMost(Duration.ofSeconds(60));
        if (found.getResultsCount() != 2 || !found.getResults(0).getFound() || !found.getResults(1).getFound()) {
            throw new IllegalStateException("The demo product " + pick.gtin14() + " is not registered: run "
                    + "./cloudsword seed first");
        }
        ProductLookupResult product = found.getResults(0);
        return new CodesTarget(pick.brandIndex(), catalog.brands().get(pick.brandIndex()).name(),
                product.getProduct().getOwnerId(), product.getProduct().getBrandId(), pick.gtin14(),
                pick.otherGtin14());
    }

    @Override
    public String toString() {
        return "demo brand " + brandIndex + " '" + brandName + "' (owner " + ownerId + "), GTIN " + gtin14;
    }
}
