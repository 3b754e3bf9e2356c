package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.edurecords.ncp.support.Browser;
import org.junit.jupiter.api.Test;

/**
 * Owner and recipient in two separate browsers without JavaScript: Anna shares two courses in bokmål, the
 * recipient tries a wrong code, then the right one, reads the results and downloads both documents; Anna sees
 * the view and deactivates the link, and the recipient's next visit is refused.
 */
@QuarkusTest
class ShareWalkThroughTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void ownerSharesAndRecipientOpensInAnotherBrowser() throws Exception {
        try (WebClient ownerBrowser = Browser.open(); WebClient recipientBrowser = Browser.open()) {
            // Owner: log in, follow the entry point, tick two courses, preview, choose settings, create.
            HtmlPage login = ownerBrowser.getPage(new URL(root, "/my-results"));
            ((HtmlInput) login.getElementById("username")).type("anna");
            ((HtmlInput) login.getElementById("password")).type("demo");
            HtmlPage results = button(login, "//form[contains(@action,'/login/demo')]//button").click();
            HtmlPage select = ((HtmlAnchor) results.getElementById("share-link")).click();
            List<HtmlCheckBoxInput> boxes = select.getByXPath("//input[@name='lo']");
            boxes.get(1).setChecked(true);
            boxes.get(2).setChecked(true);
            HtmlPage preview = button(select, "//form[contains(@action,'/share/preview')]//button").click();
            assertEquals(200, preview.getWebResponse().getStatusCode(), preview.asNormalizedText());
            ((HtmlRadioButtonInput) preview.getElementById("validity-7")).setChecked(true);
            ((HtmlRadioButtonInput) preview.getElementById("language-nb")).setChecked(true);
            ((HtmlInput) preview.getElementById("label")).type("Søknad Statens vegvesen");
            List<String> previewed = preview.getByXPath("//td[@class='title']/text()").stream()
                    .map(Object::toString).map(String::strip).toList();
            HtmlPage created = button(preview, "//form[contains(@action,'/share/create')]//button").click();
            assertEquals(200, created.getWebResponse().getStatusCode(), created.asNormalizedText());
            String url = created.getElementById("share-url").asNormalizedText();
            String code = created.getElementById("share-code").asNormalizedText();

            // Recipient: another browser, no portal session; a wrong code first.
            URL link = new URL(root, URI.create(url).getPath());
            HtmlPage form = recipientBrowser.getPage(link);
            assertEquals("nb", form.getDocumentElement().getAttribute("lang"));
            ((HtmlInput) form.getElementById("code")).type("ABCD-EFGH-JKMN");
            HtmlPage wrong = button(form, "//form//button").click();
            assertEquals(422, wrong.getWebResponse().getStatusCode());
            assertNotNull(wrong.getElementById("wrong-code"));
            ((HtmlInput) wrong.getElementById("code")).type(code);
            HtmlPage shown = button(wrong, "//form//button").click();
            assertEquals(200, shown.getWebResponse().getStatusCode(), shown.asNormalizedText());
            assertEquals(link.getPath(), shown.getUrl().getPath());
            assertEquals("Resultater delt med deg av Anna Kristine Sørbø-Łukasiewicz", shown.querySelector("h1").asNormalizedText());
            assertEquals("no-store", shown.getWebResponse().getResponseHeaderValue("Cache-Control"));
            assertEquals(previewed.size(), shown.getByXPath("//td[@class='title']").size());

            Page pdf = ((HtmlAnchor) shown.getElementById("download-pdf")).click();
            assertEquals("application/pdf", pdf.getWebResponse().getContentType());
            assertTrue(pdf.getWebResponse().getResponseHeaderValue("Content-Disposition").startsWith("attachment"));
            Page elmo = ((HtmlAnchor) shown.getElementById("download-elmo")).click();
            assertEquals("application/xml", elmo.getWebResponse().getContentType());
            assertTrue(elmo.getWebResponse().getContentAsString().contains("Signature"));

            // Owner: the view is listed; deactivate.
            HtmlPage links = ownerBrowser.getPage(new URL(root, "/my-results/links"));
            String linkId = link.getPath().substring(3);
            HtmlElement row = links.getFirstByXPath("//tr[@data-link='" + linkId + "']");
            assertNotNull(row);
            assertEquals("1", ((HtmlElement) row.getFirstByXPath(".//span[@class='view-count']")).asNormalizedText());
            assertEquals("Søknad Statens vegvesen", ((HtmlElement) row.getFirstByXPath(".//td[@class='label']")).asNormalizedText());
            HtmlPage after = ((HtmlElement) row.getFirstByXPath(".//form[@class='deactivate']//button")).click();
            assertNotNull(after.getElementById("deactivated"));
            assertNull(after.getFirstByXPath("//tr[@data-link='" + linkId + "']//form"));

            // Recipient: refused at once, even within the grant.
            HtmlPage refused = recipientBrowser.getPage(link);
            assertEquals(410, refused.getWebResponse().getStatusCode());
            assertTrue(refused.getByXPath("//td[@class='title']").isEmpty());

            // Owner: the disclosure ledger tells the story of the link.
            HtmlPage ledger = ownerBrowser.getPage(new URL(root, "/my-results/ledger"));
            List<String> kinds = ledger.getByXPath("//table[@id='ledger']//tr/@data-kind").stream()
                    .map(a -> ((org.htmlunit.html.DomAttr) a).getValue()).toList();
            for (String kind : List.of("LINK_CREATED", "LINK_VIEWED", "LINK_DEACTIVATED")) {
                assertTrue(kinds.contains("ledger_kind_" + kind), kind + " in " + kinds);
            }
        }
    }

    private static HtmlElement button(HtmlPage page, String xpath) {
        HtmlElement button = page.getFirstByXPath(xpath);
        assertNotNull(button, xpath + " on " + page.getUrl());
        return button;
    }
}
