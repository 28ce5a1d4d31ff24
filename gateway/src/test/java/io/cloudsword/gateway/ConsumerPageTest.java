package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.complaint.v1.ConsumerReport;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.ScanChannel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Digital Link resolver page over plain HTTP: what it sends to the services, status codes,
 * escaping and the report form's answers. ConsumerPageBrowserTest looks at it in Chromium.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeVerification.class)
@QuarkusTestResource(FakeComplaint.class)
class ConsumerPageTest {

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void servicesUpAgain() {
        FakeVerification.down = false;
        FakeComplaint.down = false;
    }

    static String path(FakeVerification.Issued code) {
        return code.link().substring(code.link().indexOf("/01/"));
    }

    @Test
    void aGenuineCodeShowsTheVerdictProductBrandAndScansAndIsCheckedAnonymouslyOnTheWebChannel() {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Trail runner");
        CodeBatch batch = FakeVerification.issue(c.product(), 2);
        FakeVerification.Issued code = FakeVerification.code(batch, 0);
        String html = given().header("X-Client-Country", "fr").get(path(code) + "?17=261231&10=LOT1").then()
                .statusCode(200)
                .header("Content-Type", containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asString();
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("Genuine product"));
        assertTrue(html.contains("<dd id=\"product-name\">Trail runner</dd>"), html);
        assertTrue(html.contains("<dd id=\"brand-name\">Brand of Trail runner</dd>"), html);
        assertTrue(html.contains("1 time (this is the first check)"), html);
        assertTrue(html.contains("28 November 2025 in France"), html);
        assertTrue(html.contains("action=\"" + path(code) + "/report\""), html);
        assertFalse(html.contains("src="), "no external assets");

        var sent = FakeVerification.LAST_VERIFY.get();
        assertEquals("https://localhost:" + base.getPort() + path(code), sent.getCode(), "the query string is dropped");
        assertEquals(ScanChannel.SCAN_CHANNEL_CONSUMER_WEB, sent.getContext().getChannel());
        assertEquals("FR", sent.getContext().getCountry());
        assertEquals("null", FakeVerification.CALLERS.authorization.get("Verify"));
        assertNotEquals("null", FakeVerification.CALLERS.clientKey.get("Verify"));

        given().header("X-Client-Country", "ZZ").get(path(code)).then().statusCode(200)
                .body(containsString("2 times, including this one"));
        assertEquals("", FakeVerification.LAST_VERIFY.get().getContext().getCountry(), "an unknown country is left out");
    }

