package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.DetentionContact;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.TradeParty;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.gateway.graphql.CustomsDeadlines;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** customsCheck against the stand-in services: answers per line, refusals, deadlines, and a constant number of calls. */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(CustomsFakeBrandRegistry.class)
@QuarkusTestResource(FakeVerification.class)
class CustomsCheckTest {

    private static final String QUERY = "query($d: CustomsDeclarationInput!) { customsCheck(declaration: $d) { "
            + "authority jurisdiction declarationId origin territory checkedOn riskLevel highRiskLines lines { index "
            + "declaredBrand declaredBrandIds gtin hsCode quantity perishable gtinOwner { found brandId brandName "
            + "matchedPrefix registeredProduct matchesDeclaredBrand } recordations { id recordationNumber "
            + "detentionContact { name email } } consignorAuthorized gtinListedAsAuthentic msrp { amountMinor currency } "
            + "codes { code verdict gtin scanCount error { code field } } riskLevel riskReasons { code weight text } "
            + "deadline { jurisdiction workingDays dueOn legalBasis } } } }";

    /** A Friday: weekends fall inside every deadline. */
    private static final String NOTICE_DATE = "2026-11-27";
    private static final String CONSIGNOR_EORI = "DE123456789012345";

    /** Every RPC the check may make, counted by the fakes. */
    private static final List<String> REGISTRY_RPCS = List.of("BatchGetGtinOwners", "ResolveBrandMentions",
            "BatchGetProductsByGtin", "BatchMatchCustomsRecordations", "BatchGetBrands", "BatchIsAuthorizedSeller",
            "SearchCustomsRecordations", "GetGtinOwner", "IsAuthorizedSeller");

