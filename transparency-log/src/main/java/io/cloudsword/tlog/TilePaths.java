package io.cloudsword.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The c2sp.org/tlog-tiles layout: which tiles a tree has, their paths
 * ({@code tile/<L>/<N>[.p/<W>]}, {@code tile/entries/<N>[.p/<W>]}) and their encodings.
 *
 * <p>Tile level L holds Merkle tree nodes of level 8·L: level-0 tiles hold leaf hashes and each
 * hash in a level-L tile is the root of a 256^L-leaf subtree. A full tile holds 256 hashes; the
 * right-most tile of a level is partial with {@code floor(size / 256^L) mod 256} hashes.
 */
public final class TilePaths {

    /** Merkle levels per tile level. */
    public static final int TILE_HEIGHT = 8;
    /** Hashes in a full tile (and entries in a full bundle). */
    public static final int TILE_WIDTH = 256;
    public static final int MAX_LEVEL = 63;
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private TilePaths() {
    }

    /** A tile (or entry bundle) at tile level {@code level}, with width 1–256 (256 = full). */
    public record Tile(int level, long index, int width) {

        public Tile {
            if (level < 0 || level > MAX_LEVEL) {
                throw new TlogException("tile level " + level + " is not between 0 and " + MAX_LEVEL);
            }
            if (index < 0) {
                throw new TlogException("tile index " + index + " is negative");
            }
            if (width < 1 || width > TILE_WIDTH) {
                throw new TlogException("tile width " + width + " is not between 1 and " + TILE_WIDTH);
            }
        }

        public boolean isFull() {
            return width == TILE_WIDTH;
        }

        /** {@code tile/<L>/<N>[.p/<W>]} */
        public String path() {
            return "tile/" + level + "/" + encodeIndex(index) + partialSuffix(width);
        }

        /** {@code tile/entries/<N>[.p/<W>]}: the entries whose leaf hashes this level-0 tile holds. */
        public String entriesPath() {
            if (level != 0) {
                throw new TlogException("only level-0 tiles have entry bundles");
            }
            return "tile/entries/" + encodeIndex(index) + partialSuffix(width);
        }
    }

