package io.cloudsword.listing.scoring;

import java.util.Collection;
import java.util.Optional;

/**
 * 64-bit perceptual image hashes (pHash/dHash style), written as 16 hex digits. Two pictures
 * are the same picture, resized, recompressed or lightly edited, when their hashes differ in few
 * bits: the Hamming distance.
 */
public final class ImageHashes {

    private ImageHashes() {
    }

    /** The closest pair found: a listing image, an official image and the bits between them. */
    public record Nearest(String imageHash, String officialHash, int distance) {
    }

    /** True for exactly 16 hex digits (either case). */
    public static boolean isValid(String hex) {
        if (hex == null || hex.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException unless {@link #isValid} */
    public static long parse(String hex) {
        if (!isValid(hex)) {
            throw new IllegalArgumentException("an image hash is 16 hex digits, got '" + hex + "'");
        }
        return Long.parseUnsignedLong(hex, 16);
    }

    /** 16 lower-case hex digits. */
    public static String format(long hash) {
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The number of bits in which the two hashes differ, 0..64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** @throws IllegalArgumentException unless both are valid hashes */
    public static int distance(String a, String b) {
        return distance(parse(a), parse(b));
    }

    /**
     * The closest pair between a listing's images and the official ones; invalid hashes on
     * either side are skipped. Empty when either side has no valid hash.
     */
    public static Optional<Nearest> nearest(Collection<String> images, Collection<String> official) {
        if (images == null || official == null || images.isEmpty() || official.isEmpty()) {
            return Optional.empty();
        }
        long[] officialHashes = new long[official.size()];
        String[] officialWritten = new String[official.size()];
        int count = 0;
        for (String hex : official) {
            if (isValid(hex)) {
                officialHashes[count] = Long.parseUnsignedLong(hex, 16);
                officialWritten[count] = hex;
                count++;
            }
        }
        Nearest best = null;
        for (String image : images) {
            if (!isValid(image)) {
                continue;
            }
            long hash = Long.parseUnsignedLong(image, 16);
            for (int i = 0; i < count; i++) {
                int d = distance(hash, officialHashes[i]);
                if (best == null || d < best.distance()) {
                    best = new Nearest(image, officialWritten[i], d);
                    if (d == 0) {
                        return Optional.of(best);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
