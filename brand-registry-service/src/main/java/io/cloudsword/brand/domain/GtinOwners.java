package io.cloudsword.brand.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.ProductRepository;
import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.DomainException;
import io.smallrye.mutiny.Uni;

/**
 * Which brand a GTIN belongs to (WCO IPM step 1): the brand that declared the longest GS1
 * company prefix matching the GTIN. Prefixes are in GS1 (GTIN-13) form, so they are matched
 * against digits 2..13 of the GTIN-14, after the indicator digit. Answers for any GTIN, whether
 * or not it is registered as a product. Public registry data.
 */
@ApplicationScoped
public class GtinOwners {

    public static final int MAX_BATCH = 1_000;
    public static final int MIN_PREFIX = 6;
    public static final int MAX_PREFIX = 12;

    private final ProductRepository products;

    public GtinOwners(ProductRepository products) {
        this.products = products;
    }

    /** The prefixes that could own {@code gtin14}, longest first: leading 12..6 digits after the indicator. */
    public static List<String> candidates(String gtin14) {
        String gs1 = gtin14.substring(1);
        List<String> out = new ArrayList<>(MAX_PREFIX - MIN_PREFIX + 1);
        for (int n = MAX_PREFIX; n >= MIN_PREFIX; n--) {
            out.add(gs1.substring(0, n));
        }
        return out;
    }

    /**
     * The answer for one GTIN. {@code found} is false (and the ids null) when no brand declared
     * a covering prefix; {@code error} is set, with nothing else, for an invalid GTIN.
     */
    public record Result(String gtin, String gtin14, boolean found, UUID brandId, UUID ownerId, String matchedPrefix,
            boolean registeredProduct, DomainException error) {
    }

    /** An invalid GTIN fails the call. */
    public Uni<Result> owner(String gtin) {
        return Uni.createFrom().item(() -> Gtin.toGtin14("gtin", gtin))
                .flatMap(gtin14 -> products.owners(List.of(gtin14)).map(found -> result(gtin, gtin14, found)));
    }

    /** Up to 1,000 GTINs, one statement, answered in request order; invalid ones per item. */
    public Uni<List<Result>> batch(List<String> gtins) {
        return Uni.createFrom().item(() -> {
            if (gtins.size() > MAX_BATCH) {
                throw DomainException.invalid("gtins", "TOO_MANY_ITEMS", "At most " + MAX_BATCH
                        + " GTINs per batch, got " + gtins.size());
            }
            return normalized(gtins);
        }).flatMap(normalized -> products.owners(distinctValid(normalized)).map(found -> {
            List<Result> out = new ArrayList<>(gtins.size());
            for (int i = 0; i < gtins.size(); i++) {
                Object n = normalized.get(i);
                out.add(n instanceof String gtin14 ? result(gtins.get(i), gtin14, found)
                        : new Result(gtins.get(i), "", false, null, null, "", false, (DomainException) n));
            }
            return out;
        }));
    }

    private static Result result(String asked, String gtin14, Map<String, ProductRepository.Owner> found) {
        ProductRepository.Owner o = found.get(gtin14);
        return o == null ? new Result(asked, gtin14, false, null, null, "", false, null)
                : new Result(asked, gtin14, true, o.brandId(), o.ownerId(), o.prefix(), o.registeredProduct(), null);
    }

    /** Per requested GTIN its GTIN-14, or the INVALID_GTIN refusal naming {@code gtins[i]}. */
    static List<Object> normalized(List<String> gtins) {
        List<Object> out = new ArrayList<>(gtins.size());
        for (int i = 0; i < gtins.size(); i++) {
            String gtin14 = quickGtin14(gtins.get(i));
            if (gtin14 != null) {
                out.add(gtin14);
                continue;
            }
            try {
                out.add(Gtin.toGtin14("gtins[" + i + "]", gtins.get(i)));
            } catch (DomainException e) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The GTIN-14 of a well-formed GTIN without surrounding spaces, or null for anything else
     * (which then goes through {@link Gtin#toGtin14} for its refusal). Batches of 1,000 are a hot
     * path; this skips the regular expression per item.
     */
    static String quickGtin14(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return null;
        }
        int sum = 0;
        int weight = 3;
        for (int i = n - 2; i >= 0; i--) {
            int d = value.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            sum += d * weight;
            weight = 4 - weight;
        }
        int check = value.charAt(n - 1) - '0';
        if (check != (10 - sum % 10) % 10) {
            return null;
        }
        return n == 14 ? value : "00000000000000".substring(n) + value;
    }

    static List<String> distinctValid(List<Object> normalized) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Object n : normalized) {
            if (n instanceof String s) {
                out.add(s);
            }
        }
        return new ArrayList<>(out);
    }
}
