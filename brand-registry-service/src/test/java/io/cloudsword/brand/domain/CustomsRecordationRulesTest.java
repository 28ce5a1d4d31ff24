package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudsword.brand.domain.CustomsRecordation.Authority;
import io.cloudsword.brand.domain.CustomsRecordation.Contact;
import io.cloudsword.brand.domain.CustomsRecordation.Party;
import io.cloudsword.brand.domain.CustomsRecordation.Status;
import io.cloudsword.kit.error.DomainException;

class CustomsRecordationRulesTest {

    private static final LocalDate FROM = LocalDate.of(2024, 2, 29);

    private static NewRecordation filing(Authority authority, LocalDate until) {
        return new NewRecordation(authority, " cn 2024 / 1 ", List.of(UUID.randomUUID().toString()), List.of("6403"),
                List.of("cn"), List.of("6291041500213"), List.of(), List.of(), List.of(),
                new Contact("Li Wei", "", "ops@brand.example", "+8613800138000", "", List.of()), FROM, until, null);
    }

    private static DomainException refusal(NewRecordation r) {
        return assertThrows(DomainException.class, () -> r.validated("", true));
    }

    @Test
    void chinaGaccAllowsTenYearsAndNotOneDayMore() {
        NewRecordation ok = filing(Authority.CN_GACC, FROM.plusYears(10)).validated("", true);
        assertEquals(LocalDate.of(2034, 2, 28), ok.validUntil());
        DomainException e = refusal(filing(Authority.CN_GACC, FROM.plusYears(10).plusDays(1)));
        assertEquals("VALUE_OUT_OF_RANGE", e.reason());
        assertEquals("valid_until", e.field());
        filing(Authority.US_CBP, FROM.plusYears(10).plusDays(1)).validated("", true);
    }

    @Test
    void normalizesAndChecksTheFiling() {
        NewRecordation v = filing(Authority.EU_AFA, FROM).validated("", true);
        assertEquals("CN2024/1", v.recordationNumber());
        assertEquals(List.of("06291041500213"), v.authenticGtins());
        assertEquals(List.of("CN"), v.territories());
        assertEquals(Status.ACTIVE, v.status(), "ACTIVE by default");
        DomainException range = refusal(filing(Authority.EU_AFA, FROM.minusDays(1)));
        assertEquals("INVALID_DATE_RANGE", range.reason());
        assertEquals("valid_until", range.field());
        assertEquals("INVALID_HS_CODE", assertThrows(DomainException.class,
                () -> NewRecordation.hsCode("hs_codes[0]", "64041")).reason());
        assertEquals("6404", NewRecordation.hsCode("f", "6404"));
        assertEquals("640411", NewRecordation.hsCode("f", "640411"));
    }

    @Test
    void expiryIsDerivedAndWithdrawalWins() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertEquals(Status.ACTIVE, CustomsRecordations.effectiveStatus(Status.ACTIVE, day, day), "valid_until is inclusive");
        assertEquals(Status.EXPIRED, CustomsRecordations.effectiveStatus(Status.ACTIVE, day.minusDays(1), day));
        assertEquals(Status.EXPIRED, CustomsRecordations.effectiveStatus(Status.PENDING, day.minusDays(1), day));
        assertEquals(Status.WITHDRAWN, CustomsRecordations.effectiveStatus(Status.WITHDRAWN, day.minusDays(1), day));
    }

    @Test
    void theLongestDeclaredPrefixOwnsTheGtin() {
        String gtin14 = "00085001200017";
        assertEquals(List.of("008500120001", "00850012000", "0085001200", "008500120", "00850012", "0085001", "008500"),
                CustomsRecordations.candidatePrefixes(gtin14), "digits 2..13, lengths 12 down to 6");
        assertEquals("long", CustomsRecordations.longestOwner(gtin14, Map.of("008500", "short", "00850012", "long")));
        assertNull(CustomsRecordations.longestOwner(gtin14, Map.of("0085002", "other")));
    }

    @Test
    void hsCodesMatchByPrefixBothWays() {
        assertTrue(CustomsRecordations.hsMatches(List.of("6403"), "640399"));
        assertTrue(CustomsRecordations.hsMatches(List.of("640411"), "6404"));
        assertFalse(CustomsRecordations.hsMatches(List.of("640411"), "6405"));
        assertTrue(CustomsRecordations.hsMatches(List.of("640411"), null));
    }

    @Test
    void consignorsMatchByIdentifierFirstThenByName() {
        List<Party> distributors = List.of(new Party("Nord Handel GmbH", "DE", "DE123"), new Party("Acme Ltd", "GB", ""));
        assertTrue(CustomsRecordations.isDistributor(distributors, new Party("Other", "", "de 123")));
        assertFalse(CustomsRecordations.isDistributor(distributors, new Party("Nord Handel GmbH", "", "DE999")));
        assertTrue(CustomsRecordations.isDistributor(distributors, new Party("nordhandel gmbh", "", "")));
        assertTrue(CustomsRecordations.isDistributor(distributors, new Party("ACME  LTD", "", "GB777")),
                "no identifier on the record: the name decides");
        assertFalse(CustomsRecordations.isDistributor(distributors, new Party("", "", "")));
    }
}
