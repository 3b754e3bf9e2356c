package org.edurecords.ncp.democlient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.edurecords.ncp.transfer.EmrexSession;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The README walk-through in a real form-submitting browser: the demo client starts a transfer,
 * the student logs in, selects, previews and confirms, the answer page posts itself back, and the
 * demo client shows the verified result.
 */
@QuarkusTest
class DemoClientWalkThroughTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void walkThroughWithJavaScript() throws Exception {
        try (WebClient browser = browser(true)) {
            HtmlPage home = browser.getPage(root);
            HtmlPage start = home.getAnchorByHref("/demo-client").click();
            HtmlPage login = submit(start, "start-transfer");
            assertTrue(login.getUrl().getPath().endsWith("/login"), login.getUrl().toString());
            assertTrue(login.asNormalizedText().contains(root.getHost()), "the receiving host is named");

            ((org.htmlunit.html.HtmlInput) login.getElementById("username")).type("anna");
            ((org.htmlunit.html.HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage selection = clickButton(login, "//form[contains(@action,'/login')]//button");
            assertTrue(selection.getUrl().getPath().endsWith("/select"), selection.getUrl().toString());

            // Script enhancement: ticking "select all" for the University of Oslo ticks every offered UiO result.
            HtmlCheckBoxInput allUio = (HtmlCheckBoxInput) selection.getElementById("inst-1");
            allUio.click();
            assertTrue(((HtmlCheckBoxInput) selection.getElementById("lo-113")).isChecked());
            assertTrue(selection.getElementById("lo-105") == null, "failed result is not offered");
            // The programme's box follows its parts, and the running total follows the ticks.
            assertTrue(((HtmlCheckBoxInput) selection.getElementById("group-100")).isChecked());
            assertEquals("21 selected, 180 ECTS credits", selection.getElementById("selection-summary").asNormalizedText());
            ((HtmlCheckBoxInput) selection.getElementById("lo-113")).click();
            assertFalse(((HtmlCheckBoxInput) selection.getElementById("group-100")).isChecked());
            assertEquals("20 selected, 170 ECTS credits", selection.getElementById("selection-summary").asNormalizedText());
            ((HtmlCheckBoxInput) selection.getElementById("lo-113")).click();
            assertTrue(((HtmlCheckBoxInput) selection.getElementById("group-100")).isChecked());

            HtmlPage preview = clickButton(selection, "//form[contains(@action,'/select')]//button");
            assertTrue(preview.getUrl().getPath().endsWith("/preview"));
            assertEquals("Demo client (" + root.getHost() + ")", preview.querySelector(".recipient .host").asNormalizedText());

            // Confirm: the answer page submits itself to the demo client's return URL.
            HtmlPage result = clickButton(preview, "//form[contains(@action,'/confirm')]//button");
            assertTrue(result.getUrl().getPath().endsWith("/demo-client/return"), result.getUrl().toString());
            assertEquals("NCP_OK", result.getElementById("return-code").asNormalizedText());
            List<DomElement> checks = result.getByXPath("//ul[@class='checks']/li");
            assertEquals(4, checks.size());
            for (DomElement check : checks) {
                assertEquals("ok", check.getAttribute("class"), check.asNormalizedText());
            }
            assertEquals("Anna Kristine Sørbø-Łukasiewicz", result.getElementById("learner-name").asNormalizedText());
            assertEquals("1998-04-17", result.getElementById("learner-bday").asNormalizedText());
            // 21 passed UiO courses, 180 ECTS; the failed attempt is not among them.
            assertEquals("180", result.querySelector("[data-credits='uio.no']").asNormalizedText().replaceAll("\\.0+$", ""));
            assertFalse(result.asNormalizedText().contains("MAT1110"));

            Page transcript = ((org.htmlunit.html.HtmlAnchor) result.getElementById("transcript-link")).click();
            assertEquals("application/pdf", transcript.getWebResponse().getContentType());
        }
    }

    @Test
    void walkThroughWithoutJavaScriptInNorwegian() throws Exception {
        try (WebClient browser = browser(false)) {
            browser.addRequestHeader("Accept-Language", "nb");
            HtmlPage start = browser.getPage(new URL(root, "/demo-client"));
            HtmlPage login = submit(start, "start-transfer");
            assertTrue(login.asNormalizedText().contains("Logg inn"), login.asNormalizedText());
            ((org.htmlunit.html.HtmlInput) login.getElementById("username")).type("anna");
            ((org.htmlunit.html.HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage selection = clickButton(login, "//form[contains(@action,'/login')]//button");
            assertTrue(selection.asNormalizedText().contains("Søketeknologi"));
            ((HtmlCheckBoxInput) selection.getElementById("group-130")).setChecked(true);
            HtmlPage preview = clickButton(selection, "//form[contains(@action,'/select')]//button");
            assertTrue(preview.asNormalizedText().contains("Algoritmer og datastrukturer"));
            HtmlPage answer = clickButton(preview, "//form[contains(@action,'/confirm')]//button");
            // Without scripts the answer waits for the student's click.
            assertTrue(answer.getUrl().getPath().endsWith("/confirm"));
            HtmlPage result = clickButton(answer, "//form[@id='emrex-answer']//button");
            assertEquals("NCP_OK", result.getElementById("return-code").asNormalizedText());
            assertTrue(result.getByXPath("//ul[@class='checks']/li[@class='failed']").isEmpty(),
                    result.asNormalizedText());
        }
    }

    @Test
    void cancelFromTheLoginPageReturnsCancel() throws Exception {
        try (WebClient browser = browser(true)) {
            HtmlPage login = submit(browser.getPage(new URL(root, "/demo-client")), "start-transfer");
            HtmlPage result = clickButton(login, "//form[contains(@action,'/cancel')]//button");
            assertEquals("NCP_CANCEL", result.getElementById("return-code").asNormalizedText());
            assertTrue(result.getElementById("learner-name") == null);
        }
    }

    @Test
    void personWithoutResultsReturnsNoResults() throws Exception {
        try (WebClient browser = browser(true)) {
            HtmlPage login = submit(browser.getPage(new URL(root, "/demo-client")), "start-transfer");
            ((org.htmlunit.html.HtmlInput) login.getElementById("username")).type("bjorn");
            ((org.htmlunit.html.HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage noResults = clickButton(login, "//form[contains(@action,'/login')]//button");
            // The student reads why, and returns with the button: the answer does not post itself.
            assertTrue(noResults.getUrl().getPath().endsWith("/login"), noResults.getUrl().toString());
            assertTrue(noResults.getElementById("no-results") != null, noResults.asNormalizedText());
            HtmlPage result = clickButton(noResults, "//form[@id='emrex-answer']//button");
            assertEquals("NCP_NO_RESULTS", result.getElementById("return-code").asNormalizedText());
            assertTrue(result.getElementById("learner-name") == null, "no document with NCP_NO_RESULTS");
        }
    }

    @Test
    void theResultPageNamesTheInstitutionsMissingFromAPartialDocument() throws Exception {
        try (WebClient browser = browser(true)) {
            HtmlPage login = submit(browser.getPage(new URL(root, "/demo-client")), "start-transfer");
            ((org.htmlunit.html.HtmlInput) login.getElementById("username")).type("carla");
            ((org.htmlunit.html.HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage selection = clickButton(login, "//form[contains(@action,'/login')]//button");
            assertTrue(selection.getElementById("unreachable") != null, selection.asNormalizedText());
            ((HtmlCheckBoxInput) selection.getElementById("group-300")).click();
            HtmlPage preview = clickButton(selection, "//form[contains(@action,'/select')]//button");
            assertTrue(preview.getElementById("unreachable").asNormalizedText().contains("University of Bergen"));
            HtmlPage result = clickButton(preview, "//form[contains(@action,'/confirm')]//button");
            assertEquals("NCP_OK", result.getElementById("return-code").asNormalizedText());
            DomElement missing = result.getElementById("missing-institutions");
            assertTrue(missing != null, result.asNormalizedText());
            assertTrue(missing.asNormalizedText().contains("University of Bergen: not available at the moment"),
                    missing.asNormalizedText());
            assertTrue(result.querySelector("#missing-institutions li[data-schac='uib.no']") != null);
        }
    }

    @Test
    void expiredTransferReturnsError() throws Exception {
        try (WebClient browser = browser(true)) {
            HtmlPage login = submit(browser.getPage(new URL(root, "/demo-client")), "start-transfer");
            String path = login.getUrl().getPath();
            String flowId = path.substring("/emrex/flow/".length(), path.lastIndexOf('/'));
            QuarkusTransaction.requiringNew().run(() -> EmrexSession.update("expiresAt = ?1 where id = ?2",
                    Instant.now().minusSeconds(1), flowId));
            ((org.htmlunit.html.HtmlInput) login.getElementById("username")).type("anna");
            ((org.htmlunit.html.HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage result = clickButton(login, "//form[contains(@action,'/login')]//button");
            assertEquals("NCP_ERROR", result.getElementById("return-code").asNormalizedText());
            assertEquals("Session expired", result.getElementById("return-message").asNormalizedText());
        }
    }

    @Test
    void emrex2TransferIsFetchedWithATokenAndBothSignaturesVerify() throws Exception {
        try (WebClient browser = browser(true)) {
            HtmlPage start = browser.getPage(new URL(root, "/demo-client"));
            assertEquals("demo-client", ((org.htmlunit.html.HtmlInput) start.getElementById("client_id")).getValue());
            String redirect = ((org.htmlunit.html.HtmlInput) start.getElementById("redirect_uri")).getValue();
            assertTrue(redirect.endsWith("/demo-client/emrex2/return"), redirect);
            HtmlPage login = submit(start, "start-emrex2");
            assertTrue(login.getUrl().getPath().endsWith("/login"), login.getUrl().toString());
            ((org.htmlunit.html.HtmlInput) login.getElementById("username")).type("anna");
            ((org.htmlunit.html.HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage selection = clickButton(login, "//form[contains(@action,'/login')]//button");
            ((HtmlCheckBoxInput) selection.getElementById("inst-1")).click();
            // No scope asks for everything: her driving licence is offered as a credential beside the results.
            ((HtmlCheckBoxInput) selection.getElementById("cred-9d7c2a10-0000-4000-8000-000000000002")).click();
            HtmlPage preview = clickButton(selection, "//form[contains(@action,'/select')]//button");
            assertTrue(preview.asNormalizedText().contains("Demo client"), "the consent names the registered client");

            HtmlPage result = clickButton(preview, "//form[contains(@action,'/confirm')]//button");
            assertTrue(result.getUrl().getPath().endsWith("/demo-client/emrex2/return"), result.getUrl().toString());
            List<DomElement> checks = result.getByXPath("//ul[@class='checks']/li");
            assertEquals(List.of("demo2_check_state", "demo2_check_token", "demo2_check_results", "demo_check_schema",
                    "demo2_check_xml_signature", "demo2_check_pdf", "demo2_check_x_signature"),
                    checks.stream().map(c -> c.getAttribute("data-check")).toList());
            for (DomElement check : checks) {
                assertEquals("ok", check.getAttribute("class"), check.asNormalizedText());
            }
            assertTrue(result.querySelector("[data-check='demo2_check_x_signature']").asNormalizedText()
                    .contains("elmo: RS256 verified"), result.asNormalizedText());
            assertTrue(result.querySelector("[data-check='demo2_check_x_signature']").asNormalizedText()
                    .contains("competence: RS256 verified"), result.asNormalizedText());
            assertEquals("Anna Kristine Sørbø-Łukasiewicz", result.getElementById("learner-name").asNormalizedText());
            assertEquals("180", result.querySelector("[data-credits='uio.no']").asNormalizedText().replaceAll("\\.0+$", ""));
            // The token answer is shown without the token.
            assertEquals("200", result.getElementById("token-status").asNormalizedText());
            assertEquals("Bearer", result.querySelector("#token-response [data-field='token_type']").asNormalizedText());
            assertTrue(result.querySelector("#token-response [data-field='access_token']") == null);
            // elmo, competence, pdf_metadata, pdf
            assertEquals(4, result.querySelectorAll("#resource-calls li[data-status='200']").size(),
                    result.asNormalizedText());
            Page transcript = ((org.htmlunit.html.HtmlAnchor) result.getElementById("transcript-link")).click();
            assertEquals("application/pdf", transcript.getWebResponse().getContentType());

            // The same redirect once more: its state was used, nothing is fetched again.
            HtmlPage again = browser.getPage(result.getUrl());
            assertEquals("failed", again.<DomElement>querySelector("[data-check='demo2_check_state']").getAttribute("class"));
            assertTrue(again.getElementById("token-response") == null);
        }
    }

    @Test
    void emrex2PersonWithoutResultsComesBackWithACodeAndA204() throws Exception {
        try (WebClient browser = browser(true)) {
            HtmlPage login = submit(browser.getPage(new URL(root, "/demo-client")), "start-emrex2");
            ((org.htmlunit.html.HtmlInput) login.getElementById("username")).type("bjorn");
            ((org.htmlunit.html.HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage noResults = clickButton(login, "//form[contains(@action,'/login')]//button");
            assertTrue(noResults.getElementById("no-results") != null, noResults.asNormalizedText());
            HtmlPage result = ((org.htmlunit.html.HtmlAnchor) noResults.getElementById("emrex-answer")).click();
            assertTrue(result.getUrl().getPath().endsWith("/demo-client/emrex2/return"), result.getUrl().toString());
            for (String check : List.of("demo2_check_state", "demo2_check_token", "demo2_check_results",
                    "demo2_check_x_signature")) {
                assertEquals("ok", result.<DomElement>querySelector("[data-check='" + check + "']").getAttribute("class"),
                        result.asNormalizedText());
            }
            assertTrue(result.querySelector("[data-check='demo2_check_results']").asNormalizedText().contains("HTTP 204"));
            // elmo and competence: nothing of either
            assertEquals(2, result.querySelectorAll("#resource-calls li[data-status='204']").size());
            assertTrue(result.getElementById("learner-name") == null, "no document with 204");
        }
    }

    @Test
    void emrex2CancelComesBackAsAccessDenied() throws Exception {
        try (WebClient browser = browser(false)) {
            browser.addRequestHeader("Accept-Language", "nb");
            HtmlPage login = submit(browser.getPage(new URL(root, "/demo-client")), "start-emrex2");
            HtmlPage result = clickButton(login, "//form[contains(@action,'/cancel')]//button");
            assertTrue(result.getUrl().getPath().endsWith("/demo-client/emrex2/return"), result.getUrl().toString());
            assertEquals("access_denied", result.getElementById("emrex2-error").asNormalizedText());
            assertEquals("ok", result.<DomElement>querySelector("[data-check='demo2_check_state']").getAttribute("class"));
            assertTrue(result.getElementById("learner-name") == null);
            assertTrue(result.asNormalizedText().contains("Feil"), "the page in bokmål");
        }
    }

    private static WebClient browser(boolean javaScript) {
        WebClient browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setJavaScriptEnabled(javaScript);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
        browser.getOptions().setRedirectEnabled(true);
        return browser;
    }

    private static HtmlPage submit(HtmlPage page, String formId) throws Exception {
        return clickButton(page, "//form[@id='" + formId + "']//button");
    }

    private static HtmlPage clickButton(HtmlPage page, String xpath) throws Exception {
        org.htmlunit.html.HtmlButton button = page.getFirstByXPath(xpath);
        if (button == null) {
            throw new AssertionError("no button " + xpath + " on " + page.getUrl() + ":\n" + page.asNormalizedText());
        }
        Page next = button.click();
        next.getEnclosingWindow().getWebClient().waitForBackgroundJavaScript(2000);
        return (HtmlPage) next.getEnclosingWindow().getEnclosedPage();
    }
}
