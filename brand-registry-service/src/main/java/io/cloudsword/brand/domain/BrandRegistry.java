package io.cloudsword.brand.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.BrandRepository;
import io.cloudsword.brand.repository.RightsOwnerRepository;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.kit.text.BrandNames;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The rules for registering rights owners and brands; the gRPC layer only translates. Brand
 * data is public (other services and the gateway read it); an owner's record and every change
 * belong to the owner, reviewers and admins.
 */
@ApplicationScoped
public class BrandRegistry {

    /** Enough for any caller's page of ids; larger batches are a client bug, not a workload. */
    public static final int MAX_BATCH = 500;

    private final RightsOwnerRepository owners;
    private final BrandRepository brands;
    private final BrandChanges changes;
    private final Clock clock;

    public BrandRegistry(RightsOwnerRepository owners, BrandRepository brands, BrandChanges changes, Clock clock) {
        this.owners = owners;
        this.brands = brands;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Idempotent on (country, trade-register number): the same company registering again gets
     * its first registration back; another legal name under the same number is refused.
     */
    @WithTransaction
    public Uni<Registered<RightsOwner>> registerOwner(Caller caller, NewRightsOwner request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return request.validated();
        }).flatMap(input -> owners
                .findByTradeRegister(input.country(), input.tradeRegisterNumber())
                .flatMap(existing -> {
                    if (existing != null) {
                        if (!existing.legalName.equals(input.legalName())) {
                            return Uni.createFrom().failure(registeredToAnother(input));
                        }
                        return Uni.createFrom().item(new Registered<>(existing, false));
                    }
                    Instant now = clock.instant();
                    RightsOwner owner = new RightsOwner();
                    owner.id = UUID.fromString(Ids.newId());
                    input.applyTo(owner);
                    owner.status = RightsOwnerStatus.PENDING;
                    owner.createdAt = now;
                    owner.updatedAt = now;
                    return owners.persist(owner).map(saved -> new Registered<>(saved, true));
                }));
    }

    private static DomainException registeredToAnother(NewRightsOwner input) {
        return DomainException.alreadyExists("trade_register_number", "OWNER_ALREADY_REGISTERED", "Trade-register number "
                + input.tradeRegisterNumber() + " in " + input.country() + " is registered to another legal name");
    }

    /** An owner's record holds contact data: the owner itself, reviewers, admins and services only. */
    @WithSession
    public Uni<RightsOwner> getOwner(Caller caller, String id) {
        return Uni.createFrom().item(() -> {
            UUID ownerId = UUID.fromString(Checks.id("id", id));
            if (!caller.hasRole(Caller.SYSTEM)) {
                caller.requireActsFor(ownerId);
            }
            return ownerId;
        }).flatMap(owners::findById)
                .onItem().ifNull().failWith(() -> ownerNotFound("id", id));
    }

    static DomainException ownerNotFound(String field, Object id) {
        return DomainException.notFound(field, "RIGHTS_OWNER_NOT_FOUND", "No rights owner with id " + id);
    }

    /** Owners the caller may not see are answered as missing, like owners that do not exist. */
    @WithSession
    public Uni<BatchResult<RightsOwner>> batchGetOwners(Caller caller, List<String> ids) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
            return checkedIds(ids);
        }).flatMap(wanted -> owners.findByIds(new ArrayList<>(wanted.values()))
                .map(found -> BatchResult.inRequestOrder(wanted,
                        found.stream().filter(o -> caller.hasRole(Caller.SYSTEM) || caller.actsFor(o.id)).toList(),
                        o -> o.id)));
    }

    /** The reviewers' queue and directory: oldest first, so nobody waits behind newcomers. */
    @WithSession
    public Uni<Page.Slice<RightsOwner>> listOwners(Caller caller, OwnerQuery query, Page page) {
        return Uni.createFrom().item(() -> caller.requireRole(Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM))
                .flatMap(c -> owners.list(query.statuses(), BrandNames.fold(query.nameQuery()), query.trustedOnly(), page))
                .map(page::slice);
    }

    public record OwnerQuery(Set<RightsOwnerStatus> statuses, String nameQuery, boolean trustedOnly) {
    }

    /**
     * Changes an owner's own data. A VERIFIED owner that changes who it is (legal name, country,
     * trade-register number) goes back to PENDING: the verification was of the old identity.
     */
    @WithTransaction
    public Uni<RightsOwner> updateOwner(Caller caller, String id, NewRightsOwner values, Set<String> paths,
            Long expectedVersion) {
        return Uni.createFrom().item(() -> {
            UUID ownerId = UUID.fromString(Checks.id("owner.id", id));
            caller.requireActsFor(ownerId);
            return ownerId;
        }).flatMap(ownerId -> owners.findByIdForUpdate(ownerId)).flatMap(owner -> {
            if (owner == null) {
                throw ownerNotFound("owner.id", id);
            }
            requireVersion(expectedVersion, owner.version);
            NewRightsOwner merged = NewRightsOwner.of(owner).with(values, paths).validated();
            boolean identityChanged = !merged.legalName().equals(owner.legalName) || !merged.country().equals(owner.country)
                    || !merged.tradeRegisterNumber().equals(owner.tradeRegisterNumber);
            Uni<Void> unique = merged.country().equals(owner.country)
                    && merged.tradeRegisterNumber().equals(owner.tradeRegisterNumber)
                            ? Uni.createFrom().voidItem()
                            : owners.findByTradeRegister(merged.country(), merged.tradeRegisterNumber())
                                    .invoke(other -> {
                                        if (other != null && !other.id.equals(owner.id)) {
                                            throw registeredToAnother(merged);
                                        }
                                    }).replaceWithVoid();
            return unique.flatMap(ok -> {
                merged.applyTo(owner);
                if (identityChanged && owner.status == RightsOwnerStatus.VERIFIED) {
                    owner.status = RightsOwnerStatus.PENDING;
                    owner.verifiedAt = null;
                    owner.verifiedBy = "";
                }
                owner.version++;
                owner.updatedAt = clock.instant();
                return changes.recordOwner(owner).replaceWith(owner);
            });
        });
    }

    static void requireVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw DomainException.aborted("expected_version", "VERSION_MISMATCH", "The record is at version " + actual
                    + ", not " + expected + ": it changed since you read it; read it again and retry");
        }
    }

    /**
     * Idempotent on (owner, folded name): "Nike" and "ＮＩＫＥ" from the same owner are one brand.
     * The owner must exist and must not be rejected or suspended; a GS1 company prefix belongs to
     * one brand only.
     */
    @WithTransaction
    public Uni<Registered<Brand>> registerBrand(Caller caller, NewBrand request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            NewBrand input = request.validated();
            caller.requireActsFor(UUID.fromString(input.ownerId()));
            return input;
        }).flatMap(input -> {
            UUID ownerId = UUID.fromString(input.ownerId());
            String nameKey = nameKey(input.name());
            return owners.findById(ownerId).flatMap(owner -> {
                requireActiveOwner(owner, input.ownerId());
                return brands.findByOwnerAndNameKey(ownerId, nameKey);
            }).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(new Registered<>(existing, false));
                }
                Brand brand = newBrand(input, ownerId, nameKey);
                return requirePrefixesFree(input.gs1CompanyPrefixes(), brand.id)
                        .flatMap(free -> brands.persist(brand))
                        .flatMap(saved -> claimPrefixes(input.gs1CompanyPrefixes(), saved.id))
                        .flatMap(done -> changes.record(brand, BrandChanges.of(BrandChange.Kind.BRAND, brand.id)))
                        .map(change -> new Registered<>(brand, true));
            });
        });
    }

    private static String nameKey(String name) {
        String key = BrandNames.fold(name);
        if (key.isEmpty()) {
            throw DomainException.invalid("name", "INVALID_FORMAT", "name must contain at least one letter or digit");
        }
        return key;
    }

    static void requireActiveOwner(RightsOwner owner, String id) {
        if (owner == null) {
            throw ownerNotFound("owner_id", id);
        }
        owner.requireMayRegisterRights("owner_id");
    }

    /** GS1 allocates a company prefix to one company: a prefix declared by another brand is refused. */
    private Uni<Void> requirePrefixesFree(List<String> prefixes, UUID brandId) {
        if (prefixes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Gs1Prefix.<Gs1Prefix>list("prefix in ?1", prefixes).invoke(rows -> {
            for (Gs1Prefix row : rows) {
                if (!row.brandId.equals(brandId)) {
                    throw DomainException.alreadyExists("gs1_company_prefixes[" + prefixes.indexOf(row.prefix) + "]",
                            "GS1_PREFIX_CLAIMED", "GS1 company prefix " + row.prefix + " is declared by another brand");
                }
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> claimPrefixes(List<String> prefixes, UUID brandId) {
        return prefixes.isEmpty() ? Uni.createFrom().voidItem()
                : Gs1Prefix.persist(prefixes.stream().map(p -> Gs1Prefix.of(p, brandId)));
    }

    @WithSession
    public Uni<Brand> getBrand(String id) {
        return Uni.createFrom().item(() -> UUID.fromString(Checks.id("id", id)))
                .flatMap(brands::findById)
                .onItem().ifNull().failWith(() -> DomainException.notFound("id", "BRAND_NOT_FOUND",
                        "No brand with id " + id));
    }

    /** @return the brands found, in request order, and the ids that name no brand */
    @WithSession
    public Uni<BatchResult<Brand>> batchGetBrands(List<String> ids) {
        return Uni.createFrom().item(() -> checkedIds(ids)).flatMap(wanted -> brands
                .findByIds(new ArrayList<>(wanted.values()))
                .map(found -> BatchResult.inRequestOrder(wanted, found, b -> b.id)));
    }

    /** Public registry data, ordered by name; the query is a folded prefix of the name or an alias. */
    @WithSession
    public Uni<Page.Slice<Brand>> listBrands(String ownerId, String nameQuery, Page page) {
        return Uni.createFrom().item(() -> ownerId == null || ownerId.isBlank() ? null
                : UUID.fromString(Checks.id("owner_id", ownerId)))
                .flatMap(owner -> brands.list(owner, BrandNames.fold(nameQuery == null ? "" : nameQuery), page))
                .map(page::slice);
    }

    /**
     * Changes a brand. Repeated fields are replaced whole; GS1 prefixes follow (a dropped prefix
     * is free for another brand again).
     */
    @WithTransaction
    public Uni<Brand> updateBrand(Caller caller, String id, NewBrand values, Set<String> paths, Long expectedVersion) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return UUID.fromString(Checks.id("brand.id", id));
        }).flatMap(brandId -> changes.lockBrand("brand.id", brandId)).flatMap(brand -> {
            caller.requireActsFor(brand.ownerId);
            requireVersion(expectedVersion, brand.version);
            NewBrand merged = NewBrand.of(brand).with(values, paths).validated();
            String nameKey = nameKey(merged.name());
            Uni<Void> nameFree = nameKey.equals(brand.nameKey) ? Uni.createFrom().voidItem()
                    : brands.findByOwnerAndNameKey(brand.ownerId, nameKey).invoke(other -> {
                        if (other != null && !other.id.equals(brand.id)) {
                            throw DomainException.alreadyExists("brand.name", "ALREADY_EXISTS",
                                    "The owner already has a brand named like '" + merged.name() + "'");
                        }
                    }).replaceWithVoid();
            Set<String> dropped = new LinkedHashSet<>(brand.gs1CompanyPrefixes);
            dropped.removeAll(merged.gs1CompanyPrefixes());
            List<String> added = merged.gs1CompanyPrefixes().stream()
                    .filter(p -> !brand.gs1CompanyPrefixes.contains(p)).toList();
            return nameFree
                    .flatMap(ok -> requirePrefixesFree(added, brand.id))
                    .flatMap(ok -> dropped.isEmpty() ? Uni.createFrom().item(0L)
                            : Gs1Prefix.delete("prefix in ?1 and brandId = ?2", new ArrayList<>(dropped), brand.id))
                    .flatMap(ok -> claimPrefixes(added, brand.id))
                    .flatMap(ok -> {
                        apply(brand, merged, nameKey);
                        return changes.record(brand, BrandChanges.of(BrandChange.Kind.BRAND, brand.id));
                    })
                    .replaceWith(brand);
        });
    }

    private static Map<String, UUID> checkedIds(List<String> ids) {
        if (ids.size() > MAX_BATCH) {
            throw DomainException.invalid("ids", "TOO_MANY_ITEMS", "At most " + MAX_BATCH + " ids per batch, got "
                    + ids.size());
        }
        Map<String, UUID> wanted = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            wanted.put(ids.get(i), UUID.fromString(Checks.id("ids[" + i + "]", ids.get(i))));
        }
        return wanted;
    }

    private Brand newBrand(NewBrand input, UUID ownerId, String nameKey) {
        Instant now = clock.instant();
        Brand brand = new Brand();
        brand.id = UUID.fromString(Ids.newId());
        brand.ownerId = ownerId;
        apply(brand, input, nameKey);
        brand.version = 0; // the creation event makes it 1
        brand.createdAt = now;
        brand.updatedAt = now;
        return brand;
    }

    private static void apply(Brand brand, NewBrand input, String nameKey) {
        brand.name = input.name();
        brand.nameKey = nameKey;
        List<String> keys = new ArrayList<>();
        keys.add(nameKey);
        input.aliases().stream().map(BrandNames::fold).filter(k -> !k.isEmpty() && !keys.contains(k)).forEach(keys::add);
        brand.nameKeys = keys;
        brand.aliases = new ArrayList<>(input.aliases());
        brand.officialDomains = new ArrayList<>(input.officialDomains());
        brand.gs1CompanyPrefixes = new ArrayList<>(input.gs1CompanyPrefixes());
        brand.exclusiveDistribution = input.exclusiveDistribution();
        brand.officialImageHashes = new ArrayList<>(input.officialImageHashes());
        brand.distributionTerritories = new ArrayList<>(input.distributionTerritories());
    }

    /** Records found for a batch, in the order asked, and the requested keys that found nothing. */
    public record BatchResult<T>(List<T> found, List<String> missing) {
        static <T> BatchResult<T> inRequestOrder(Map<String, UUID> wanted, List<T> rows, Function<T, UUID> idOf) {
            Map<UUID, T> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.put(idOf.apply(r), r));
            List<T> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Set<UUID> seen = new LinkedHashSet<>();
            wanted.forEach((asked, id) -> {
                T row = byId.get(id);
                if (row == null) {
                    missing.add(asked);
                } else if (seen.add(id)) {
                    found.add(row);
                }
            });
            return new BatchResult<>(found, missing);
        }
    }
}
