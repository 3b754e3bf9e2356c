package org.edurecords.ncp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.Browser;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.TestSigning;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The verification page as a person uses it, in a browser without JavaScript: documents this service made
 * (from an EMREX transfer) as an ELMO file, a PDF transcript and a pasted elmo value; a changed byte; a document
 * sealed by a key the registry does not know; garbage and an empty form; in English and bokmål.
 */
@QuarkusTest
class VerificationPageTest {

    @jakarta.inject.Inject
    VerifyPermits permits;

    private static final String ANNA = "Anna Kristine Sørbø-Łukasiewicz";

    @TestHTTPResource("/")
    URL root;

    @TempDir
    Path files;

    @jakarta.inject.Inject
    org.edurecords.ncp.config.NcpConfig config;

    private static String elmo;

    /** One transfer's answer, as the receiver got it. */
    private static synchronized String elmoValue() {
        if (elmo == null) {
            DemoFlow flow = new DemoFlow("verifypage-" + System.nanoTime(), "https://receiver.example.org/return").start();
            flow.login("anna", "demo");
            flow.select(Map.of("lo", List.of("113", "121", "136")));
            elmo = DemoFlow.answerFields(flow.confirm(), "https://receiver.example.org/return").get("elmo");
        }
        return elmo;
    }

    private static byte[] xml() throws Exception {
        return TransferEncoding.decode(elmoValue(), 32L * 1024 * 1024);
    }

