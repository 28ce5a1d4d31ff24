package io.cloudsword.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing log: one hash per perfect subtree in the binary decomposition of
 * {@code [0, size)} (like transparency-dev/merkle compact.Range starting at 0). Appending a leaf
 * returns every node that became complete, which is exactly what a log has to store: the
 * level-0 node is the leaf hash, and the nodes whose level is a multiple of 8 are the hashes of
 * C2SP tlog-tiles tiles (see {@link Node#tileLevel()}).
 *
 * <p>Not thread-safe: a log has one sequencer appending at a time.
 */
public final class CompactRange {

    /** A complete node of the tree: root of leaves {@code [index·2^level, (index+1)·2^level)}. */
    public record Node(int level, long index, byte[] hash) {

        /** The tlog-tiles level this node's hash is stored at, or -1 if it lives inside a tile. */
        public int tileLevel() {
            return level % TilePaths.TILE_HEIGHT == 0 ? level / TilePaths.TILE_HEIGHT : -1;
        }

        /** Index of the tile holding this hash (only for nodes with a tile level). */
        public long tileIndex() {
            return index / TilePaths.TILE_WIDTH;
        }

        /** Position of this hash within its tile. */
        public int tileSlot() {
            return (int) (index % TilePaths.TILE_WIDTH);
        }
    }

    private long size;
    // Perfect subtree roots, largest (leftmost) first; one per set bit of size.
    private final List<byte[]> edge;

    private CompactRange(long size, List<byte[]> edge) {
        this.size = size;
        this.edge = edge;
    }

    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** Rebuilds the right edge of a stored tree of the given size (reads one node per set bit). */
    public static CompactRange of(HashReader reader, long size) {
        MerkleTree.requireSize(size, "tree size");
        List<byte[]> edge = new ArrayList<>();
        long begin = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                byte[] hash = reader.nodeHash(level, begin >>> level);
                MerkleHash.requireHash(hash, "stored node (" + level + ", " + (begin >>> level) + ")");
                edge.add(hash);
                begin += 1L << level;
            }
        }
        return new CompactRange(size, edge);
    }

    public long size() {
        return size;
    }

    /** Appends a leaf hash; returns the new nodes, leaf first, each parent after its children. */
    public List<Node> append(byte[] leafHash) {
        return appendSubtree(0, leafHash);
    }

    /**
     * Appends the root of a perfect subtree of {@code 2^level} leaves in one step, as if they had
     * been appended one by one (which is what lets a log hash a large run of leaves in parallel and
     * hand over one hash per tile). The size must be a multiple of {@code 2^level}; returns the
     * subtree's node and every ancestor that became complete.
     */
    public List<Node> appendSubtree(int level, byte[] hash) {
        MerkleHash.requireHash(hash, "subtree hash");
        if (level < 0 || level > 62 || (size & ((1L << level) - 1)) != 0) {
            throw new TlogException("a subtree of level " + level + " cannot be appended at size " + size);
        }
        if (size > Long.MAX_VALUE - (1L << level)) {
            throw new TlogException("the log is full");
        }
        List<Node> created = new ArrayList<>();
        byte[] node = hash.clone();
        long index = size >>> level;
        created.add(new Node(level, index, node));
        while ((index & 1) == 1) {
            node = MerkleHash.node(edge.remove(edge.size() - 1), node);
            level++;
            index >>>= 1;
            created.add(new Node(level, index, node));
        }
        edge.add(node);
        size += 1L << created.get(0).level();
        return created;
    }

    /** MTH of the leaves appended so far. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHash.empty();
        }
        byte[] hash = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(edge.get(i), hash);
        }
        return hash.clone();
    }
}
