package org.edurecords.ncp.sharing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.support.AdminApi;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.verify.DetachedSignature;

/**
 * Share links that carry credentials, over HTTP: the owner ticks credentials beside (or instead of) results, the
 * recipient sees them as they were when the link was made and, for a licence, authorisation or decision, its status
 * today; the credentials download as signed JSON; the ledger names what was disclosed.
 */
@QuarkusTest
class ShareLinkCredentialsTest {

    @Inject
    DisclosureLedger ledger;

    @Test
    void credentialsOnlyTravelAsSignedEvidenceAndTheRecipientSeesTheirStatus() {
        FlowClient dagny = ShareSteps.owner("dagny");
        Document select = FlowClient.html(dagny.get("/my-results/share?lang=en"));
        assertTrue(select.select("input[name=lo]").isEmpty(), "she has no higher-education results to tick");
        List<String> offered = select.select("#credential-choices input[name=credential]").eachAttr("value");
        assertEquals(2, offered.size(), select.outerHtml());
        for (Element box : select.select("#credential-choices input[name=credential]")) {
            assertNotNull(select.selectFirst("label[for=" + box.id() + "]"), "every box has its label");
        }
        Response nothing = dagny.post("/my-results/share/preview", Map.of("lo", List.of()));
        assertEquals(422, nothing.statusCode(), "nothing ticked: the selection again");

        Response preview = dagny.post("/my-results/share/preview", Map.of("credential", offered));
        assertEquals(200, preview.statusCode(), preview.asString());
        Document previewPage = FlowClient.html(preview);
        assertEquals(List.of("vocational", "authorisation"),
                previewPage.select("#competence section.credential-kind").eachAttr("data-kind"));
        Map<String, Object> form = ShareSteps.createForm(previewPage, "30", "en", "For the employer");
        form.put("credential", previewPage.select("form[action$=/create] input[name=credential]").eachAttr("value"));
        ShareSteps.Link link = ShareSteps.created(dagny.post("/my-results/share/create", form), List.of());

        FlowClient recipient = ShareSteps.opened(link);
        Document shown = FlowClient.html(recipient.get(link.path()));
        assertNotNull(shown.getElementById("download-pdf"), "a PDF of the credentials (SharePdfSectionsTest)");
        assertNull(shown.getElementById("download-elmo"), "no ELMO document without higher-education results");
        assertNull(shown.getElementById("verify-technical"), "no ELMO to verify");
        assertTrue(shown.getElementById("seal-competence").text().contains("signed by"), "what the signature proves");
        assertFalse(shown.getElementById("what-the-seal-proves").text().contains("institutions named below"),
                "the results' seal text is for links with results");
        assertTrue(shown.getElementById("verify-competence").text().contains("/emreg"));
        Element authorisation = shown.selectFirst("section[data-kind=authorisation] article.credential");
        assertNotNull(authorisation, shown.outerHtml());
        assertTrue(authorisation.selectFirst(".credential-status").text().startsWith("When the link was made ("),
                authorisation.outerHtml());
        assertTrue(authorisation.selectFirst(".credential-status").text().endsWith("Revoked since 2023-09-01"));
        assertEquals("Today: unchanged.", authorisation.selectFirst(".credential-now").text());
        assertNull(shown.selectFirst("section[data-kind=vocational] .credential-now"),
                "a certificate that was awarded does not change");

        Response evidence = recipient.get(link.path() + "/competence.json");
        assertEquals(200, evidence.statusCode());
        DetachedSignature.Verdict verdict = DetachedSignature.verify(evidence.header("X-Signature"),
                evidence.asByteArray(), List.of(ElmoChecks.exampleCertificate()));
        assertTrue(verdict.valid(), verdict.describe());
        assertEquals(List.of("vocational", "authorisation"), evidence.jsonPath().getList("credentials.kind"));
        assertEquals(404, recipient.get(link.path() + "/elmo").statusCode());
        assertEquals(303, new FlowClient().get(link.path() + "/competence.json").statusCode(),
                "without the code, back to the link's page");

        List<DisclosureEvent> events = ShareSteps.ledger(ledger, link.id());
        assertEquals(List.of(DisclosureKind.LINK_VIEWED, DisclosureKind.LINK_CREATED), events.stream().map(e -> e.kind).toList());
        assertTrue(events.get(1).results.contains("Authorisation as health worker"), events.get(1).results);
        assertTrue(events.get(1).results.contains("Journeyman certificate, carpentry"), events.get(1).results);
    }

