package io.cloudsword.verification.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudsword.kit.error.DomainException;
import io.cloudsword.tlog.Checkpoint;
import io.cloudsword.tlog.CompactRange;
import io.cloudsword.tlog.MerkleHash;
import io.cloudsword.tlog.MerkleTree;
import io.cloudsword.tlog.NoteSigner;
import io.cloudsword.tlog.ProofBundle;
import io.cloudsword.tlog.TileHashReader;
import io.cloudsword.tlog.TilePaths;
import io.cloudsword.tlog.TlogException;
import io.cloudsword.verification.codes.SerialCodec;
import io.cloudsword.verification.config.KeyMaterial;
import io.cloudsword.verification.domain.IssuedBatch;
import io.cloudsword.verification.domain.KeyRing;

/**
 * The RFC 9162 log kept in PostgreSQL, in the C2SP tlog-tiles shape.
 *
 * <p>What is stored: entries that are data (batch commitments, lifecycle events, key rotations)
 * as rows; code entries not at all (a {@code log_code_range} row says batch B's codes occupy
 * entries [first, first + count), and each entry is rederived from the batch and its key); hash
 * tiles of level 1 and up (one 32-byte hash per 256 entries, and 1/256 of that above). Level-0
 * tiles are rehashed from the entries when read, and compared with the stored level-1 hash above
 * them, so a changed entry or batch is caught on the spot instead of being served.
 *
 * <p>Writes are blocking JDBC on worker threads: one appender at a time, serialized across
 * replicas by the {@code log_state} row lock, every append signing a checkpoint in the same
 * transaction. Reads never lock.
 */
@ApplicationScoped
public class TransparencyLog {

    private static final Logger LOG = Logger.getLogger(TransparencyLog.class);
    private static final int W = TilePaths.TILE_WIDTH;
    /** Full tiles hashed between progress reports while a large batch is appended. */
    private static final int BLOCKS_PER_CHUNK = 1024;
    static final int MAX_CACHED_TILES = 4096;
    /** How stale another replica's newest checkpoint may look here (this replica's own are seen at once). */
    static final long FRESHNESS_NANOS = 1_000_000_000L;

