package io.cloudsword.verification.domain;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.verification.repository.CodeBatchRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Ordering code batches. The batch is recorded PENDING; issuing its codes (keyed MACs, background
 * jobs with progress), the GTIN ownership check and the transparency log come with the
 * verification-service issue.
 */
@ApplicationScoped
public class CodeBatches {

    private final CodeBatchRepository batches;
    private final Clock clock;
    private final String defaultResolverHost;

    public CodeBatches(CodeBatchRepository batches, Clock clock,
            @ConfigProperty(name = "cloudsword.codes.resolver-host") String defaultResolverHost) {
        this.batches = batches;
        this.clock = clock;
        this.defaultResolverHost = defaultResolverHost;
    }

    public record Created(CodeBatch batch, boolean created) {
    }

    /** Idempotent on (owner, idempotency key): a retried order returns the batch it created first. */
    @WithTransaction
    public Uni<Created> create(Caller caller, NewCodeBatch request) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            NewCodeBatch input = request.validated(defaultResolverHost);
            caller.requireActsFor(UUID.fromString(input.ownerId()));
            return input;
        }).flatMap(input -> {
            UUID ownerId = UUID.fromString(input.ownerId());
            return batches.findByIdempotencyKey(ownerId, input.idempotencyKey()).flatMap(existing -> {
                if (existing != null) {
                    if (!existing.gtin.equals(input.gtin()) || existing.quantity != input.quantity()) {
                        return Uni.createFrom().failure(DomainException.alreadyExists("idempotency_key",
                                "IDEMPOTENCY_KEY_REUSED", "idempotency_key was already used for a different batch"));
                    }
                    return Uni.createFrom().item(new Created(existing, false));
                }
                CodeBatch batch = new CodeBatch();
                batch.id = UUID.fromString(Ids.newId());
                batch.ownerId = ownerId;
                batch.gtin = input.gtin();
                batch.quantity = input.quantity();
                batch.status = CodeBatchStatus.PENDING;
                batch.resolverHost = input.resolverHost();
                batch.idempotencyKey = input.idempotencyKey();
                batch.createdAt = clock.instant();
                return batches.persist(batch).map(b -> new Created(b, true));
            });
        });
    }

    /** A batch is its owner's business (and staff's); another owner learns not even that it exists. */
    @WithSession
    public Uni<CodeBatch> get(Caller caller, String id) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
            return UUID.fromString(Checks.id("id", id));
        })
                .flatMap(batches::findById)
                .onItem().ifNull().failWith(() -> DomainException.notFound("id", "BATCH_NOT_FOUND",
                        "No code batch with id " + id))
                .invoke(batch -> {
                    if (!caller.actsFor(batch.ownerId)) {
                        throw DomainException.notFound("id", "BATCH_NOT_FOUND", "No code batch with id " + id);
                    }
                });
    }
}
