package io.cloudsword.kit.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.cloudsword.kit.error.DomainException;

/**
 * One page request as the contracts define it (common.proto PageRequest): a size of 1..500
 * (0 = 50) and an opaque cursor that holds the sort key of the last item seen plus its id, so
 * pages stay stable under concurrent inserts (keyset pagination, never OFFSET).
 * <p>
 * A cursor also names the query it belongs to; a cursor from another list is refused as
 * INVALID_CURSOR instead of silently returning the wrong rows.
 *
 * @param size  rows to return
 * @param after the sort key values of the last row of the previous page; empty for the first page
 */
public record Page(int size, List<String> after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /**
     * @param query  a short name of the list and its sort order ("brands-by-name"), kept in the cursor
     * @param keys   how many sort-key values (id included) the cursor carries
     */
    public static Page of(int first, String after, String query, int keys) {
        if (first < 0 || first > MAX_SIZE) {
            throw DomainException.invalid("page.first", "INVALID_PAGE_SIZE",
                    "page.first must be 1.." + MAX_SIZE + " (0 for the default of " + DEFAULT_SIZE + "), got " + first);
        }
        int size = first == 0 ? DEFAULT_SIZE : first;
        if (after == null || after.isEmpty()) {
            return new Page(size, List.of());
        }
        List<String> parts = decode(after);
        if (parts.size() != keys + 1 || !parts.get(0).equals(query)) {
            throw DomainException.invalid("page.after", "INVALID_CURSOR",
                    "page.after is not a cursor of this list; pass end_cursor from the previous page unchanged");
        }
        return new Page(size, List.copyOf(parts.subList(1, parts.size())));
    }

    public boolean first() {
        return after.isEmpty();
    }

    /** The cursor pointing after a row with these sort-key values. */
    public static String cursor(String query, String... keys) {
        StringBuilder raw = new StringBuilder(query);
        for (String key : keys) {
            raw.append('\u0000').append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= raw.length(); i++) {
                if (i == raw.length() || raw.charAt(i) == '\u0000') {
                    parts.add(raw.substring(start, i));
                    start = i + 1;
                }
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("page.after", "INVALID_CURSOR", "page.after is not a cursor this service issued");
        }
    }

    /**
     * Cuts a result fetched with {@code size + 1} rows down to the page, and says whether
     * there is a next one.
     */
    public <T> Slice<T> slice(List<T> fetched) {
        boolean more = fetched.size() > size;
        return new Slice<>(more ? fetched.subList(0, size) : fetched, more);
    }

    public record Slice<T>(List<T> items, boolean hasNextPage) {
        public T last() {
            return items.isEmpty() ? null : items.get(items.size() - 1);
        }
    }
}