    /** The PDF transcript: the content of the ELMO document's first attachment. */
    private static byte[] pdf() throws Exception {
        Document document = TestSigning.parse(xml());
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "attachment".equals(e.getLocalName())) {
                String content = e.getElementsByTagNameNS(ElmoVerifier.ELMO_NS, "content").item(0).getTextContent().strip();
                return Base64.getMimeDecoder().decode(content.substring(content.indexOf(',') + 1));
            }
        }
        throw new AssertionError("no attachment");
    }

    private HtmlPage form(WebClient browser, String language) throws Exception {
        HtmlPage page = browser.getPage(new URL(root, "/verification?lang=" + language));
        assertEquals(200, page.getWebResponse().getStatusCode());
        assertEquals(language, page.getDocumentElement().getAttribute("lang"));
        return page;
    }

    private HtmlPage upload(String language, String filename, byte[] content) throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage page = form(browser, language);
            Path file = files.resolve(filename);
            Files.write(file, content);
            ((HtmlFileInput) page.getElementById("document")).setFiles(file.toFile());
            return submit(page);
        }
    }

    private HtmlPage paste(String language, String value) throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage page = form(browser, language);
            ((HtmlTextArea) page.getElementById("elmo")).setText(value);
            return submit(page);
        }
    }

    private static HtmlPage submit(HtmlPage page) throws Exception {
        HtmlForm form = (HtmlForm) page.getElementById("verification-form");
        Page answer = form.getFirstByXPath(".//button[@type='submit']") instanceof DomElement button
                ? ((org.htmlunit.html.HtmlButton) button).click() : null;
        assertNotNull(answer);
        assertTrue(answer instanceof HtmlPage, "an HTML page: " + answer.getWebResponse().getContentAsString());
        HtmlPage html = (HtmlPage) answer;
        Answers.assertNoClassNames(html.getWebResponse().getContentAsString());
        return html;
    }

    private static String outcome(HtmlPage page) {
        DomElement verdict = page.getElementById("verdict");
        assertNotNull(verdict, page.asNormalizedText());
        return verdict.getAttribute("data-outcome");
    }

    private static String text(HtmlPage page, String id) {
        DomElement element = page.getElementById(id);
        assertNotNull(element, "#" + id + " on " + page.asNormalizedText());
        return element.asNormalizedText();
    }

    /** A text of the page's bundle (vmsg), else of the product's (msg). */
    static String message(String language, String key) {
        Properties page = new Properties();
        try (var in = VerificationPageTest.class.getResourceAsStream("/messages/vmsg_" + language + ".properties")) {
            page.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String text = page.getProperty(key, Answers.bundle(language).getProperty(key));
        assertNotNull(text, key);
        return text;
    }

    @Test
    void theFormWorksWithoutScriptsAndIsLinkedFromTheHomePage() throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage home = browser.getPage(new URL(root, "/?lang=en"));
            assertEquals("/verification", home.getElementById("verification-link").getAttribute("href"));
            for (String language : List.of("en", "nb")) {
                HtmlPage page = form(browser, language);
                HtmlForm form = (HtmlForm) page.getElementById("verification-form");
                assertEquals("multipart/form-data", form.getEnctypeAttribute());
                assertFalse(form.getInputByName("csrf-token").getValue().isBlank(), "the CSRF token, like every form");
                assertTrue(page.asNormalizedText().contains(message(language, "verification_file_label")));
                assertNotNull(page.querySelector("label[for=document]"));
                assertNotNull(page.querySelector("label[for=elmo]"));
                assertTrue(page.getWebResponse().getContentAsString().indexOf("<script") < 0, "no scripts");
            }
        }
    }

    @Test
    void anElmoFileOfThisServiceIsSealedUnchangedAndSummarised() throws Exception {
        HtmlPage answer = upload("en", "elmo-document.xml", xml());
        assertEquals(200, answer.getWebResponse().getStatusCode());
        assertEquals("VALID", outcome(answer));
        assertTrue(text(answer, "verdict-heading").contains(message("en", "verification_outcome_valid")));
        // Who: the organisation of the signing certificate and the NCP the registry knows it as.
        assertTrue(text(answer, "verdict-text").startsWith("This document was electronically sealed by EMREX NCP example on "),
                text(answer, "verdict-text"));
        assertEquals("EMREX NCP example", text(answer, "sealed-by"));
        assertTrue(text(answer, "sealed-ncp").startsWith("EMREX NCP (demo)"), text(answer, "sealed-ncp"));
        assertTrue(text(answer, "certificate-subject").contains("CN=EMREX NCP example key"));
        assertTrue(text(answer, "sealed-at").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} .*"), text(answer, "sealed-at"));
        assertEquals(message("en", "verification_checked_elmo"), text(answer, "checked-what"));
        // What: the learner, who issued which result, with grades and credits.
        assertEquals(ANNA, text(answer, "learner-name"));
        assertEquals("1998-04-17", text(answer, "learner-birth-date"));
        String summary = text(answer, "summary");
        assertTrue(summary.contains("Issued by University of Oslo"), summary);
        assertFalse(answer.querySelectorAll("#summary table.results tbody tr").isEmpty());
        assertNotNull(answer.getElementById("technical"), "the steps, for technical readers");
    }

    @Test
    void thePdfTranscriptIsCheckedByItsOwnSealAndStatesItVisibly() throws Exception {
        byte[] pdf = pdf();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        String verification = "http://localhost:" + RestAssured.port + "/verification";
        assertTrue(text.contains("This transcript is electronically sealed by EMREX NCP (demo) on "), text);
        assertTrue(text.contains("upload this PDF on the verification page " + verification), text);

        HtmlPage answer = upload("en", "transcript.pdf", pdf);
        assertEquals(200, answer.getWebResponse().getStatusCode());
        assertEquals("VALID", outcome(answer));
        assertEquals("EMREX NCP example", text(answer, "sealed-by"));
        assertEquals(message("en", "verification_checked_pdf"), text(answer, "checked-what"));
        // The seal's time is the one the PDF states.
        Matcher stated = Pattern.compile("sealed by EMREX NCP \\(demo\\) on (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} [+-]\\d{2}:\\d{2})")
                .matcher(text);
        assertTrue(stated.find(), text);
        java.time.Instant sealedAt = java.time.OffsetDateTime.parse(stated.group(1),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")).toInstant();
        assertEquals(org.edurecords.ncp.web.Formats.dateTime(sealedAt, config.timeZone(), java.util.Locale.ENGLISH),
                text(answer, "sealed-at"));
        assertTrue(text(answer, "pdf-note").contains(message("en", "verification_pdf_note")), "says that only the seal was checked");
        assertTrue(text(answer, "pdf-learner").contains(ANNA));
        assertNull(answer.getElementById("summary"), "a PDF has no structured summary");
    }

    @Test
    void aPastedElmoValueIsVerifiedInBokmal() throws Exception {
        // As copied from a page that broke it into lines.
        String value = elmoValue().replaceAll("(.{76})", "$1\n");
        HtmlPage answer = paste("nb", value);
        assertEquals(200, answer.getWebResponse().getStatusCode());
        assertEquals("nb", answer.getDocumentElement().getAttribute("lang"));
        assertEquals("VALID", outcome(answer));
        assertEquals(message("nb", "verification_outcome_valid"), text(answer, "verdict-heading"));
        assertTrue(text(answer, "verdict-text").startsWith("Dette dokumentet ble forseglet elektronisk av EMREX NCP example "),
                text(answer, "verdict-text"));
        assertTrue(text(answer, "sealed-at").matches("\\d{2}\\.\\d{2}\\.\\d{4} kl\\. .*"), text(answer, "sealed-at"));
        assertEquals("17.04.1998", text(answer, "learner-birth-date"));
        assertTrue(text(answer, "summary").contains("Utstedt av University of Oslo"), text(answer, "summary"));
    }

    @Test
    void oneChangedByteInAResultIsChanged() throws Exception {
        String xml = new String(xml(), StandardCharsets.UTF_8);
        Matcher grade = Pattern.compile("<resultLabel>([A-E])</resultLabel>").matcher(xml);
        assertTrue(grade.find(), "a letter grade to change");
        char better = grade.group(1).charAt(0) == 'A' ? 'B' : (char) (grade.group(1).charAt(0) - 1);
        String changed = xml.substring(0, grade.start(1)) + better + xml.substring(grade.end(1));
        assertEquals(xml.length(), changed.length());
        for (String language : List.of("en", "nb")) {
            HtmlPage answer = upload(language, "elmo-changed.xml", changed.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, answer.getWebResponse().getStatusCode());
            assertEquals("CHANGED", outcome(answer));
            assertEquals(message(language, "verification_outcome_changed"), text(answer, "verdict-heading"));
            assertNull(answer.getElementById("summary"), "what a changed document says is not shown as fact");
        }
    }

    @Test
    void oneChangedByteInThePdfIsChanged() throws Exception {
        byte[] pdf = pdf();
        String latin = new String(pdf, StandardCharsets.ISO_8859_1);
        // The document id in the document information, inside the sealed bytes.
        Matcher id = Pattern.compile("/Subject \\(([0-9a-f-]{36})\\)").matcher(latin);
        assertTrue(id.find(), "the document id is written as a plain string");
        int at = id.start(1);
        pdf[at] = (byte) (pdf[at] == 'a' ? 'b' : 'a');
        HtmlPage answer = upload("en", "transcript-changed.pdf", pdf);
        assertEquals("CHANGED", outcome(answer));
        assertEquals(message("en", "verification_outcome_changed_text"), text(answer, "verdict-text"));
    }

    @Test
    void aDocumentSealedByAKeyOutsideTheRegistryIsAnUnknownSigner() throws Exception {
        Document document = TestSigning.parse(xml());
        Element root = document.getDocumentElement();
        for (Node n = root.getLastChild(); n != null; n = n.getPreviousSibling()) {
            if ("Signature".equals(n.getLocalName())) {
                root.removeChild(n);
                break;
            }
        }
        TestSigning.jdkSign(document, TestSigning.foreignKey(), "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                TestSigning.SHA256);
        HtmlPage answer = upload("en", "elmo-foreign.xml", TestSigning.serialize(document));
        assertEquals("UNKNOWN_SIGNER", outcome(answer));
        assertTrue(text(answer, "claimed-signer").contains(
                TestSigning.foreignKey().certificate().getSubjectX500Principal().getName()), text(answer, "claimed-signer"));
        assertNull(answer.getElementById("sealed-by"));
    }

    @Test
    void garbageIsNotADocumentWeCanRead() throws Exception {
        for (String language : List.of("en", "nb")) {
            HtmlPage file = upload(language, "photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
            assertEquals(422, file.getWebResponse().getStatusCode());
            assertEquals("UNREADABLE", outcome(file));
            assertEquals(message(language, "verification_outcome_unreadable"), text(file, "verdict-heading"));
            HtmlPage pasted = paste(language, "this is not an elmo value");
            assertEquals(422, pasted.getWebResponse().getStatusCode());
            assertEquals("UNREADABLE", outcome(pasted));
            HtmlPage notPdf = upload(language, "broken.pdf", "%PDF-1.7\nnothing else".getBytes(StandardCharsets.US_ASCII));
            assertEquals(422, notPdf.getWebResponse().getStatusCode());
            assertEquals("UNREADABLE", outcome(notPdf));
        }
    }

    @Test
    void anEmptyFormIsAskedAgainWithAClearMessage() throws Exception {
        for (String language : List.of("en", "nb")) {
            try (WebClient browser = Browser.open()) {
                HtmlPage answer = submit(form(browser, language));
                assertEquals(400, answer.getWebResponse().getStatusCode());
                assertEquals(message(language, "verification_problem_empty"), text(answer, "verification-problem"));
                assertNotNull(answer.getElementById("verification-form"), "the form again");
            }
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedWithThePage() {
        io.restassured.response.Response response = RestAssured.given().multiPart("elmo", elmoValue())
                .header("Accept-Language", "en").post("/verification");
        Answers.assertPage(response, 400, "en", "error_csrf");
    }

    @Test
    void thePageSharesTheVerifiersSlotsAndSaysSoOnAPage() throws Exception {
        VerifierSlots.awaitIdle(permits);
        // Two clients start sending uploads and stall: they hold both slots of ncp.verify.max-concurrent.
        List<java.net.Socket> stalled = VerifierSlots.twoStalledClients("POST /verification HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n--b\r\n");
        try {
            io.restassured.response.Response busy = null;
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            // The stalled requests reach the server asynchronously; ask until both hold their slot.
            while (System.nanoTime() < until) {
                busy = RestAssured.given().header("Accept-Language", "nb").multiPart("elmo", "x").post("/verification");
                if (busy.statusCode() == 503) {
                    break;
                }
            }
            assertEquals("2", busy.header("Retry-After"));
            Answers.assertPage(busy, 503, "nb", "verification_busy");
            // The API counts the same slots.
            assertEquals(503, RestAssured.given().contentType("application/json").body("{\"elmo\":\"x\"}")
                    .post("/api/verify").statusCode());
        } finally {
            VerifierSlots.close(stalled);
        }
    }

    @Test
    void aSealWhoseRegistryCertificateHasSinceExpiredIsRecognisedWithANote() throws Exception {
        String value = elmoValue();
        java.time.Instant notAfter = TestSigning.exampleKey().certificate().getNotAfter().toInstant();
        org.edurecords.ncp.support.FrozenClock clock = org.edurecords.ncp.support.FrozenClock.install();
        clock.advance(java.time.Duration.between(clock.instant(), notAfter).plusDays(30));
        for (String language : List.of("en", "nb")) {
            HtmlPage answer = paste(language, value);
            assertEquals(200, answer.getWebResponse().getStatusCode());
            assertEquals("VALID", outcome(answer), "the registry still vouches for the key");
            String date = org.edurecords.ncp.web.Formats.date(java.time.LocalDate.ofInstant(notAfter, config.timeZone()),
                    java.util.Locale.forLanguageTag(language));
            assertEquals(message(language, "verification_expired").replace("{date}", date),
                    text(answer, "certificate-expired"), "sealed while the certificate was valid");
        }
    }

    @Test
    void uploadsTakeTheVerifiersLimitNotAPageFormsOne() throws Exception {
        // Far above a page form's 64 KiB, below ncp.verify.max-request-bytes: read and answered.
        HtmlPage large = upload("en", "large.txt", "A".repeat(300_000).getBytes(StandardCharsets.US_ASCII));
        assertEquals(422, large.getWebResponse().getStatusCode());
        assertEquals("UNREADABLE", outcome(large));
        // Above it: 413 with the product's page, before the body is read (a browser declares the length).
        HtmlPage tooLarge = upload("en", "huge.pdf", new byte[config.verify().maxRequestBytes() + 1]);
        assertEquals(413, tooLarge.getWebResponse().getStatusCode());
        assertTrue(tooLarge.asNormalizedText().contains(message("en", "error_too_large")), tooLarge.asNormalizedText());
    }
}
