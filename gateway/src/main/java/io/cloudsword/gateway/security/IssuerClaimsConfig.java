package io.cloudsword.gateway.security;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How each trusted issuer's claims become a {@link Caller}, per OIDC tenant (the {@code <tenant>} of
 * {@code quarkus.oidc.<tenant>.*}; the default tenant is {@code Default}). A tenant without an
 * entry here uses our role names and our claim names.
 *
 * <pre>
 * cloudsword.identity.tenants.brands.role-map.brand-owner=rights_owner
 * cloudsword.identity.tenants.brands.owner-id-claim=brand_owner
 * </pre>
 */
@ConfigMapping(prefix = "cloudsword.identity")
public interface IssuerClaimsConfig {

    /** Per OIDC tenant id. */
    Map<String, Tenant> tenants();

    interface Tenant {

        /**
         * The issuer's role names (as read from {@code quarkus.oidc.<tenant>.roles.role-claim-path})
         * to ours. Empty: the issuer's role names are ours. Not empty: only the roles named here
         * count, so the issuer cannot grant a role it was not meant to.
         */
        Map<String, String> roleMap();

        /** The claim with the rights owner id. */
        @WithDefault("owner_id")
        String ownerIdClaim();

        /** The claim with the platform partner's platform. */
        @WithDefault("platform_id")
        String platformIdClaim();

        /** The claim with the customs authority. */
        @WithDefault("customs_authority")
        String customsAuthorityClaim();
    }
}