    private final DataSource db;
    private final KeyRing keys;
    private final KeyMaterial material;
    private final Clock clock;
    private final String origin;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ForkJoinPool hashers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    /** The right edge as of the last append by this replica; rebuilt when another replica appended. */
    private Edge cached;
    /**
     * A tile of a given width never changes (a partial tile only grows into a wider one): the
     * recently read ones are kept, up to about 8 KiB each.
     */
    private final Map<TilePaths.Tile, byte[]> tiles = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TilePaths.Tile, byte[]> eldest) {
                    return size() > MAX_CACHED_TILES;
                }
            });
    /** The latest checkpoint and the integrity verdict, re-read at most every {@link #FRESHNESS_NANOS}. */
    private volatile Fresh<StoredCheckpoint> latest;
    private volatile Fresh<String> integrityProblem;

    private record Fresh<T>(T value, long readAtNanos) {
        boolean fresh() {
            return System.nanoTime() - readAtNanos < FRESHNESS_NANOS;
        }
    }

    public TransparencyLog(DataSource db, KeyRing keys, KeyMaterial material, Clock clock,
            @ConfigProperty(name = "cloudsword.log.origin") String origin) {
        this.db = db;
        this.keys = keys;
        this.material = material;
        this.clock = clock;
        this.origin = origin;
        if (!origin.equals(material.signer().name())) {
            throw new IllegalStateException("cloudsword.log.origin (" + origin + ") must be the signing key's name ("
                    + material.signer().name() + "): verifiers look the key up by the origin line");
        }
    }

    public String origin() {
        return origin;
    }

    public NoteSigner signer() {
        return material.signer();
    }

    /** Verifier keys of earlier signing keys, still listed so old checkpoints stay checkable. */
    public List<String> previousVerifierKeys() {
        return material.previousVerifierKeys();
    }

    // ------------------------------------------------------------------------------------------
    // Appending

    /** What a writer can add to the log inside its transaction. */
    public interface Appender {
        Connection connection();

        /** Appends one entry stored as data; returns its index. */
        long appendEntry(String type, byte[] data);

        /** Appends the batch's codes as one contiguous run; returns the first index. */
        long appendCodes(IssuedBatch batch, LongConsumer progress);
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Appender appender) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction holding the log: its own SQL and its appends commit
     * together with the new tiles and a new signed checkpoint, or not at all.
     */
    public <T> T write(Work<T> work) {
        appendLock.lock();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long size;
                try (PreparedStatement ps = c.prepareStatement("SELECT size FROM log_state WHERE id = 1 FOR UPDATE");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    size = rs.getLong(1);
                }
                Edge edge = cached != null && cached.range.size() == size ? cached : loadEdge(c, size);
                cached = null; // until this transaction commits
                EdgeAppender appender = new EdgeAppender(c, edge);
                T result = work.run(appender);
                if (edge.range.size() != size) {
                    edge.flush(c);
                    publish(c, edge.range.size(), edge.range.root());
                }
                c.commit();
                cached = edge;
                latest = null; // re-read: this append published a new checkpoint
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LogStorageException("the log's database failed", e);
        } finally {
            appendLock.unlock();
        }
    }

    private final class EdgeAppender implements Appender {
        private final Connection c;
        private final Edge edge;

        EdgeAppender(Connection c, Edge edge) {
            this.c = c;
            this.edge = edge;
        }

        @Override
        public Connection connection() {
            return c;
        }

        @Override
        public long appendEntry(String type, byte[] data) {
            if (data.length > TilePaths.MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("log entries are at most 64 KiB");
            }
            long index = edge.range.size();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO log_entry (idx, type, data, integrated_at) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, index);
                ps.setString(2, type);
                ps.setBytes(3, data);
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new LogStorageException("cannot store log entry " + index, e);
            }
            edge.add(edge.range.append(MerkleHash.leaf(data)));
            return index;
        }

        @Override
        public long appendCodes(IssuedBatch batch, LongConsumer progress) {
            long first = edge.range.size();
            long n = batch.quantity();
            SerialCodec.Issuer issuer = batch.issuer();
            long i = 0;
            // leaf by leaf up to a tile boundary, whole tiles in parallel, then the rest leaf by leaf
            for (; i < n && edge.range.size() % W != 0; i++) {
                edge.add(edge.range.append(MerkleHash.leaf(batch.logEntry(issuer, i))));
            }
            long blocks = (n - i) / W;
            for (long b = 0; b < blocks; b += BLOCKS_PER_CHUNK) {
                int count = (int) Math.min(BLOCKS_PER_CHUNK, blocks - b);
                long start = i + b * W;
                byte[][] roots = hashers.submit(() -> IntStream.range(0, count).parallel()
                        .mapToObj(k -> fullTileRoot(batch, start + (long) k * W)).toArray(byte[][]::new)).join();
                for (byte[] root : roots) {
                    edge.add(edge.range.appendSubtree(TilePaths.TILE_HEIGHT, root));
                }
                progress.accept(start + (long) count * W);
            }
            for (i += blocks * W; i < n; i++) {
                edge.add(edge.range.append(MerkleHash.leaf(batch.logEntry(issuer, i))));
            }
            progress.accept(n);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO log_code_range (first_idx, count, batch_id, integrated_at) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, first);
                ps.setLong(2, n);
                ps.setObject(3, batch.id());
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new LogStorageException("cannot store the code range of batch " + batch.id(), e);
            }
            return first;
        }
    }

    /** MTH of 256 consecutive code entries starting at batch index {@code start}. */
    static byte[] fullTileRoot(IssuedBatch batch, long start) {
        SerialCodec.Issuer issuer = batch.issuer();
        MessageDigest sha = sha256();
        byte[][] level = new byte[W][];
        for (int k = 0; k < W; k++) {
            sha.update((byte) 0);
            level[k] = sha.digest(batch.logEntry(issuer, start + k));
        }
        return reduce(sha, level, W);
    }

    /** Hashes a power-of-two run of nodes up to its root, in place. */
    private static byte[] reduce(MessageDigest sha, byte[][] nodes, int width) {
        for (; width > 1; width /= 2) {
            for (int k = 0; k < width / 2; k++) {
                sha.update((byte) 1);
                sha.update(nodes[2 * k]);
                nodes[k] = sha.digest(nodes[2 * k + 1]);
            }
        }
        return nodes[0];
    }

    private void publish(Connection c, long size, byte[] root) throws SQLException {
        String note = new Checkpoint(origin, size, root).sign(material.signer());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO log_checkpoint (size, root, note, published_at) VALUES (?, ?, ?, ?)");
                PreparedStatement state = c.prepareStatement(
                        "UPDATE log_state SET size = ?, root = ?, updated_at = ? WHERE id = 1")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setLong(1, size);
            ps.setBytes(2, root);
            ps.setString(3, note);
            ps.setTimestamp(4, now);
            ps.executeUpdate();
            state.setLong(1, size);
            state.setBytes(2, root);
            state.setTimestamp(3, now);
            state.executeUpdate();
        }
    }

    /**
     * The tree's right edge while appending: the compact range, plus the stored tiles it is
     * filling (levels 1 and up), kept until flushed.
     */
    private static final class Edge {
        final CompactRange range;
        /** Tiles touched since the last flush, by (level, index); the last one per level is partial. */
        final Map<Long, List<byte[]>>[] tiles;

        @SuppressWarnings("unchecked")
        Edge(CompactRange range) {
            this.range = range;
            this.tiles = new Map[TilePaths.MAX_LEVEL / TilePaths.TILE_HEIGHT + 1];
            for (int i = 0; i < tiles.length; i++) {
                tiles[i] = new TreeMap<>();
            }
        }

        void add(List<CompactRange.Node> nodes) {
            for (CompactRange.Node node : nodes) {
                int tileLevel = node.tileLevel();
                if (tileLevel >= 1) {
                    List<byte[]> tile = tiles[tileLevel].computeIfAbsent(node.tileIndex(), k -> new ArrayList<>(W));
                    if (tile.size() != node.tileSlot()) {
                        throw new TlogException("tile " + tileLevel + "/" + node.tileIndex() + " out of step");
                    }
                    tile.add(node.hash());
                }
            }
        }

        void flush(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_tile (level, idx, hashes) VALUES (?, ?, ?) "
                    + "ON CONFLICT (level, idx) DO UPDATE SET hashes = EXCLUDED.hashes")) {
                for (int level = 1; level < tiles.length; level++) {
                    for (Map.Entry<Long, List<byte[]>> e : tiles[level].entrySet()) {
                        ps.setInt(1, level);
                        ps.setLong(2, e.getKey());
                        ps.setBytes(3, TilePaths.encodeHashTile(e.getValue()));
                        ps.addBatch();
                    }
                    // keep only the partial tile: full ones are final once written
                    tiles[level].values().removeIf(t -> t.size() == W);
                }
                ps.executeBatch();
            }
        }
    }

    private Edge loadEdge(Connection c, long size) throws SQLException {
        if (size == 0) {
            return new Edge(CompactRange.empty());
        }
        TileHashReader reader = new TileHashReader(size, tile -> readTile(c, tile, false));
        Edge edge = new Edge(CompactRange.of(reader, size));
        for (TilePaths.Tile partial : TilePaths.partialTiles(size)) {
            if (partial.level() >= 1) {
                byte[] bytes = readTile(c, partial, false);
                edge.tiles[partial.level()].put(partial.index(),
                        new ArrayList<>(TilePaths.decodeHashTile(Arrays.copyOf(bytes, partial.width() * 32),
                                partial.width())));
            }
        }
        return edge;
    }

    // ------------------------------------------------------------------------------------------
    // Reading

    /** The latest published checkpoint, or null before the first entry. */
    public StoredCheckpoint latestCheckpoint() {
        Fresh<StoredCheckpoint> known = latest;
        if (known != null && known.fresh()) {
            return known.value();
        }
        StoredCheckpoint read = readLatestCheckpoint();
        latest = new Fresh<>(read, System.nanoTime());
        return read;
    }

    private StoredCheckpoint readLatestCheckpoint() {
        return query(c -> checkpoint(c, "ORDER BY size DESC LIMIT 1", -1));
    }

    /** The checkpoint published at exactly this size, or null. */
    public StoredCheckpoint checkpointAt(long size) {
        return query(c -> checkpoint(c, "WHERE size = ?", size));
    }

    private static StoredCheckpoint checkpoint(Connection c, String where, long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT size, root, note, published_at FROM log_checkpoint " + where)) {
            if (size >= 0) {
                ps.setLong(1, size);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()) : null;
            }
        }
    }

    public record StoredCheckpoint(long size, byte[] root, String note, Instant publishedAt) {
    }

    public record Inclusion(byte[] leafHash, List<byte[]> hashes) {
    }

    /** An inclusion proof of entry {@code index} in the tree of {@code size} (both already range-checked). */
    public Inclusion inclusionProof(long index, long size) {
        requireIntact();
        return query(c -> {
            TileHashReader reader = reader(c, size);
            return new Inclusion(reader.nodeHash(0, index), MerkleTree.inclusionProof(reader, index, size));
        });
    }

    public List<byte[]> consistencyProof(long size1, long size2) {
        requireIntact();
        return query(c -> MerkleTree.consistencyProof(reader(c, size2), size1, size2));
    }

    /** Entries {@code [start, start + count)}, which must exist. */
    public List<byte[]> entries(long start, int count) {
        return query(c -> entries(c, start, count));
    }

    public record Entry(long index, String type, byte[] data, Instant integratedAt) {
    }

    /** The latest checkpoint; NOT_FOUND while the log is empty. */
    public StoredCheckpoint requireCheckpoint() {
        StoredCheckpoint latest = latestCheckpoint();
        if (latest == null) {
            throw DomainException.notFound("", "LOG_ENTRY_NOT_FOUND", "The log is empty: no checkpoint published yet");
        }
        return latest;
    }

    /** An inclusion proof and the checkpoint of its tree size when one was published at that size. */
    public record ProvenInclusion(long leafIndex, long treeSize, Inclusion proof, StoredCheckpoint checkpoint) {
    }

    /** Proves entry {@code leaf} in the tree of {@code treeSize} (null: the latest checkpoint's). */
    public ProvenInclusion proveInclusion(long leaf, Long treeSize) {
        StoredCheckpoint latest = requireCheckpoint();
        long size = treeSize != null ? treeSize : latest.size();
        if (size < 1 || size > latest.size() || leaf < 0 || leaf >= size) {
            throw DomainException.outOfRange(treeSize != null ? "tree_size" : "leaf_index", "INVALID_TREE_SIZE",
                    "need 0 <= leaf_index < tree_size <= " + latest.size() + " (the latest checkpoint)");
        }
        return new ProvenInclusion(leaf, size, inclusionProof(leaf, size),
                size == latest.size() ? latest : checkpointAt(size));
    }

    /** Proves the tree of {@code first} entries a prefix of the tree of {@code second} (null: the latest). */
    public List<byte[]> proveConsistency(long first, long second) {
        StoredCheckpoint latest = requireCheckpoint();
        if (first < 1 || first > second || second > latest.size()) {
            throw DomainException.outOfRange("first_tree_size", "INVALID_TREE_SIZE",
                    "need 0 < first_tree_size <= second_tree_size <= " + latest.size());
        }
        return consistencyProof(first, second);
    }

    /** An offline bundle (c2sp.org/tlog-proof) of entry {@code leaf}, carrying the entry, checked before it leaves. */
    public record Bundle(byte[] entry, Inclusion proof, StoredCheckpoint checkpoint, String text) {
    }

    public Bundle proofBundle(long leaf) {
        StoredCheckpoint latest = requireCheckpoint();
        byte[] entry = entries(leaf, 1).get(0);
        Inclusion proof = inclusionProof(leaf, latest.size());
        String text = new ProofBundle(leaf, proof.hashes(), latest.note(), entry).encode();
        ProofBundle.Result check = ProofBundle.verify(text, MerkleHash.leaf(entry), origin, material.signer().verifier());
        if (!check.valid()) {
            throw DomainException.dataLoss("LOG_INTEGRITY_FAILURE", "The proof does not verify: " + check.failure());
        }
        return new Bundle(entry, proof, latest, text);
    }

    /** Up to {@code count} (1..1,000) entries from {@code start}, for auditors and mirrors. */
    public List<Entry> auditEntries(long start, int count) {
        StoredCheckpoint latest = requireCheckpoint();
        if (count < 1 || count > 1000) {
            throw DomainException.invalid("count", "VALUE_OUT_OF_RANGE", "count must be 1..1000");
        }
        if (start < 0 || start >= latest.size()) {
            throw DomainException.outOfRange("start_index", "INVALID_TREE_SIZE", "start_index must be 0.." + (latest.size() - 1));
        }
        return describedEntries(start, (int) Math.min(count, latest.size() - start));
    }

    /** Entries with their type and time, for auditors. */
    List<Entry> describedEntries(long start, int count) {
        return query(c -> {
            List<byte[]> data = entries(c, start, count);
            Map<Long, String> types = new HashMap<>();
            Map<Long, Instant> times = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT idx, type, integrated_at FROM log_entry WHERE idx >= ? AND idx < ?")) {
                ps.setLong(1, start);
                ps.setLong(2, start + count);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        types.put(rs.getLong(1), rs.getString(2));
                        times.put(rs.getLong(1), rs.getTimestamp(3).toInstant());
                    }
                }
            }
            Instant codeTime = null;
            List<Entry> out = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                long idx = start + k;
                if (!types.containsKey(idx) && codeTime == null) {
                    codeTime = codeRangeTime(c, idx);
                }
                out.add(new Entry(idx, types.getOrDefault(idx, "CODE"), data.get(k),
                        times.getOrDefault(idx, codeTime)));
            }
            return out;
        });
    }

    private static Instant codeRangeTime(Connection c, long idx) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT integrated_at FROM log_code_range "
                + "WHERE first_idx <= ? ORDER BY first_idx DESC LIMIT 1")) {
            ps.setLong(1, idx);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** A tile's bytes as tlog-tiles serves them; level 0 is rehashed from the entries. */
    public byte[] tile(TilePaths.Tile tile) {
        requireIntact();
        return query(c -> readTile(c, tile, true));
    }

    /** The entry bundle of a tile (tlog-tiles {@code /tile/entries/N}). */
    public byte[] entryBundle(TilePaths.Tile tile) {
        return TilePaths.encodeEntryBundle(entries(tile.index() * W, tile.width()));
    }

    private TileHashReader reader(Connection c, long size) {
        return new TileHashReader(size, tile -> readTile(c, tile, true));
    }

    /**
     * Reads a tile. Level 0: the leaf hashes of its entries, checked (when {@code check} and the
     * tile is full) against the level-1 hash stored above it.
     */
    private byte[] readTile(Connection c, TilePaths.Tile tile, boolean check) {
        if (!check) {
            return readTileFromStore(c, tile, false);
        }
        byte[] known = tiles.get(tile);
        if (known != null) {
            return known;
        }
        byte[] read = readTileFromStore(c, tile, true);
        tiles.put(tile, read);
        return read;
    }

    private byte[] readTileFromStore(Connection c, TilePaths.Tile tile, boolean check) {
        try {
            if (tile.level() == 0) {
                List<byte[]> entries = entries(c, tile.index() * W, tile.width());
                List<byte[]> leaves = new ArrayList<>(entries.size());
                entries.forEach(e -> leaves.add(MerkleHash.leaf(e)));
                if (check && tile.width() == W) {
                    byte[] stored = storedHash(c, 1, tile.index());
                    byte[] computed = reduce(sha256(), leaves.toArray(byte[][]::new), W);
                    if (stored != null && !MessageDigest.isEqual(stored, computed)) {
                        throw integrityFailure(c, tile.index() * W,
                                "entries " + tile.index() * W + ".." + (tile.index() * W + W - 1)
                                        + " no longer hash to the stored tree");
                    }
                }
                return TilePaths.encodeHashTile(leaves);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT hashes FROM log_tile WHERE level = ? AND idx = ?")) {
                ps.setInt(1, tile.level());
                ps.setLong(2, tile.index());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new TlogException("tile " + tile.path() + " is missing");
                    }
                    byte[] bytes = rs.getBytes(1);
                    if (bytes.length < tile.width() * 32) {
                        throw new TlogException("tile " + tile.path() + " is shorter than the tree needs");
                    }
                    return Arrays.copyOf(bytes, tile.width() * 32);
                }
            }
        } catch (SQLException e) {
            throw new LogStorageException("cannot read tile " + tile.path(), e);
        }
    }

    private static byte[] storedHash(Connection c, int nodeTileLevel, long nodeIndex) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT substring(hashes FROM ? FOR 32) FROM log_tile WHERE level = ? AND idx = ?")) {
            ps.setInt(1, (int) (nodeIndex % W) * 32 + 1);
            ps.setInt(2, nodeTileLevel);
            ps.setLong(3, nodeIndex / W);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                byte[] hash = rs.getBytes(1);
                return hash.length == 32 ? hash : null;
            }
        }
    }

    /** Entries [start, start + count): stored rows, and code entries derived from their batches. */
    List<byte[]> entries(Connection c, long start, int count) throws SQLException {
        byte[][] out = new byte[count][];
        int derived = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT first_idx, count, batch_id FROM log_code_range "
                + "WHERE first_idx < ? AND first_idx + count > ? ORDER BY first_idx")) {
            ps.setLong(1, start + count);
            ps.setLong(2, start);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long first = rs.getLong(1);
                    long n = rs.getLong(2);
                    IssuedBatch batch = keys.batch(c, rs.getObject(3, UUID.class));
                    SerialCodec.Issuer issuer = batch.issuer();
                    for (long idx = Math.max(first, start); idx < Math.min(first + n, start + count); idx++) {
                        out[(int) (idx - start)] = batch.logEntry(issuer, idx - first);
                        derived++;
                    }
                }
            }
        }
        if (derived < count) { // most tiles of a large log lie inside one batch's codes: no stored entry to read
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, data FROM log_entry WHERE idx >= ? AND idx < ?")) {
                ps.setLong(1, start);
                ps.setLong(2, start + count);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out[(int) (rs.getLong(1) - start)] = rs.getBytes(2);
                    }
                }
            }
        }
        for (int k = 0; k < count; k++) {
            if (out[k] == null) {
                throw integrityFailure(c, start + k, "entry " + (start + k) + " is missing from storage");
            }
        }
        return Arrays.asList(out);
    }

    // ------------------------------------------------------------------------------------------
    // Integrity

    public record IntegrityReport(boolean consistent, long checkedSize, Long firstBadIndex, String problem,
            Instant checkedAt) {
    }

    /**
     * Rehashes every entry and compares every stored tile hash and the latest checkpoint's root
     * with what the entries give; checks the latest checkpoint's signature and that it is
     * consistent with the one before. The result is stored: a failure blocks proofs until a
     * check passes again.
     */
    public IntegrityReport checkIntegrity(io.cloudsword.kit.auth.Caller caller) {
        caller.requireRole(io.cloudsword.kit.auth.Caller.ADMIN);
        IntegrityReport report = query(c -> {
            StoredCheckpoint latest = checkpoint(c, "ORDER BY size DESC LIMIT 1", -1); // in this snapshot
            if (latest == null) {
                return new IntegrityReport(true, 0, null, "", clock.instant());
            }
            try {
                Checkpoint.open(latest.note(), origin, material.signer().verifier());
            } catch (TlogException e) {
                return new IntegrityReport(false, latest.size(), null, "the latest checkpoint's signature does not verify: "
                        + e.getMessage(), clock.instant());
            }
            CompactRange rebuilt = CompactRange.empty();
            long size = latest.size();
            for (long start = 0; start < size; start += W) {
                int width = (int) Math.min(W, size - start);
                List<byte[]> leaves = new ArrayList<>(width);
                for (byte[] e : entries(c, start, width)) {
                    leaves.add(MerkleHash.leaf(e));
                }
                for (byte[] leaf : leaves) {
                    for (CompactRange.Node node : rebuilt.append(leaf)) {
                        if (node.tileLevel() >= 1) {
                            byte[] stored = storedHash(c, node.tileLevel(), node.tileIndex() * W + node.tileSlot());
                            if (stored == null || !MessageDigest.isEqual(stored, node.hash())) {
                                long first = node.index() << node.level();
                                return new IntegrityReport(false, size, first, "the stored tree hash over entries "
                                        + first + ".." + (first + (1L << node.level()) - 1)
                                        + " does not match the entries", clock.instant());
                            }
                        }
                    }
                }
            }
            if (!MessageDigest.isEqual(rebuilt.root(), latest.root())) {
                // every full tile matched its stored hash, so the damage is in the partial tail tile
                long tail = size / W * W;
                return new IntegrityReport(false, size, tail, "the entries " + tail + ".." + (size - 1)
                        + " do not hash to the latest checkpoint's root", clock.instant());
            }
            StoredCheckpoint previous = previousCheckpoint(c, size);
            if (previous != null && !io.cloudsword.tlog.ProofVerifier.isValidConsistency(previous.size(), size,
                    previous.root(), latest.root(), MerkleTree.consistencyProof(reader(c, size), previous.size(), size))) {
                return new IntegrityReport(false, size, null, "the latest checkpoint is not consistent with checkpoint "
                        + previous.size(), clock.instant());
            }
            return new IntegrityReport(true, size, null, "", clock.instant());
        }, true);
        recordIntegrity(report);
        return report;
    }

    private static StoredCheckpoint previousCheckpoint(Connection c, long size) throws SQLException {
        return checkpoint(c, "WHERE size < ? ORDER BY size DESC LIMIT 1", size);
    }

    private void recordIntegrity(IntegrityReport r) {
        query(c -> {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_integrity VALUES (1, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET consistent = EXCLUDED.consistent, checked_size = EXCLUDED.checked_size, "
                    + "first_bad_index = EXCLUDED.first_bad_index, problem = EXCLUDED.problem, checked_at = EXCLUDED.checked_at")) {
                ps.setBoolean(1, r.consistent());
                ps.setLong(2, r.checkedSize());
                ps.setObject(3, r.firstBadIndex());
                ps.setString(4, r.problem());
                ps.setTimestamp(5, Timestamp.from(r.checkedAt()));
                ps.executeUpdate();
            }
            return null;
        });
        integrityProblem = new Fresh<>(r.consistent() ? null : r.problem(), System.nanoTime());
        if (!r.consistent()) {
            tiles.clear(); // serve nothing remembered from before the damage was found
            LOG.errorf("Transparency log integrity check failed: %s", r.problem());
        }
    }

    /** Refuses to serve proofs while the last integrity check (or an on-the-fly one) found damage. */
    private void requireIntact() {
        Fresh<String> known = integrityProblem;
        String problem = known != null && known.fresh() ? known.value() : readIntegrityProblem();
        if (problem != null) {
            throw DomainException.dataLoss("LOG_INTEGRITY_FAILURE",
                    "The transparency log failed its integrity check and serves no proofs until repaired: " + problem);
        }
    }

    private String readIntegrityProblem() {
        String problem = query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT problem FROM log_integrity WHERE id = 1 AND NOT consistent");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        integrityProblem = new Fresh<>(problem, System.nanoTime());
        return problem;
    }

    private RuntimeException integrityFailure(Connection c, long index, String problem) {
        recordIntegrity(new IntegrityReport(false, -1, index, problem, clock.instant()));
        return DomainException.dataLoss("LOG_INTEGRITY_FAILURE",
                "The transparency log failed its integrity check and serves no proofs until repaired: " + problem);
    }

    // ------------------------------------------------------------------------------------------

    @FunctionalInterface
    public interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs a read on a connection of the log's database (blocking: call from a worker thread). */
    public <T> T read(Query<T> q) {
        return query(q, false);
    }

    private <T> T query(Query<T> q) {
        return query(q, false);
    }

    private <T> T query(Query<T> q, boolean repeatableRead) {
        try (Connection c = db.getConnection()) {
            if (repeatableRead) {
                // one snapshot: appends during a long check do not make it see half a batch
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            }
            T result = q.run(c);
            if (repeatableRead) {
                c.commit();
            }
            return result;
        } catch (SQLException e) {
            throw new LogStorageException("the log's database failed", e);
        } catch (TlogException e) {
            throw DomainException.dataLoss("LOG_INTEGRITY_FAILURE", "The transparency log's storage is damaged: "
                    + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database failed (unreachable, or a statement failed): not the caller's fault. */
    public static final class LogStorageException extends RuntimeException {
        LogStorageException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
