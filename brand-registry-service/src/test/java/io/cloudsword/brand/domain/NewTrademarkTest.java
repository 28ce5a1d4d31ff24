package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.cloudsword.kit.error.DomainException;

class NewTrademarkTest {

    private static final String BRAND = "0190a0b0-0000-7000-8000-000000000001";
    private static final String SHA = "a".repeat(64);

    private static NewTrademark request() {
        return new NewTrademark(BRAND, Trademark.Office.EUIPO, " 0185 4321 ", "ACME", List.of(25, 3, 25),
                List.of("eu"), LocalDate.of(2020, 1, 10), LocalDate.of(2030, 1, 10), Trademark.Status.REGISTERED,
                SHA.toUpperCase(), "");
    }

    private static NewTrademark with(String field, Object value) {
        NewTrademark r = request();
        return new NewTrademark(r.brandId(),
                field.equals("office") ? (Trademark.Office) value : r.office(),
                field.equals("number") ? (String) value : r.registrationNumber(), r.markText(),
                field.equals("classes") ? castList(value) : r.niceClasses(),
                field.equals("territories") ? castList(value) : r.territories(),
                field.equals("registered") ? (LocalDate) value : r.registrationDate(),
                field.equals("expires") ? (LocalDate) value : r.expiryDate(),
                field.equals("status") ? (Trademark.Status) value : r.status(),
                field.equals("evidence") ? (String) value : r.evidenceSha256(),
                field.equals("image") ? (String) value : r.markImageHash());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        return (List<T>) value;
    }

    private static void refused(String field, String reason, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void normalizesNumberClassesTerritoriesAndHashes() {
        NewTrademark ok = request().validatedForRegistration();
        assertEquals("01854321", ok.registrationNumber());
        assertEquals(List.of(3, 25), ok.niceClasses());
        assertEquals(List.of("EU"), ok.territories());
        assertEquals(SHA, ok.evidenceSha256());
        assertEquals("TM-1234X", with("number", "tm-1234 x").validatedForRegistration().registrationNumber());
    }

    @Test
    void theOfficeIsRequired() {
        refused("office", "INVALID_TRADEMARK_OFFICE", () -> with("office", null).validatedForRegistration());
    }

    @Test
    void niceClassesAreOneToFortyFiveAndAtLeastOne() {
        refused("nice_classes[1]", "INVALID_NICE_CLASS", () -> with("classes", List.of(3, 0)).validatedForRegistration());
        refused("nice_classes[0]", "INVALID_NICE_CLASS", () -> with("classes", List.of(46)).validatedForRegistration());
        refused("nice_classes", "FIELD_REQUIRED", () -> with("classes", List.of()).validatedForRegistration());
        assertEquals(List.of(1, 45), with("classes", List.of(45, 1)).validatedForRegistration().niceClasses());
    }

    @Test
    void territoriesAreCountriesOrTheEuAndAtLeastOne() {
        refused("territories[1]", "INVALID_COUNTRY",
                () -> with("territories", List.of("DE", "XX")).validatedForRegistration());
        // A Madrid registration lists its designated countries, never the "WO" office code.
        refused("territories[0]", "INVALID_COUNTRY", () -> with("territories", List.of("WO")).validatedForRegistration());
        refused("territories", "FIELD_REQUIRED", () -> with("territories", List.of()).validatedForRegistration());
        assertEquals(List.of("CN", "EU"), with("territories", List.of("cn", "EU", "CN")).validatedForRegistration()
                .territories());
    }

    @Test
    void datesAreRequiredUnlessPendingAndExpiryIsNotBeforeRegistration() {
        refused("registration_date", "FIELD_REQUIRED", () -> with("registered", null).validatedForRegistration());
        refused("expiry_date", "FIELD_REQUIRED", () -> with("expires", null).validatedForRegistration());
        refused("expiry_date", "INVALID_DATE_RANGE",
                () -> with("expires", LocalDate.of(2019, 12, 31)).validatedForRegistration());
        NewTrademark pending = new NewTrademark(BRAND, Trademark.Office.CNIPA, "123", "", List.of(25), List.of("CN"),
                null, null, Trademark.Status.PENDING, SHA, "");
        assertEquals(Trademark.Status.PENDING, pending.validatedForRegistration().status());
    }

    @Test
    void onlyRegisteredOrPendingMayBeRegistered() {
        refused("status", "VALUE_OUT_OF_RANGE", () -> with("status", Trademark.Status.CANCELLED).validatedForRegistration());
        refused("status", "VALUE_OUT_OF_RANGE", () -> with("status", Trademark.Status.EXPIRED).validatedForRegistration());
        refused("status", "FIELD_REQUIRED", () -> with("status", null).validatedForRegistration());
    }

    @Test
    void evidenceIsARequiredSha256AndTheMarkImageASixteenHexHash() {
        refused("evidence_sha256", "FIELD_REQUIRED", () -> with("evidence", "").validatedForRegistration());
        refused("evidence_sha256", "INVALID_DOCUMENT_HASH", () -> with("evidence", "abc").validatedForRegistration());
        refused("mark_image_hash", "INVALID_IMAGE_HASH", () -> with("image", "xyz").validatedForRegistration());
        assertEquals("8f3a00ff12345678", with("image", "8F3A00FF12345678").validatedForRegistration().markImageHash());
    }

    @Test
    void anUpdateIsCheckedLikeARegistrationWithItsFieldsUnderTrademark() {
        NewTrademark stored = request().validatedForRegistration();
        NewTrademark changes = with("classes", List.of(12, 99));
        refused("trademark.nice_classes[1]", "INVALID_NICE_CLASS",
                () -> stored.with(changes, Set.of("nice_classes")).validated("trademark."));
        NewTrademark cancelled = with("status", Trademark.Status.CANCELLED);
        assertEquals(Trademark.Status.CANCELLED,
                stored.with(cancelled, Set.of("status")).validated("trademark.").status());
        // unmasked fields keep their stored values
        assertEquals(List.of(3, 25), stored.with(changes, Set.of("status")).validated("trademark.").niceClasses());
    }

    @Test
    void aRegisteredMarkReadsExpiredOnlyAfterItsExpiryDay() {
        LocalDate expiry = LocalDate.of(2026, 3, 1);
        assertEquals(Trademark.Status.REGISTERED,
                Trademarks.effectiveStatus(Trademark.Status.REGISTERED, expiry, expiry));
        assertEquals(Trademark.Status.EXPIRED,
                Trademarks.effectiveStatus(Trademark.Status.REGISTERED, expiry, expiry.plusDays(1)));
        assertEquals(Trademark.Status.CANCELLED,
                Trademarks.effectiveStatus(Trademark.Status.CANCELLED, expiry, expiry.plusDays(1)));
        assertEquals(Trademark.Status.PENDING,
                Trademarks.effectiveStatus(Trademark.Status.PENDING, null, expiry));
    }
}
