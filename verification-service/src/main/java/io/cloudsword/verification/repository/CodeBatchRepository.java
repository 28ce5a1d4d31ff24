package io.cloudsword.verification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.verification.domain.CodeBatch;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CodeBatchRepository implements PanacheRepositoryBase<CodeBatch, UUID> {

    public Uni<CodeBatch> findByIdempotencyKey(UUID ownerId, String key) {
        return find("ownerId = ?1 and idempotencyKey = ?2", ownerId, key).firstResult();
    }
}
