package io.cloudsword.brand.domain;

/** PENDING until a reviewer checks identity and documents; only VERIFIED owners' rights count. */
public enum RightsOwnerStatus {
    PENDING, VERIFIED, REJECTED, SUSPENDED
}
