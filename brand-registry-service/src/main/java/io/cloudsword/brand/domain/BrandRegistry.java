package io.cloudsword.brand.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.BrandRepository;
import io.cloudsword.brand.repository.RightsOwnerRepository;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
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
    public static final int MAX_BATCH = 1000;

    private final RightsOwnerRepository owners;
    private final BrandRepository brands;
    private final Clock clock;

    public BrandRegistry(RightsOwnerRepository owners, BrandRepository brands, Clock clock) {
        this.owners = owners;
        this.brands = brands;
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
                            return Uni.createFrom().failure(DomainException.alreadyExists("trade_register_number",
                                    "OWNER_ALREADY_REGISTERED", "Trade-register number " + input.tradeRegisterNumber()
                                            + " in " + input.country() + " is registered to another legal name"));
                        }
                        return Uni.createFrom().item(new Registered<>(existing, false));
                    }
                    Instant now = clock.instant();
                    RightsOwner owner = new RightsOwner();
                    owner.id = UUID.fromString(Ids.newId());
                    owner.legalName = input.legalName();
                    owner.country = input.country();
                    owner.address = input.address();
                    owner.phone = input.phone();
                    owner.email = input.email();
                    owner.tradeRegisterNumber = input.tradeRegisterNumber();
                    owner.status = RightsOwnerStatus.PENDING;
                    owner.createdAt = now;
                    owner.updatedAt = now;
                    return owners.persist(owner).map(saved -> new Registered<>(saved, true));
                }));
    }

    /** An owner's record holds contact data: the owner itself, reviewers and admins only. */
    @WithSession
    public Uni<RightsOwner> getOwner(Caller caller, String id) {
        return Uni.createFrom().item(() -> {
            UUID ownerId = UUID.fromString(Checks.id("id", id));
            caller.requireActsFor(ownerId);
            return ownerId;
        }).flatMap(owners::findById)
                .onItem().ifNull().failWith(() -> DomainException.notFound("id", "OWNER_NOT_FOUND",
                        "No rights owner with id " + id));
    }

    /**
     * Idempotent on (owner, folded name): "Nike" and "ＮＩＫＥ" from the same owner are one brand.
     * The owner must exist and must not be rejected or suspended.
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
            return owners.findById(ownerId).flatMap(owner -> {
                if (owner == null) {
                    return Uni.createFrom().failure(DomainException.notFound("owner_id", "OWNER_NOT_FOUND",
                            "No rights owner with id " + input.ownerId()));
                }
                if (owner.status == RightsOwnerStatus.REJECTED || owner.status == RightsOwnerStatus.SUSPENDED) {
                    return Uni.createFrom().failure(DomainException.failedPrecondition("owner_id", "OWNER_NOT_ACTIVE",
                            "Rights owner " + owner.id + " is " + owner.status + " and cannot register brands"));
                }
                String nameKey = BrandNames.fold(input.name());
                if (nameKey.isEmpty()) {
                    return Uni.createFrom().failure(DomainException.invalid("name", "INVALID_NAME",
                            "name must contain at least one letter or digit"));
                }
                return brands.findByOwnerAndNameKey(ownerId, nameKey).flatMap(existing -> existing != null
                        ? Uni.createFrom().item(new Registered<>(existing, false))
                        : brands.persist(newBrand(input, ownerId, nameKey)).map(b -> new Registered<>(b, true)));
            });
        });
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

    private static Map<String, UUID> checkedIds(List<String> ids) {
        if (ids.size() > MAX_BATCH) {
            throw DomainException.invalid("ids", "TOO_MANY", "At most " + MAX_BATCH + " ids per batch");
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
        brand.name = input.name();
        brand.nameKey = nameKey;
        brand.aliases = new ArrayList<>(input.aliases());
        brand.officialDomains = new ArrayList<>(input.officialDomains());
        brand.gs1CompanyPrefixes = new ArrayList<>(input.gs1CompanyPrefixes());
        brand.exclusiveDistribution = input.exclusiveDistribution();
        brand.officialImageHashes = new ArrayList<>(input.officialImageHashes());
        brand.createdAt = now;
        brand.updatedAt = now;
        return brand;
    }

    /** Records found for a batch, in the order asked, and the requested keys that found nothing. */
    public record BatchResult<T>(List<T> found, List<String> missing) {
        static <T> BatchResult<T> inRequestOrder(Map<String, UUID> wanted, List<T> rows, Function<T, UUID> idOf) {
            Map<UUID, T> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.put(idOf.apply(r), r));
            List<T> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            wanted.forEach((asked, id) -> {
                T row = byId.get(id);
                if (row != null) {
                    found.add(row);
                } else {
                    missing.add(asked);
                }
            });
            return new BatchResult<>(found, missing);
        }
    }
}
