package io.cloudsword.listing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.listing.domain.Listing;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, UUID> {

    public Uni<Listing> findByExternalId(String platform, String externalId) {
        return find("platform = ?1 and externalId = ?2", platform, externalId).firstResult();
    }
}
