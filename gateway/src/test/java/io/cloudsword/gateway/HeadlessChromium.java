package io.cloudsword.gateway;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian packages chromium and chromium-driver), driven headless at a
 * phone's size. Nothing is downloaded: the driver and browser paths are given, so Selenium
 * Manager is never asked. Where the packages are missing and the test runs as root with apt-get
 * (CI on a fresh machine), they are installed first; otherwise the test fails and says why: a
 * page test that silently skips would prove nothing.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** An iPhone 12-14 viewport in CSS pixels. */
    static final Dimension PHONE = new Dimension(390, 844);

    private HeadlessChromium() {
    }

    static ChromeDriver start() throws IOException {
        ensureInstalled();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = Files.createTempDirectory("cloudsword-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--window-size=" + PHONE.getWidth() + "," + PHONE.getHeight(), "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(PHONE);
        return driver;
    }

    /** A screenshot of the whole page (not just the viewport) at the phone's width, for a person to look at. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport",
                true, "clip", Map.of("x", 0, "y", 0, "width", PHONE.getWidth(), "height", height, "scale", 1)));
        Path target = Path.of("target", name + ".png").toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        return target;
    }

    static void ensureInstalled() {
        if (installed()) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        File aptGet = new File("/usr/bin/apt-get");
        if (root && aptGet.canExecute()) {
            // a fresh machine may have stale package lists: update once if the first try fails
            if (!apt("install", "-y", "chromium", "chromium-driver")) {
                apt("update");
                apt("install", "-y", "chromium", "chromium-driver");
            }
        }
        if (!installed()) {
            fail("The consumer-page test needs Chromium and its driver at " + BROWSER + " and " + DRIVER
                    + " (Debian: apt-get install -y chromium chromium-driver)"
                    + (root ? "; installing them with apt-get failed" : "; run the tests as root to have them "
                            + "installed, or install them first"));
        }
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static boolean apt(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "/usr/bin/apt-get";
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process process = builder.start();
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
