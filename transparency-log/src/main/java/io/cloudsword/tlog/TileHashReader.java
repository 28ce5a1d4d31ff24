package io.cloudsword.tlog;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link HashReader} over C2SP tlog-tiles for one tree size: node (level, index) is read from
 * tile level {@code level / 8}, rehashing the {@code 2^(level % 8)} tile hashes beneath it. Lets
 * {@link MerkleTree} build proofs from nothing but stored tiles. Each tile is fetched once per
 * reader; use one reader per request.
 */
public final class TileHashReader implements HashReader {

    /** Fetches a tile's bytes; a wider (newer) version of a partial tile is also accepted. */
    @FunctionalInterface
    public interface TileSource {
        byte[] read(TilePaths.Tile tile);
    }

    private final long treeSize;
    private final TileSource source;
    private final Map<TilePaths.Tile, byte[]> fetched = new HashMap<>();

    public TileHashReader(long treeSize, TileSource source) {
        MerkleTree.requireSize(treeSize, "tree size");
        this.treeSize = treeSize;
        this.source = source;
    }

    @Override
    public byte[] nodeHash(int level, long index) {
        if (level < 0 || level > TilePaths.MAX_LEVEL || index < 0 || index >= (treeSize >>> level)) {
            throw new TlogException("node (" + level + ", " + index + ") is not complete in a tree of size " + treeSize);
        }
        int tileLevel = level / TilePaths.TILE_HEIGHT;
        int below = level % TilePaths.TILE_HEIGHT;
        long first = index << below;
        TilePaths.Tile tile = TilePaths.tileFor(tileLevel, first / TilePaths.TILE_WIDTH, treeSize);
        byte[] bytes = fetched.computeIfAbsent(tile, source::read);
        int offset = (int) (first % TilePaths.TILE_WIDTH);
        int count = 1 << below;
        if (bytes == null || bytes.length % MerkleHash.SIZE != 0
                || bytes.length < (offset + count) * MerkleHash.SIZE) {
            throw new TlogException("stored tile " + tile.path() + " is missing or too short");
        }
        byte[][] hashes = new byte[count][];
        for (int i = 0; i < count; i++) {
            hashes[i] = new byte[MerkleHash.SIZE];
            System.arraycopy(bytes, (offset + i) * MerkleHash.SIZE, hashes[i], 0, MerkleHash.SIZE);
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                hashes[i] = MerkleHash.node(hashes[2 * i], hashes[2 * i + 1]);
            }
        }
        return hashes[0];
    }
}
