package io.cloudsword.verification.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.verification.codes.SerialCodec;
import io.cloudsword.verification.log.TransparencyLog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ordering code batches and reading them. An order checks, with brand-registry, that the GTIN
 * falls under a prefix of the caller's own brand and that the caller is a VERIFIED owner; then, in
 * one transaction with the log, takes the brand's active key (creating the brand's first key on
 * its first order), reserves the batch's nonces from the key's counter and records the batch
 * PENDING. {@link BatchWorker} issues the codes.
 */
@ApplicationScoped
public class CodeBatches {

    static final String COLUMNS = "id, owner_id, brand_id, gtin, quantity, status, codes_done, created_at, resolver_host, "
            + "started_at, completed_at, failure_reason, key_id, commitment_log_index, first_code_log_index, updated_at, "
            + "codes_per_second";
    /** Codes per ExportCodes message (the contract allows up to 10,000). */
    static final int EXPORT_CHUNK = 10_000;

    private final Pool pool;
    private final TransparencyLog log;
    private final BrandDirectory brands;
    private final CodeKeys keys;
    private final KeyRing keyRing;
    private final BatchWorker worker;
    private final Clock clock;
    private final String defaultResolverHost;

    public CodeBatches(Pool pool, TransparencyLog log, BrandDirectory brands, CodeKeys keys, KeyRing keyRing,
            BatchWorker worker, Clock clock,
            @ConfigProperty(name = "cloudsword.codes.resolver-host") String defaultResolverHost) {
        this.pool = pool;
        this.log = log;
        this.brands = brands;
        this.keys = keys;
        this.keyRing = keyRing;
        this.worker = worker;
        this.clock = clock;
        this.defaultResolverHost = defaultResolverHost;
    }

    public record Created(BatchView batch, boolean created) {
    }

    /** Idempotent on (owner, idempotency key): a retried order returns the batch it created first. */
    public Uni<Created> create(Caller caller, String bearer, NewCodeBatch request) {
        NewCodeBatch input;
        UUID ownerId;
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            input = request.validated(defaultResolverHost);
            ownerId = UUID.fromString(input.ownerId());
            caller.requireActsFor(ownerId);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return findByIdempotencyKey(ownerId, input.idempotencyKey()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(repeat(existing, input));
            }
            return brands.gtinOwner(input.gtin()).flatMap(owner -> {
                if (!owner.found() || !owner.ownerId().equals(ownerId)) {
                    return Uni.createFrom().failure(DomainException.forbidden("NOT_OWNER",
                            "GTIN " + input.gtin() + " is not under a GS1 prefix of a brand of owner " + ownerId));
                }
                return brands.ownerVerified(ownerId, bearer).flatMap(verified -> {
                    if (!verified) {
                        return Uni.createFrom().failure(DomainException.failedPrecondition("owner_id",
                                "OWNER_NOT_VERIFIED", "Codes are issued to VERIFIED rights owners only"));
                    }
                    return Uni.createFrom().item(() -> insert(caller, input, ownerId, owner.brandId()))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
            });
        }).invoke(created -> {
            if (created.created()) {
                worker.wake();
            }
        });
    }

    private Created repeat(BatchView existing, NewCodeBatch input) {
        if (!existing.gtin().equals(input.gtin()) || existing.quantity() != input.quantity()
                || !existing.resolverHost().equals(input.resolverHost())) {
            throw DomainException.alreadyExists("idempotency_key", "IDEMPOTENCY_KEY_REUSED",
                    "idempotency_key was already used for a different batch");
        }
        return new Created(existing, false);
    }

