package org.edurecords.ncp.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through its ChromeDriver, for what only a real layout engine can tell (widths, sizes).
 * Found at {@code CHROMIUM} / {@code CHROMEDRIVER} or the Debian paths; never downloaded.
 */
public final class Chromium {

    private Chromium() {
    }

    public static File browser() {
        return executable("CHROMIUM", "/usr/bin/chromium");
    }

    public static File driver() {
        return executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    public static boolean available() {
        return browser() != null && driver() != null;
    }

    /** What a skipped test says, so that the missing browser is visible in the test output. */
    public static String missing() {
        return "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver, or set CHROMIUM"
                + " and CHROMEDRIVER): the layout checks in a real browser are skipped";
    }

    public static ChromeDriver open(String acceptLanguage) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--window-size=1024,800",
                "--user-data-dir=" + Files.createTempDirectory("ncp-chromium"), "--lang=" + acceptLanguage);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Lays the page out as a phone of this width would (CSS px), touch and all. */
    public static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    private static File executable(String variable, String fallback) {
        for (String candidate : List.of(String.valueOf(System.getenv(variable)), fallback)) {
            File file = new File(candidate);
            if (file.canExecute()) {
                return file;
            }
        }
        return null;
    }
}
