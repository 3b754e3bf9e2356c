package org.edurecords.ncp.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.elmo.CompletenessExtension;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.Browser;
import org.edurecords.ncp.support.ElmoChecks;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The selection and preview of an EMREX transfer in a browser without JavaScript, in English and bokmål: whole
 * qualifications and what every view says of a partly selected one, the boxes for many results, the running
 * total, a student without results, institutions that were renamed, and the order of qualifications.
 */
@QuarkusTest
class SelectionPagesTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn";

    @TestHTTPResource("/")
    URL root;

    private WebClient browser(String language) {
        WebClient browser = Browser.open();
        browser.addRequestHeader("Accept-Language", language);
        return browser;
    }

    private HtmlPage loggedIn(WebClient browser, String username) throws Exception {
        HtmlPage login = Browser.startTransfer(browser, root, "sel-" + System.nanoTime(), RETURN_URL);
        ((HtmlInput) login.getElementById("username")).type(username);
        ((HtmlInput) login.getElementById("password")).type("demo");
        return click(login, "//form[contains(@action,'/login')]//button");
    }

    private static HtmlPage click(HtmlPage page, String xpath) throws Exception {
        HtmlButton button = page.getFirstByXPath(xpath);
        assertNotNull(button, xpath + " on " + page.asNormalizedText());
        return button.click();
    }

    private static HtmlPage continueToPreview(HtmlPage selection) throws Exception {
        HtmlPage preview = click(selection, "//form[contains(@action,'/select')]//button[@type='submit' and not(@name)]");
        assertTrue(preview.getUrl().getPath().endsWith("/preview"), preview.asNormalizedText());
        return preview;
    }

    private static String message(Properties bundle, String key, Object... namesAndValues) {
        String text = bundle.getProperty(key);
        assertNotNull(text, key);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return text;
    }

    private static HtmlCheckBoxInput box(HtmlPage page, String id) {
        DomElement element = page.getElementById(id);
        assertNotNull(element, id);
        return (HtmlCheckBoxInput) element;
    }

    private static long checkedResults(HtmlPage page) {
        return page.<HtmlCheckBoxInput>getByXPath("//input[@name='lo']").stream().filter(HtmlCheckBoxInput::isChecked)
                .count();
    }

    private static String squashed(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void aDegreeWithOneOfItsCoursesSaysSoInThePreviewTheElmoAndThePdf(String language) throws Exception {
        Properties bundle = Answers.bundle(language);
        String oneOf22 = message(bundle, "parts_selected_only", "included", 1, "total", 22);
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "anna");
            box(selection, "lo-113").setChecked(true);
            HtmlPage preview = continueToPreview(selection);

            // The degree row: the statement and the credits of the whole degree.
            DomElement parts = preview.getElementById("parts-100");
            assertNotNull(parts, preview.asNormalizedText());
            assertEquals(oneOf22, parts.asNormalizedText());
            assertEquals("180", preview.<org.htmlunit.html.DomNode>querySelector("tr[data-lo='100'] td.num")
                    .asNormalizedText());
            // The module kept around nothing is not there; the course is.
            assertNotNull(preview.querySelector("tr[data-lo='113']"));
            assertNull(preview.querySelector("tr[data-lo='112']"));
            assertEquals(message(bundle, "preview_summary", "count", 1, "credits", 10),
                    preview.getElementById("preview-summary").asNormalizedText());

            HtmlPage answer = click(preview, "//form[contains(@action,'/confirm')]//button");
            Map<String, String> fields = Browser.answerFields(answer);
            assertEquals("NCP_OK", fields.get("returnCode"));
            byte[] xml = ElmoChecks.decodeAndCheck(fields.get("elmo"));
            org.w3c.dom.Document elmo = ElmoChecks.parse(xml);
            NodeList statements = elmo.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "parts");
            assertEquals(1, statements.getLength(), "one result with parts in the document");
            Element degree = (Element) statements.item(0);
            assertEquals("false", degree.getAttribute("whole"));
            assertEquals("1", degree.getAttribute("included"));
            assertEquals("22", degree.getAttribute("total"));
            assertEquals("learningOpportunityInstance", degree.getParentNode().getParentNode().getLocalName());
            Element credits = (Element) degree.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "credits").item(0);
            assertEquals("180", credits.getTextContent().replaceAll("\\.0+$", ""));
            assertTrue(new String(xml, StandardCharsets.UTF_8).contains("Selected results only: 1 of 22"));
            NodeList said = degree.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "statement");
            java.util.List<String> languages = new java.util.ArrayList<>();
            for (int i = 0; i < said.getLength(); i++) {
                languages.add(((Element) said.item(i)).getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang"));
            }
            assertEquals(java.util.List.of("en", "nb", "nn", "se"), languages, "the statement in every language");

            String pdf = pdfText(elmo);
            String pdfStatement = language.equals("nb") ? "bare utvalgte resultater: 1 av 22"
                    : "selected results only: 1 of 22";
            assertTrue(pdf.contains(pdfStatement), pdf);
            assertTrue(pdf.matches("(?s).*B-IFI-PROSA.*180[.,]0.*"), "the degree row carries 180 credits: " + pdf);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void theWholeProgrammeBoxSelectsItsPassedPartsShowsTickedAndUntickingOnePartMakesItPartial(String language)
            throws Exception {
        Properties bundle = Answers.bundle(language);
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "anna");
            // The degree is "the whole programme"; the specialisation below the NTNU master's is not.
            assertTrue(selection.<org.htmlunit.html.DomNode>querySelector("label[for='group-100']").asNormalizedText()
                    .contains(message(bundle, "select_group_programme")));
            String module = selection.<org.htmlunit.html.DomNode>querySelector("label[for='group-135']").asNormalizedText();
            assertTrue(module.contains(message(bundle, "select_group_part")), module);
            assertFalse(module.contains(message(bundle, "select_group_programme")), module);
            assertFalse(box(selection, "group-100").isChecked());

            box(selection, "group-100").setChecked(true);
            HtmlPage preview = continueToPreview(selection);
            assertNull(preview.getElementById("parts-100"), "the whole degree needs no statement");
            assertEquals(message(bundle, "preview_summary", "count", 21, "credits", 180),
                    preview.getElementById("preview-summary").asNormalizedText());
            assertNull(preview.querySelector("tr[data-lo='105']"), "the failed course is not part of the whole");

            // Back on the selection: the programme's box reflects its parts, and so does the running total.
            HtmlPage again = browser.getPage(new URL(root, preview.getUrl().getPath().replace("/preview", "/select")));
            assertTrue(box(again, "group-100").isChecked());
            assertEquals(21, checkedResults(again));
            assertEquals(message(bundle, "select_summary", "count", 21, "credits", 180),
                    again.getElementById("selection-summary").asNormalizedText());
        }
    }

    @org.junit.jupiter.api.Test
    void aWholeDegreeIsSentAsWholeWithItsCreditsAndItsDiplomaSupplement() throws Exception {
        try (WebClient browser = browser("en")) {
            HtmlPage selection = loggedIn(browser, "anna");
            box(selection, "group-100").setChecked(true);
            HtmlPage answer = click(continueToPreview(selection), "//form[contains(@action,'/confirm')]//button");
            byte[] xml = ElmoChecks.decodeAndCheck(Browser.answerFields(answer).get("elmo"));
            org.w3c.dom.Document elmo = ElmoChecks.parse(xml);
            Element degree = (Element) elmo.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "parts").item(0);
            assertEquals("true", degree.getAttribute("whole"));
            assertEquals("21", degree.getAttribute("included"), "every passed course, not the failed one");
            assertEquals("22", degree.getAttribute("total"));
            assertEquals(0, degree.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "statement").getLength());
            assertEquals("180", degree.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "credits").item(0)
                    .getTextContent().replaceAll("\\.0+$", ""));
            assertTrue(new String(xml, StandardCharsets.UTF_8).contains("DS-B-IFI-PROSA"),
                    "the Diploma Supplement goes with the whole degree");
            assertFalse(pdfText(elmo).contains("selected results only"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void untickingOneCourseOfATickedProgrammeSendsTheRestAndSaysSo(String language) throws Exception {
        Properties bundle = Answers.bundle(language);
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "anna");
            box(selection, "group-100").setChecked(true);
            continueToPreview(selection);
            HtmlPage again = browser.getPage(new URL(root,
                    selection.getUrl().getPath()));
            assertTrue(box(again, "group-100").isChecked());
            assertEquals(message(bundle, "select_summary", "count", 21, "credits", 180),
                    again.getElementById("selection-summary").asNormalizedText());
            // Without JavaScript the programme's box stays ticked; the one course unticked counts.
            box(again, "lo-113").setChecked(false);
            HtmlPage preview = continueToPreview(again);
            assertEquals(message(bundle, "parts_selected_only", "included", 20, "total", 22),
                    preview.getElementById("parts-100").asNormalizedText());
            assertNull(preview.querySelector("tr[data-lo='113']"));
            assertEquals("180", preview.<org.htmlunit.html.DomNode>querySelector("tr[data-lo='100'] td.num").asNormalizedText());
            // The Diploma Supplement lists every result of the degree: it is not sent with a partial one.
            HtmlPage answer = click(preview, "//form[contains(@action,'/confirm')]//button");
            org.w3c.dom.Document elmo = ElmoChecks.parse(ElmoChecks.decodeAndCheck(
                    Browser.answerFields(answer).get("elmo")));
            assertEquals(1, elmo.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "parts").getLength());
            assertFalse(new String(ElmoChecks.decodeAndCheck(Browser.answerFields(answer).get("elmo")),
                    StandardCharsets.UTF_8).contains("DS-B-IFI-PROSA"), "no Diploma Supplement with a partial degree");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void showingFailedResultsKeepsTheTicksAndSelectAllNeverAddsThem(String language) throws Exception {
        Properties bundle = Answers.bundle(language);
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "anna");
            box(selection, "group-100").setChecked(true);
            box(selection, "lo-136").setChecked(true);
            HtmlPage all = click(selection, "//button[@id='show-all']");
            assertEquals(200, all.getWebResponse().getStatusCode());
            assertNotNull(all.getElementById("lo-105"), "the failed course is offered now");
            assertFalse(box(all, "lo-105").isChecked(), "and not ticked by the programme's box");
            assertEquals(22, checkedResults(all), "21 UiO courses and one NTNU course stay ticked");
            assertTrue(box(all, "group-100").isChecked());
            assertEquals(message(bundle, "select_summary", "count", 22, "credits", "187" + (language.equals("nb")
                    ? ",5" : ".5")), all.getElementById("selection-summary").asNormalizedText());

            // "Select all" of the University of Oslo, with failed results shown: still only the passed ones.
            box(all, "inst-1").setChecked(true);
            HtmlPage preview = continueToPreview(all);
            assertNull(preview.querySelector("tr[data-lo='105']"), preview.asNormalizedText());
            assertNotNull(preview.querySelector("tr[data-lo='136']"));
            // Ticked one by one, the failed course is sent.
            HtmlPage back = browser.getPage(new URL(root, preview.getUrl().getPath().replace("/preview", "/select")
                    + "?showAll=true"));
            box(back, "lo-105").setChecked(true);
            assertNotNull(continueToPreview(back).querySelector("tr[data-lo='105']"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void datesDoNotWrapAndALanguageSharedByAllRowsIsSaidOnce(String language) throws Exception {
        Properties bundle = Answers.bundle(language);
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "carla");
            box(selection, "group-300").setChecked(true);
            HtmlPage preview = continueToPreview(selection);
            String norwegian = java.util.Locale.forLanguageTag("no").getDisplayLanguage(java.util.Locale.forLanguageTag(
                    language));
            assertEquals(message(bundle, "detail_language") + ": " + norwegian,
                    preview.getElementById("inst-4-language").asNormalizedText());
            assertFalse(preview.<org.htmlunit.html.DomNode>querySelector("table.results tbody").asNormalizedText()
                    .contains(message(bundle, "detail_language")), "not repeated on the rows");
            // Anna's UiO courses were taught in two languages: each row says its own.
            assertFalse(preview.querySelectorAll("td.date").isEmpty());
        }
        String css = Browser.open().getPage(new URL(root, "/css/ncp.css")).getWebResponse().getContentAsString();
        assertTrue(css.matches("(?s).*td\\.date[^{]*\\{[^}]*white-space:\\s*nowrap.*"), "date cells never wrap");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void everyCellOfTheSelectionAndThePreviewIsLabelledWithItsColumnsNameForThePhoneLayout(String language)
            throws Exception {
        Properties bundle = Answers.bundle(language);
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "anna");
            assertCellsLabelled(selection, bundle, 10);
            box(selection, "lo-113").setChecked(true);
            box(selection, "lo-121").setChecked(true);
            assertCellsLabelled(continueToPreview(selection), bundle, 2);
        }
    }

    /** On a narrow screen the rows become blocks and each cell shows its column's name from data-label. */
    private static void assertCellsLabelled(HtmlPage page, Properties bundle, int leastRows) {
        List<String> labels = List.of("col_code", "col_date", "col_grade", "col_credits", "col_status").stream()
                .map(key -> message(bundle, key)).toList();
        Elements rows = Jsoup.parse(page.getWebResponse().getContentAsString()).select("table.results tbody tr");
        assertTrue(rows.size() >= leastRows, "rows: " + rows.size());
        for (org.jsoup.nodes.Element row : rows) {
            List<String> cellLabels = row.select("td[data-label]").eachAttr("data-label");
            assertEquals(labels, cellLabels, row.outerHtml());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void aRenamedInstitutionIsNamedThenAndNowAndItsNewestQualificationComesFirst(String language) throws Exception {
        Properties bundle = Answers.bundle(language);
        boolean nb = language.equals("nb");
        String expected = message(bundle, "institution_now", "then", nb ? "Høgskolen i Bergen" : "Bergen University College",
                "now", nb ? "Høgskulen på Vestlandet" : "Western Norway University of Applied Sciences");
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "carla");
            assertTrue(selection.asNormalizedText().contains(expected), selection.asNormalizedText());
            List<String> codes = selection.<DomElement>getByXPath("//input[@name='group']").stream()
                    .map(box -> box.getAttribute("value")).toList();
            assertEquals(List.of("300", "310"), codes, "the 2016 bachelor's degree before the 2013 year programme");
            box(selection, "group-310").setChecked(true);
            HtmlPage preview = continueToPreview(selection);
            assertEquals(expected, preview.getElementById("inst-4").asNormalizedText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void aStudentWithoutResultsReadsWhyAndReturnsWithTheButton(String language) throws Exception {
        Properties bundle = Answers.bundle(language);
        try (WebClient browser = browser(language)) {
            HtmlPage page = loggedIn(browser, "bjorn");
            assertEquals(message(bundle, "noresults_title"), page.<org.htmlunit.html.DomNode>querySelector("h1").asNormalizedText());
            assertNotNull(page.getElementById("no-results"));
            assertTrue(page.asNormalizedText().contains(message(bundle, "noresults_help_contact")));
            assertTrue(page.getByXPath("//script[contains(@src,'autosubmit')]").isEmpty(), "never sent by itself");
            Map<String, String> fields = Browser.answerFields(page);
            assertEquals("NCP_NO_RESULTS", fields.get("returnCode"));
            assertEquals("", fields.get("elmo"));
            HtmlForm form = (HtmlForm) page.getElementById("emrex-answer");
            assertEquals(RETURN_URL, form.getActionAttribute());
            assertTrue(page.getWebResponse().getResponseHeaderValue("Content-Security-Policy")
                    .contains("https://client.example.org"), "the button may post to the receiver");
            assertTrue(page.<org.htmlunit.html.DomNode>querySelector("#emrex-answer button").asNormalizedText().startsWith(
                    message(bundle, "noresults_button", "receiver", "").strip()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void thePreviewNamesTheInstitutionsThatAreMissing(String language) throws Exception {
        Properties bundle = Answers.bundle(language);
        try (WebClient browser = browser(language)) {
            HtmlPage selection = loggedIn(browser, "carla");
            DomElement notice = selection.getElementById("unreachable");
            assertNotNull(notice);
            assertTrue(notice.asNormalizedText().contains(language.equals("nb") ? "Universitetet i Bergen"
                    : "University of Bergen"));
            assertNotNull(selection.getFirstByXPath("//form[contains(@action,'/retry')]//button[@id='retry']"),
                    "a Try again button");
            box(selection, "group-300").setChecked(true);
            HtmlPage preview = continueToPreview(selection);
            DomElement missing = preview.getElementById("unreachable");
            assertNotNull(missing, preview.asNormalizedText());
            assertTrue(missing.asNormalizedText().contains(message(bundle, "source_missing_preview")));
        }
    }

    private static String pdfText(org.w3c.dom.Document elmo) throws Exception {
        NodeList attachments = elmo.getElementsByTagNameNS("https://github.com/emrex-eu/elmo-schemas/tree/v1", "content");
        for (int i = 0; i < attachments.getLength(); i++) {
            String content = attachments.item(i).getTextContent();
            if (content.startsWith("data:application/pdf;base64,")) {
                byte[] pdf = Base64.getDecoder().decode(content.substring("data:application/pdf;base64,".length()));
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    return squashed(new PDFTextStripper().getText(document));
                }
            }
        }
        throw new AssertionError("no PDF transcript");
    }
}
