package io.cloudsword.brand.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.AuthorizedSellerRepository;
import io.cloudsword.brand.repository.AuthorizedSellerRepository.BrandFacts;
import io.cloudsword.brand.repository.AuthorizedSellerRepository.KeyedEntry;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The rules for a brand's authorized-seller list. The list itself is private to the owner,
 * reviewers, admins and other services; the yes/no check is open to platforms, customs and
 * services, so that they can judge a listing without seeing who else is authorized.
 */
@ApplicationScoped
public class AuthorizedSellers {

    public static final int MAX_CHECKS = 1_000;
    public static final Set<String> UPDATABLE = Set.of("territories", "valid_from", "valid_until", "note");

    private final AuthorizedSellerRepository sellers;
    private final BrandChanges changes;
    private final Clock clock;

    public AuthorizedSellers(AuthorizedSellerRepository sellers, BrandChanges changes, Clock clock) {
        this.sellers = sellers;
        this.changes = changes;
        this.clock = clock;
    }

    /** What a caller asks to list (raw; {@link #validated} checks it). validFrom null = now. */
    public record NewSeller(String brandId, String platform, String shopId, List<String> territories, Instant validFrom,
            Instant validUntil, String note) {

        public NewSeller validated(Instant now) {
            String brand = Checks.id("brand_id", brandId);
            required("platform", platform);
            String p = Checks.platform("platform", platform);
            String shop = Checks.text("shop_id", shopId, 200);
            List<String> t = Territories.territories("territories", territories);
            Instant from = validFrom == null ? now : micros(validFrom);
            Instant until = validUntil == null ? null : micros(validUntil);
            requireWindow("valid_until", from, until);
            return new NewSeller(brand, p, shop, t, from, until, Checks.optionalText("note", note, 2_000));
        }
    }

