/**
 * Pure transparency-log primitives for the public code log: no I/O, no framework, JDK crypto
 * only (SHA-256, Ed25519). The service around them stores and serves what these compute.
 *
 * <ul>
 *   <li>{@link io.cloudsword.tlog.MerkleHash}: RFC 9162 §2.1.1 hashing — leaf
 *       SHA-256(0x00 ‖ entry), node SHA-256(0x01 ‖ left ‖ right), empty tree SHA-256("").
 *   <li>{@link io.cloudsword.tlog.MerkleTree}: tree head (MTH), inclusion proof
 *       (PATH, §2.1.3.1) and consistency proof (PROOF, §2.1.4.1) from stored node hashes read
 *       through a {@link io.cloudsword.tlog.HashReader}.
 *   <li>{@link io.cloudsword.tlog.CompactRange}: the log's right edge; appending a
 *       leaf yields the newly complete nodes to store (those at levels 0, 8, 16, … are tile
 *       hashes). {@link io.cloudsword.tlog.MemoryHashStore} keeps a whole tree in
 *       memory for tests.
 *   <li>{@link io.cloudsword.tlog.ProofVerifier}: the verification algorithms of
 *       RFC 9162 §2.1.3.2 and §2.1.4.2, plus exact proof-length checks.
 *   <li>{@link io.cloudsword.tlog.SignedNote},
 *       {@link io.cloudsword.tlog.NoteSigner},
 *       {@link io.cloudsword.tlog.NoteVerifier}: c2sp.org/signed-note with Ed25519
 *       (key id = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]); keys configured as
 *       golang.org/x/mod/sumdb/note key strings.
 *   <li>{@link io.cloudsword.tlog.Checkpoint}: c2sp.org/tlog-checkpoint (origin,
 *       tree size, base64 root, optional extension lines).
 *   <li>{@link io.cloudsword.tlog.TilePaths} and
 *       {@link io.cloudsword.tlog.TileHashReader}: c2sp.org/tlog-tiles paths,
 *       full/partial tiles of a tree size, hash tile and entry bundle encodings, and proofs
 *       computed straight from stored tiles.
 *   <li>{@link io.cloudsword.tlog.ProofBundle}: c2sp.org/tlog-proof@v1, an offline
 *       inclusion proof with its signed checkpoint (no witness cosignature policy yet).
 * </ul>
 *
 * Failures are reported as {@link io.cloudsword.tlog.TlogException} with a reason.
 */
package io.cloudsword.tlog;
