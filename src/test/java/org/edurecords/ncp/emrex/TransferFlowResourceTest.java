package org.edurecords.ncp.emrex;

import org.edurecords.ncp.transfer.TransferFlowResource;
import org.edurecords.ncp.transfer.EmrexSession;
import org.edurecords.ncp.transfer.SessionPurge;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Whole transfers over HTTP for every return code, with the documents checked as a receiver would. */
@QuarkusTest
class TransferFlowResourceTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn?case=7";
    private static final String NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1";

    @Test
    void confirmedTransferAnswersOkWithASignedValidDocumentOfExactlyTheSelection() throws Exception {
        String sessionId = "sess-<\"&'-Ø-" + System.nanoTime();
        DemoFlow flow = new DemoFlow(sessionId, RETURN_URL).start();
        Response login = flow.login("anna", "demo");
        assertEquals(303, login.statusCode());
        assertTrue(login.header("Location").endsWith(flow.flowPath + "/select"));

        Document selection = FlowClient.html(flow.selectionPage());
        // Failed results are not offered by default.
        assertTrue(selection.select("input[name=lo][value=105]").isEmpty(), "failed MAT1110 is not offered");
        assertFalse(selection.select("input[name=lo][value=113]").isEmpty());
        assertTrue(selection.text().contains("client.example.org"));

        // Two UiO courses and one NTNU course inside a module.
        flow.select(Map.of("lo", List.of("113", "121", "136"))).then().statusCode(303);
        Response preview = flow.preview();
        Document previewPage = FlowClient.html(preview);
        assertEquals("Test client (client.example.org)", previewPage.selectFirst(".recipient .host").text());
        assertTrue(previewPage.text().contains("Søketeknologi") || previewPage.text().contains("Search Technology"));
        assertFalse(previewPage.text().contains("Calculus"), "unselected results are not previewed");

        Response answer = flow.confirm();
        assertEquals("no-store", answer.header("Cache-Control"));
        assertTrue(answer.header("Content-Security-Policy").contains("form-action 'self' https://client.example.org"));
        assertTrue(answer.contentType().toLowerCase().replace(" ", "").contains("charset=utf-8"), answer.contentType());
        Map<String, String> fields = DemoFlow.answerFields(answer, RETURN_URL);
        assertEquals(sessionId, fields.get("sessionId"), "sessionId is echoed byte for byte");
        assertFalse(answer.asString().contains("sess-<\""), "the sessionId is never reflected unescaped");
        assertEquals("NCP_OK", fields.get("returnCode"));
        assertEquals("", fields.get("returnMessage"));

        byte[] xml = ElmoChecks.decodeAndCheck(fields.get("elmo"));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("Sørbø-Łukasiewicz"), "non-ASCII family name survives byte for byte");
        org.w3c.dom.Document doc = ElmoChecks.parse(xml);
        var xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new SimpleNamespaces());
        assertEquals("Anna Kristine", xpath.evaluate("/e:elmo/e:learner/e:givenNames", doc));
        assertEquals("1998-04-17", xpath.evaluate("/e:elmo/e:learner/e:bday", doc));
        assertEquals("", xpath.evaluate("/e:elmo/e:learner/e:identifier", doc), "identifiers only when allowed");
        assertEquals(2.0, (Double) xpath.evaluate("count(/e:elmo/e:report)", doc, XPathConstants.NUMBER));
        List<String> codes = new ArrayList<>();
        NodeList ids = (NodeList) xpath.evaluate("//e:learningOpportunitySpecification/e:identifier[@type='local']", doc,
                XPathConstants.NODESET);
        for (int i = 0; i < ids.getLength(); i++) {
            codes.add(ids.item(i).getTextContent());
        }
        // Selected courses with their ancestors (degree, module); nothing else.
        assertEquals(Set.of("B-IFI-PROSA", "IN2010", "IN3120", "MIDT", "MIDT-PU", "TDT4237"), Set.copyOf(codes));
        assertEquals(6, codes.size());
        assertEquals("", xpath.evaluate("//e:learningOpportunitySpecification[e:type='Degree Programme']/e:specifies"
                + "/e:learningOpportunityInstance/e:credit", doc), "no ECTS on the degree: never counted twice");
        assertEquals("10", xpath.evaluate("//e:learningOpportunitySpecification[e:identifier='IN2010']/e:specifies"
                + "/e:learningOpportunityInstance/e:credit/e:value", doc).replaceAll("\\.0+$", ""));
        assertEquals(xpath.evaluate("count(//e:learningOpportunityInstance)", doc),
                xpath.evaluate("count(//e:learningOpportunityInstance[e:status])", doc), "status on every instance");
        // Every grading scheme reference resolves within its report.
        NodeList refs = (NodeList) xpath.evaluate("//e:report//e:gradingSchemeLocalId", doc, XPathConstants.NODESET);
        assertTrue(refs.getLength() > 0);
        for (int i = 0; i < refs.getLength(); i++) {
            Node report = ancestor(refs.item(i), "report");
            String id = refs.item(i).getTextContent();
            assertEquals(1.0, (Double) xpath.evaluate("count(e:gradingScheme[@localId='" + id + "'])", report,
                    XPathConstants.NUMBER), "grading scheme " + id);
        }
        // Issue dates carry a time zone.
        assertTrue(xpath.evaluate("/e:elmo/e:report[1]/e:issueDate", doc).matches(".*(Z|[+-]\\d\\d:\\d\\d)$"));

        // The first elmo-level attachment is the PDF transcript holding every exported result.
        Element attachment = (Element) xpath.evaluate("/e:elmo/e:attachment[1]", doc, XPathConstants.NODE);
        assertEquals("EMREX transcript", xpath.evaluate("e:type", attachment));
        String content = xpath.evaluate("e:content", attachment);
        assertTrue(content.startsWith("data:application/pdf;base64,"));
        byte[] pdf = Base64.getDecoder().decode(content.substring("data:application/pdf;base64,".length()));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String pdfText = new PDFTextStripper().getText(document);
            for (String expected : List.of("Anna Kristine Sørbø-Łukasiewicz", "1998-04-17", "University of Oslo",
                    "Norwegian University of Science and Technology", "Algorithms and Data Structures", "Search Technology",
                    "Software Security")) {
                assertTrue(pdfText.contains(expected), "PDF contains " + expected);
            }
            assertFalse(pdfText.contains("Calculus"));
        }

        // Signature is the last child of the root, and changing one text node breaks it.
        Node last = doc.getDocumentElement().getLastChild();
        assertEquals("Signature", last.getLocalName());
        Node family = (Node) xpath.evaluate("/e:elmo/e:learner/e:familyName", doc, XPathConstants.NODE);
        family.setTextContent("Sørbø-Lukasiewicz");
        assertFalse(ElmoChecks.verify(doc).valid(), "a changed text node fails verification");

        // The flow answers once: resubmitting or going back never posts a second NCP_OK.
        Response again = flow.client.post(flow.flowPath + "/confirm", Map.of("version", "1"));
        assertEquals(409, again.statusCode());
        assertTrue(FlowClient.html(again).select("form#emrex-answer").isEmpty());
        Response back = flow.preview();
        assertEquals(409, back.statusCode());
        assertTrue(FlowClient.html(back).select("form#emrex-answer").isEmpty());
        assertEquals(409, flow.cancel().statusCode());
    }

    @Test
    void pagesAreCompressedButTheAnswerPageWhoseDocumentIsAlreadyGzipIsNot() throws Exception {
        DemoFlow flow = new DemoFlow("sess-gzip-" + System.nanoTime(), RETURN_URL).start();
        flow.login("anna", "demo");
        flow.select(Map.of("lo", List.of("113", "121"))).then().statusCode(303);
        String version = FlowClient.html(flow.preview()).selectFirst("form[action$=/confirm] input[name=version]")
                .attr("value");
        // The JDK's client, which neither asks for nor undoes compression on its own: the headers as sent.
        HttpClient http = HttpClient.newHttpClient();
        String cookies = flow.client.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        URI base = URI.create("http://localhost:" + RestAssured.port);
        HttpResponse<byte[]> preview = http.send(HttpRequest.newBuilder(
                base.resolve(flow.flowPath + "/preview")).header("Accept-Encoding", "gzip").header("Cookie", cookies)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", preview.headers().firstValue("Content-Encoding").orElse("identity"));

        String form = FlowClient.CSRF_FIELD + "=" + URLEncoder.encode(flow.client.csrfToken(),
                StandardCharsets.UTF_8) + "&version=" + version;
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                base.resolve(flow.flowPath + "/confirm")).header("Accept-Encoding", "gzip").header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("identity", answer.headers().firstValue("Content-Encoding").orElse("identity"));
        assertFalse(Jsoup.parse(answer.body()).select("input[name=elmo]").attr("value").isEmpty(),
                "the answer page carries the document");
    }

    @Test
    void learnerWithoutResultsGetsNoResults() {
        DemoFlow flow = new DemoFlow("no-results", RETURN_URL).start();
        Map<String, String> fields = DemoFlow.answerFields(flow.login("bjorn", "demo"), RETURN_URL);
        assertEquals("NCP_NO_RESULTS", fields.get("returnCode"));
        assertEquals("", fields.get("elmo"));
        assertEquals("no-results", fields.get("sessionId"));
    }

    @Test
    void cancelAtLoginSelectionAndPreviewAnswersCancel() {
        DemoFlow atLogin = new DemoFlow("cancel-login", RETURN_URL).start();
        assertCancel(atLogin.cancel(), "cancel-login");

        DemoFlow atSelection = new DemoFlow("cancel-select", RETURN_URL).start();
        atSelection.login("anna", "demo");
        atSelection.selectionPage();
        assertCancel(atSelection.cancel(), "cancel-select");

        DemoFlow atPreview = new DemoFlow("cancel-preview", RETURN_URL).start();
        atPreview.login("anna", "demo");
        atPreview.selectionPage();
        atPreview.select(Map.of("lo", List.of("102")));
        atPreview.preview();
        assertCancel(atPreview.cancel(), "cancel-preview");
    }

    @Test
    void expiredFlowAnswersErrorSessionExpired() {
        DemoFlow flow = new DemoFlow("expired", RETURN_URL).start();
        flow.login("anna", "demo");
        String flowId = flow.flowPath.substring(flow.flowPath.lastIndexOf('/') + 1);
        QuarkusTransaction.requiringNew().run(() -> EmrexSession.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(60), flowId));
        Map<String, String> fields = DemoFlow.answerFields(flow.selectionPage(), RETURN_URL);
        assertEquals("NCP_ERROR", fields.get("returnCode"));
        assertEquals("Session expired", fields.get("returnMessage"));
        assertEquals("", fields.get("elmo"));
        assertEquals(409, flow.selectionPage().statusCode(), "an expired flow answers only once");
    }

    @Test
    void submittingNothingKeepsTheStudentOnTheSelectionPage() {
        DemoFlow flow = new DemoFlow("nothing", RETURN_URL).start();
        flow.login("anna", "demo");
        flow.selectionPage();
        Response response = flow.select(Map.of());
        assertEquals(422, response.statusCode());
        Document page = FlowClient.html(response);
        assertFalse(page.select("#nothing-selected").isEmpty());
        assertTrue(page.select("form#emrex-answer").isEmpty());
        // A tampered id of a result that was not offered selects nothing either.
        assertEquals(422, flow.select(Map.of("lo", List.of("105", "999999", "x"))).statusCode());
    }

    @Test
    void wholeInstitutionAndWholeDegreeBoxesSelectWithoutJavaScript() {
        DemoFlow flow = new DemoFlow("whole", RETURN_URL).start();
        flow.login("anna", "demo");
        flow.selectionPage();
        flow.select(Map.of("institution", List.of("1"), "group", List.of("135"))).then().statusCode(303);
        Document preview = FlowClient.html(flow.preview());
        String text = preview.text();
        assertTrue(text.contains("IN1000") && text.contains("IN3120") && text.contains("TDT4237"));
        assertFalse(text.contains("MAT1110"), "failed result not included by the whole-institution box");
        assertFalse(text.contains("TDT4242"), "result in progress not included by default");
        assertFalse(text.contains("TDT4120"), "NTNU results outside the chosen module are not included");
    }

    @Test
    void previewShowsTheTermsAndLevelsTheDocumentCarries() throws Exception {
        DemoFlow flow = new DemoFlow("details", RETURN_URL).start();
        flow.login("anna", "demo");
        flow.selectionPage();
        flow.select(Map.of("group", List.of("100"))).then().statusCode(303);
        Document preview = FlowClient.html(flow.preview());
        List<String> shown = preview.select("table.results td.details span").eachText();

        Map<String, String> fields = DemoFlow.answerFields(flow.confirm(), RETURN_URL);
        org.w3c.dom.Document doc = ElmoChecks.parse(ElmoChecks.decodeAndCheck(fields.get("elmo")));
        var xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new SimpleNamespaces());
        NodeList terms = (NodeList) xpath.evaluate("//e:academicTerm/e:title[@*[local-name()='lang']='en']", doc, XPathConstants.NODESET);
        assertTrue(terms.getLength() > 0, "the demo degree has courses with terms");
        for (int i = 0; i < terms.getLength(); i++) {
            assertTrue(shown.contains("Term: " + terms.item(i).getTextContent()), terms.item(i).getTextContent() + " in " + shown);
        }
        assertEquals(terms.getLength(), shown.stream().filter(s -> s.startsWith("Term: ")).count(), "one term per result sent");
        assertTrue(shown.contains("Level: EQF 6, NQF-NO 6"), shown.toString());
        assertEquals("6", xpath.evaluate("//e:learningOpportunitySpecification[e:identifier='B-IFI-PROSA']/e:specifies"
                + "/e:learningOpportunityInstance/e:level[e:type='EQF']/e:value", doc));
        assertTrue(shown.stream().anyMatch(s -> s.matches("Workload: \\d+ hours")), shown.toString());
    }

    @Test
    void wrongPasswordStaysOnTheLoginPage() {
        DemoFlow flow = new DemoFlow("wrong", RETURN_URL).start();
        Response response = flow.login("anna", "nope");
        assertEquals(401, response.statusCode());
        assertFalse(FlowClient.html(response).select("#login-error").isEmpty());
    }

    @Test
    void aFlowCannotBeContinuedFromAnotherBrowser() {
        DemoFlow flow = new DemoFlow("stolen", RETURN_URL).start();
        FlowClient other = new FlowClient();
        assertEquals(403, other.get(flow.flowPath + "/login").statusCode());
        assertEquals(404, other.get("/emrex/flow/unknown-flow-id/login").statusCode());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedWithAPage() {
        DemoFlow flow = new DemoFlow("csrf", RETURN_URL).start();
        Response response = io.restassured.RestAssured.given().redirects().follow(false)
                .cookie("ncp-flow", flow.client.cookie("ncp-flow"))
                .contentType("application/x-www-form-urlencoded").formParam("username", "anna")
                .formParam("password", "demo").post(flow.flowPath + "/login");
        assertEquals(400, response.statusCode());
        assertTrue(response.asString().contains("<h1>"), "a page, not an empty body");
    }

    @Test
    void twoFlowsInOneBrowserKeepTheirOwnSessionAndReturnUrl() {
        DemoFlow first = new DemoFlow("tab-1", "https://one.example.org/return").start();
        DemoFlow second = new DemoFlow("tab-2", "https://two.example.org/return").start();
        assertNotEquals(first.flowPath, second.flowPath);
        assertCancel(second.cancel(), "tab-2", "https://two.example.org/return");
        assertCancel(first.cancel(), "tab-1", "https://one.example.org/return");
    }

    @Test
    void theLanguageMenuSwitchesTheCurrentStepAndIsRemembered() {
        DemoFlow flow = new DemoFlow("language", RETURN_URL).start();
        Document login = FlowClient.html(flow.client.get(flow.flowPath + "/login"));
        var menu = login.select("nav.languages a");
        assertEquals(List.of("English", "Norsk bokmål", "Norsk nynorsk", "Davvisámegiella"), menu.eachText(),
                "every language, each named in itself");
        assertEquals(List.of("en", "nb", "nn", "se"), menu.eachAttr("lang"));
        assertEquals("true", login.selectFirst("nav.languages a[hreflang=en]").attr("aria-current"));
        String link = login.selectFirst("nav.languages a[hreflang=nb]").attr("href");
        assertEquals(flow.flowPath + "?lang=nb", link);
        Response switched = flow.client.get(link);
        assertEquals(303, switched.statusCode());
        assertEquals("nb", switched.getCookie("ncp-lang"));
        Document norwegian = FlowClient.html(flow.client.get(flow.flowPath + "/login"));
        assertEquals("nb", norwegian.selectFirst("html").attr("lang"));
        assertTrue(norwegian.text().contains("Logg inn"));
        assertEquals("true", norwegian.selectFirst("nav.languages a[hreflang=nb]").attr("aria-current"));

        Document sami = FlowClient.html(flow.client.get(flow.client.get(
                norwegian.selectFirst("nav.languages a[hreflang=se]").attr("href")).header("Location")));
        assertEquals("se", sami.selectFirst("html").attr("lang"));
        assertEquals("se", flow.client.cookie("ncp-lang"));
    }

    private static void assertCancel(Response response, String sessionId) {
        assertCancel(response, sessionId, RETURN_URL);
    }

    private static void assertCancel(Response response, String sessionId, String returnUrl) {
        Map<String, String> fields = DemoFlow.answerFields(response, returnUrl);
        assertEquals("NCP_CANCEL", fields.get("returnCode"));
        assertEquals(sessionId, fields.get("sessionId"));
        assertEquals("", fields.get("elmo"));
    }

    @Test
    void aLoginWhoseAnswerNeverReachedTheBrowserLeadsBackToTheLoginNotToARefusal() {
        DemoFlow flow = new DemoFlow("lost-login-" + System.nanoTime(), RETURN_URL).start();
        Map<String, String> beforeLogin = flow.client.cookies();
        // The login is done in the database, but the instance stops before its answer (the renewed flow cookie)
        // reaches the browser, which goes on with the cookie it had.
        assertEquals(303, flow.login("anna", "demo").statusCode());
        String lostSecret = flow.client.cookie(TransferFlowResource.FLOW_COOKIE);
        flow.client.restoreCookies(beforeLogin);

        Response again = flow.selectionPage();
        assertEquals(200, again.statusCode(), again.asString());
        Document page = FlowClient.html(again);
        assertTrue(page.selectFirst(".notice").text().contains("log in again"), page.text());
        assertFalse(page.text().contains("Anna Kristine"), "nothing of the learner is shown before the new login");

        // The lost answer's secret is worthless now; the browser logs in again and carries on.
        Response withLost = given().redirects().follow(false).cookie(TransferFlowResource.FLOW_COOKIE, lostSecret)
                .get(flow.flowPath + "/select");
        assertEquals(403, withLost.statusCode());
        assertEquals(303, flow.login("anna", "demo").statusCode());
        flow.select(Map.of("lo", List.of("113"))).then().statusCode(303);
        assertEquals("NCP_OK", DemoFlow.answerFields(flow.confirm(), RETURN_URL).get("returnCode"));

        // Once the student has moved on with the new cookie, the old one is refused again.
        flow.client.restoreCookies(beforeLogin);
        assertEquals(403, flow.selectionPage().statusCode());
    }

    @Test
    void aLoginErrorAddressWithoutTheLoginsTokenDoesNotEndTheTransfer() {
        DemoFlow flow = new DemoFlow("forged-failure-" + System.nanoTime(), RETURN_URL).start();
        for (String query : List.of("?reason=cancelled", "?reason=failed&attempt=guessed-token", "?reason=unavailable")) {
            Response failed = flow.client.get(flow.flowPath + "/login/failed" + query);
            assertEquals(200, failed.statusCode(), query);
            Document page = FlowClient.html(failed);
            assertTrue(page.select("form#emrex-answer").isEmpty(), "no answer is sent: " + query);
            assertTrue(page.selectFirst(".notice").text().contains("not completed"), page.text());
        }
        assertEquals(303, flow.login("anna", "demo").statusCode(), "the transfer is still open");
    }

    private static Node ancestor(Node node, String localName) {
        Node current = node;
        while (current != null && !localName.equals(current.getLocalName())) {
            current = current.getParentNode();
        }
        return current;
    }

    private static final class SimpleNamespaces implements javax.xml.namespace.NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return "e".equals(prefix) ? NS : javax.xml.XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(String uri) {
            return null;
        }

        @Override
        public java.util.Iterator<String> getPrefixes(String uri) {
            return null;
        }
    }
}
