package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.web.TextBundle;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PDF of a share link that carries credentials, over HTTP and read back with PDFBox: its results, then a section
 * per kind with that kind's own facts and columns, in the link's language; sealed, and checked on the verification
 * page as a recipient would; a link of credentials only has it too.
 */
@QuarkusTest
class SharePdfSectionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | Upper-secondary education | Licences | Norwegian, first written language | Overall achievement",
        "nb | Videregående opplæring | Førerkort og sertifikater | Norsk hovedmål | Standpunkt",
        "nn | Vidaregåande opplæring | Førarkort og sertifikat | Norsk hovudmål | Standpunkt",
        "se | Joatkkaskuvla | Vuodjinkoarttat ja sertifikáhtat | Norsk hovedmål | Oppalašárvosátni",
    })
    void aDiplomaAndALicenceEachHaveTheirSectionAndColumnsInTheLinksLanguage(String lang, String schoolHeading,
            String licenceHeading, String subject, String overall) throws IOException {
        FlowClient anna = ShareSteps.owner("anna");
        Document select = FlowClient.html(anna.get("/my-results/share?lang=" + lang));
        Map<String, Object> ticked = new LinkedHashMap<>();
        ticked.put("lo", List.of(select.selectFirst("input[name=lo]").attr("value")));
        ticked.put("credential", select.select("#credential-choices input[name=credential]").eachAttr("value"));
        Document previewPage = FlowClient.html(anna.post("/my-results/share/preview", ticked));
        List<String> results = previewPage.select("table.results td.title").eachText();
        assertFalse(results.isEmpty(), previewPage.outerHtml());
        Map<String, Object> form = ShareSteps.createForm(previewPage, "30", lang, "");
        form.put("credential", ticked.get("credential"));
        ShareSteps.Link link = ShareSteps.created(anna.post("/my-results/share/create", form), results);

        FlowClient recipient = ShareSteps.opened(link);
        Document shown = FlowClient.html(recipient.get(link.path()));
        assertNotNull(shown.getElementById("download-pdf"));
        assertNotNull(shown.getElementById("download-elmo"), "the results' ELMO as before");
        Response pdf = recipient.get(link.path() + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        String text = text(pdf.asByteArray());

        TextBundle comp = TextBundle.of("comp", Locale.forLanguageTag(lang));
        int total = text.indexOf(TextBundle.of("pdf", Locale.forLanguageTag(lang)).get("pdf_totalCredits"));
        int school = text.indexOf(" " + schoolHeading + " ");
        int licence = text.indexOf(" " + licenceHeading + " ");
        assertTrue(total > 0 && school > total && licence > school, "the results, then a section per kind: " + text);
        String diploma = text.substring(school, licence);
        // The diploma's own columns, the scale beside the grade, and its subjects with their words.
        assertTrue(diploma.contains(String.join(" ", comp.get("comp_subject_code"), comp.get("comp_subject"),
                comp.get("comp_grade"), comp.get("comp_scale"), comp.get("comp_hours"), comp.get("comp_assessment"))),
                diploma);
        assertTrue(diploma.contains(subject) && diploma.contains(overall), diploma);
        assertTrue(diploma.contains(comp.get("comp_grade_passed")) && diploma.contains(comp.get("comp_scale_pass_fail")),
                "a pass/fail grade and its scale in words: " + diploma);
        assertTrue(diploma.contains(comp.get("comp_programme")), diploma);
        String licences = text.substring(licence);
        assertTrue(licences.contains(String.join(" ", comp.get("comp_category"), comp.get("comp_valid_from"),
                comp.get("comp_valid_to"), comp.get("comp_restrictions"))), licences);
        assertTrue(licences.contains("AM146") && licences.contains("01.06"), licences);
        assertTrue(licences.contains(comp.get("comp_status") + " " + comp.get("comp_status_valid")),
                "a licence says where it stands: " + licences);
        assertFalse(text.contains(TextBundle.of("pdf", Locale.forLanguageTag(lang)).get("pdf_noResults")));
        if ("en".equals(lang)) {
            assertEquals("VALID", FlowClient.verificationOutcome("transcript.pdf", pdf.asByteArray()),
                    "the link's own PDF is sealed by the service");
            assertEquals("VALID", FlowClient.verificationOutcome("elmo.xml", recipient.get(link.path() + "/elmo")
                    .asByteArray()));
        }
    }

    @Test
    void aLinkOfCredentialsOnlyHasASealedPdfAndNoElmo() throws IOException {
        FlowClient dagny = ShareSteps.owner("dagny");
        ShareSteps.Link link = ShareSteps.createOfCredentials(dagny, "30", "en");

        FlowClient recipient = ShareSteps.opened(link);
        Document shown = FlowClient.html(recipient.get(link.path()));
        assertEquals("/s/" + link.id() + "/pdf", shown.getElementById("download-pdf").attr("href"));
        assertNull(shown.getElementById("download-elmo"));
        assertNotNull(shown.getElementById("verify-page-link"), "how to check the PDF");
        assertNull(shown.getElementById("verify-technical"), "no ELMO to send to the API");
        assertEquals(404, recipient.get(link.path() + "/elmo").statusCode());

        byte[] pdf = recipient.get(link.path() + "/pdf").asByteArray();
        String text = text(pdf);
        assertFalse(text.contains("No results were selected"), "a transcript of credentials: " + text);
        int certificate = text.indexOf("Trade and journeyman certificates");
        int authorisation = text.indexOf("Authorisations and certifications");
        assertTrue(certificate > 0 && authorisation > certificate, text);
        String trade = text.substring(certificate, authorisation);
        assertTrue(trade.contains("Journeyman certificate, carpentry") && trade.contains("Trade Carpentry")
                && trade.contains("Examining board") && trade.contains("County"), trade);
        String rest = text.substring(authorisation);
        assertTrue(rest.contains("Status on ") && rest.contains("the day this document was made"), rest);
        assertTrue(rest.contains("Profession Health worker") && rest.contains("Scheme HPR")
                && rest.contains("Number 9876543"), rest);
        assertTrue(rest.contains("Status: Revoked since 2023-09-01"), "marked, and in words: " + rest);
        String documentId = QuarkusTransaction.requiringNew().call(() -> ShareLink.<ShareLink>findById(link.id()).documentId);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(documentId, document.getDocumentInformation().getSubject(), "the link's document id");
        }
        assertTrue(text.contains(documentId), text);
        assertEquals("VALID", FlowClient.verificationOutcome("transcript.pdf", pdf));
    }

    /** The text as PDFBox extracts it, on one line. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertFalse(document.getSignatureDictionaries().isEmpty(), "the PDF carries its PAdES seal");
            return " " + new PDFTextStripper().getText(document).replaceAll("\\s+", " ") + " ";
        }
    }
}
