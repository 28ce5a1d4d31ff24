package io.cloudsword.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompactRangeTest {

    private static byte[] leaf(int i) {
        return MerkleHash.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }

    /** A run of 2^level leaves appended as one subtree leaves the same tree as appending them one by one. */
    @Test
    void aSubtreeAppendedWholeEqualsItsLeavesAppendedOneByOne() {
        int[][] cases = { { 0, 3 }, { 16, 4 }, { 12, 2 }, { 24, 3 }, { 256, 8 }, { 512, 8 } }; // {size before, level}
        for (int[] c : cases) {
            int before = c[0];
            int level = c[1];
            CompactRange slow = CompactRange.empty();
            CompactRange fast = CompactRange.empty();
            MemoryHashStore subtree = new MemoryHashStore();
            List<CompactRange.Node> slowNodes = new ArrayList<>();
            for (int i = 0; i < before; i++) {
                slow.append(leaf(i));
                fast.append(leaf(i));
            }
            for (int i = before; i < before + (1 << level); i++) {
                slowNodes.addAll(slow.append(leaf(i)));
                subtree.appendLeafHash(leaf(i));
            }
            List<CompactRange.Node> fastNodes = fast.appendSubtree(level, subtree.root());
            assertEquals(slow.size(), fast.size());
            assertArrayEquals(slow.root(), fast.root(), "root after " + before + " + 2^" + level);
            // the subtree call reports exactly the nodes at or above its level that one-by-one reported
            List<CompactRange.Node> expected = slowNodes.stream().filter(n -> n.level() >= level).toList();
            assertEquals(expected.size(), fastNodes.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).level(), fastNodes.get(i).level());
                assertEquals(expected.get(i).index(), fastNodes.get(i).index());
                assertArrayEquals(expected.get(i).hash(), fastNodes.get(i).hash());
            }
        }
    }

    @Test
    void aSubtreeMustStartOnItsOwnBoundary() {
        CompactRange range = CompactRange.empty();
        range.append(leaf(0));
        assertThrows(TlogException.class, () -> range.appendSubtree(1, leaf(1)));
        assertThrows(TlogException.class, () -> range.appendSubtree(8, leaf(1)));
        range.appendSubtree(0, leaf(1));
        range.appendSubtree(1, leaf(2));
        assertEquals(4, range.size());
    }
}
