package io.cloudsword.verification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "code_batch")
public class CodeBatch extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;
    @Column(nullable = false, columnDefinition = "bpchar(14)")
    public String gtin;
    @Column(nullable = false)
    public long quantity;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CodeBatchStatus status;
    @Column(name = "codes_done", nullable = false)
    public long codesDone;
    @Column(name = "resolver_host", nullable = false)
    public String resolverHost;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
