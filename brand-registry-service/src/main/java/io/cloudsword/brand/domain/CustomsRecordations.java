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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cloudsword.brand.domain.CustomsRecordation.Authority;
import io.cloudsword.brand.domain.CustomsRecordation.Party;
import io.cloudsword.brand.domain.CustomsRecordation.Status;
import io.cloudsword.brand.repository.CustomsRecordationRepository;
import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The rules for customs recordations. Visibility: the owner (its own), reviewers, admins,
 * services (system), and customs officers for the recordations made with their own authority
 * only (the token's customs_authority claim): a recordation is an application to one
 * authority, and other authorities have no business reading its contacts and distributors.
 * A recordation the caller may not see is answered as not found.
 */
@ApplicationScoped
public class CustomsRecordations {

    public static final int MAX_LINES = 1_000;

    private final CustomsRecordationRepository recordations;
    private final BrandChanges changes;
    private final Clock clock;

    public CustomsRecordations(CustomsRecordationRepository recordations, BrandChanges changes, Clock clock) {
        this.recordations = recordations;
        this.changes = changes;
        this.clock = clock;
    }

    /** Today in UTC: authorities' dates are calendar days, and the contract reads them in UTC. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** WITHDRAWN as set; otherwise EXPIRED once valid_until is before {@code day}; otherwise as filed. */
    public static Status effectiveStatus(Status stored, LocalDate validUntil, LocalDate day) {
        if (stored == Status.WITHDRAWN) {
            return Status.WITHDRAWN;
        }
        return validUntil.isBefore(day) ? Status.EXPIRED : stored;
    }

    /** The authority a customs token speaks for ("CN_GACC" or "CUSTOMS_AUTHORITY_CN_GACC"); null when none. */
    static Authority customsAuthority(Caller caller) {
        String claim = caller.customsAuthority();
        if (!caller.hasRole(Caller.CUSTOMS) || claim == null) {
            return null;
        }
        String name = claim.strip().toUpperCase(Locale.ROOT).replaceFirst("^CUSTOMS_AUTHORITY_", "");
        try {
            return Authority.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean maySee(Caller caller, CustomsRecordation r) {
        return caller.hasRole(Caller.SYSTEM) || caller.actsFor(r.ownerId) || customsAuthority(caller) == r.authority;
    }

    private static DomainException notFound(String field, Object id) {
        return DomainException.notFound(field, "RECORDATION_NOT_FOUND", "No customs recordation with id " + id);
    }

    // --- writes

    /**
     * Idempotent on (authority, normalized number): the same owner gets its recordation back
     * unchanged; another owner is refused. Covered trademarks must be one owner's, the caller's,
     * and in force; the brands are derived from them and each gets a change event.
     */
    @WithTransaction
    public Uni<Registered<CustomsRecordation>> register(Caller caller, NewRecordation request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            return request.validated("", true);
        }).flatMap(input -> trademarks(input.trademarkIds(), "trademark_ids").flatMap(tms -> {
            UUID ownerId = requireOneOwner(caller, tms, null, "trademark_ids");
            List<UUID> brandIds = brandsOf(tms);
            return lockAll(brandIds).flatMap(brands -> recordations
                    .findByNaturalKey(input.authority(), input.recordationNumber()).flatMap(existing -> {
                        if (existing != null) {
                            if (!existing.ownerId.equals(ownerId)) {
                                throw DomainException.alreadyExists("recordation_number", "RECORDATION_NUMBER_TAKEN",
                                        input.authority() + " recordation " + input.recordationNumber()
                                                + " is held by another rights owner");
                            }
                            return Uni.createFrom().item(new Registered<>(existing, false));
                        }
                        requireInForce(tms, Set.of(), "trademark_ids");
                        Instant now = clock.instant();
                        CustomsRecordation r = new CustomsRecordation();
                        r.id = UUID.fromString(Ids.newId());
                        r.ownerId = ownerId;
                        r.authority = input.authority();
                        r.recordationNumber = input.recordationNumber();
                        input.applyTo(r);
                        r.brandIds = new ArrayList<>(brandIds.stream().map(UUID::toString).toList());
                        r.createdAt = now;
                        r.updatedAt = now;
                        return recordations.persist(r).flatMap(saved -> recordAll(brands, r.id))
                                .map(done -> new Registered<>(r, true));
                    }));
        }));
    }

    /**
     * Changes the masked fields; the merged record is validated as a whole (so the CN GACC
     * ten-year limit holds after any change). Newly covered trademarks must be in force; every
     * brand covered before or after gets a change event.
     */
    @WithTransaction
    public Uni<CustomsRecordation> update(Caller caller, String id, NewRecordation values, Set<String> paths) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            if (paths.contains("status") && values.status() == null) {
                throw DomainException.invalid("recordation.status", "FIELD_REQUIRED",
                        "recordation.status is required when the mask names it");
            }
            return UUID.fromString(Checks.id("recordation.id", id));
        }).flatMap(recordationId -> CustomsRecordation.<CustomsRecordation>findById(recordationId,
                LockModeType.PESSIMISTIC_WRITE)).flatMap(r -> {
                    if (r == null) {
                        throw notFound("recordation.id", id);
                    }
                    caller.requireActsFor(r.ownerId);
                    NewRecordation merged = NewRecordation.of(r).with(values, paths).validated("recordation.", false);
                    return trademarks(merged.trademarkIds(), "recordation.trademark_ids").flatMap(tms -> {
                        requireOneOwner(caller, tms, r.ownerId, "recordation.trademark_ids");
                        requireInForce(tms, new LinkedHashSet<>(r.trademarkIds), "recordation.trademark_ids");
                        List<UUID> brandIds = brandsOf(tms);
                        Set<UUID> touched = new TreeSet<>(brandIds);
                        r.brandIds.forEach(b -> touched.add(UUID.fromString(b)));
                        return lockAll(new ArrayList<>(touched)).flatMap(brands -> {
                            merged.applyTo(r);
                            r.brandIds = new ArrayList<>(brandIds.stream().map(UUID::toString).toList());
                            r.updatedAt = clock.instant();
                            return recordAll(brands, r.id).replaceWith(r);
                        });
                    });
                });
    }

    /** The trademarks in request order; NOT_FOUND naming the first unknown one. */
    private static Uni<List<Trademark>> trademarks(List<String> ids, String field) {
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        return Trademark.<Trademark>list("id in ?1", uuids).map(found -> {
            Map<UUID, Trademark> byId = new HashMap<>();
            found.forEach(t -> byId.put(t.id, t));
            List<Trademark> out = new ArrayList<>();
            for (int i = 0; i < uuids.size(); i++) {
                Trademark t = byId.get(uuids.get(i));
                if (t == null) {
                    throw DomainException.notFound(field + "[" + i + "]", "TRADEMARK_NOT_FOUND",
                            "No trademark with id " + uuids.get(i));
                }
                out.add(t);
            }
            return out;
        });
    }

    /**
     * The one owner of all the trademarks, which the caller must act for (and, on update, the
     * recordation's owner); NOT_OWNER naming the first trademark that breaks this.
     */
    private static UUID requireOneOwner(Caller caller, List<Trademark> tms, UUID expected, String field) {
        UUID owner = expected != null ? expected : tms.get(0).ownerId;
        for (int i = 0; i < tms.size(); i++) {
            UUID tmOwner = tms.get(i).ownerId;
            if (!tmOwner.equals(owner) || !caller.actsFor(tmOwner)) {
                throw new DomainException(DomainException.Kind.PERMISSION_DENIED, "NOT_OWNER", field + "[" + i + "]",
                        "A recordation covers trademarks of its own rights owner only");
            }
        }
        return owner;
    }

    private void requireInForce(List<Trademark> tms, Set<String> alreadyCovered, String field) {
        LocalDate today = today();
        for (int i = 0; i < tms.size(); i++) {
            Trademark t = tms.get(i);
            if (!alreadyCovered.contains(t.id.toString()) && t.effectiveStatus(today) != Trademark.Status.REGISTERED) {
                throw DomainException.failedPrecondition(field + "[" + i + "]", "TRADEMARK_NOT_IN_FORCE",
                        "Trademark " + t.id + " is " + t.effectiveStatus(today) + ", not in force");
            }
        }
    }

    private static List<UUID> brandsOf(List<Trademark> tms) {
        return new ArrayList<>(new TreeSet<>(tms.stream().map(t -> t.brandId).toList()));
    }

    /** Locks in id order, so that two writers covering the same brands cannot deadlock. */
    private Uni<List<Brand>> lockAll(List<UUID> brandIds) {
        Uni<List<Brand>> chain = Uni.createFrom().item(new ArrayList<>());
        for (UUID id : new TreeSet<>(brandIds)) {
            chain = chain.flatMap(list -> changes.lockBrand("trademark_ids", id).map(b -> {
                list.add(b);
                return list;
            }));
        }
        return chain;
    }

    private Uni<Void> recordAll(List<Brand> brands, UUID recordationId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Brand b : brands) {
            chain = chain.flatMap(v -> changes.record(b, BrandChanges.of(BrandChange.Kind.CUSTOMS_RECORDATION,
                    recordationId)).replaceWithVoid());
        }
        return chain;
    }

    // --- reads

    @WithSession
    public Uni<CustomsRecordation> get(Caller caller, String id) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.CUSTOMS, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
            return UUID.fromString(Checks.id("id", id));
        }).flatMap(recordations::findById).map(r -> {
            if (r == null || !maySee(caller, r)) {
                throw notFound("id", id);
            }
            return r;
        });
    }

    /** An owner's recordations (rights owners: their own, owner_id required), oldest first. */
    @WithSession
    public Uni<Page.Slice<CustomsRecordation>> list(Caller caller, String ownerId, Authority authority,
            Set<Status> statuses, Page page) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
            if (ownerId == null || ownerId.isBlank()) {
                if (!caller.isStaff() && !caller.hasRole(Caller.SYSTEM)) {
                    throw DomainException.invalid("owner_id", "FIELD_REQUIRED", "owner_id is required for rights owners");
                }
                return Optional.<UUID>empty();
            }
            UUID owner = UUID.fromString(Checks.id("owner_id", ownerId));
            if (!caller.hasRole(Caller.SYSTEM)) {
                caller.requireActsFor(owner);
            }
            return Optional.of(owner);
        }).flatMap(owner -> recordations.list(owner.orElse(null), authority, statuses, today(), page)).map(page::slice);
    }

    /** Raw search criteria; {@link #search} checks them. inForceOn null = today. */
    public record Search(String brandId, String gtin, String hsCode, Authority authority, String territory,
            LocalDate inForceOn, boolean includeInactive) {
    }

    /**
     * All given criteria must match. Rights owners see their own recordations, customs those of
     * its own authority (asking for another authority is NOT_OWNER).
     */
    @WithSession
    public Uni<Page.Slice<CustomsRecordation>> search(Caller caller, Search s, Page page) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.CUSTOMS, Caller.REVIEWER, Caller.ADMIN, Caller.RIGHTS_OWNER, Caller.SYSTEM);
            boolean brand = s.brandId() != null && !s.brandId().isBlank();
            boolean gtin = s.gtin() != null && !s.gtin().isBlank();
            boolean hs = s.hsCode() != null && !s.hsCode().isBlank();
            if (!brand && !gtin && !hs && s.authority() == null) {
                throw DomainException.invalid("", "FIELD_REQUIRED",
                        "Give at least one of brand_id, gtin, hs_code, authority");
            }
            UUID owner = null;
            Authority authority = s.authority();
            if (!caller.isStaff() && !caller.hasRole(Caller.SYSTEM)) {
                Authority own = customsAuthority(caller);
                if (own != null) {
                    authority = requireOwnAuthority(own, authority, "authority");
                } else if (caller.hasRole(Caller.RIGHTS_OWNER) && caller.ownerId() != null) {
                    owner = UUID.fromString(caller.ownerId());
                } else {
                    throw DomainException.forbidden("NOT_OWNER", "The token names no owner and no customs authority");
                }
            }
            return new CustomsRecordationRepository.Search(owner, authority,
                    brand ? Checks.id("brand_id", s.brandId()) : null, gtin ? Gtin.toGtin14("gtin", s.gtin()) : null,
                    null, hs ? searchHsCode("hs_code", s.hsCode()) : null,
                    s.territory() == null || s.territory().isBlank() ? null
                            : Territories.territory("territory", s.territory()),
                    s.includeInactive() ? null : (s.inForceOn() == null ? today() : s.inForceOn()));
        }).flatMap(q -> q.gtin14() == null ? Uni.createFrom().item(q)
                : recordations.prefixOwners(candidatePrefixes(q.gtin14())).map(owners -> new CustomsRecordationRepository.Search(
                        q.ownerId(), q.authority(), q.brandId(), q.gtin14(), longestOwner(q.gtin14(), owners), q.hsCode(),
                        q.territory(), q.inForceOn())))
                .flatMap(q -> recordations.searchIds(q, page))
                .flatMap(this::inOrder)
                .map(page::slice);
    }

    private static Authority requireOwnAuthority(Authority own, Authority asked, String field) {
        if (asked != null && asked != own) {
            throw new DomainException(DomainException.Kind.PERMISSION_DENIED, "NOT_OWNER", field,
                    "A customs officer sees the recordations of its own authority (" + own + ") only");
        }
        return own;
    }

    private Uni<List<CustomsRecordation>> inOrder(List<UUID> ids) {
        return recordations.findByIds(ids).map(found -> {
            Map<UUID, CustomsRecordation> byId = new HashMap<>();
            found.forEach(r -> byId.put(r.id, r));
            return ids.stream().map(byId::get).filter(r -> r != null).toList();
        });
    }

    /** 4..6 digits: a search or declaration may name a chapter heading or a national subdivision's start. */
    static String searchHsCode(String field, String value) {
        String v = value.strip();
        if (!v.matches("^[0-9]{4,6}$")) {
            throw DomainException.invalid(field, "INVALID_HS_CODE", field + " must be 4 to 6 digits, got '" + value + "'");
        }
        return v;
    }

    /** GS1 (GTIN-13) form prefixes of 6..12 digits that could own the GTIN: digits 2..13 of its GTIN-14. */
    public static List<String> candidatePrefixes(String gtin14) {
        String body = gtin14.substring(1, 13);
        List<String> out = new ArrayList<>();
        for (int length = 12; length >= 6; length--) {
            out.add(body.substring(0, length));
        }
        return out;
    }

    /** The brand of the longest declared prefix covering the GTIN; null when none does. */
    public static String longestOwner(String gtin14, Map<String, String> prefixOwners) {
        for (String candidate : candidatePrefixes(gtin14)) {
            String brand = prefixOwners.get(candidate);
            if (brand != null) {
                return brand;
            }
        }
        return null;
    }

    // --- the customs shipment check

    public record Line(String brandId, String gtin, String hsCode) {
    }

    /** A line's answer; {@code error} set for a malformed line. */
    public record LineMatch(List<UUID> recordationIds, boolean consignorAuthorized, boolean gtinListedAsAuthentic,
            DomainException error) {
    }

    public record MatchResult(List<LineMatch> lines, List<CustomsRecordation> recordations) {
    }

    private record ParsedLine(String brandId, String gtin14, String hsCode) {
    }

    /** Each line a ParsedLine or the DomainException that answers it. */
    private record ParsedLines(String country, List<Object> lines) {
    }

    /**
     * For each declaration line, the recordations in force on the day with this authority and
     * territory that cover its brand (declared, or owning the GTIN's prefix) or list its GTIN as
     * authentic, and whose HS codes are a prefix of the line's or the line's of theirs. Three
     * statements per call whatever the number of lines: prefix owners, matching ids, records.
     */
    @WithSession
    public Uni<MatchResult> match(Caller caller, Authority authority, String territory, LocalDate onDate, Party consignor,
            List<Line> lines) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.CUSTOMS, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
            if (authority == null) {
                throw DomainException.invalid("authority", "FIELD_REQUIRED", "authority is required");
            }
            if (!caller.isStaff() && !caller.hasRole(Caller.SYSTEM)) {
                Authority own = customsAuthority(caller);
                if (own == null) {
                    throw DomainException.forbidden("NOT_OWNER", "The customs token names no known authority");
                }
                requireOwnAuthority(own, authority, "authority");
            }
            if (lines.size() > MAX_LINES) {
                throw DomainException.invalid("lines", "TOO_MANY_ITEMS",
                        "At most " + MAX_LINES + " lines per call, got " + lines.size());
            }
            Checks.text("territory", territory, 10);
            String country = Territories.territory("territory", territory);
            List<Object> parsed = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                String field = "lines[" + i + "]";
                try {
                    parsed.add(new ParsedLine(
                            l.brandId() == null || l.brandId().isBlank() ? null : Checks.id(field + ".brand_id", l.brandId()),
                            l.gtin() == null || l.gtin().isBlank() ? null : Gtin.toGtin14(field + ".gtin", l.gtin()),
                            l.hsCode() == null || l.hsCode().isBlank() ? null : searchHsCode(field + ".hs_code", l.hsCode())));
                } catch (DomainException e) {
                    parsed.add(e);
                }
            }
            return new ParsedLines(country, parsed);
        }).flatMap(request -> {
            String country = request.country();
            List<Object> parsed = request.lines();
            LocalDate day = onDate == null ? today() : onDate;
            Set<String> candidates = new LinkedHashSet<>();
            Set<String> gtins = new LinkedHashSet<>();
            for (Object p : parsed) {
                if (p instanceof ParsedLine l && l.gtin14() != null) {
                    gtins.add(l.gtin14());
                    candidates.addAll(candidatePrefixes(l.gtin14()));
                }
            }
            return recordations.prefixOwners(new ArrayList<>(candidates)).flatMap(prefixOwners -> {
                Map<String, String> gtinOwner = new HashMap<>();
                gtins.forEach(g -> {
                    String owner = longestOwner(g, prefixOwners);
                    if (owner != null) {
                        gtinOwner.put(g, owner);
                    }
                });
                Set<String> brands = new LinkedHashSet<>(gtinOwner.values());
                for (Object p : parsed) {
                    if (p instanceof ParsedLine l && l.brandId() != null) {
                        brands.add(l.brandId());
                    }
                }
                return recordations.matchIds(authority, country, day, new ArrayList<>(brands), new ArrayList<>(gtins))
                        .flatMap(recordations::findByIds)
                        .map(found -> answer(parsed, gtinOwner, found, consignor));
            });
        });
    }

    private static MatchResult answer(List<Object> parsed, Map<String, String> gtinOwner, List<CustomsRecordation> found,
            Party consignor) {
        List<CustomsRecordation> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> a.id.compareTo(b.id));
        Map<UUID, CustomsRecordation> referenced = new LinkedHashMap<>();
        List<LineMatch> out = new ArrayList<>(parsed.size());
        for (Object p : parsed) {
            if (p instanceof DomainException e) {
                out.add(new LineMatch(List.of(), false, false, e));
                continue;
            }
            ParsedLine l = (ParsedLine) p;
            String ownerBrand = l.gtin14() == null ? null : gtinOwner.get(l.gtin14());
            List<UUID> ids = new ArrayList<>();
            boolean consignorAuthorized = false;
            boolean authentic = false;
            for (CustomsRecordation r : sorted) {
                boolean listsGtin = l.gtin14() != null && r.authenticGtins.contains(l.gtin14());
                boolean coversBrand = (l.brandId() != null && r.brandIds.contains(l.brandId()))
                        || (ownerBrand != null && r.brandIds.contains(ownerBrand));
                if (!(listsGtin || coversBrand) || !hsMatches(r.hsCodes, l.hsCode())) {
                    continue;
                }
                ids.add(r.id);
                referenced.put(r.id, r);
                authentic |= listsGtin;
                consignorAuthorized |= consignor != null && isDistributor(r.distributors(), consignor);
            }
            out.add(new LineMatch(ids, consignorAuthorized, authentic, null));
        }
        return new MatchResult(out, new ArrayList<>(referenced.values()));
    }

    /** Either code is a prefix of the other; a line without a code matches any. */
    public static boolean hsMatches(List<String> codes, String hs) {
        if (hs == null) {
            return true;
        }
        return codes.stream().anyMatch(c -> c.startsWith(hs) || hs.startsWith(c));
    }

    /**
     * Identifiers decide when both sides have one (a same-named company with another EORI is
     * another company); otherwise the names, compared without case and spacing.
     */
    public static boolean isDistributor(List<Party> distributors, Party consignor) {
        String id = key(consignor.identifier());
        String name = key(consignor.name());
        for (Party d : distributors) {
            String did = key(d.identifier());
            if (!id.isEmpty() && !did.isEmpty()) {
                if (id.equals(did)) {
                    return true;
                }
            } else if (!name.isEmpty() && name.equals(key(d.name()))) {
                return true;
            }
        }
        return false;
    }

    private static String key(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