    private Created insert(Caller caller, NewCodeBatch input, UUID ownerId, UUID brandId) {
        UUID id = UUID.fromString(Ids.newId());
        try {
            log.write(appender -> {
                Connection c = appender.connection();
                CodeKeys.ActiveKey key = keys.activeKeyForUpdate(appender, brandId, caller);
                long nonceFirst = key.reserve(c, input.quantity());
                Instant now = clock.instant();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO code_batch (id, owner_id, gtin, quantity, "
                        + "status, codes_done, resolver_host, idempotency_key, created_at, updated_at, brand_id, key_id, "
                        + "key_char, nonce_first) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, id);
                    ps.setObject(2, ownerId);
                    ps.setString(3, input.gtin());
                    ps.setLong(4, input.quantity());
                    ps.setString(5, input.resolverHost());
                    ps.setString(6, input.idempotencyKey());
                    ps.setTimestamp(7, Timestamp.from(now));
                    ps.setTimestamp(8, Timestamp.from(now));
                    ps.setObject(9, brandId);
                    ps.setObject(10, key.id());
                    ps.setInt(11, key.keyChar());
                    ps.setLong(12, nonceFirst);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                // the same order raced itself: the first one won, answer with it
                BatchView existing = findByIdempotencyKey(ownerId, input.idempotencyKey()).await().indefinitely();
                if (existing != null) {
                    return repeat(existing, input);
                }
            }
            throw e;
        }
        return new Created(getById(id).await().indefinitely(), true);
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A batch is its owner's business (and staff's); another owner learns not even that it exists. */
    public Uni<BatchView> get(Caller caller, String id) {
        UUID batchId;
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
            batchId = UUID.fromString(Checks.id("id", id));
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return getById(batchId).map(batch -> {
            if (batch == null || !caller.actsFor(batch.ownerId())) {
                throw DomainException.notFound("id", "BATCH_NOT_FOUND", "No code batch with id " + id);
            }
            return batch;
        });
    }

    public Uni<BatchView> getById(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM code_batch WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? view(rows.iterator().next()) : null);
    }

    /** Found batches in request order (first occurrence), and the ids that name none the caller may see. */
    public Uni<Map.Entry<List<BatchView>, List<String>>> batchGet(Caller caller, List<String> ids) {
        Map<String, UUID> wanted = new LinkedHashMap<>();
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
            if (ids.size() > 500) {
                throw DomainException.invalid("ids", "TOO_MANY_ITEMS", "At most 500 ids per call, got " + ids.size());
            }
            for (String id : ids) {
                wanted.putIfAbsent(id, UUID.fromString(Checks.id("ids", id)));
            }
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM code_batch WHERE id = ANY($1)")
                .execute(Tuple.of(wanted.values().toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, BatchView> found = new java.util.HashMap<>();
                    rows.forEach(r -> {
                        BatchView b = view(r);
                        if (caller.actsFor(b.ownerId())) {
                            found.put(b.id(), b);
                        }
                    });
                    List<BatchView> batches = new ArrayList<>();
                    List<String> missing = new ArrayList<>();
                    wanted.forEach((raw, id) -> {
                        if (found.containsKey(id)) {
                            batches.add(found.get(id));
                        } else {
                            missing.add(raw);
                        }
                    });
                    return Map.entry(batches, missing);
                });
    }

    /** Newest first. Owners list their own; staff any owner's (or all). */
    public Uni<Page.Slice<BatchView>> list(Caller caller, String ownerId, String gtin, Set<String> statuses,
            int first, String after) {
        UUID owner;
        String gtin14;
        Page page;
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
            owner = ownerId == null || ownerId.isBlank() ? null : UUID.fromString(Checks.id("owner_id", ownerId));
            if (owner == null && !caller.isStaff()) {
                owner = UUID.fromString(Checks.id("owner_id", caller.ownerId()));
            }
            if (owner != null) {
                caller.requireActsFor(owner);
            }
            gtin14 = gtin == null || gtin.isBlank() ? null : io.cloudsword.kit.Gtin.toGtin14("gtin", gtin);
            page = Page.of(first, after, "batches-newest", 2);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM code_batch WHERE true");
        List<Object> args = new ArrayList<>();
        if (owner != null) {
            args.add(owner);
            sql.append(" AND owner_id = $").append(args.size());
        }
        if (gtin14 != null) {
            args.add(gtin14);
            sql.append(" AND gtin = $").append(args.size());
        }
        if (!statuses.isEmpty()) {
            args.add(statuses.toArray(String[]::new));
            sql.append(" AND status = ANY($").append(args.size()).append(")");
        }
        if (!page.first()) {
            args.add(OffsetDateTime.parse(page.after().get(0)));
            args.add(UUID.fromString(page.after().get(1)));
            sql.append(" AND (created_at, id) < ($").append(args.size() - 1).append(", $").append(args.size()).append(")");
        }
        args.add(page.size() + 1);
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<BatchView> out = new ArrayList<>();
            rows.forEach(r -> out.add(view(r)));
            return page.slice(out);
        });
    }

    public static String cursor(BatchView b) {
        return Page.cursor("batches-newest", b.createdAtExact().toString(), b.id().toString());
    }

    private Uni<BatchView> findByIdempotencyKey(UUID ownerId, String key) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM code_batch WHERE owner_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(ownerId, key))
                .map(rows -> rows.iterator().hasNext() ? view(rows.iterator().next()) : null);
    }

    static BatchView view(Row r) {
        return new BatchView(r.getUUID(0), r.getUUID(1), r.getUUID(2), r.getString(3), r.getLong(4), r.getString(5),
                r.getLong(6), r.getOffsetDateTime(7), r.getString(8), instant(r.getOffsetDateTime(9)),
                instant(r.getOffsetDateTime(10)), r.getString(11), r.getUUID(12), r.getLong(13), r.getLong(14),
                instant(r.getOffsetDateTime(15)), r.getDouble(16));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    public record ExportedCode(long index, String serial, String digitalLink) {
    }

    /**
     * The batch's codes [start, start + max) among those issued so far, in chunks of
     * {@link #EXPORT_CHUNK}, computed (never stored) on worker threads. Its owner (or an admin) only.
     */
    public Multi<List<ExportedCode>> export(Caller caller, String batchId, long start, Long max) {
        if (start < 0 || (max != null && max < 1)) {
            return Multi.createFrom().failure(DomainException.invalid(start < 0 ? "start_index" : "max_codes",
                    "VALUE_OUT_OF_RANGE", "start_index must be >= 0 and max_codes >= 1"));
        }
        return get(caller, batchId).onItem().transformToMulti(b -> {
            if (!caller.actsFor(b.ownerId()) || (caller.isStaff() && !caller.hasRole(Caller.ADMIN))) {
                return Multi.createFrom().failure(DomainException.forbidden("NOT_OWNER",
                        "Only the batch's owner may export its codes"));
            }
            if (start > b.codesDone()) {
                return Multi.createFrom().failure(DomainException.outOfRange("start_index", "VALUE_OUT_OF_RANGE",
                        "start_index is past the " + b.codesDone() + " codes issued so far"));
            }
            long end = max == null ? b.codesDone() : Math.min(b.codesDone(), start + max);
            List<Long> chunks = new ArrayList<>();
            for (long s = start; s < end; s += EXPORT_CHUNK) {
                chunks.add(s);
            }
            return keyRing.batch(b.id()).onItem().transformToMulti(batch -> Multi.createFrom().iterable(chunks)
                    .onItem().transformToUniAndConcatenate(s -> Uni.createFrom()
                            .item(() -> codes(batch, s, Math.min(end, s + EXPORT_CHUNK)))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())));
        });
    }

    private static List<ExportedCode> codes(IssuedBatch batch, long start, long end) {
        SerialCodec.Issuer issuer = batch.issuer();
        List<ExportedCode> out = new ArrayList<>((int) (end - start));
        for (long i = start; i < end; i++) {
            String serial = issuer.serial(batch.nonceFirst() + i);
            out.add(new ExportedCode(i, serial, batch.digitalLink(serial)));
        }
        return out;
    }
}
