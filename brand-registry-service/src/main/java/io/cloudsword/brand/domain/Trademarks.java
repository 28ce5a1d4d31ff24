package io.cloudsword.brand.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.AgentMandateRepository;
import io.cloudsword.brand.repository.RightsOwnerRepository;
import io.cloudsword.brand.repository.TrademarkRepository;
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
 * The rules for trademarks and for right standing. Trademarks are public registry data (any
 * caller reads them); only the brand's owner (or an admin) registers and changes them.
 */
@ApplicationScoped
public class Trademarks {

    public static final int MAX_BATCH = 500;

    private final TrademarkRepository trademarks;
    private final RightsOwnerRepository owners;
    private final AgentMandateRepository mandates;
    private final BrandChanges changes;
    private final Clock clock;

    public Trademarks(TrademarkRepository trademarks, RightsOwnerRepository owners, AgentMandateRepository mandates,
            BrandChanges changes, Clock clock) {
        this.trademarks = trademarks;
        this.owners = owners;
        this.mandates = mandates;
        this.changes = changes;
        this.clock = clock;
    }

    /** REGISTERED reads EXPIRED once the expiry date is before {@code day}; other statuses are as stored. */
    public static Trademark.Status effectiveStatus(Trademark.Status stored, LocalDate expiry, LocalDate day) {
        if (stored == Trademark.Status.REGISTERED && expiry != null && expiry.isBefore(day)) {
            return Trademark.Status.EXPIRED;
        }
        return stored;
    }

