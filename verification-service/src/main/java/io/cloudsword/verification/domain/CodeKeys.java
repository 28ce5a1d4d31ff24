package io.cloudsword.verification.domain;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.verification.codes.CodeKey;
import io.cloudsword.verification.config.KeyMaterial;
import io.cloudsword.verification.log.LogEntries;
import io.cloudsword.verification.log.TransparencyLog;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Per-brand secret keys. A key is generated here, sealed with the master key, and never leaves the
 * service; only metadata is answered. Rotation makes a new ACTIVE key for new batches and RETIRES
 * the previous one, which still verifies what it issued. Every key's start is a log entry.
 */
@ApplicationScoped
public class CodeKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransparencyLog log;
    private final KeyMaterial material;
    private final BrandDirectory brands;
    private final Clock clock;

    public CodeKeys(TransparencyLog log, KeyMaterial material, BrandDirectory brands, Clock clock) {
        this.log = log;
        this.material = material;
        this.brands = brands;
        this.clock = clock;
    }

    public record KeyView(UUID id, UUID brandId, int version, String status, Instant createdAt, Instant retiredAt,
            Long logIndex) {
    }

    public record Rotated(KeyView active, KeyView retired, boolean created) {
    }

    /** The brand's active key, locked for this transaction; the brand's first key is made on first use. */
    ActiveKey activeKeyForUpdate(TransparencyLog.Appender appender, UUID brandId, Caller caller) throws SQLException {
        Connection c = appender.connection();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, key_char FROM code_key WHERE brand_id = ? AND status = 'ACTIVE' FOR UPDATE")) {
            ps.setObject(1, brandId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new ActiveKey(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        }
        KeyView made = newKey(appender, brandId, "first key of the brand", null, null);
        return new ActiveKey(made.id(), keyChar(made.version()));
    }

    /** The brand's active key inside a transaction: hands out nonce ranges. */
    record ActiveKey(UUID id, int keyChar) {
        /** Reserves [first, first + quantity) of the key's nonces; they are never handed out again. */
        long reserve(Connection c, long quantity) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE code_key SET next_nonce = next_nonce + ? WHERE id = ? RETURNING next_nonce")) {
                ps.setLong(1, quantity);
                ps.setObject(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long end = rs.getLong(1);
                    if (end - 1 > io.cloudsword.verification.codes.SerialCodec.MAX_NONCE) {
                        throw DomainException.failedPrecondition("quantity", "NO_ACTIVE_CODE_KEY",
                                "The brand's key has issued all the codes it can; rotate the key");
                    }
                    return end - quantity;
                }
            }
        }
    }

    static int keyChar(int version) {
        return (version - 1) % (CodeKey.MAX_ID + 1);
    }

    public Uni<Rotated> rotate(Caller caller, String brandId, String reason, String idempotencyKey) {
        UUID brand;
        String key;
        String why;
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
            brand = UUID.fromString(Checks.id("brand_id", brandId));
            key = Checks.text("idempotency_key", idempotencyKey, 128);
            why = Checks.optionalText("reason", reason, 500);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return requireBrandOwner(caller, brand).flatMap(ignored -> Uni.createFrom().item(() -> log.write(appender -> {
            Connection c = appender.connection();
            List<KeyView> existing = keys(c, brand);
            for (KeyView k : existing) {
                if (key.equals(idempotencyKeyOf(c, k.id()))) {
                    KeyView retired = existing.stream().filter(o -> o.version() == k.version() - 1).findFirst().orElse(null);
                    return new Rotated(k, retired, false);
                }
            }
            KeyView previous = existing.stream().filter(k -> "ACTIVE".equals(k.status())).findFirst().orElse(null);
            KeyView active = newKey(appender, brand, why, key, previous);
            KeyView retired = previous == null ? null : keys(c, brand).stream()
                    .filter(k -> k.id().equals(previous.id())).findFirst().orElseThrow();
            return new Rotated(active, retired, true);
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    public Uni<List<KeyView>> list(Caller caller, String brandId) {
        UUID brand;
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
            brand = UUID.fromString(Checks.id("brand_id", brandId));
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return requireBrandOwner(caller, brand).flatMap(ignored -> Uni.createFrom()
                .item(() -> log.read(c -> keys(c, brand))).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private Uni<Void> requireBrandOwner(Caller caller, UUID brand) {
        return brands.brand(brand).onFailure(e -> io.grpc.Status.fromThrowable(e).getCode() == io.grpc.Status.Code.NOT_FOUND)
                .transform(e -> DomainException.notFound("brand_id", "BRAND_NOT_FOUND", "No brand with id " + brand))
                .invoke(facts -> {
                    if (!caller.actsFor(facts.ownerId())) {
                        throw DomainException.forbidden("NOT_OWNER", "Brand " + brand + " is not the caller's");
                    }
                }).replaceWithVoid();
    }

    private KeyView newKey(TransparencyLog.Appender appender, UUID brand, String reason, String idempotencyKey,
            KeyView previous) throws SQLException {
        Connection c = appender.connection();
        Instant now = clock.instant();
        if (previous != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE code_key SET status = 'RETIRED', retired_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setObject(2, previous.id());
                ps.executeUpdate();
            }
        }
        int version = previous == null ? nextVersion(c, brand) : previous.version() + 1;
        UUID id = UUID.fromString(Ids.newId());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        long logIndex = appender.appendEntry("KEY_ROTATION",
                LogEntries.keyRotation(brand, id, version, previous == null ? null : previous.id(), now));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO code_key (id, brand_id, version, key_char, status, "
                + "sealed_secret, reason, idempotency_key, created_at, log_index) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, brand);
            ps.setInt(3, version);
            ps.setInt(4, keyChar(version));
            ps.setBytes(5, material.seal(id, secret));
            ps.setString(6, reason);
            ps.setString(7, idempotencyKey);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setLong(9, logIndex);
            ps.executeUpdate();
        }
        java.util.Arrays.fill(secret, (byte) 0);
        return new KeyView(id, brand, version, "ACTIVE", now, null, logIndex);
    }

    private static int nextVersion(Connection c, UUID brand) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) + 1 FROM code_key WHERE brand_id = ?")) {
            ps.setObject(1, brand);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String idempotencyKeyOf(Connection c, UUID keyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM code_key WHERE id = ?")) {
            ps.setObject(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Newest first. */
    static List<KeyView> keys(Connection c, UUID brand) throws SQLException {
        List<KeyView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, status, created_at, retired_at, log_index "
                + "FROM code_key WHERE brand_id = ? ORDER BY version DESC")) {
            ps.setObject(1, brand);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp retired = rs.getTimestamp(5);
                    out.add(new KeyView(rs.getObject(1, UUID.class), brand, rs.getInt(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), retired == null ? null : retired.toInstant(),
                            (Long) rs.getObject(6)));
                }
            }
        }
        return out;
    }
}
