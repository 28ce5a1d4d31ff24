package io.cloudsword.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;
import io.cloudsword.bench.seed.DemoCatalog;

/**
 * What the brand-lookup benchmark asks, drawn from the seeded {@link DemoCatalog} with a fixed
 * random seed, so every run asks the same questions and each answer is known in advance.
 */
public final class LookupSamples {

    /** One IsAuthorizedSeller question about the catalogue's brand {@code brandIndex}, with the answer it must get. */
    public record SellerCheck(int brandIndex, String platform, String shopId, String country,
            SellerAuthorizationBasis expected) {
    }

    private static final String[] SALE_COUNTRIES = { "CN", "DE", "AT", "US", "JP", "GB", "FR", "KR" };

    private LookupSamples() {
    }

    /**
     * {@code batches} batches of {@code size} GTIN-14s of registered products, except about
     * {@code missPercent} % valid GTINs under a brand's prefix that no product has (a listing's
     * code that the registry does not know).
     */
    public static List<List<String>> gtinBatches(DemoCatalog.Catalog catalog, int batches, int size, int missPercent,
            Random random) {
        List<DemoCatalog.Product> all = catalog.brands().stream().flatMap(b -> b.products().stream()).toList();
        List<DemoCatalog.Brand> withRoom = catalog.brands().stream()
                .filter(b -> b.capacity() > b.products().size()).toList();
        List<List<String>> out = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            List<String> batch = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                if (!withRoom.isEmpty() && random.nextInt(100) < missPercent) {
                    batch.add(unregisteredGtin14(withRoom.get(random.nextInt(withRoom.size())), random));
                } else {
                    batch.add(all.get(random.nextInt(all.size())).gtin14());
                }
            }
            out.add(List.copyOf(batch));
        }
        return out;
    }

    /** A valid GTIN-14 under the brand's prefix whose item reference is beyond its registered products. */
    static String unregisteredGtin14(DemoCatalog.Brand brand, Random random) {
        int itemDigits = 12 - brand.gs1Prefix().length();
        long free = brand.capacity() - brand.products().size();
        long item = brand.products().size() + (long) (random.nextDouble() * free);
        String body = brand.gs1Prefix() + String.format(Locale.ROOT, "%0" + itemDigits + "d", item);
        return "0" + body + DemoCatalog.checkDigit(body);
    }

    /**
     * {@code count} checks at "now" (any date after 2024: the catalogue's dates are fixed): about
     * half by authorized sellers in their territory, the rest not listed (a shop of the same
     * platform that sells other brands), outside the territory, or outside the validity window.
     */
    public static List<SellerCheck> sellerChecks(DemoCatalog.Catalog catalog, int count, Random random) {
        List<int[]> current = new ArrayList<>(); // (brand, seller) still valid
        List<int[]> ended = new ArrayList<>();
        List<int[]> territorial = new ArrayList<>(); // still valid, with a territory list
        for (int b = 0; b < catalog.brands().size(); b++) {
            List<DemoCatalog.Seller> sellers = catalog.brands().get(b).sellers();
            for (int s = 0; s < sellers.size(); s++) {
                DemoCatalog.Seller seller = sellers.get(s);
                int[] at = { b, s };
                if (seller.validUntil() != null) {
                    ended.add(at);
                } else {
                    current.add(at);
                    if (!seller.territories().isEmpty()) {
                        territorial.add(at);
                    }
                }
            }
        }
        if (current.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no authorized sellers");
        }
        List<SellerCheck> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(10);
            if (dice < 5) {
                int[] at = pick(current, random);
                DemoCatalog.Seller s = seller(catalog, at);
                String country = s.territories().isEmpty() ? SALE_COUNTRIES[random.nextInt(SALE_COUNTRIES.length)]
                        : s.territories().get(random.nextInt(s.territories().size()));
                out.add(new SellerCheck(at[0], s.platform(), s.shopId(), country, SellerAuthorizationBasis
                        .SELLER_AUTHORIZATION_BASIS_LISTED));
            } else if (dice < 7 && !territorial.isEmpty()) {
                int[] at = pick(territorial, random);
                DemoCatalog.Seller s = seller(catalog, at);
                String country = outside(s.territories(), random);
                out.add(new SellerCheck(at[0], s.platform(), s.shopId(), country, SellerAuthorizationBasis
                        .SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY));
            } else if (dice < 8 && !ended.isEmpty()) {
                int[] at = pick(ended, random);
                DemoCatalog.Seller s = seller(catalog, at);
                String country = s.territories().isEmpty() ? "DE" : s.territories().get(0);
                out.add(new SellerCheck(at[0], s.platform(), s.shopId(), country, SellerAuthorizationBasis
                        .SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY));
            } else {
                out.add(notListed(catalog, pick(current, random), random));
            }
        }
        return out;
    }

    /** A shop of the same platform that is not on this brand's list. */
    private static SellerCheck notListed(DemoCatalog.Catalog catalog, int[] at, Random random) {
        DemoCatalog.Brand brand = catalog.brands().get(at[0]);
        String platform = seller(catalog, at).platform();
        Set<String> listed = new HashSet<>();
        brand.sellers().forEach(s -> listed.add(s.platform() + "/" + s.shopId()));
        String shopId;
        do {
            shopId = DemoCatalog.shopId(platform, random.nextInt(DemoCatalog.SHOPS_PER_PLATFORM * 2));
        } while (listed.contains(platform + "/" + shopId));
        return new SellerCheck(at[0], platform, shopId, SALE_COUNTRIES[random.nextInt(SALE_COUNTRIES.length)],
                SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED);
    }

    private static String outside(List<String> territories, Random random) {
        while (true) {
            String c = SALE_COUNTRIES[random.nextInt(SALE_COUNTRIES.length)];
            if (!territories.contains(c)) {
                return c;
            }
        }
    }

    private static DemoCatalog.Seller seller(DemoCatalog.Catalog catalog, int[] at) {
        return catalog.brands().get(at[0]).sellers().get(at[1]);
    }

    private static int[] pick(List<int[]> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