    /** Today in UTC: offices' dates are calendar days, and the contract reads them in UTC. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Idempotent on (office, registration number): the same owner gets its trademark back
     * unchanged; a number held by another owner is refused.
     */
    @WithTransaction
    public Uni<Registered<Trademark>> register(Caller caller, NewTrademark request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return request.validatedForRegistration();
        }).flatMap(input -> changes.lockBrand("brand_id", UUID.fromString(input.brandId())).flatMap(brand -> {
            caller.requireActsFor(brand.ownerId);
            return owners.findById(brand.ownerId).flatMap(owner -> {
                owner.requireMayRegisterRights("brand_id");
                return trademarks.findByNaturalKey(input.office(), input.registrationNumber());
            }).flatMap(existing -> {
                if (existing != null) {
                    if (!existing.ownerId.equals(brand.ownerId)) {
                        throw DomainException.alreadyExists("registration_number", "DUPLICATE_REGISTRATION_NUMBER",
                                input.office() + " registration " + input.registrationNumber()
                                        + " is registered to another rights owner");
                    }
                    return Uni.createFrom().item(new Registered<>(existing, false));
                }
                Instant now = clock.instant();
                Trademark t = new Trademark();
                t.id = UUID.fromString(Ids.newId());
                t.ownerId = brand.ownerId;
                t.brandId = brand.id;
                t.office = input.office();
                t.registrationNumber = input.registrationNumber();
                input.applyTo(t);
                t.createdAt = now;
                t.updatedAt = now;
                return trademarks.persist(t)
                        .flatMap(saved -> changes.record(brand, BrandChanges.of(BrandChange.Kind.TRADEMARK, t.id)))
                        .map(c -> new Registered<>(t, true));
            });
        }));
    }

    @WithSession
    public Uni<Trademark> get(String id) {
        return Uni.createFrom().item(() -> UUID.fromString(Checks.id("id", id)))
                .flatMap(trademarks::findById)
                .onItem().ifNull().failWith(() -> notFound("id", id));
    }

    private static DomainException notFound(String field, String id) {
        return DomainException.notFound(field, "TRADEMARK_NOT_FOUND", "No trademark with id " + id);
    }

    @WithSession
    public Uni<BrandRegistry.BatchResult<Trademark>> batchGet(List<String> ids) {
        return Uni.createFrom().item(() -> checkedIds(ids)).flatMap(wanted -> trademarks
                .findByIds(new ArrayList<>(new LinkedHashSet<>(wanted.values())))
                .map(found -> BrandRegistry.BatchResult.inRequestOrder(wanted, found, t -> t.id)));
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

    /** Ordered by office, then registration number; statuses filter on the effective status today. */
    @WithSession
    public Uni<Page.Slice<Trademark>> list(String ownerId, String brandId, Trademark.Office office,
            Set<Trademark.Status> statuses, String registrationNumber, Page page) {
        return Uni.createFrom().item(() -> new TrademarkRepository.Query(optionalId("owner_id", ownerId),
                optionalId("brand_id", brandId), office,
                registrationNumber == null || registrationNumber.isBlank() ? ""
                        : NewTrademark.registrationNumber("registration_number", registrationNumber), statuses))
                .flatMap(query -> trademarks.list(query, today(), page)).map(page::slice);
    }

    /**
     * BatchListBrandTrademarks: the first marks of each requested brand, in ListTrademarks order
     * with the effective status of today, answered per requested brand in request order. Marks
     * are public registry data and ListTrademarks answers every caller (anonymous included) alike,
     * so this does too: no caller check. One statement for the whole batch, whatever its size.
     */
    public Uni<List<BrandFirst<Trademark>>> firstOfBrands(List<String> brandIds, int firstPerBrand) {
        return Uni.createFrom().item(() -> BrandBatch.parse(brandIds, firstPerBrand))
                .flatMap(batch -> trademarks.firstOfBrands(batch.distinctIds(), batch.first() + 1).map(batch::answer));
    }

    /**
     * The answer for one requested brand of a BatchListBrand* call: its first records and whether
     * it has more (then ListTrademarks / ListProducts page on), or the item's error (malformed id:
     * INVALID_ARGUMENT, unknown brand: NOT_FOUND / BRAND_NOT_FOUND, both on "brand_ids[i]").
     * {@code brandId} is the id as requested, so that callers match answers to what they asked.
     */
    public record BrandFirst<T>(String brandId, List<T> items, boolean hasMore, DomainException error) {
    }

    /**
     * A checked BatchListBrandTrademarks / BatchListBrandProducts request: per requested position
     * the brand's id or its item error, the distinct ids to read once each, and the number per
     * brand. Shared by Trademarks and Products so that both batches refuse and answer alike.
     */
    record BrandBatch(List<String> requested, List<Object> parsed, List<UUID> distinctIds, int first) {

        static final int MAX_BRANDS = 500;
        static final int DEFAULT_FIRST = 10;
        static final int MAX_FIRST = 50;

        /** Refuses the whole call for the caps; a malformed id is only that item's error. */
        static BrandBatch parse(List<String> brandIds, int firstPerBrand) {
            if (brandIds.isEmpty()) {
                throw DomainException.invalid("brand_ids", "FIELD_REQUIRED", "brand_ids must name at least one brand");
            }
            if (brandIds.size() > MAX_BRANDS) {
                throw DomainException.invalid("brand_ids", "TOO_MANY_ITEMS", "At most " + MAX_BRANDS
                        + " brand ids per batch, got " + brandIds.size());
            }
            if (firstPerBrand < 0 || firstPerBrand > MAX_FIRST) {
                throw DomainException.invalid("first_per_brand", "VALUE_OUT_OF_RANGE", "first_per_brand must be 1.."
                        + MAX_FIRST + " (0 = " + DEFAULT_FIRST + "), got " + firstPerBrand);
            }
            List<Object> parsed = new ArrayList<>(brandIds.size());
            Set<UUID> distinct = new LinkedHashSet<>();
            for (int i = 0; i < brandIds.size(); i++) {
                try {
                    UUID id = UUID.fromString(Checks.id("brand_ids[" + i + "]", brandIds.get(i)));
                    parsed.add(id);
                    distinct.add(id);
                } catch (DomainException e) {
                    parsed.add(e);
                }
            }
            return new BrandBatch(brandIds, parsed, new ArrayList<>(distinct),
                    firstPerBrand == 0 ? DEFAULT_FIRST : firstPerBrand);
        }

        /**
         * One answer per requested position (duplicates answered each time) from the rows read
         * with limit first + 1: the extra row only tells that there are more.
         */
        <T> List<BrandFirst<T>> answer(Map<UUID, List<T>> firstPlusOneByBrand) {
            List<BrandFirst<T>> out = new ArrayList<>(parsed.size());
            for (int i = 0; i < parsed.size(); i++) {
                String asRequested = requested.get(i);
                if (!(parsed.get(i) instanceof UUID id)) {
                    out.add(new BrandFirst<>(asRequested, List.of(), false, (DomainException) parsed.get(i)));
                    continue;
                }
                List<T> rows = firstPlusOneByBrand.get(id);
                if (rows == null) {
                    out.add(new BrandFirst<>(asRequested, List.of(), false, DomainException.notFound(
                            "brand_ids[" + i + "]", "BRAND_NOT_FOUND", "No brand with id " + asRequested)));
                    continue;
                }
                boolean hasMore = rows.size() > first;
                out.add(new BrandFirst<>(asRequested, hasMore ? rows.subList(0, first) : rows, hasMore, null));
            }
            return out;
        }
    }

    static UUID optionalId(String field, String value) {
        return value == null || value.isBlank() ? null : UUID.fromString(Checks.id(field, value));
    }

    /** Renewal, cancellation, evidence, classes, territories: by the owner, with the same checks as registration. */
    @WithTransaction
    public Uni<Trademark> update(Caller caller, String id, NewTrademark values, Set<String> paths) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return UUID.fromString(Checks.id("trademark.id", id));
        }).flatMap(trademarks::findById).flatMap(found -> {
            if (found == null) {
                throw notFound("trademark.id", id);
            }
            caller.requireActsFor(found.ownerId);
            // Every writer of a brand's records holds the brand lock: re-read under it, then change.
            return changes.lockBrand("trademark.brand_id", found.brandId)
                    .flatMap(brand -> Panache.getSession().flatMap(s -> s.refresh(found)).replaceWith(found).flatMap(t -> {
                        NewTrademark merged = NewTrademark.of(t).with(values, paths).validated("trademark.");
                        merged.applyTo(t);
                        t.updatedAt = clock.instant();
                        return changes.record(brand, BrandChanges.of(BrandChange.Kind.TRADEMARK, t.id)).replaceWith(t);
                    }));
        });
    }

    /** The single check: a malformed request or a check for another notifier fails the call. */
    @WithSession
    public Uni<RightStanding> checkStanding(Caller caller, RightStanding.Check check) {
        return Uni.createFrom().item(() -> {
            requireMayCheck(caller);
            return parse(caller, check, "");
        }).flatMap(parsed -> evaluate(List.of(check), List.of(parsed))).map(results -> results.get(0));
    }

    /** Up to 500 checks in request order; malformed ones are answered with an item error. */
    @WithSession
    public Uni<List<RightStanding>> batchCheckStanding(Caller caller, List<RightStanding.Check> checks) {
        return Uni.createFrom().item(() -> {
            requireMayCheck(caller);
            if (checks.size() > MAX_BATCH) {
                throw DomainException.invalid("checks", "TOO_MANY_ITEMS", "At most " + MAX_BATCH
                        + " checks per batch, got " + checks.size());
            }
            List<Object> parsed = new ArrayList<>(checks.size());
            for (int i = 0; i < checks.size(); i++) {
                try {
                    parsed.add(parse(caller, checks.get(i), "checks[" + i + "]."));
                } catch (DomainException e) {
                    parsed.add(e);
                }
            }
            return parsed;
        }).flatMap(parsed -> evaluate(checks, parsed));
    }

    private static void requireMayCheck(Caller caller) {
        caller.requireRole(Caller.SYSTEM, Caller.REVIEWER, Caller.ADMIN, Caller.RIGHTS_OWNER);
    }

    private record Parsed(UUID notifier, UUID trademark) {
    }

    /** A rights owner checks its own standing only: other owners' standing tells about their status. */
    private static Parsed parse(Caller caller, RightStanding.Check check, String prefix) {
        UUID notifier = UUID.fromString(required(prefix + "notifier_owner_id", check.notifierOwnerId()));
        UUID trademark = UUID.fromString(required(prefix + "trademark_id", check.trademarkId()));
        if (!caller.hasRole(Caller.SYSTEM) && !caller.isStaff() && !caller.actsFor(notifier)) {
            throw DomainException.forbidden("NOT_OWNER", "A rights owner may check only its own standing");
        }
        return new Parsed(notifier, trademark);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " is required");
        }
        return Checks.id(field, value);
    }

    /**
     * At most three queries for the whole batch, whatever its size: the trademarks, then the
     * owners (notifiers and the marks' owners, who are the principals of the agent case), then the
     * live mandates between those owners and the notifiers that do not own the mark (skipped when
     * every notifier owns its mark). Then the pure rule per item.
     */
    private Uni<List<RightStanding>> evaluate(List<RightStanding.Check> checks, List<?> parsed) {
        Set<UUID> trademarkIds = new LinkedHashSet<>();
        for (Object p : parsed) {
            if (p instanceof Parsed ok) {
                trademarkIds.add(ok.trademark());
            }
        }
        Instant now = clock.instant();
        return trademarks.findByIds(new ArrayList<>(trademarkIds)).flatMap(foundMarks -> {
            Map<UUID, Trademark> markById = new HashMap<>();
            foundMarks.forEach(t -> markById.put(t.id, t));
            Set<UUID> ownerIds = new LinkedHashSet<>();
            Set<UUID> principals = new LinkedHashSet<>();
            Set<UUID> agents = new LinkedHashSet<>();
            for (Object p : parsed) {
                if (p instanceof Parsed ok) {
                    ownerIds.add(ok.notifier());
                    Trademark mark = markById.get(ok.trademark());
                    if (mark != null && !mark.ownerId.equals(ok.notifier())) {
                        ownerIds.add(mark.ownerId);
                        principals.add(mark.ownerId);
                        agents.add(ok.notifier());
                    }
                }
            }
            return owners.findByIds(new ArrayList<>(ownerIds)).flatMap(foundOwners -> mandates
                    .live(new ArrayList<>(principals), new ArrayList<>(agents)).map(live -> {
                        Map<UUID, RightsOwner> ownerById = new HashMap<>();
                        foundOwners.forEach(o -> ownerById.put(o.id, o));
                        List<RightStanding> out = new ArrayList<>(checks.size());
                        for (int i = 0; i < checks.size(); i++) {
                            RightStanding.Check check = checks.get(i);
                            if (!(parsed.get(i) instanceof Parsed ok)) {
                                out.add(RightStanding.malformed(check, (DomainException) parsed.get(i)));
                                continue;
                            }
                            Instant at = check.at() == null ? now : check.at();
                            Trademark mark = markById.get(ok.trademark());
                            RightsOwner principal = mark == null ? null : ownerById.get(mark.ownerId);
                            AgentMandate mandate = mark == null ? null
                                    : AgentMandates.governing(live, mark.ownerId, ok.notifier(), mark.brandId, at);
                            out.add(RightStanding.evaluate(check, ownerById.get(ok.notifier()), mark, principal,
                                    mandate, at));
                        }
                        return out;
                    }));
        });
    }
}
