package io.cloudsword.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudsword.tlog.TilePaths.Tile;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TilePathsTest {

    @Test
    void pathVectorsFromTheSpec() {
        assertEquals("x001/x234/067", TilePaths.encodeIndex(1234067));
        assertEquals("000", TilePaths.encodeIndex(0));
        assertEquals("999", TilePaths.encodeIndex(999));
        assertEquals("x001/000", TilePaths.encodeIndex(1000));
        assertEquals("x009/x223/x372/x036/x854/x775/807", TilePaths.encodeIndex(Long.MAX_VALUE));
        assertEquals("tile/0/x001/x234/067", new Tile(0, 1234067, 256).path());
        assertEquals("tile/1/x001/x234/067.p/8", new Tile(1, 1234067, 8).path());
        assertEquals("tile/entries/x001/x234/067", new Tile(0, 1234067, 256).entriesPath());
        assertEquals("tile/entries/000.p/1", new Tile(0, 0, 1).entriesPath());
        assertThrows(TlogException.class, () -> new Tile(1, 0, 256).entriesPath());
        assertThrows(TlogException.class, () -> new Tile(0, 0, 0));
        assertThrows(TlogException.class, () -> new Tile(64, 0, 1));
    }

    @Test
    void parsesOnlyCanonicalPaths() {
        for (Tile tile : List.of(new Tile(0, 1234067, 256), new Tile(3, 5, 17), new Tile(63, Long.MAX_VALUE, 255))) {
            assertEquals(tile, TilePaths.parseTilePath(tile.path()));
        }
        assertEquals(new Tile(0, 1234067, 8), TilePaths.parseEntriesPath("tile/entries/x001/x234/067.p/8"));
        for (String bad : List.of("tile/0/1234067", "tile/0/x001/x234/67", "tile/00/000", "tile/0/000.p/256",
                "tile/0/000.p/0", "tile/0/000.p/08", "tile/64/000", "tile/0/x000/001", "tile/0/001/002",
                "tile/0/x001/x234/067/", "tile/entries/000", "tile/0/", "tile/-1/000", "tile/0/x009/x223/x372/x036/x854/x775/808",
                "tile/0/x001/x002/x003/x004/x005/x006/x007/008")) {
            assertThrows(TlogException.class, () -> TilePaths.parseTilePath(bad), bad);
        }
        assertThrows(TlogException.class, () -> TilePaths.parseEntriesPath("tile/0/000"));
    }

    @Test
    void tilesOfATreeMatchTheSpecExamples() {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0
        // tile of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one
        // partial level 2 tile of width 1."
        Map<Integer, List<Tile>> byLevel = TilePaths.tiles(70_000).collect(Collectors.groupingBy(Tile::level));
        assertEquals(Set.of(0, 1, 2), byLevel.keySet());
        assertEquals(274, byLevel.get(0).size());
        assertEquals(273, byLevel.get(0).stream().filter(Tile::isFull).count());
        assertEquals(new Tile(0, 273, 112), byLevel.get(0).get(273));
        assertEquals(List.of(new Tile(1, 0, 256), new Tile(1, 1, 17)), byLevel.get(1));
        assertEquals(List.of(new Tile(2, 0, 1)), byLevel.get(2));
        assertEquals(List.of(new Tile(0, 273, 112), new Tile(1, 1, 17), new Tile(2, 0, 1)), TilePaths.partialTiles(70_000));
        // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1."
        assertEquals(List.of(new Tile(0, 0, 256), new Tile(1, 0, 1)), TilePaths.tiles(256).toList());
        assertEquals(List.of(new Tile(1, 0, 1)), TilePaths.partialTiles(256));
        assertEquals(List.of(), TilePaths.tiles(0).toList());

        assertEquals(List.of(new Tile(0, 269, 256), new Tile(0, 270, 256), new Tile(0, 271, 256), new Tile(0, 272, 256),
                new Tile(0, 273, 112), new Tile(1, 1, 17)), TilePaths.changedTiles(69_000, 70_000).toList());
        assertEquals(List.of(), TilePaths.changedTiles(70_000, 70_000).toList());
        assertEquals(List.of(new Tile(0, 0, 2)), TilePaths.changedTiles(1, 2).toList());
        assertThrows(TlogException.class, () -> TilePaths.changedTiles(3, 2));
    }

    @Test
    void encodesHashTilesAndEntryBundles() {
        List<byte[]> entries = List.of("a".getBytes(), new byte[0], "bc".getBytes());
        byte[] bundle = TilePaths.encodeEntryBundle(entries);
        assertEquals("000161" + "0000" + "00026263", HexFormat.of().formatHex(bundle));
        List<byte[]> decoded = TilePaths.decodeEntryBundle(bundle, 3);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(entries.get(i), decoded.get(i));
        }
        assertThrows(TlogException.class, () -> TilePaths.decodeEntryBundle(bundle, 2));
        assertThrows(TlogException.class, () -> TilePaths.decodeEntryBundle(Arrays.copyOf(bundle, bundle.length - 1), 3));
        assertThrows(TlogException.class, () -> TilePaths.decodeEntryBundle(new byte[] {0}, 1));
        assertThrows(TlogException.class, () -> TilePaths.encodeEntryBundle(List.of(new byte[65536])));
        assertEquals(2 + 65535, TilePaths.encodeEntryBundle(List.of(new byte[65535])).length);

        List<byte[]> hashes = TestVectors.NODES.get(0);
        byte[] tile = TilePaths.encodeHashTile(hashes);
        assertEquals(8 * 32, tile.length);
        List<byte[]> back = TilePaths.decodeHashTile(tile, 8);
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(hashes.get(i), back.get(i));
        }
        assertThrows(TlogException.class, () -> TilePaths.decodeHashTile(tile, 7));
        assertThrows(TlogException.class, () -> TilePaths.decodeHashTile(Arrays.copyOf(tile, 255), 8));
        assertThrows(TlogException.class, () -> TilePaths.encodeHashTile(List.of(new byte[31])));
    }

    @Test
    void proofsFromStoredTilesEqualProofsFromTheFullTree() {
        int size = 70_000;
        MemoryHashStore store = new MemoryHashStore();
        CompactRange range = CompactRange.empty();
        Map<List<Long>, List<byte[]>> tiles = new HashMap<>();
        for (int i = 0; i < size; i++) {
            byte[] entry = ByteBuffer.allocate(8).putLong(i).array();
            store.append(entry);
            for (CompactRange.Node node : range.append(MerkleHash.leaf(entry))) {
                if (node.tileLevel() >= 0) {
                    List<byte[]> tile = tiles.computeIfAbsent(List.of((long) node.tileLevel(), node.tileIndex()), k -> new ArrayList<>());
                    assertEquals(tile.size(), node.tileSlot(), "tile hashes arrive in order");
                    tile.add(node.hash());
                }
            }
        }
        // The stored tiles are exactly those the spec lists for the final size.
        Set<List<Long>> expected = TilePaths.tiles(size).map(t -> List.of((long) t.level(), t.index())).collect(Collectors.toSet());
        assertEquals(expected, tiles.keySet());

        Random random = new Random(6962);
        for (long treeSize : new long[] {size, 69_000, 65_536, 65_535, 256, 257, 1}) {
            Set<Tile> existing = TilePaths.tiles(treeSize).collect(Collectors.toSet());
            List<Tile> asked = new ArrayList<>();
            // Stored tiles hold the newest (possibly wider) content, as a growing log's storage would.
            TileHashReader reader = new TileHashReader(treeSize, tile -> {
                asked.add(tile);
                return TilePaths.encodeHashTile(tiles.get(List.of((long) tile.level(), tile.index())));
            });
            assertArrayEquals(MerkleTree.root(store, treeSize), MerkleTree.root(reader, treeSize));
            for (int probe = 0; probe < 25; probe++) {
                long index = (long) (random.nextDouble() * treeSize);
                long older = 1 + (long) (random.nextDouble() * treeSize);
                assertEqualProofs(MerkleTree.inclusionProof(store, index, treeSize), MerkleTree.inclusionProof(reader, index, treeSize));
                assertEqualProofs(MerkleTree.consistencyProof(store, older, treeSize), MerkleTree.consistencyProof(reader, older, treeSize));
            }
            assertTrue(existing.containsAll(asked), "only tiles of the tree size are fetched");
        }
        assertThrows(TlogException.class, () -> new TileHashReader(10, t -> new byte[0]).nodeHash(0, 10));
        assertThrows(TlogException.class, () -> new TileHashReader(10, t -> new byte[32]).nodeHash(0, 5));
    }

    private static void assertEqualProofs(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }
}
