package io.cloudsword.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.cloudsword.api.complaint.v1.ConsumerReport;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a person sees on the consumer page, in real headless Chromium at a phone's size: the
 * verdict for a genuine, a suspect and a forged code, and the report form's confirmation and
 * refusal. Screenshots of each state land in target/consumer-page-*.png.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeVerification.class)
@QuarkusTestResource(FakeComplaint.class)
class ConsumerPageBrowserTest {

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(FakeVerification.Issued code) {
        String link = code.link();
        browser.get(base.toString().replaceAll("/$", "") + link.substring(link.indexOf("/01/")));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String background(String id) {
        return browser.findElement(By.id(id)).getCssValue("background-color");
    }

    /** Nothing wider than the phone: no sideways scrolling. */
    private static void fitsThePhone() {
        long overflow = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).longValue();
        assertTrue(overflow <= 0, "the page is " + overflow + " px wider than the phone");
    }

    private static void screenshot(String name) throws IOException {
        Path file = HeadlessChromium.screenshot(browser, name);
        assertTrue(Files.size(file) > 5_000, "a real screenshot at " + file);
    }

    @Test
    void aGenuineCodeReadsAsGenuineWithProductBrandAndItsChecks() throws IOException {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Trail Runner 2");
        CodeBatch batch = FakeVerification.issue(c.product(), 3);
        FakeVerification.Issued code = FakeVerification.code(batch, 0);
        // someone checked it once before, in Germany
        VerificationGraphTest.graphql(null, "{ verifyCode(code: \"" + code.link() + "\", context: {country: \"DE\"}) "
                + "{ verdict } }");

        open(code);
        assertEquals("Genuine product", text("verdict-title"));
        assertEquals("rgba(23, 128, 61, 1)", background("verdict"), "a green banner");
        assertTrue(text("verdict").contains("This code was issued by Brand of Trail Runner 2"), text("verdict"));
        assertEquals("Trail Runner 2", text("product-name"));
        assertEquals("Brand of Trail Runner 2", text("brand-name"));
        assertEquals("2 times, including this one", text("scan-count"));
        assertEquals("28 November 2025 in Germany", text("first-scan"));
        assertEquals(code.serial(), text("serial"));
        assertTrue(browser.findElement(By.id("reason")).isDisplayed(), "the report form is there");
        assertEquals("Genuine product \u2013 Cloud Sword", browser.getTitle());
        fitsThePhone();
        screenshot("consumer-page-genuine");
    }

    @Test
    void aSuspectCodeWarnsWithEachReasonsExplanationAndTheReportIsConfirmed() throws IOException {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("City Sneaker");
        CodeBatch batch = FakeVerification.issue(c.product(), 2);
        FakeVerification.Issued code = FakeVerification.code(batch, 1);
        // the brand recorded the item as sold and decommissioned: a later scan means a copied code
        VerificationGraphTest.graphql(c.ownerToken(), "mutation($e: RecordLifecycleEventInput!) { "
                + "recordLifecycleEvent(input: $e) { created } }", Map.of("e", Map.of("eventId",
                        UUID.randomUUID().toString(), "action", "DELETE", "businessStep", "DECOMMISSIONING",
                        "codes", List.of(code.link()), "eventTime", "2026-11-20T10:00:00Z",
                        "place", Map.of("country", "DE"))))
                .body("errors", org.hamcrest.Matchers.nullValue());

        open(code);
        assertEquals("Warning: this product may be fake", text("verdict-title"));
        assertEquals("rgba(180, 83, 9, 1)", background("verdict"), "an amber warning");
        List<WebElement> reasons = browser.findElements(By.cssSelector("#reasons li"));
        assertEquals(1, reasons.size());
        assertEquals("This code was marked as sold and taken out of circulation before this scan.",
                reasons.get(0).getText());
        assertEquals("City Sneaker", text("product-name"));
        assertEquals("Brand of City Sneaker", text("brand-name"));
        fitsThePhone();
        screenshot("consumer-page-suspect");

        browser.findElement(By.id("reason")).sendKeys("The page says this code was already sold. The seller said new.");
        browser.findElement(By.id("email")).sendKeys("buyer@consumer.example");
        new Select(browser.findElement(By.id("country"))).selectByVisibleText("France");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBe(By.id("verdict-title"), "Thank you, your report was received"));
        ConsumerReport report = FakeComplaint.REPORTS.get(FakeComplaint.REPORTS.size() - 1);
        assertEquals(report.getId(), text("report-id"));
        assertTrue(report.getDigitalLink().endsWith(code.link().substring(code.link().indexOf("/01/"))));
        assertEquals("FR", report.getPurchaseCountry());
        assertEquals("buyer@consumer.example", report.getContactEmail());
        fitsThePhone();
        screenshot("consumer-page-report-received");
    }

    @Test
    void aRefusedReportShowsTheFieldAndReasonAndKeepsWhatWasTyped() throws IOException {
        FakeVerification.Issued code = FakeVerification.code(
                FakeVerification.issue(VerificationGraphTest.catalogue("Bag").product(), 1), 0);
        open(code);
        int reports = FakeComplaint.REPORTS.size();
        browser.findElement(By.id("reason")).sendKeys("Stitching is off");
        // passes the browser's own email check; complaint-service refuses it
        browser.findElement(By.id("email")).sendKeys("me@shop.invalid");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // the answer replaces the page after the click: wait for it rather than race it
        WebElement alert = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertEquals("Your email: This is not an email address we can write to. (INVALID_EMAIL)", alert.getText());
        assertEquals("Stitching is off", browser.findElement(By.id("reason")).getAttribute("value"));
        assertEquals("me@shop.invalid", browser.findElement(By.id("email")).getAttribute("value"));
        assertEquals("true", browser.findElement(By.id("email")).getAttribute("aria-invalid"));
        assertEquals(reports, FakeComplaint.REPORTS.size());
        fitsThePhone();
        screenshot("consumer-page-report-refused");
    }

    @Test
    void aForgedCodeIsNotIssuedByTheBrand() throws IOException {
        CodeBatch batch = FakeVerification.issue(VerificationGraphTest.catalogue("Watch").product(), 1);
        String forged = FakeVerification.forgedLink(batch);
        browser.get(base.toString().replaceAll("/$", "") + forged.substring(forged.indexOf("/01/")));
        assertEquals("This code was not issued by the brand", text("verdict-title"));
        assertEquals("rgba(185, 28, 28, 1)", background("verdict"), "a red warning");
        assertFalse(browser.getPageSource().contains("Watch"), "no product name for a code nobody issued");
        assertTrue(browser.findElement(By.id("reason")).isDisplayed());
        fitsThePhone();
        screenshot("consumer-page-invalid");
    }
}