    @Test
    void everythingEchoedIsEscaped() {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Plain");
        Brand brand = FakeBrandRegistry.brand(c.owner().getId(), "Brand \"<b>bold</b>\"",
                c.brand().getGs1CompanyPrefixes(0));
        Product product = FakeBrandRegistry.product(brand, FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0)
                + "00077"), "Shoe <script>alert(1)</script> & Co");
        FakeVerification.Issued code = FakeVerification.code(FakeVerification.issue(product, 1), 0);
        String html = given().get(path(code)).then().statusCode(200).extract().asString();
        assertTrue(html.contains("Shoe &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), html);
        assertTrue(html.contains("Brand &quot;&lt;b&gt;bold&lt;/b&gt;&quot;"), html);
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>"));
    }

    @Test
    void aForgedCodeIsNotIssuedByTheBrandAndNamesNoProduct() {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Original");
        CodeBatch batch = FakeVerification.issue(c.product(), 1);
        String forged = FakeVerification.forgedLink(batch);
        String html = given().get(forged.substring(forged.indexOf("/01/"))).then().statusCode(200).extract().asString();
        assertTrue(html.contains("This code was not issued by the brand"), html);
        assertFalse(html.contains("Original"), "an invalid code borrows no product name");
        assertTrue(html.contains("Report a suspected fake"));
    }

    @Test
    void aMalformedCodeIsAClear400WithoutAStackTrace() {
        for (String bad : new String[] { "/01/123/21/ABC", "/01/04012345000016/21/" + "A".repeat(30),
                "/01/04012345000016/21/%3Cscript%3E" }) {
            String html = given().urlEncodingEnabled(false).get(bad).then().statusCode(400)
                    .header("Content-Type", containsString("text/html")).extract().asString();
            assertTrue(html.contains("This is not a valid product code"), html);
            assertFalse(html.contains("Exception") || html.contains("at io."), html);
            assertFalse(html.contains("<script>"), html);
        }
        given().urlEncodingEnabled(false).get("/01/04012345000016/21/" + "A".repeat(2100)).then().statusCode(400)
                .body(containsString("longer than 2048"));
        // percent-encoded serials reach the service as they were written: it decodes them exactly once
        given().urlEncodingEnabled(false).get("/01/04012345000016/21/AB%2FC%25").then().statusCode(400);
        assertTrue(FakeVerification.LAST_VERIFY.get().getCode().endsWith("/01/04012345000016/21/AB%2FC%25"),
                FakeVerification.LAST_VERIFY.get().getCode());
    }

    @Test
    void aBackendThatIsDownIsAClear503AndTooManyChecksA429() {
        FakeVerification.down = true;
        given().get("/01/04012345000016/21/ABC").then().statusCode(503)
                .body(containsString("Verification temporarily unavailable"))
                .body(not(containsString("Exception")));
        FakeVerification.down = false;
        given().get("/01/04012345000016/21/RATELIMITED").then().statusCode(429)
                .body(containsString("Too many checks"));
    }

    @Test
    void aReportIsFiledWithTheCodeAndOnceForOneForm() {
        FakeVerification.Issued code = FakeVerification.code(
                FakeVerification.issue(VerificationGraphTest.catalogue("Reported").product(), 1), 0);
        int verifies = FakeVerification.CALLERS.calls("Verify");
        int reports = FakeComplaint.REPORTS.size();
        String token = java.util.UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            String html = given().formParam("reason", "The box looks <odd> & the logo is wrong")
                    .formParam("email", "me@consumer.example").formParam("country", "FR").formParam("token", token)
                    .post(path(code) + "/report").then().statusCode(200).extract().asString();
            ConsumerReport report = FakeComplaint.REPORTS.get(FakeComplaint.REPORTS.size() - 1);
            assertTrue(html.contains("<strong id=\"report-id\">" + report.getId() + "</strong>"), html);
        }
        assertEquals(reports + 1, FakeComplaint.REPORTS.size(), "a resent form is one report");
        ConsumerReport report = FakeComplaint.REPORTS.get(FakeComplaint.REPORTS.size() - 1);
        assertEquals("https://localhost:" + base.getPort() + path(code), report.getDigitalLink());
        assertEquals("The box looks <odd> & the logo is wrong", report.getReason());
        assertEquals("me@consumer.example", report.getContactEmail());
        assertEquals("FR", report.getPurchaseCountry());
        assertEquals("null", FakeComplaint.CALLERS.authorization.get("SubmitConsumerReport"));
        assertNotEquals("null", FakeComplaint.CALLERS.clientKey.get("SubmitConsumerReport"));
        assertEquals(verifies, FakeVerification.CALLERS.calls("Verify"), "reporting is not another scan");
    }

    @Test
    void aRefusedReportNamesTheFieldAndKeepsTheInput() {
        FakeVerification.Issued code = FakeVerification.code(
                FakeVerification.issue(VerificationGraphTest.catalogue("Refused report").product(), 1), 0);
        int reports = FakeComplaint.REPORTS.size();
        String html = given().formParam("reason", "Smells \"odd\" <really>").formParam("email", "me@shop.invalid")
                .formParam("country", "DE").post(path(code) + "/report").then().statusCode(400).extract().asString();
        assertTrue(html.contains("<strong>Your email</strong>: This is not an email address we can write to. "
                + "(INVALID_EMAIL)"), html);
        assertTrue(html.contains(">Smells &quot;odd&quot; &lt;really&gt;</textarea>"), html);
        assertTrue(html.contains("value=\"me@shop.invalid\" aria-invalid=\"true\""), html);
        assertTrue(html.contains("<option value=\"DE\" selected>Germany</option>"), html);

        int calls = FakeComplaint.CALLERS.calls("SubmitConsumerReport");
        given().formParam("reason", "  ").post(path(code) + "/report").then().statusCode(400)
                .body(containsString("Please tell us what made you suspicious."));
        assertEquals(calls, FakeComplaint.CALLERS.calls("SubmitConsumerReport"), "a blank reason costs no call");

        FakeComplaint.down = true;
        given().formParam("reason", "Fake").formParam("email", "kept@consumer.example").post(path(code) + "/report")
                .then().statusCode(503)
                .body(containsString("Reports cannot be received right now"))
                .body(containsString("value=\"kept@consumer.example\""));
        assertEquals(reports, FakeComplaint.REPORTS.size());
    }

    @Test
    void eachPageCarriesAFreshFormToken() {
        FakeVerification.Issued code = FakeVerification.code(
                FakeVerification.issue(VerificationGraphTest.catalogue("Tokens").product(), 1), 0);
        Pattern token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"");
        Matcher first = token.matcher(given().get(path(code)).then().statusCode(200).extract().asString());
        Matcher second = token.matcher(given().get(path(code)).then().statusCode(200).extract().asString());
        assertTrue(first.find() && second.find());
        assertNotEquals(first.group(1), second.group(1));
        given().get(path(code)).then().body(containsString("Report a suspected fake"))
                .body(containsString("name=\"reason\" required"));
    }
}
