package io.cloudsword.brand.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.domain.Brand;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BrandRepository implements PanacheRepositoryBase<Brand, UUID> {

    public Uni<Brand> findByOwnerAndNameKey(UUID ownerId, String nameKey) {
        return find("ownerId = ?1 and nameKey = ?2", ownerId, nameKey).firstResult();
    }

    /** One query for the whole batch, whatever its size. */
    public Uni<List<Brand>> findByIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
