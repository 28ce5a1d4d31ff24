package io.cloudsword.gateway.security;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turns a verified identity into a {@link Caller} by the rules of the issuer (OIDC tenant) that
 * verified it: which of its roles are which of ours, and which claims carry the owner id, the
 * platform and the customs authority. Checked at startup, so a role map naming a role we do not
 * have stops the gateway instead of silently granting nothing.
 */
@Startup
@ApplicationScoped
public class IssuerClaims {

    /** The claims of one issuer; {@code roles} empty means its role names are ours. */
    record Rules(Map<String, Role> roles, String ownerIdClaim, String platformIdClaim, String customsAuthorityClaim) {
        static final Rules OURS = new Rules(Map.of(), "owner_id", "platform_id", "customs_authority");
    }

    private static final Map<String, Role> BY_CLAIM = new HashMap<>();
    static {
        for (Role role : Role.values()) {
            BY_CLAIM.put(role.claim(), role);
        }
    }

    private final Map<String, Rules> byTenant = new HashMap<>();

    public IssuerClaims(IssuerClaimsConfig config) {
        config.tenants().forEach((tenant, claims) -> {
            Map<String, Role> roles = new HashMap<>();
            claims.roleMap().forEach((theirs, ours) -> {
                Role role = BY_CLAIM.get(ours.strip());
                if (role == null) {
                    throw new IllegalStateException("cloudsword.identity.tenants." + tenant + ".role-map." + theirs
                            + " names no role of ours: " + ours + " (one of " + BY_CLAIM.keySet() + ")");
                }
                roles.put(theirs, role);
            });
            byTenant.put(tenant, new Rules(Map.copyOf(roles), claims.ownerIdClaim(), claims.platformIdClaim(),
                    claims.customsAuthorityClaim()));
        });
    }

    Caller toCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        Rules rules = Optional.ofNullable(tenant).map(byTenant::get).orElse(Rules.OURS);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String theirs : identity.getRoles()) {
            Role role = rules.roles().isEmpty() ? BY_CLAIM.get(theirs) : rules.roles().get(theirs);
            if (role != null) {
                roles.add(role);
            }
        }
        String owner = null;
        String platform = null;
        String customs = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            owner = text(jwt, rules.ownerIdClaim());
            platform = text(jwt, rules.platformIdClaim());
            customs = text(jwt, rules.customsAuthorityClaim());
        }
        return new Caller(identity.getPrincipal().getName(), roles, owner, platform, customs);
    }

    /** A claim as text: a string as it is, a number as its digits (an id an issuer emits as a number). */
    private static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }
}
