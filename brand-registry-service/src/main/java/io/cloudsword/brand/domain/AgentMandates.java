package io.cloudsword.brand.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.AgentMandateRepository;
import io.cloudsword.brand.repository.BrandRepository;
import io.cloudsword.brand.repository.RightsOwnerRepository;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The rules for agent mandates: a principal (a rights owner) lets an agent (another rights owner,
 * VERIFIED) file notices on its rights. Only the principal grants and revokes (or an admin);
 * mandates are private to the principal, the agent, staff and services. Whether a mandate lets a
 * notifier stand on a trademark is decided by {@link RightStanding} with {@link #governing}.
 */
@ApplicationScoped
public class AgentMandates {

    /** More brands than any owner has; a larger list is a client bug. */
    public static final int MAX_BRANDS = 500;
    public static final String LIST_CURSOR = "mandates-by-created";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final AgentMandateRepository mandates;
    private final RightsOwnerRepository owners;
    private final BrandRepository brands;
    private final Clock clock;

    public AgentMandates(AgentMandateRepository mandates, RightsOwnerRepository owners, BrandRepository brands,
            Clock clock) {
        this.mandates = mandates;
        this.owners = owners;
        this.brands = brands;
        this.clock = clock;
    }

    /** What a principal asks to grant (raw; {@link #validated} checks it). validFrom null = now. */
    public record NewMandate(String principalOwnerId, String agentOwnerId, List<String> brandIds, Instant validFrom,
            Instant validUntil, String documentSha256) {

        public Valid validated(Instant now) {
            UUID principal = UUID.fromString(requiredId("principal_owner_id", principalOwnerId));
            UUID agent = UUID.fromString(requiredId("agent_owner_id", agentOwnerId));
            if (agent.equals(principal)) {
                throw DomainException.invalid("agent_owner_id", "VALUE_OUT_OF_RANGE",
                        "agent_owner_id must be another rights owner than principal_owner_id");
            }
            List<String> raw = brandIds == null ? List.of() : brandIds;
            if (raw.size() > MAX_BRANDS) {
                throw DomainException.invalid("brand_ids", "TOO_MANY_ITEMS",
                        "At most " + MAX_BRANDS + " brand_ids per mandate, got " + raw.size());
            }
            // first position of each brand, so that a refusal names the field the caller sent
            Map<UUID, String> brandFields = new LinkedHashMap<>();
            for (int i = 0; i < raw.size(); i++) {
                brandFields.putIfAbsent(UUID.fromString(Checks.id("brand_ids[" + i + "]", raw.get(i))),
                        "brand_ids[" + i + "]");
            }
            String document = documentSha256 == null ? "" : documentSha256.strip().toLowerCase(Locale.ROOT);
            if (document.isEmpty()) {
                throw DomainException.invalid("document_sha256", "FIELD_REQUIRED",
                        "document_sha256 (SHA-256 of the signed mandate document) is required");
            }
            if (!SHA256.matcher(document).matches()) {
                throw DomainException.invalid("document_sha256", "INVALID_DOCUMENT_HASH",
                        "document_sha256 must be a SHA-256 as 64 hex characters");
            }
            Instant from = validFrom == null ? micros(now) : micros(validFrom);
            Instant until = validUntil == null ? null : micros(validUntil);
            AuthorizedSellers.requireWindow("valid_until", from, until);
            return new Valid(principal, agent, brandFields, from, validFrom != null, until, document);
        }
    }

    /**
     * A checked grant. {@code fromGiven} = the caller named valid_from: a repeat that leaves it
     * out (it defaulted to "now" the first time) still names the same mandate.
     */
    public record Valid(UUID principal, UUID agent, Map<UUID, String> brandFields, Instant validFrom,
            boolean fromGiven, Instant validUntil, String documentSha256) {

        List<UUID> sortedBrands() {
            List<UUID> sorted = new ArrayList<>(brandFields.keySet());
            sorted.sort(Comparator.naturalOrder());
            return sorted;
        }

        boolean sameTermsAs(AgentMandate m) {
            return sortedBrands().equals(m.brandIds) && Objects.equals(validUntil, m.validUntil)
                    && (!fromGiven || validFrom.equals(m.validFrom));
        }
    }

    private static String requiredId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " is required");
        }
        return Checks.id(field, value);
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Idempotent on (principal, agent, document_sha256): the same document with the same terms
     * returns the stored mandate unchanged (created = false), revoked or not (a revoked document
     * stays revoked; a new grant needs a new document); the same document with other terms is
     * ALREADY_EXISTS / IDEMPOTENCY_KEY_REUSED. The principal's row is locked, so concurrent grants
     * of one principal queue up instead of racing on the key.
     */
    @WithTransaction
    public Uni<Registered<AgentMandate>> grant(Caller caller, NewMandate request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            Valid input = request.validated(clock.instant());
            caller.requireActsFor(input.principal());
            return input;
        }).flatMap(input -> owners.findByIdForUpdate(input.principal()).flatMap(principal -> {
            if (principal == null) {
                throw BrandRegistry.ownerNotFound("principal_owner_id", input.principal());
            }
            principal.requireMayRegisterRights("principal_owner_id");
            return mandates.findByKey(input.principal(), input.agent(), input.documentSha256());
        }).flatMap(existing -> {
            if (existing != null) {
                if (!input.sameTermsAs(existing)) {
                    throw DomainException.alreadyExists("document_sha256", "IDEMPOTENCY_KEY_REUSED",
                            "Mandate " + existing.id + " was granted to this agent under this document with other"
                                    + " terms (brand_ids, valid_from or valid_until); a new mandate needs a new document");
                }
                return Uni.createFrom().item(new Registered<>(existing, false));
            }
            return owners.findById(input.agent()).flatMap(agent -> {
                requireEligibleAgent(agent, input.agent());
                return brands.findByIds(new ArrayList<>(input.brandFields().keySet()));
            }).flatMap(found -> {
                requirePrincipalsBrands(input, found);
                AgentMandate m = new AgentMandate();
                m.id = UUID.fromString(Ids.newId());
                m.principalOwnerId = input.principal();
                m.agentOwnerId = input.agent();
                m.brandIds = input.sortedBrands();
                m.validFrom = input.validFrom();
                m.validUntil = input.validUntil();
                m.documentSha256 = input.documentSha256();
                m.createdAt = clock.instant();
                return mandates.persist(m).map(saved -> new Registered<>(saved, true));
            });
        }));
    }

    /** The agent files notices itself, so it must be a known, VERIFIED and not suspended owner now. */
    private void requireEligibleAgent(RightsOwner agent, UUID id) {
        if (agent == null) {
            throw BrandRegistry.ownerNotFound("agent_owner_id", id);
        }
        RightsOwnerStatus status = agent.effectiveStatus(clock.instant());
        if (status == RightsOwnerStatus.SUSPENDED) {
            throw DomainException.failedPrecondition("agent_owner_id", "OWNER_SUSPENDED",
                    "Agent " + id + " is suspended and cannot act for another rights owner");
        }
        if (status != RightsOwnerStatus.VERIFIED) {
            throw DomainException.failedPrecondition("agent_owner_id", "OWNER_NOT_VERIFIED",
                    "Agent " + id + " is " + status + "; only a VERIFIED rights owner can be an agent");
        }
    }

    /** Brands are public, so a brand of another owner is named as such. */
    private static void requirePrincipalsBrands(Valid input, List<Brand> found) {
        Map<UUID, Brand> byId = new HashMap<>();
        found.forEach(b -> byId.put(b.id, b));
        input.brandFields().forEach((id, field) -> {
            Brand brand = byId.get(id);
            if (brand == null) {
                throw DomainException.notFound(field, "BRAND_NOT_FOUND", "No brand with id " + id);
            }
            if (!brand.ownerId.equals(input.principal())) {
                throw new DomainException(DomainException.Kind.PERMISSION_DENIED, "NOT_OWNER", field,
                        "Brand " + id + " belongs to another rights owner than the principal");
            }
        });
    }

    /** By the principal (or an admin). Idempotent: a revoked mandate is returned unchanged. */
    @WithTransaction
    public Uni<AgentMandate> revoke(Caller caller, String id, String reason) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            UUID mandateId = UUID.fromString(requiredId("id", id));
            return Map.entry(mandateId, Checks.optionalText("reason", reason, 2_000));
        }).flatMap(parsed -> mandates.findByIdForUpdate(parsed.getKey()).map(m -> {
            if (m == null) {
                throw DomainException.notFound("id", "AGENT_MANDATE_NOT_FOUND", "No agent mandate with id "
                        + parsed.getKey());
            }
            caller.requireActsFor(m.principalOwnerId);
            if (m.revokedAt == null) {
                m.revokedAt = clock.instant();
                m.revokeReason = parsed.getValue();
            }
            return m;
        }));
    }

    /**
     * By principal and/or agent (at least one), oldest first. A rights owner lists only mandates
     * it is principal or agent of: one of the filters must name itself.
     */
    @WithSession
    public Uni<Page.Slice<AgentMandate>> list(Caller caller, String principalOwnerId, String agentOwnerId,
            boolean includeRevoked, Page page) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
            UUID principal = Trademarks.optionalId("principal_owner_id", principalOwnerId);
            UUID agent = Trademarks.optionalId("agent_owner_id", agentOwnerId);
            if (principal == null && agent == null) {
                throw DomainException.invalid("principal_owner_id", "FIELD_REQUIRED",
                        "principal_owner_id or agent_owner_id is required");
            }
            if (!caller.hasRole(Caller.SYSTEM) && !caller.isStaff()
                    && !(caller.actsFor(principal) || caller.actsFor(agent))) {
                throw DomainException.forbidden("NOT_OWNER",
                        "A rights owner lists only mandates it is principal or agent of");
            }
            if (!page.first()) {
                try {
                    Instant.parse(page.after().get(0));
                    UUID.fromString(page.after().get(1));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw DomainException.invalid("page.after", "INVALID_CURSOR",
                            "page.after is not a cursor this service issued");
                }
            }
            return new UUID[] { principal, agent };
        }).flatMap(ids -> mandates.list(ids[0], ids[1], includeRevoked, page)).map(page::slice);
    }

    /**
     * The mandate under which {@code agent} may act for {@code principal} on {@code brandId} at
     * {@code at}, among live mandates; the oldest when several cover it (so the answer is stable),
     * null when none does.
     */
    public static AgentMandate governing(List<AgentMandate> candidates, UUID principal, UUID agent, UUID brandId,
            Instant at) {
        AgentMandate best = null;
        for (AgentMandate m : candidates) {
            if (m.principalOwnerId.equals(principal) && m.agentOwnerId.equals(agent) && m.covers(brandId, at)
                    && (best == null || m.createdAt.isBefore(best.createdAt)
                            || (m.createdAt.equals(best.createdAt) && m.id.compareTo(best.id) < 0))) {
                best = m;
            }
        }
        return best;
    }
}