    @Test
    void aDecisionRevokedAfterTheLinkWasMadeShowsBothTheSnapshotAndTodaysStatus() throws java.io.IOException {
        // A decision of carla's of this test only: older than her demo one, so her page shows that one first.
        Response imported = given().header("Authorization", "Bearer " + AdminApi.TOKEN).contentType(ContentType.JSON)
                .body("""
                        {"source":"test-share","credentials":[{"sourceKey":"DEC-1","nationalIdentifier":"24089467890",
                         "kind":"recognition","title":{"en":"Recognition of a Portuguese licenciatura"},
                         "issuer":{"name":"HK-dir","country":"NO"},"issuedOn":"2001-02-03",
                         "details":{"foreignQualification":{"en":"Licenciatura em Matemática"},"foreignCountry":"PT",
                          "decision":{"en":"Equivalent to a Norwegian bachelor's degree"},"equivalence":"bachelor"}}]}""")
                .post("/admin/competence/import");
        assertEquals(200, imported.statusCode(), imported.asString());

        FlowClient carla = ShareSteps.owner("carla");
        Document select = FlowClient.html(carla.get("/my-results/share?lang=en"));
        String decision = select.select("#credential-choices input[name=credential]").stream()
                .filter(box -> select.selectFirst("label[for=" + box.id() + "]").text().startsWith("Recognition of a Portuguese"))
                .findFirst().orElseThrow().attr("value");
        String result = select.selectFirst("input[name=lo]").attr("value");
        Map<String, Object> ticked = new LinkedHashMap<>();
        ticked.put("lo", List.of(result));
        ticked.put("credential", List.of(decision));
        Document previewPage = FlowClient.html(carla.post("/my-results/share/preview", ticked));
        assertNotNull(previewPage.selectFirst("table.results td.title"), "a result and a credential in one link");
        Map<String, Object> form = ShareSteps.createForm(previewPage, "30", "en", "");
        form.put("credential", List.of(decision));
        ShareSteps.Link link = ShareSteps.created(carla.post("/my-results/share/create", form), List.of());

        Response revoked = given().header("Authorization", "Bearer " + AdminApi.TOKEN).contentType(ContentType.JSON)
                .body("{\"status\":\"revoked\",\"since\":\"2026-01-15\",\"reason\":\"Based on false documents\"}")
                .post("/admin/competence/test-share/DEC-1/status");
        assertEquals(200, revoked.statusCode(), revoked.asString());

        FlowClient recipient = ShareSteps.opened(link);
        Document shown = FlowClient.html(recipient.get(link.path() + "?lang=en"));
        assertNotNull(shown.getElementById("download-pdf"), "the result's signed documents are there too");
        Element article = shown.selectFirst("section[data-kind=recognition] article.credential");
        assertTrue(article.selectFirst(".credential-status").text().endsWith("Valid since 2001-02-03")
                || article.selectFirst(".credential-status").text().endsWith("Valid"), article.outerHtml());
        Element now = article.selectFirst(".credential-now");
        assertEquals("Today: Revoked since 2026-01-15", now.text());
        assertTrue(now.hasClass("changed"));
        assertTrue(article.hasClass("not-current"), "the change is marked, not only written");
        // The signed evidence is the snapshot: it still says what was shared.
        String json = new String(recipient.get(link.path() + "/competence.json").asByteArray(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"status\":\"valid\""), json);
        assertFalse(json.contains("revoked"), json);
        // So is the link's PDF: the decision as it stood when the link was made.
        String pdf = SharePdfSectionsTest.text(recipient.get(link.path() + "/pdf").asByteArray());
        String decisions = pdf.substring(pdf.indexOf("Recognition of foreign education"));
        assertTrue(decisions.contains("Recognition of a Portuguese licenciatura"), decisions);
        assertTrue(decisions.contains("Foreign qualification Licenciatura em Matemática")
                && decisions.contains("Country Portugal") && decisions.contains("Equivalent to bachelor"), decisions);
        assertTrue(decisions.contains("Status Valid") && !decisions.contains("Revoked"), decisions);
    }
}
