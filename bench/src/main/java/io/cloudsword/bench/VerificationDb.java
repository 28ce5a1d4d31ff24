package io.cloudsword.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * verification-service's database, read beside the service by the codes benchmarks through a bare
 * reactive pool (Vert.x {@code PgBuilder}, the client the service's Hibernate Reactive runs on):
 * its size on disk for codes-issue, and codes-verify's baseline, a primary-key SELECT of a batch.
 */
final class VerificationDb implements AutoCloseable {

    /** codes-verify's baseline: one row by primary key, the columns a batch has had from its first migration. */
    static final String BATCH_BY_ID = "SELECT id, owner_id, gtin, quantity, status, codes_done FROM code_batch "
            + "WHERE id = $1";

    /** Every table and materialized view with its indexes and TOAST, in bytes. */
    static final String RELATION_SIZES = "SELECT n.nspname || '.' || c.relname, pg_total_relation_size(c.oid) "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg_toast%'";

    /** A batch row as read, kept so the baseline materializes what a lookup would use. */
    record BatchRow(UUID id, UUID ownerId, String gtin, long quantity, String status, long codesDone) {
    }

    private final Pool pool;
    private final String description;
    private final PreparedQuery<RowSet<Row>> batchById;

    VerificationDb(Vertx vertx, String host, int port, String user, String password, String database, int poolSize) {
        this.pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(poolSize))
                .connectingTo(new PgConnectOptions().setHost(host).setPort(port).setUser(user).setPassword(password)
                        .setDatabase(database).setCachePreparedStatements(true))
                .using(vertx)
                .build();
        this.description = host + ":" + port + "/" + database;
        this.batchById = pool.preparedQuery(BATCH_BY_ID);
    }

    String description() {
        return description;
    }

    /** pg_database_size: every file of the database (tables, indexes, TOAST, free-space and visibility maps), not WAL. */
    long databaseSize() {
        return pool.query("SELECT pg_database_size(current_database())").execute().await()
                .atMost(Duration.ofSeconds(60)).iterator().next().getLong(0);
    }

    /** Relation name to total size in bytes. */
    Map<String, Long> relationSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Row r : pool.query(RELATION_SIZES).execute().await().atMost(Duration.ofSeconds(60))) {
            sizes.put(r.getString(0), r.getLong(1));
        }
        return sizes;
    }

    /** Up to {@code limit} batch ids, for the baseline to cycle through. */
    List<UUID> batchIds(int limit) {
        List<UUID> ids = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT id FROM code_batch ORDER BY created_at DESC LIMIT $1")
                .execute(Tuple.of(limit)).await().atMost(Duration.ofSeconds(60))) {
            ids.add(r.getUUID(0));
        }
        return ids;
    }

    /** The batch row; fails when there is none (every id asked exists, so a miss is an error). */
    Uni<BatchRow> batchById(UUID id) {
        return batchById.execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                throw new IllegalStateException("no code_batch row " + id);
            }
            Row r = it.next();
            return new BatchRow(r.getUUID(0), r.getUUID(1), r.getString(2), r.getLong(3), r.getString(4),
                    r.getLong(5));
        });
    }

    /** Relations that grew, largest growth first: where the bytes of a batch went. */
    static List<Map.Entry<String, Long>> growth(Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> grown = new ArrayList<>();
        after.forEach((name, size) -> {
            long delta = size - before.getOrDefault(name, 0L);
            if (delta != 0) {
                grown.add(Map.entry(name, delta));
            }
        });
        grown.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return grown;
    }

    @Override
    public void close() {
        pool.closeAndAwait();
    }
}
