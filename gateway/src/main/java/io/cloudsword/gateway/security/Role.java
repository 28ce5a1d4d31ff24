package io.cloudsword.gateway.security;

/** The roles of ARCHITECTURE.md, as they appear in a token's {@code groups} claim. */
public enum Role {
    CONSUMER("consumer"),
    RIGHTS_OWNER("rights_owner"),
    PLATFORM_PARTNER("platform_partner"),
    CUSTOMS("customs"),
    REVIEWER("reviewer"),
    ADMIN("admin");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
