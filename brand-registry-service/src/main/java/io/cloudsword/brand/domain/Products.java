package io.cloudsword.brand.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.ProductRepository;
import io.cloudsword.brand.repository.RightsOwnerRepository;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.kit.text.BrandNames;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The rules for products. A product's GTIN must fall under its brand's GS1 company prefixes
 * (longest-prefix owner), and a GTIN is one product registry-wide. Products are public; only
 * the brand's owner (or an admin) registers and changes them.
 */
@ApplicationScoped
public class Products {

    public static final int MAX_BATCH = 1_000;

    private final ProductRepository products;
    private final RightsOwnerRepository owners;
    private final BrandChanges changes;
    private final Clock clock;

    public Products(ProductRepository products, RightsOwnerRepository owners, BrandChanges changes, Clock clock) {
        this.products = products;
        this.owners = owners;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Idempotent on the GTIN-14: the same brand gets the existing product back unchanged;
     * a GTIN registered under another brand is refused.
     */
    @WithTransaction
    public Uni<Registered<Product>> register(Caller caller, NewProduct request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return request.validatedForRegistration();
        }).flatMap(input -> changes.lockBrand("brand_id", UUID.fromString(input.brandId())).flatMap(brand -> {
            caller.requireActsFor(brand.ownerId);
            return owners.findById(brand.ownerId).flatMap(owner -> {
                owner.requireMayRegisterRights("brand_id");
                return products.findByGtin(input.gtin());
            }).flatMap(existing -> {
                if (existing != null) {
                    if (!existing.brandId.equals(brand.id)) {
                        throw DomainException.alreadyExists("gtin", "GTIN_ALREADY_REGISTERED",
                                "GTIN " + input.gtin() + " is registered under another brand");
                    }
                    return Uni.createFrom().item(new Registered<>(existing, false));
                }
                return prefixOwner(input.gtin()).flatMap(prefix -> {
                    if (prefix == null || !prefix.brandId.equals(brand.id)) {
                        throw DomainException.invalid("gtin", "GTIN_OUTSIDE_BRAND_PREFIXES", "GTIN " + input.gtin()
                                + " is not under any GS1 company prefix of this brand"
                                + (prefix == null ? "" : " (its longest matching prefix " + prefix.prefix
                                        + " belongs to another brand)"));
                    }
                    Instant now = clock.instant();
                    Product p = new Product();
                    p.id = UUID.fromString(Ids.newId());
                    p.brandId = brand.id;
                    p.ownerId = brand.ownerId;
                    p.gtin = input.gtin();
                    input.applyTo(p);
                    p.createdAt = now;
                    p.updatedAt = now;
                    return products.persist(p).flatMap(saved -> changes.record(brand, change(p)))
                            .map(c -> new Registered<>(p, true));
                });
            });
        }));
    }

    /** In the writing transaction: the longest declared prefix covering the GTIN, or null. */
    private static Uni<Gs1Prefix> prefixOwner(String gtin14) {
        return Gs1Prefix.<Gs1Prefix>list("prefix in ?1", GtinOwners.candidates(gtin14)).map(rows -> rows.stream()
                .max((a, b) -> Integer.compare(a.prefix.length(), b.prefix.length())).orElse(null));
    }

    private static BrandChange change(Product p) {
        BrandChange change = BrandChanges.of(BrandChange.Kind.PRODUCT, p.id);
        change.gtin = p.gtin;
        return change;
    }

    @WithSession
    public Uni<Product> get(String id) {
        return Uni.createFrom().item(() -> UUID.fromString(Checks.id("id", id)))
                .flatMap(products::findById)
                .onItem().ifNull().failWith(() -> notFound("id", id));
    }

    private static DomainException notFound(String field, String id) {
        return DomainException.notFound(field, "PRODUCT_NOT_FOUND", "No product with id " + id);
    }

    /** One lookup answer: the product (null when not registered) or the item's INVALID_GTIN. */
    public record Lookup(String gtin, String gtin14, Product product, DomainException error) {
    }

    /**
     * The hot path (listing checks, customs lines): up to 1,000 GTINs in one statement, no
     * session, answered per requested GTIN in request order, invalid GTINs per item.
     */
    public Uni<List<Lookup>> byGtins(List<String> gtins) {
        return Uni.createFrom().item(() -> {
            if (gtins.size() > MAX_BATCH) {
                throw DomainException.invalid("gtins", "TOO_MANY_ITEMS", "At most " + MAX_BATCH
                        + " GTINs per batch, got " + gtins.size());
            }
            return GtinOwners.normalized(gtins);
        }).flatMap(normalized -> products.findByGtins(GtinOwners.distinctValid(normalized)).map(rows -> {
            Map<String, Product> byGtin = new HashMap<>(rows.size() * 2);
            rows.forEach(p -> byGtin.put(p.gtin, p));
            List<Lookup> out = new ArrayList<>(gtins.size());
            for (int i = 0; i < gtins.size(); i++) {
                Object n = normalized.get(i);
                out.add(n instanceof String gtin14 ? new Lookup(gtins.get(i), gtin14, byGtin.get(gtin14), null)
                        : new Lookup(gtins.get(i), "", null, (DomainException) n));
            }
            return out;
        }));
    }

    /** Ordered by GTIN. */
    @WithSession
    public Uni<Page.Slice<Product>> list(String brandId, String ownerId, String nameQuery, String hsCodePrefix,
            Page page) {
        return Uni.createFrom().item(() -> {
            String hs = hsCodePrefix == null ? "" : hsCodePrefix.strip();
            if (!hs.isEmpty() && !hs.matches("[0-9]{2,6}")) {
                throw DomainException.invalid("hs_code_prefix", "INVALID_HS_CODE",
                        "hs_code_prefix must be 2 to 6 digits, got '" + hsCodePrefix + "'");
            }
            String name = Checks.optionalText("name_query", nameQuery, 300);
            return new ProductRepository.Query(Trademarks.optionalId("brand_id", brandId),
                    Trademarks.optionalId("owner_id", ownerId), BrandNames.fold(name), hs);
        }).flatMap(query -> products.list(query, page)).map(page::slice);
    }

    /**
     * BatchListBrandProducts: the first products of each requested brand by GTIN (ListProducts
     * order), answered per requested brand in request order, with the same checks and item errors
     * as BatchListBrandTrademarks. Products are public and ListProducts answers every caller alike,
     * so this does too. One statement for the whole batch, whatever its size.
     */
    public Uni<List<Trademarks.BrandFirst<Product>>> firstOfBrands(List<String> brandIds, int firstPerBrand) {
        return Uni.createFrom().item(() -> Trademarks.BrandBatch.parse(brandIds, firstPerBrand))
                .flatMap(batch -> products.firstOfBrands(batch.distinctIds(), batch.first() + 1).map(batch::answer));
    }

    /** Name, HS code, prices (replaced whole), image hashes; by the owner. The GTIN never changes. */
    @WithTransaction
    public Uni<Product> update(Caller caller, String id, NewProduct values, Set<String> paths) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return UUID.fromString(Checks.id("product.id", id));
        }).flatMap(products::findById).flatMap(found -> {
            if (found == null) {
                throw notFound("product.id", id);
            }
            caller.requireActsFor(found.ownerId);
            // Every writer of a brand's records holds the brand lock: re-read under it, then change.
            return changes.lockBrand("product.brand_id", found.brandId)
                    .flatMap(brand -> Panache.getSession().flatMap(s -> s.refresh(found)).replaceWith(brand))
                    .flatMap(brand -> {
                        NewProduct merged = NewProduct.of(found).with(values, paths).validated("product.");
                        merged.applyTo(found);
                        found.updatedAt = clock.instant();
                        return changes.record(brand, change(found)).replaceWith(found);
                    });
        });
    }
}
