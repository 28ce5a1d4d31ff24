package io.cloudsword.listing.domain;

/** Where a listing stands: live (ACTIVE, FLAGGED, RESTORED), held down, or gone from the platform. */
public enum ListingState {
    ACTIVE, FLAGGED, TAKEN_DOWN, RESTORED, REMOVED_BY_SELLER;

    /** Visible on the platform; a takedown or a shop suspension applies to these. */
    public boolean live() {
        return this == ACTIVE || this == FLAGGED || this == RESTORED;
    }
}
