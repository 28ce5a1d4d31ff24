package io.cloudsword.listing.domain;

public enum ListingState {
    ACTIVE, FLAGGED, TAKEN_DOWN, RESTORED, REMOVED_BY_SELLER
}
