package io.cloudsword.verification.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.verification.codes.CodeKey;
import io.cloudsword.verification.config.KeyMaterial;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Opened code keys and the batches they issued, kept in memory once read: both are immutable once
 * a batch is COMPLETED (a retired key keeps verifying), so the hot paths (Verify, proofs) never
 * unseal a key or re-read a batch twice.
 */
@ApplicationScoped
public class KeyRing {

    static final String BATCH_SQL = "SELECT b.id, b.owner_id, b.brand_id, b.gtin, b.quantity, b.resolver_host, "
            + "b.key_id, k.version, k.key_char, k.sealed_secret, b.nonce_first FROM code_batch b "
            + "JOIN code_key k ON k.id = b.key_id WHERE b.id = ";

    private final KeyMaterial material;
    private final Pool pool;
    private final Map<UUID, IssuedBatch> batches = new ConcurrentHashMap<>();

    public KeyRing(KeyMaterial material, Pool pool) {
        this.material = material;
        this.pool = pool;
    }

    public CodeKey open(UUID keyId, int keyChar, byte[] sealed) {
        return new CodeKey(keyChar, material.open(keyId, sealed));
    }

    /** A batch with a key (PENDING batches too: their nonces are reserved at order time). */
    public IssuedBatch batch(Connection c, UUID batchId) throws SQLException {
        IssuedBatch known = batches.get(batchId);
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = c.prepareStatement(BATCH_SQL + "?")) {
            ps.setObject(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("batch " + batchId + " has no key");
                }
                IssuedBatch b = new IssuedBatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getObject(7, UUID.class), rs.getInt(8),
                        open(rs.getObject(7, UUID.class), rs.getInt(9), rs.getBytes(10)), rs.getLong(11));
                batches.put(batchId, b);
                return b;
            }
        }
    }

    public Uni<IssuedBatch> batch(UUID batchId) {
        IssuedBatch known = batches.get(batchId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.preparedQuery(BATCH_SQL + "$1").execute(Tuple.of(batchId)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return null;
            }
            Row r = rows.iterator().next();
            IssuedBatch b = new IssuedBatch(r.getUUID(0), r.getUUID(1), r.getUUID(2), r.getString(3), r.getLong(4),
                    r.getString(5), r.getUUID(6), r.getInteger(7),
                    open(r.getUUID(6), r.getInteger(8), r.getBuffer(9).getBytes()), r.getLong(10));
            batches.put(batchId, b);
            return b;
        });
    }
}