    /** Index as zero-padded 3-digit path elements, all but the last prefixed with "x". */
    public static String encodeIndex(long n) {
        if (n < 0) {
            throw new TlogException("tile index " + n + " is negative");
        }
        StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "%03d", n % 1000));
        for (long rest = n / 1000; rest > 0; rest /= 1000) {
            path.insert(0, String.format(Locale.ROOT, "x%03d/", rest % 1000));
        }
        return path.toString();
    }

    /** Parses {@code tile/<L>/<N>[.p/<W>]} strictly (only the form {@link Tile#path()} writes). */
    public static Tile parseTilePath(String path) {
        String prefix = "tile/";
        if (path == null || !path.startsWith(prefix) || path.startsWith("tile/entries/")) {
            throw new TlogException("not a tile path");
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new TlogException("tile path has no index");
        }
        long level = Codec.decimal(rest.substring(0, slash), "tile level");
        if (level > MAX_LEVEL) {
            throw new TlogException("tile level " + level + " is above " + MAX_LEVEL);
        }
        return parseIndexAndWidth((int) level, rest.substring(slash + 1));
    }

    /** Parses {@code tile/entries/<N>[.p/<W>]} into the level-0 tile it belongs to. */
    public static Tile parseEntriesPath(String path) {
        String prefix = "tile/entries/";
        if (path == null || !path.startsWith(prefix)) {
            throw new TlogException("not an entry bundle path");
        }
        return parseIndexAndWidth(0, path.substring(prefix.length()));
    }

    private static Tile parseIndexAndWidth(int level, String rest) {
        int width = TILE_WIDTH;
        int partial = rest.indexOf(".p/");
        if (partial >= 0) {
            long w = Codec.decimal(rest.substring(partial + 3), "tile width");
            if (w < 1 || w >= TILE_WIDTH) {
                throw new TlogException("partial tile width " + w + " is not between 1 and 255");
            }
            width = (int) w;
            rest = rest.substring(0, partial);
        }
        String[] parts = rest.split("/", -1);
        long index = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            String digits = last ? part : (part.startsWith("x") ? part.substring(1) : "");
            if (digits.length() != 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (i == 0 && !last && digits.equals("000"))) {
                throw new TlogException("tile index is not in x###/.../### form");
            }
            try {
                index = Math.addExact(Math.multiplyExact(index, 1000L), Long.parseLong(digits));
            } catch (ArithmeticException e) {
                throw new TlogException("tile index is too large");
            }
        }
        return new Tile(level, index, width);
    }

    /** How many complete level-8L nodes (tile-level-L hashes) a tree of this size has. */
    public static long hashesAtLevel(int tileLevel, long size) {
        MerkleTree.requireSize(size, "tree size");
        int shift = tileLevel * TILE_HEIGHT;
        return shift >= 63 ? 0 : size >>> shift;
    }

    /** The tile holding position {@code index} of tile level {@code level}, as wide as the tree has it. */
    public static Tile tileFor(int level, long tileIndex, long size) {
        long count = hashesAtLevel(level, size);
        if (tileIndex < 0 || tileIndex > count / TILE_WIDTH || tileIndex * TILE_WIDTH >= count) {
            throw new TlogException("a tree of size " + size + " has no tile " + tileIndex + " at level " + level);
        }
        return new Tile(level, tileIndex, (int) Math.min(TILE_WIDTH, count - tileIndex * TILE_WIDTH));
    }

    /** Every tile of a tree of this size, level by level, full tiles then the partial one. */
    public static Stream<Tile> tiles(long size) {
        return changedTiles(0, size);
    }

    /** The partial tiles on the right edge of a tree of this size (none where a level ends on a full tile). */
    public static List<Tile> partialTiles(long size) {
        List<Tile> partial = new ArrayList<>();
        for (int level = 0; hashesAtLevel(level, size) > 0; level++) {
            long count = hashesAtLevel(level, size);
            if (count % TILE_WIDTH != 0) {
                partial.add(new Tile(level, count / TILE_WIDTH, (int) (count % TILE_WIDTH)));
            }
        }
        return partial;
    }

    /**
     * The tiles, with their new widths, a log must write when it grows from oldSize to newSize:
     * per level, every tile that gained hashes (including tiles that just became full).
     */
    public static Stream<Tile> changedTiles(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new TlogException("tree cannot shrink from " + oldSize + " to " + newSize);
        }
        return IntStream.rangeClosed(0, MAX_LEVEL)
                .takeWhile(level -> hashesAtLevel(level, newSize) > hashesAtLevel(level, oldSize))
                .boxed()
                .flatMap(level -> LongStream
                        .rangeClosed(hashesAtLevel(level, oldSize) / TILE_WIDTH, (hashesAtLevel(level, newSize) - 1) / TILE_WIDTH)
                        .mapToObj(t -> tileFor(level, t, newSize)));
    }

    /** A hash tile: its hashes concatenated. */
    public static byte[] encodeHashTile(List<byte[]> hashes) {
        requireWidth(hashes.size(), "hash tile");
        ByteArrayOutputStream out = new ByteArrayOutputStream(hashes.size() * MerkleHash.SIZE);
        for (int i = 0; i < hashes.size(); i++) {
            MerkleHash.requireHash(hashes.get(i), "tile hash " + i);
            out.writeBytes(hashes.get(i));
        }
        return out.toByteArray();
    }

    public static List<byte[]> decodeHashTile(byte[] tile, int width) {
        requireWidth(width, "hash tile");
        if (tile.length != width * MerkleHash.SIZE) {
            throw new TlogException("hash tile of width " + width + " must be " + width * MerkleHash.SIZE
                    + " bytes, not " + tile.length);
        }
        List<byte[]> hashes = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            byte[] hash = new byte[MerkleHash.SIZE];
            System.arraycopy(tile, i * MerkleHash.SIZE, hash, 0, MerkleHash.SIZE);
            hashes.add(hash);
        }
        return hashes;
    }

    /** An entry bundle: each entry as a big-endian uint16 length then its bytes. */
    public static byte[] encodeEntryBundle(List<byte[]> entries) {
        requireWidth(entries.size(), "entry bundle");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_SIZE) {
                throw new TlogException("log entry of " + entry.length + " bytes exceeds " + MAX_ENTRY_SIZE);
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    public static List<byte[]> decodeEntryBundle(byte[] bundle, int width) {
        requireWidth(width, "entry bundle");
        List<byte[]> entries = new ArrayList<>(width);
        int at = 0;
        while (at < bundle.length) {
            if (bundle.length - at < 2) {
                throw new TlogException("entry bundle ends inside a length prefix");
            }
            int length = (bundle[at] & 0xFF) << 8 | (bundle[at + 1] & 0xFF);
            at += 2;
            if (bundle.length - at < length) {
                throw new TlogException("entry bundle ends inside an entry");
            }
            byte[] entry = new byte[length];
            System.arraycopy(bundle, at, entry, 0, length);
            entries.add(entry);
            at += length;
        }
        if (entries.size() != width) {
            throw new TlogException("entry bundle holds " + entries.size() + " entries, expected " + width);
        }
        return entries;
    }

    private static String partialSuffix(int width) {
        return width == TILE_WIDTH ? "" : ".p/" + width;
    }

    private static void requireWidth(int width, String what) {
        if (width < 1 || width > TILE_WIDTH) {
            throw new TlogException(what + " must hold 1 to " + TILE_WIDTH + " items, not " + width);
        }
    }
}
