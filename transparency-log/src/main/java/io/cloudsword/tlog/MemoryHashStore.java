package io.cloudsword.tlog;

import java.util.ArrayList;
import java.util.List;

/** A whole tree held in memory, every complete node kept; for tests and small tools. */
public final class MemoryHashStore implements HashReader {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private final CompactRange range = CompactRange.empty();

    /** Appends an entry (hashed as a leaf) and returns its index. */
    public long append(byte[] entry) {
        return appendLeafHash(MerkleHash.leaf(entry));
    }

    public long appendLeafHash(byte[] leafHash) {
        long index = range.size();
        for (CompactRange.Node node : range.append(leafHash)) {
            while (levels.size() <= node.level()) {
                levels.add(new ArrayList<>());
            }
            levels.get(node.level()).add(node.hash());
        }
        return index;
    }

    public long size() {
        return range.size();
    }

    public byte[] root() {
        return range.root();
    }

    @Override
    public byte[] nodeHash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new TlogException("no stored node (" + level + ", " + index + ")");
        }
        return levels.get(level).get((int) index).clone();
    }
}
