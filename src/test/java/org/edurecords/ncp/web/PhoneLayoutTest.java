package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.edurecords.ncp.support.Chromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page on a phone, in Chromium: at 320 and 390 CSS px the document is never wider than the screen (WCAG 2.1
 * 1.4.10, no horizontal scrolling) and every control outside running text is at least 24 x 24 px. The walk is the
 * one a person makes: a transfer from the demo client, My results, a share link and its recipient, the statements.
 */
@QuarkusTest
class PhoneLayoutTest {

    private static final int[] WIDTHS = { 320, 390 };
    /** Width, controls below 24 x 24 px outside running text, and the page's height, measured in the page. */
    private static final String MEASURE = """
            const small = [...document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea, summary')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 || r.height > 0; })
              .filter(e => !(e.tagName === 'A' && e.closest('p, li, td, dd, dt, footer, .hint')))
              .filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
              .map(e => { const r = e.getBoundingClientRect();
                return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + Math.round(r.width) + 'x' + Math.round(r.height); });
            return { width: document.documentElement.scrollWidth,
                     height: document.documentElement.scrollHeight, small: small.slice(0, 6), smallCount: small.length };
            """;

    @TestHTTPResource("/")
    URL root;

    private final List<String> problems = new ArrayList<>();
    private final List<String> measured = new ArrayList<>();

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Chromium.available(), Chromium::missing);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb", "nn", "se" })
    void everyPageFitsAPhoneScreen(String language) throws Exception {
        String base = root.toString().replaceAll("/$", "");
        ChromeDriver owner = Chromium.open(language);
        try {
            WebDriverWait wait = new WebDriverWait(owner, Duration.ofSeconds(20));
            owner.get(base + "/?lang=" + language);
            check(owner, "home");
            owner.get(base + "/demo-client");
            check(owner, "demo client");
            owner.findElement(By.cssSelector("#start-transfer button")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            check(owner, "login");
            demoLogin(owner, "/login");
            wait.until(ExpectedConditions.urlContains("/select"));
            check(owner, "selection");
            selectFirstInstitution(owner, wait);
            check(owner, "preview");
            Chromium.viewport(owner, 390, 844);
            long sendAt = ((Number) owner.executeScript(
                    "return document.getElementById('confirm-top').getBoundingClientRect().bottom + window.scrollY;"))
                    .longValue();
            if (sendAt > 844) {
                problems.add("preview at 390 px: Send is " + sendAt + " px down, below the first screen");
            }
            Chromium.viewport(owner, 1024, 800);
            owner.findElement(By.cssSelector("form[action$='/confirm'] button")).click();
            wait.until(ExpectedConditions.urlContains("/demo-client/return"));
            check(owner, "demo client result");

            // The same transfer by EMREX 2.0: the consent is the same preview; the demo client shows what it fetched.
            owner.get(base + "/demo-client");
            owner.findElement(By.cssSelector("#start-emrex2 button")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            demoLogin(owner, "/login");
            wait.until(ExpectedConditions.urlContains("/select"));
            // Without a scope, the licence is offered too, with a box of its own.
            check(owner, "EMREX 2.0 selection with credentials");
            selectFirstInstitution(owner, wait);
            check(owner, "EMREX 2.0 consent");
            owner.findElement(By.cssSelector("form[action$='/confirm'] button")).click();
            wait.until(ExpectedConditions.urlContains("/demo-client/emrex2/return"));
            check(owner, "demo client EMREX 2.0 result");

            owner.get(base + "/my-results");
            check(owner, "portal login");
            demoLogin(owner, "/login/demo");
            wait.until(ExpectedConditions.urlMatches(".*/my-results$"));
            check(owner, "my results");
            owner.findElement(By.id("share-link")).click();
            wait.until(ExpectedConditions.urlContains("/my-results/share"));
            check(owner, "share: selection");
            owner.findElement(By.id("lo-113")).click();
            owner.findElement(By.cssSelector("form[action$='/share/preview'] button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/share/preview"));
            check(owner, "share: preview");
            owner.findElement(By.cssSelector("form[action$='/share/create'] button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/share/create"));
            check(owner, "share: created");
            String url = owner.findElement(By.id("share-url")).getText().strip();
            String code = owner.findElement(By.id("share-code")).getText().strip();
            owner.get(base + "/my-results/links");
            check(owner, "my links");
            owner.get(base + "/my-results/ledger");
            check(owner, "ledger");

            // The recipient, in a browser without the owner's session.
            owner.manage().deleteAllCookies();
            owner.get(url.replaceFirst("^https?://[^/]+", base));
            check(owner, "recipient: code");
            owner.findElement(By.id("code")).sendKeys(code);
            owner.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.results")));
            check(owner, "recipient: results");
            // An applicant's page of a results request, made by the test case office's API.
            String request = io.restassured.RestAssured.given()
                    .header("Authorization", "Bearer test-case-office-token-0123456789abcdef")
                    .contentType("application/json")
                    .body("{\"caseReference\":\"LAYOUT-1\",\"profile\":\"bachelor-degree\",\"purpose\":"
                            + "\"Application for citizenship\",\"person\":{\"givenNames\":\"Anna Kristine\","
                            + "\"familyName\":\"Sørbø-Łukasiewicz\",\"birthDate\":\"1998-04-17\"}}")
                    .post("/api/receiver/requests").jsonPath().getString("id");
            // The case worker of that office: the login, the list of requests, one request.
            owner.get(base + "/case-worker/login?lang=" + language);
            check(owner, "case worker: login");
            owner.findElement(By.id("username")).sendKeys("case");
            owner.findElement(By.id("password")).sendKeys("demo");
            owner.findElement(By.cssSelector("#login-demo button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filters")));
            check(owner, "case worker: requests");
            owner.get(base + "/case-worker/requests/" + request);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-status")));
            check(owner, "case worker: request");
            // A learner without higher education: her page holds credentials only (a certificate, a revoked authorisation).
            owner.manage().deleteAllCookies();
            owner.get(base + "/my-results?lang=" + language);
            demoLogin(owner, "dagny", "/login/demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("competence")));
            check(owner, "my competence (credentials only)");
            for (String path : List.of("/receive/" + request, "/receive/no-such-request", "/verification", "/help",
                    "/privacy", "/accessibility", "/contact", "/no-such-page", "/oauth2/authorize?client_id=nobody&x=1")) {
                owner.get(base + path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                check(owner, path);
            }
        } finally {
            owner.quit();
        }
        System.out.println("[layout] " + language + ": " + String.join("; ", measured));
        assertEquals(31, measured.size(), "every page of the walk was measured: " + measured);
        assertTrue(problems.isEmpty(), language + ":\n" + String.join("\n", problems));
    }

    /** The demo login as anna, sent with the button of the form whose action ends so. */
    private static void demoLogin(ChromeDriver driver, String formAction) {
        demoLogin(driver, "anna", formAction);
    }

    /** The demo login as that user. */
    private static void demoLogin(ChromeDriver driver, String username, String formAction) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[action$='" + formAction + "'] button")).click();
    }

    /** Ticks the first institution on the selection page and waits for the preview. */
    private static void selectFirstInstitution(ChromeDriver driver, WebDriverWait wait) {
        driver.findElement(By.id("inst-1")).click();
        driver.findElement(By.cssSelector("form[action$='/select'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/preview"));
    }

    @SuppressWarnings("unchecked")
    private void check(ChromeDriver driver, String page) {
        StringBuilder figures = new StringBuilder(page);
        for (int width : WIDTHS) {
            Chromium.viewport(driver, width, 800);
            Map<String, Object> m = (Map<String, Object>) driver.executeScript(MEASURE);
            // Against the emulated width: a phone browser zooms out to fit a wider page, so innerWidth grows with it.
            long documentWidth = ((Number) m.get("width")).longValue();
            figures.append(' ').append(width).append(":").append(documentWidth).append('x')
                    .append(((Number) m.get("height")).longValue());
            if (documentWidth > width) {
                problems.add(page + " at " + width + " px: the document is " + documentWidth + " px wide");
            }
            if (((Number) m.get("smallCount")).longValue() > 0) {
                problems.add(page + " at " + width + " px: " + m.get("smallCount") + " controls under 24 x 24 px, e.g. "
                        + m.get("small"));
            }
        }
        measured.add(figures.toString());
        Chromium.viewport(driver, 1024, 800);
    }
}