    static ValidatableResponse graphql(String token, Map<String, Object> declaration) {
        var request = given().contentType("application/json")
                .body(Map.of("query", QUERY, "variables", Map.of("d", declaration)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    static String officer(String authority) {
        return TestKeys.TOKENS.token("officer@" + authority).role("customs").claim("customs_authority", authority)
                .sign();
    }

    /** Each test its own brands, with random 9-digit GS1 prefixes nobody else in the JVM uses. */
    record World(Brand sportwerk, Brand nordkap, Brand lumen, Product shoe, Product lamp, String nordkapGtin,
            CodeBatch codes, String recordedId, String lumenRecordationId) {
    }

    static String prefix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    static String gtin(Brand brand, int item) {
        return FakeBrandRegistry.gtin14("0" + brand.getGs1CompanyPrefixes(0) + String.format("%03d", item));
    }

    static World world() {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        RightsOwner owner = FakeBrandRegistry.owner("Sportwerk AG " + tag);
        Brand sportwerk = FakeBrandRegistry.brand(owner.getId(), "Sportwerk" + tag, prefix());
        Brand nordkap = FakeBrandRegistry.brand(FakeBrandRegistry.owner("Nordkap " + tag).getId(), "Nordkap" + tag,
                prefix());
        Brand lumen = FakeBrandRegistry.brand(FakeBrandRegistry.owner("Lumen " + tag).getId(), "Lumen" + tag, prefix());
        Product shoe = FakeBrandRegistry.product(sportwerk, gtin(sportwerk, 1), "Runner 1");
        Product lamp = FakeBrandRegistry.product(lumen, gtin(lumen, 1), "Desk lamp");
        CodeBatch codes = FakeVerification.issue(shoe, 200);
        String recorded = recordation(sportwerk, "EU-" + tag + "-1", TradeParty.newBuilder()
                .setName("Alpha Trading GmbH").setCountry("DE").setIdentifier(CONSIGNOR_EORI).build());
        String lumenRecorded = recordation(lumen, "EU-" + tag + "-2", TradeParty.newBuilder()
                .setName("Lumen Distribution BV").setCountry("NL").setIdentifier("NL000111222333").build());
        return new World(sportwerk, nordkap, lumen, shoe, lamp, gtin(nordkap, 7), codes, recorded, lumenRecorded);
    }

    static String recordation(Brand brand, String number, TradeParty distributor) {
        CustomsRecordation r = CustomsRecordation.newBuilder().setId(UUID.randomUUID().toString())
                .setOwnerId(brand.getOwnerId()).setAuthority(CustomsAuthority.CUSTOMS_AUTHORITY_EU_AFA)
                .setRecordationNumber(number).addBrandIds(brand.getId()).addHsCodes("6404").addTerritories("EU")
                .addAuthorizedDistributors(distributor)
                .setDetentionContact(DetentionContact.newBuilder().setName("IP desk " + number)
                        .setEmail("ip@" + brand.getName().toLowerCase() + ".example").setPhone("+4930123456"))
                .setValidFrom(CalendarDate.newBuilder().setYear(2025).setMonth(1).setDay(1))
                .setValidUntil(CalendarDate.newBuilder().setYear(2030).setMonth(12).setDay(31))
                .setStatus(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_ACTIVE)
                .setCreatedAt(Timestamp.newBuilder().setSeconds(1_700_000_000))
                .setUpdatedAt(Timestamp.newBuilder().setSeconds(1_700_000_000)).build();
        CustomsFakeBrandRegistry.RECORDATIONS.put(r.getId(), r);
        return r.getId();
    }

    static Map<String, Object> declaration(String authority, List<Map<String, Object>> lines) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("authority", authority);
        d.put("declarationId", "26DE123456789012A" + ThreadLocalRandom.current().nextInt(1000));
        d.put("consignor", Map.of("name", "Alpha Trading GmbH", "country", "DE", "identifier", CONSIGNOR_EORI));
        d.put("origin", "CN");
        d.put("officeCountry", "DE");
        d.put("date", NOTICE_DATE);
        d.put("lines", lines);
        return d;
    }

    static Map<String, Object> line(String brand, String gtin, int quantity, long valueMinor, List<String> codes) {
        Map<String, Object> l = new HashMap<>();
        l.put("description", "Sports shoes, textile upper");
        l.put("declaredBrand", brand);
        l.put("gtin", gtin);
        l.put("hsCode", "640411");
        l.put("quantity", quantity);
        l.put("declaredValue", Map.of("amountMinor", valueMinor, "currency", "EUR"));
        l.put("scannedCodes", codes);
        return l;
    }

    static Map<String, Integer> callCounts() {
        Map<String, Integer> counts = new HashMap<>();
        REGISTRY_RPCS.forEach(m -> counts.put(m, FakeBrandRegistry.calls(m)));
        counts.put("BatchVerify", FakeVerification.CALLERS.calls("BatchVerify"));
        counts.put("Verify", FakeVerification.CALLERS.calls("Verify"));
        return counts;
    }

    static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0)));
        return d;
    }

    @Test
    void anOfficerChecksADeclarationLineByLine() {
        World w = world();
        String brand = w.sportwerk().getName().toUpperCase(); // declared as written on the goods
        String genuine = FakeVerification.code(w.codes(), 0).link();
        String forged = FakeVerification.forgedLink(w.codes());
        Map<String, Object> recordedUnauthorized = line(w.lumen().getName(), w.lamp().getGtin(), 2, 2 * 4_000, List.of());
        recordedUnauthorized.put("perishable", true);
        List<Map<String, Object>> lines = List.of(
                line(brand, w.shoe().getGtin(), 10, 10 * 12_999, List.of(genuine)),
                line(brand, w.nordkapGtin(), 5, 5 * 12_999, List.of()),
                recordedUnauthorized,
                line(brand, w.shoe().getGtin(), 1, 12_999, List.of(forged)),
                line(brand, w.shoe().getGtin(), 100, 100 * 1_000, List.of()));

        String p = "data.customsCheck.";
        String token = officer("EU_AFA");
        graphql(token, declaration("EU_AFA", lines)).body("errors", nullValue())
                .body(p + "authority", equalTo("EU_AFA")).body(p + "jurisdiction", equalTo("EU"))
                .body(p + "territory", equalTo("DE")).body(p + "checkedOn", equalTo(NOTICE_DATE))
                .body(p + "riskLevel", equalTo("HIGH")).body(p + "highRiskLines", equalTo(2))
                .body(p + "lines.index", contains(0, 1, 2, 3, 4))
                // 0: genuine goods from an authorized distributor
                .body(p + "lines[0].gtinOwner.brandId", equalTo(w.sportwerk().getId()))
                .body(p + "lines[0].gtinOwner.brandName", equalTo(w.sportwerk().getName()))
                .body(p + "lines[0].gtinOwner.matchedPrefix", equalTo(w.sportwerk().getGs1CompanyPrefixes(0)))
                .body(p + "lines[0].gtinOwner.registeredProduct", equalTo(true))
                .body(p + "lines[0].gtinOwner.matchesDeclaredBrand", equalTo(true))
                .body(p + "lines[0].declaredBrandIds", contains(w.sportwerk().getId()))
                .body(p + "lines[0].recordations.id", contains(w.recordedId()))
                .body(p + "lines[0].recordations[0].detentionContact.email", containsString("@sportwerk"))
                .body(p + "lines[0].consignorAuthorized", equalTo(true))
                .body(p + "lines[0].msrp.amountMinor", equalTo(12_999))
                .body(p + "lines[0].codes[0].verdict", equalTo("GENUINE"))
                .body(p + "lines[0].codes[0].gtin", equalTo(w.shoe().getGtin()))
                .body(p + "lines[0].riskLevel", equalTo("LOW")).body(p + "lines[0].riskReasons", empty())
                .body(p + "lines[0].deadline.jurisdiction", equalTo("EU"))
                .body(p + "lines[0].deadline.workingDays", equalTo(10))
                .body(p + "lines[0].deadline.dueOn", equalTo("2026-12-11"))
                .body(p + "lines[0].deadline.legalBasis", containsString("608/2013"))
                // 1: the GTIN's prefix belongs to another brand than the one declared
                .body(p + "lines[1].gtinOwner.brandId", equalTo(w.nordkap().getId()))
                .body(p + "lines[1].gtinOwner.matchesDeclaredBrand", equalTo(false))
                .body(p + "lines[1].riskLevel", equalTo("HIGH"))
                .body(p + "lines[1].riskReasons.code", contains("GTIN_OWNER_MISMATCH"))
                .body(p + "lines[1].riskReasons[0].text", containsString(w.nordkap().getName()))
                // 2: a recorded brand, and the consignor is not its authorized distributor; perishable
                .body(p + "lines[2].recordations.id", contains(w.lumenRecordationId()))
                .body(p + "lines[2].consignorAuthorized", equalTo(false))
                .body(p + "lines[2].riskLevel", equalTo("MEDIUM"))
                .body(p + "lines[2].riskReasons.code", contains("CONSIGNOR_NOT_AUTHORIZED"))
                .body(p + "lines[2].deadline.workingDays", equalTo(3))
                .body(p + "lines[2].deadline.dueOn", equalTo("2026-12-02"))
                // 3: a code the brand never issued
                .body(p + "lines[3].codes[0].verdict", equalTo("INVALID"))
                .body(p + "lines[3].riskLevel", equalTo("HIGH"))
                .body(p + "lines[3].riskReasons.code", contains("CODE_INVALID"))
                // 4: 10 EUR a pair against an MSRP of 129.99 EUR
                .body(p + "lines[4].riskLevel", equalTo("MEDIUM"))
                .body(p + "lines[4].riskReasons.code", contains("VALUE_FAR_BELOW_MSRP"));
        assertEquals("Bearer " + token, FakeBrandRegistry.METHOD_AUTHORIZATION.get("BatchMatchCustomsRecordations"),
                "the officer's token is forwarded to brand-registry-service");
        assertEquals("Bearer " + token, FakeVerification.CALLERS.authorization.get("BatchVerify"),
                "and to verification-service");
    }

    @Test
    void everyRiskReasonIsExplained() {
        World w = world();
        String shoeCode = FakeVerification.code(w.codes(), 150).link();
        String unowned = FakeBrandRegistry.gtin14("029" + Long.toString(
                ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)));
        List<Map<String, Object>> lines = List.of(
                // the same code scanned six times: past the fake's limit of 5 scans, a suspected clone
                line(w.sportwerk().getName(), w.shoe().getGtin(), 6, 6 * 12_999, List.of(shoeCode, shoeCode, shoeCode,
                        shoeCode, shoeCode, shoeCode)),
                // a shoe's code on a line declared as lamps
                line(w.lumen().getName(), w.lamp().getGtin(), 1, 12_999, List.of(FakeVerification.code(w.codes(), 151)
                        .link())),
                // nobody owns the prefix
                line(w.sportwerk().getName(), unowned, 1, 12_999, List.of()),
                // two MEDIUM reasons: a recorded brand from an unauthorized consignor, at 1 EUR a lamp
                line(w.lumen().getName(), w.lamp().getGtin(), 50, 50 * 100, List.of()),
                // not a Digital Link at all
                line(w.sportwerk().getName(), w.shoe().getGtin(), 1, 12_999, List.of("not-a-code")));
        String p = "data.customsCheck.lines";
        graphql(officer("EU_AFA"), declaration("EU_AFA", lines)).body("errors", nullValue())
                .body(p + "[0].codes.verdict", contains("GENUINE", "GENUINE", "GENUINE", "GENUINE", "GENUINE",
                        "SUSPECT"))
                .body(p + "[0].codes[5].scanCount", equalTo(6))
                .body(p + "[0].riskLevel", equalTo("HIGH"))
                .body(p + "[0].riskReasons.code", contains("CODE_SUSPECTED_CLONE"))
                .body(p + "[1].riskLevel", equalTo("HIGH"))
                .body(p + "[1].riskReasons.code", contains("CODE_GTIN_MISMATCH", "CONSIGNOR_NOT_AUTHORIZED"))
                .body(p + "[2].gtinOwner.found", equalTo(false))
                .body(p + "[2].recordations.id", contains(w.recordedId()))
                .body(p + "[2].riskLevel", equalTo("MEDIUM"))
                .body(p + "[2].riskReasons.code", contains("NO_GTIN_OWNER"))
                .body(p + "[3].riskLevel", equalTo("HIGH"))
                .body(p + "[3].riskReasons.code", contains("CONSIGNOR_NOT_AUTHORIZED", "VALUE_FAR_BELOW_MSRP"))
                .body(p + "[3].riskReasons.weight", everyItem(equalTo("MEDIUM")))
                .body(p + "[4].codes[0].verdict", nullValue())
                .body(p + "[4].codes[0].error.code", equalTo("INVALID_DIGITAL_LINK"))
                .body(p + "[4].codes[0].error.field", equalTo("declaration.lines[4].scannedCodes[0]"))
                .body(p + "[4].riskLevel", equalTo("MEDIUM"))
                .body(p + "[4].riskReasons.code", contains("CODE_MALFORMED"));
    }

    @Test
    void deadlinesCountWorkingDaysByJurisdiction() {
        LocalDate friday = LocalDate.parse("2026-11-27");
        assertEquals(LocalDate.parse("2026-12-11"), CustomsDeadlines.deadline(CustomsAuthority.CUSTOMS_AUTHORITY_EU_AFA,
                friday, false).dueOn(), "EU: 10 working days");
        assertEquals(LocalDate.parse("2026-12-02"), CustomsDeadlines.deadline(CustomsAuthority.CUSTOMS_AUTHORITY_EU_AFA,
                friday, true).dueOn(), "EU perishable: 3 working days");
        assertEquals(LocalDate.parse("2026-12-08"), CustomsDeadlines.deadline(CustomsAuthority.CUSTOMS_AUTHORITY_US_CBP,
                friday, false).dueOn(), "US: 7 business days");
        assertEquals(7, CustomsDeadlines.deadline(CustomsAuthority.CUSTOMS_AUTHORITY_US_CBP, friday, true).workingDays(),
                "perishable shortens the EU period only");
        assertEquals(LocalDate.parse("2026-12-02"), CustomsDeadlines.deadline(CustomsAuthority.CUSTOMS_AUTHORITY_CN_GACC,
                friday, false).dueOn(), "CN: 3 working days");
        assertEquals(CustomsDeadlines.Jurisdiction.EU,
                CustomsDeadlines.jurisdiction(CustomsAuthority.CUSTOMS_AUTHORITY_UK_HMRC), "UK keeps the EU periods");
        assertEquals(null, CustomsDeadlines.deadline(CustomsAuthority.CUSTOMS_AUTHORITY_JP_CUSTOMS, friday, false),
                "no rule modelled: no deadline rather than a guess");
        // a notice on a Saturday or Sunday: counting starts on Monday
        assertEquals(LocalDate.parse("2026-12-01"), CustomsDeadlines.addWorkingDays(LocalDate.parse("2026-11-28"), 2));
        assertEquals(LocalDate.parse("2026-12-01"), CustomsDeadlines.addWorkingDays(LocalDate.parse("2026-11-29"), 2));
        // Monday to Monday over one weekend
        assertEquals(LocalDate.parse("2026-12-07"), CustomsDeadlines.addWorkingDays(LocalDate.parse("2026-11-30"), 5));
        assertEquals(LocalDate.parse("2026-11-30"), CustomsDeadlines.addWorkingDays(LocalDate.parse("2026-11-30"), 0));
    }

    @Test
    void theDeadlineFollowsTheDeclarationsAuthority() {
        World w = world();
        List<Map<String, Object>> lines = List.of(line(w.sportwerk().getName(), w.shoe().getGtin(), 1, 12_999,
                List.of()));
        Map<String, Object> us = declaration("US_CBP", lines);
        us.remove("officeCountry");
        graphql(officer("US_CBP"), us).body("errors", nullValue())
                .body("data.customsCheck.territory", equalTo("US"))
                .body("data.customsCheck.jurisdiction", equalTo("US"))
                .body("data.customsCheck.lines[0].deadline.workingDays", equalTo(7))
                .body("data.customsCheck.lines[0].deadline.dueOn", equalTo("2026-12-08"))
                .body("data.customsCheck.lines[0].recordations", empty());
        Map<String, Object> cn = declaration("CN_GACC", lines);
        cn.remove("officeCountry");
        graphql(TestKeys.TOKENS.token("admin-1").role("admin").sign(), cn).body("errors", nullValue())
                .body("data.customsCheck.lines[0].deadline.jurisdiction", equalTo("CN"))
                .body("data.customsCheck.lines[0].deadline.dueOn", equalTo("2026-12-02"));
    }

    @Test
    void refusalsComeBeforeAnyCall() {
        World w = world();
        String good = w.shoe().getGtin();
        List<Map<String, Object>> one = List.of(line(w.sportwerk().getName(), good, 1, 12_999,
                List.of(FakeVerification.code(w.codes(), 1).link())));
        Map<String, Integer> before = callCounts();

        graphql(null, declaration("EU_AFA", one)).body("data.customsCheck", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(TestKeys.TOKENS.token("owner-1").role("rights_owner").claim("owner_id", w.sportwerk().getOwnerId())
                .sign(), declaration("EU_AFA", one))
                .body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        graphql(TestKeys.TOKENS.token("partner-1").role("platform_partner").claim("platform_id", "taobao").sign(),
                declaration("EU_AFA", one)).body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        graphql(officer("US_CBP"), declaration("EU_AFA", one))
                .body("errors[0].extensions.code", equalTo("NOT_OWNER"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"))
                .body("errors[0].extensions.field", equalTo("declaration.authority"));
        graphql(TestKeys.TOKENS.token("officer-x").role("customs").sign(), declaration("EU_AFA", one))
                .body("errors[0].extensions.code", equalTo("NOT_OWNER"));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(line(w.sportwerk().getName(), good, 1, 12_999, List.of()));
        }
        graphql(officer("EU_AFA"), declaration("EU_AFA", tooMany))
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ITEMS"))
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.field", equalTo("declaration.lines"));

        int check = good.charAt(13) - '0';
        String badCheckDigit = good.substring(0, 13) + (check + 1) % 10;
        List<Map<String, Object>> badGtin = List.of(one.get(0), line(w.sportwerk().getName(), badCheckDigit, 1, 1,
                List.of()));
        graphql(officer("EU_AFA"), declaration("EU_AFA", badGtin))
                .body("errors[0].extensions.code", equalTo("INVALID_GTIN"))
                .body("errors[0].extensions.field", equalTo("declaration.lines[1].gtin"));

        Map<String, Object> badHs = line(w.sportwerk().getName(), good, 1, 1, List.of());
        badHs.put("hsCode", "6404");
        graphql(officer("EU_AFA"), declaration("EU_AFA", List.of(badHs)))
                .body("errors[0].extensions.code", equalTo("INVALID_HS_CODE"))
                .body("errors[0].extensions.field", equalTo("declaration.lines[0].hsCode"));
        Map<String, Object> zero = line(w.sportwerk().getName(), good, 0, 1, List.of());
        graphql(officer("EU_AFA"), declaration("EU_AFA", List.of(zero)))
                .body("errors[0].extensions.code", equalTo("VALUE_OUT_OF_RANGE"))
                .body("errors[0].extensions.field", equalTo("declaration.lines[0].quantity"));
        Map<String, Object> badDate = declaration("EU_AFA", one);
        badDate.put("date", "27.11.2026");
        graphql(officer("EU_AFA"), badDate).body("errors[0].extensions.code", equalTo("INVALID_DATE"))
                .body("errors[0].extensions.field", equalTo("declaration.date"));
        Map<String, Object> badOrigin = declaration("EU_AFA", one);
        badOrigin.put("origin", "XX");
        graphql(officer("EU_AFA"), badOrigin).body("errors[0].extensions.code", equalTo("INVALID_COUNTRY"))
                .body("errors[0].extensions.field", equalTo("declaration.origin"));
        Map<String, Object> badAuthority = declaration("MARS_CUSTOMS", one);
        graphql(officer("EU_AFA"), badAuthority).body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("declaration.authority"));

        Map<String, Integer> calls = delta(before, callCounts());
        assertEquals(0, calls.values().stream().mapToInt(Integer::intValue).sum(),
                "a refused check calls no service and records no scan: " + calls);
        assertEquals(0, FakeVerification.SCANS.getOrDefault(FakeVerification.code(w.codes(), 1).link(), List.of()).size());
    }

    @Test
    void aHundredLinesTakeAsManyCallsAsOne() {
        World w = world();
        Map<String, Integer> before = callCounts();
        graphql(officer("EU_AFA"), declaration("EU_AFA", List.of(line(w.sportwerk().getName(), w.shoe().getGtin(), 1,
                12_999, List.of(FakeVerification.code(w.codes(), 2).link()))))).body("errors", nullValue());
        Map<String, Integer> single = delta(before, callCounts());

        List<Map<String, Object>> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // every kind of line: own GTINs, foreign prefixes, unknown ones; a code on each
            Brand owner = i % 3 == 0 ? w.sportwerk() : i % 3 == 1 ? w.nordkap() : w.lumen();
            String brand = i % 2 == 0 ? w.sportwerk().getName() : w.lumen().getName() + " " + i;
            hundred.add(line(brand, gtin(owner, 100 + i), 1 + i, 12_999L * (1 + i),
                    List.of(FakeVerification.code(w.codes(), 10 + i).link())));
        }
        before = callCounts();
        graphql(officer("EU_AFA"), declaration("EU_AFA", hundred)).body("errors", nullValue())
                .body("data.customsCheck.lines", hasSize(100))
                .body("data.customsCheck.lines.codes.verdict.flatten()", everyItem(equalTo("GENUINE")));
        Map<String, Integer> many = delta(before, callCounts());

        assertEquals(single, many, "the number of calls does not grow with the number of lines");
        for (String rpc : List.of("BatchGetGtinOwners", "ResolveBrandMentions", "BatchGetProductsByGtin",
                "BatchMatchCustomsRecordations", "BatchGetBrands", "BatchVerify")) {
            assertEquals(1, many.get(rpc), rpc + " once per declaration: " + many);
        }
        assertEquals(0, many.get("Verify") + many.get("GetGtinOwner") + many.get("IsAuthorizedSeller")
                + many.get("SearchCustomsRecordations"), "no per-line calls: " + many);
    }
}
