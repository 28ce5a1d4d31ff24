package io.cloudsword.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cloudsword.kit.error.DomainException;

class PageTest {

    @Test
    void sizeDefaultsTo50AndIsCappedAt500() {
        assertEquals(50, Page.of(0, "", "q", 2).size());
        assertEquals(500, Page.of(500, "", "q", 2).size());
        assertEquals("INVALID_PAGE_SIZE", assertThrows(DomainException.class, () -> Page.of(501, "", "q", 2)).reason());
        assertEquals("INVALID_PAGE_SIZE", assertThrows(DomainException.class, () -> Page.of(-1, "", "q", 2)).reason());
    }

    @Test
    void cursorCarriesTheSortKeyBackIncludingAwkwardText() {
        String cursor = Page.cursor("brands", "Ｎｉｋｅ 耐克,\"x\"", "0192-id");
        Page page = Page.of(10, cursor, "brands", 2);
        assertEquals(List.of("Ｎｉｋｅ 耐克,\"x\"", "0192-id"), page.after());
        assertFalse(page.first());
    }

    @Test
    void cursorOfAnotherListOrGarbageIsRefused() {
        String cursor = Page.cursor("brands", "a", "b");
        assertEquals("INVALID_CURSOR", assertThrows(DomainException.class, () -> Page.of(10, cursor, "products", 2)).reason());
        assertEquals("INVALID_CURSOR", assertThrows(DomainException.class, () -> Page.of(10, cursor, "brands", 3)).reason());
        assertEquals("INVALID_CURSOR", assertThrows(DomainException.class, () -> Page.of(10, "%%%", "brands", 2)).reason());
    }

    @Test
    void sliceTellsWhetherMoreRowsFollow() {
        Page page = Page.of(2, "", "q", 1);
        assertTrue(page.slice(List.of(1, 2, 3)).hasNextPage());
        assertEquals(List.of(1, 2), page.slice(List.of(1, 2, 3)).items());
        assertFalse(page.slice(List.of(1, 2)).hasNextPage());
    }
}
