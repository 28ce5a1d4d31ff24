package io.cloudsword.brand.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.domain.RightsOwner;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RightsOwnerRepository implements PanacheRepositoryBase<RightsOwner, UUID> {

    public Uni<RightsOwner> findByTradeRegister(String country, String tradeRegisterNumber) {
        return find("country = ?1 and tradeRegisterNumber = ?2", country, tradeRegisterNumber).firstResult();
    }
}
