package io.cloudsword.tlog;

/**
 * Read access to the stored hashes of a log's Merkle tree.
 *
 * <p>Node {@code (level, index)} is the root of the perfect subtree over leaves
 * {@code [index·2^level, (index+1)·2^level)}; level 0 holds the leaf hashes. Callers only ask
 * for nodes that are complete in the tree they are working on.
 */
@FunctionalInterface
public interface HashReader {

    /** @throws TlogException if the node is not stored */
    byte[] nodeHash(int level, long index);
}