    private static boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " is required");
        }
        return true;
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static void requireWindow(String field, Instant from, Instant until) {
        if (until != null && !until.isAfter(from)) {
            throw DomainException.invalid(field, "INVALID_DATE_RANGE",
                    "valid_until must be after valid_from (the window is [valid_from, valid_until))");
        }
    }

    /**
     * Idempotent on (brand, platform, shop): a live entry is returned unchanged (created = false).
     * A removed entry is revived with this request's terms and counts as created: the shop was not
     * authorized a moment ago and is now, which is what watchers must learn.
     */
    @WithTransaction
    public Uni<Registered<AuthorizedSeller>> add(Caller caller, NewSeller request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return request.validated(clock.instant());
        }).flatMap(input -> changes.lockBrand("brand_id", UUID.fromString(input.brandId())).flatMap(brand -> {
            caller.requireActsFor(brand.ownerId);
            return sellers.findByNaturalKey(brand.id, input.platform(), input.shopId()).flatMap(existing -> {
                if (existing != null && existing.removedAt == null) {
                    return Uni.createFrom().item(new Registered<>(existing, false));
                }
                Instant now = clock.instant();
                AuthorizedSeller seller = existing;
                if (seller == null) {
                    seller = new AuthorizedSeller();
                    seller.id = UUID.fromString(Ids.newId());
                    seller.brandId = brand.id;
                    seller.ownerId = brand.ownerId;
                    seller.platform = input.platform();
                    seller.shopId = input.shopId();
                    seller.createdAt = now;
                }
                seller.territories = new ArrayList<>(input.territories());
                seller.validFrom = input.validFrom();
                seller.validUntil = input.validUntil();
                seller.note = input.note();
                seller.removedAt = null;
                seller.updatedAt = now;
                AuthorizedSeller saved = seller;
                return sellers.persist(saved).flatMap(s -> changes.record(brand, change(saved)))
                        .map(c -> new Registered<>(saved, true));
            });
        }));
    }

    /** Changes territories, window or note of a live entry; the merged window must still be valid. */
    @WithTransaction
    public Uni<AuthorizedSeller> update(Caller caller, String id, NewSeller values, Set<String> paths) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            UUID sellerId = UUID.fromString(Checks.id("seller.id", id));
            if (paths.contains("valid_from") && values.validFrom() == null) {
                throw DomainException.invalid("seller.valid_from", "FIELD_REQUIRED",
                        "seller.valid_from is required when the mask names it");
            }
            List<String> territories = paths.contains("territories")
                    ? Territories.territories("seller.territories", values.territories()) : null;
            String note = paths.contains("note") ? Checks.optionalText("seller.note", values.note(), 2_000) : null;
            return new SellerChange(sellerId, territories, note);
        }).flatMap(change -> lockedLive(caller, change.id(), "seller.id").flatMap(locked -> {
            AuthorizedSeller seller = locked.seller();
            Instant from = paths.contains("valid_from") ? micros(values.validFrom()) : seller.validFrom;
            Instant until = paths.contains("valid_until")
                    ? (values.validUntil() == null ? null : micros(values.validUntil())) : seller.validUntil;
            requireWindow("seller.valid_until", from, until);
            if (change.territories() != null) {
                seller.territories = new ArrayList<>(change.territories());
            }
            if (change.note() != null) {
                seller.note = change.note();
            }
            seller.validFrom = from;
            seller.validUntil = until;
            seller.updatedAt = clock.instant();
            return changes.record(locked.brand(), change(seller)).replaceWith(seller);
        }));
    }

    /** Soft delete. Unknown ids and removed entries answer false and write nothing. */
    @WithTransaction
    public Uni<Boolean> remove(Caller caller, String id) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return UUID.fromString(Checks.id("id", id));
        }).flatMap(sellerId -> sellers.findById(sellerId).flatMap(found -> {
            if (found == null) {
                return Uni.createFrom().item(false);
            }
            return changes.lockBrand("id", found.brandId).flatMap(brand -> {
                caller.requireActsFor(brand.ownerId);
                return Panache.getSession().flatMap(s -> s.refresh(found)).flatMap(v -> {
                    if (found.removedAt != null) {
                        return Uni.createFrom().item(false);
                    }
                    found.removedAt = clock.instant();
                    found.updatedAt = found.removedAt;
                    return changes.record(brand, change(found)).replaceWith(true);
                });
            });
        }));
    }

    private record Locked(Brand brand, AuthorizedSeller seller) {
    }

    /** The checked parts of an update; null = not in the mask. */
    private record SellerChange(UUID id, List<String> territories, String note) {
    }

    /** The live entry with its brand locked (so concurrent writers of the brand queue up), re-read under the lock. */
    private Uni<Locked> lockedLive(Caller caller, UUID sellerId, String field) {
        return sellers.findById(sellerId).flatMap(found -> {
            if (found == null) {
                return Uni.createFrom().failure(sellerNotFound(field, sellerId));
            }
            return changes.lockBrand(field, found.brandId).flatMap(brand -> {
                caller.requireActsFor(brand.ownerId);
                return Panache.getSession().flatMap(s -> s.refresh(found)).map(v -> {
                    if (found.removedAt != null) {
                        throw sellerNotFound(field, sellerId);
                    }
                    return new Locked(brand, found);
                });
            });
        });
    }

    private static DomainException sellerNotFound(String field, UUID id) {
        return DomainException.notFound(field, "AUTHORIZED_SELLER_NOT_FOUND", "No authorized seller with id " + id);
    }

    private static BrandChange change(AuthorizedSeller seller) {
        BrandChange change = BrandChanges.of(BrandChange.Kind.AUTHORIZED_SELLER, seller.id);
        change.platform = seller.platform;
        change.shopId = seller.shopId;
        change.removed = seller.removedAt != null;
        return change;
    }

    /** A brand's live entries: the owner, reviewers, admins and services only. */
    @WithSession
    public Uni<Page.Slice<AuthorizedSeller>> list(Caller caller, String brandId, String platform, Instant validAt,
            Page page) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
            UUID brand = UUID.fromString(Checks.id("brand_id", brandId));
            String p = platform == null || platform.isBlank() ? "" : Checks.platform("platform", platform);
            return Map.entry(brand, p);
        }).flatMap(parsed -> Brand.<Brand>findById(parsed.getKey()).flatMap(brand -> {
            if (brand == null) {
                throw DomainException.notFound("brand_id", "BRAND_NOT_FOUND", "No brand with id " + parsed.getKey());
            }
            if (!caller.hasRole(Caller.SYSTEM)) {
                caller.requireActsFor(brand.ownerId);
            }
            return sellers.list(brand.id, parsed.getValue(), validAt, page);
        })).map(page::slice);
    }

    /**
     * Answers every check in request order with two statements for the whole batch (entries and
     * brands), whatever its size. Malformed checks and checks the caller may not make are
     * answered with an error on that check only.
     */
    public Uni<List<SellerAuthorization>> check(Caller caller, List<SellerAuthorization.Check> checks) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.SYSTEM, Caller.PLATFORM_PARTNER, Caller.REVIEWER, Caller.ADMIN, Caller.CUSTOMS,
                    Caller.RIGHTS_OWNER);
            if (checks.size() > MAX_CHECKS) {
                throw DomainException.invalid("checks", "TOO_MANY_ITEMS",
                        "At most " + MAX_CHECKS + " checks per call, got " + checks.size());
            }
            Instant now = clock.instant();
            List<Object> parsed = new ArrayList<>(checks.size());
            for (SellerAuthorization.Check c : checks) {
                try {
                    parsed.add(validated(c, now));
                } catch (DomainException e) {
                    parsed.add(SellerAuthorization.failed(c, e));
                }
            }
            return parsed;
        }).flatMap(parsed -> {
            Set<String> keys = new LinkedHashSet<>();
            List<UUID> brandIds = new ArrayList<>();
            List<String> platforms = new ArrayList<>();
            List<String> shops = new ArrayList<>();
            Set<UUID> brandSet = new LinkedHashSet<>();
            for (Object p : parsed) {
                if (p instanceof SellerAuthorization.Check c && keys.add(key(c))) {
                    brandIds.add(UUID.fromString(c.brandId()));
                    platforms.add(c.platform());
                    shops.add(c.shopId());
                    brandSet.add(UUID.fromString(c.brandId()));
                }
            }
            return Uni.combine().all()
                    .unis(sellers.liveEntries(brandIds, platforms, shops), sellers.brandFacts(new ArrayList<>(brandSet)))
                    .with((entries, brands) -> answer(caller, parsed, entries, brands));
        });
    }

    private static SellerAuthorization.Check validated(SellerAuthorization.Check c, Instant now) {
        required("brand_id", c.brandId());
        String brand = Checks.id("brand_id", c.brandId());
        required("platform", c.platform());
        String platform = Checks.platform("platform", c.platform());
        String shop = Checks.text("shop_id", c.shopId(), 200);
        required("country", c.country());
        String country = Checks.country("country", c.country());
        return new SellerAuthorization.Check(brand, platform, shop, country, c.at() == null ? now : c.at());
    }

    private static String key(SellerAuthorization.Check c) {
        return c.brandId() + '\u0000' + c.platform() + '\u0000' + c.shopId();
    }

    private static List<SellerAuthorization> answer(Caller caller, List<Object> parsed, List<KeyedEntry> entries,
            List<BrandFacts> brands) {
        Map<String, SellerAuthorization.Entry> byKey = new HashMap<>();
        entries.forEach(e -> byKey.put(e.brandId() + "\u0000" + e.platform() + '\u0000' + e.shopId(), e.entry()));
        Map<UUID, BrandFacts> brandById = new HashMap<>();
        brands.forEach(b -> brandById.put(b.id(), b));
        boolean unrestricted = caller.hasRole(Caller.SYSTEM) || caller.hasRole(Caller.REVIEWER)
                || caller.hasRole(Caller.ADMIN) || caller.hasRole(Caller.CUSTOMS);
        List<SellerAuthorization> out = new ArrayList<>(parsed.size());
        for (Object p : parsed) {
            if (p instanceof SellerAuthorization failed) {
                out.add(failed);
                continue;
            }
            SellerAuthorization.Check c = (SellerAuthorization.Check) p;
            BrandFacts brand = brandById.get(UUID.fromString(c.brandId()));
            if (!unrestricted && !mayCheck(caller, c, brand)) {
                out.add(SellerAuthorization.failed(c, DomainException.forbidden("NOT_OWNER",
                        "A platform partner checks its own platform only, a rights owner its own brands only")));
                continue;
            }
            if (brand == null) {
                out.add(new SellerAuthorization(c, SellerAuthorization.Basis.BRAND_NOT_FOUND, false, null, null));
                continue;
            }
            SellerAuthorization.Entry entry = byKey.get(key(c));
            out.add(new SellerAuthorization(c, SellerAuthorization.decide(entry, c.country(), c.at()),
                    brand.exclusiveDistribution(), entry == null ? null : entry.id(), null));
        }
        return out;
    }

    /** Brands are public, so an unknown brand is answered as such to any allowed role. */
    private static boolean mayCheck(Caller caller, SellerAuthorization.Check c, BrandFacts brand) {
        if (caller.hasRole(Caller.PLATFORM_PARTNER) && caller.platformId() != null
                && caller.platformId().equalsIgnoreCase(c.platform())) {
            return true;
        }
        return caller.hasRole(Caller.RIGHTS_OWNER) && (brand == null || caller.actsFor(brand.ownerId()));
    }
}
