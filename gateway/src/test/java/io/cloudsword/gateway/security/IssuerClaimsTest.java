package io.cloudsword.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Per-issuer role maps without a running gateway (KeycloakIdentityTest covers the claims end to end). */
class IssuerClaimsTest {

    private static IssuerClaimsConfig config(String tenant, Map<String, String> roleMap) {
        IssuerClaimsConfig.Tenant rules = new IssuerClaimsConfig.Tenant() {
            @Override
            public Map<String, String> roleMap() {
                return roleMap;
            }

            @Override
            public String ownerIdClaim() {
                return "owner_id";
            }

            @Override
            public String platformIdClaim() {
                return "platform_id";
            }

            @Override
            public String customsAuthorityClaim() {
                return "customs_authority";
            }
        };
        return () -> Map.of(tenant, rules);
    }

    private static QuarkusSecurityIdentity identity(String tenant, String... roles) {
        Principal principal = () -> "someone";
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(Set.of(roles))
                .addAttribute(OidcUtils.TENANT_ID_ATTRIBUTE, tenant).build();
    }

    @Test
    void aTenantWithARoleMapGetsOnlyTheMappedRolesOthersKeepTheirNames() {
        IssuerClaims claims = new IssuerClaims(config("brands", Map.of("brand-owner", "rights_owner")));
        assertEquals(Set.of(Role.RIGHTS_OWNER), claims.toCaller(identity("brands", "brand-owner", "admin",
                "offline_access")).roles());
        assertEquals(Set.of(Role.ADMIN), claims.toCaller(identity(OidcUtils.DEFAULT_TENANT_ID, "admin", "brand-owner"))
                .roles());
        assertTrue(claims.toCaller(null).anonymous());
    }

    @Test
    void aRoleMapNamingARoleWeDoNotHaveStopsTheGateway() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new IssuerClaims(config("brands", Map.of("brand-owner", "superuser"))));
        assertTrue(e.getMessage().contains("cloudsword.identity.tenants.brands.role-map.brand-owner"), e.getMessage());
    }
}
