package io.cloudsword.listing.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.listing.repository.ListingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Ingesting and reading listings. Risk scoring joins here with the listing-service issue. */
@ApplicationScoped
public class Listings {

    private final ListingRepository listings;
    private final Clock clock;

    public Listings(ListingRepository listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    /** The outcome of an ingest: the stored listing, and whether it was new. */
    public record Ingested(Listing listing, boolean created) {
    }

    /**
     * Idempotent on (platform, external id): re-sending updates the listing, never duplicates it.
     * A platform partner sends listings of its own platform only.
     */
    @WithTransaction
    public Uni<Ingested> ingest(Caller caller, ListingData request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.PLATFORM_PARTNER, Caller.ADMIN);
            ListingData data = request.validated();
            caller.requireActsForPlatform(data.platform());
            return data;
        }).flatMap(data -> listings
                .findByExternalId(data.platform(), data.externalId())
                .flatMap(existing -> {
                    Instant now = clock.instant();
                    if (existing != null) {
                        existing.apply(data, now);
                        return Uni.createFrom().item(new Ingested(existing, false));
                    }
                    Listing listing = new Listing();
                    listing.id = UUID.fromString(Ids.newId());
                    listing.state = ListingState.ACTIVE;
                    listing.createdAt = now;
                    listing.apply(data, now);
                    return listings.persist(listing).map(l -> new Ingested(l, true));
                }));
    }

    /** Listings are what platforms publish anyway; any authenticated caller may read them. */
    @WithSession
    public Uni<Listing> get(Caller caller, String id) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.CONSUMER, Caller.RIGHTS_OWNER, Caller.PLATFORM_PARTNER, Caller.CUSTOMS,
                    Caller.REVIEWER, Caller.ADMIN);
            return UUID.fromString(Checks.id("id", id));
        })
                .flatMap(listings::findById)
                .onItem().ifNull().failWith(() -> DomainException.notFound("id", "LISTING_NOT_FOUND",
                        "No listing with id " + id));
    }
}
