package org.edurecords.ncp.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The owner downloads their own signed PDF transcript and ELMO document of all their results from My results. */
@QuarkusTest
class OwnDocumentsTest {

    @Test
    void theOwnerDownloadsTheirSignedElmoAndPdfOfAllResults() throws Exception {
        FlowClient owner = login("anna");
        Document results = FlowClient.html(owner.get("/my-results"));
        assertEquals("/my-results/transcript.pdf", results.getElementById("own-pdf").attr("href"));
        assertEquals("/my-results/results.xml", results.getElementById("own-elmo").attr("href"));
        int shown = results.select("td.title").size();

        Response elmo = owner.get("/my-results/results.xml");
        assertEquals(200, elmo.statusCode());
        assertTrue(elmo.contentType().startsWith("application/xml"), elmo.contentType());
        assertTrue(elmo.header("Content-Disposition").matches("attachment; filename=\"elmo-[0-9a-f-]+\\.xml\""),
                elmo.header("Content-Disposition"));
        assertEquals("no-store", elmo.header("Cache-Control"));
        // Schema, the rules the schema cannot express, and the signature verified independently of the signer.
        byte[] xml = ElmoChecks.decodeAndCheck(TransferEncoding.encode(elmo.asByteArray()));
        String document = new String(xml, StandardCharsets.UTF_8);
        assertTrue(document.contains("Sørbø-Łukasiewicz"));
        int opportunities = document.split("<learningOpportunitySpecification", -1).length - 1;
        assertTrue(opportunities >= shown && shown > 0, opportunities + " in the document, " + shown + " on the page");

        Response pdf = owner.get("/my-results/transcript.pdf?lang=nb");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        try (PDDocument transcript = Loader.loadPDF(pdf.asByteArray())) {
            assertFalse(transcript.getSignatureDictionaries().isEmpty(), "the transcript carries its PAdES signature");
            String text = new PDFTextStripper().getText(transcript);
            assertTrue(text.contains("Sørbø-Łukasiewicz"), text);
            assertTrue(text.contains("Opprettet"), "in the language of the request: " + text);
            // The time of the transcript is in the service's time zone, as on the pages.
            String offset = ZoneId.of("Europe/Oslo").getRules().getOffset(Instant.now()).getId();
            assertTrue(text.contains(" kl. ") && text.contains(offset), offset + " in " + text);
            // Her credentials follow the results, a section per kind with its own columns.
            String flat = text.replaceAll("\\s+", " ");
            int total = flat.indexOf("Sum studiepoeng (ECTS)");
            int school = flat.indexOf("Videregående opplæring");
            int licences = flat.indexOf("Førerkort og sertifikater");
            assertTrue(total > 0 && school > total && licences > school, flat);
            assertTrue(flat.substring(school, licences).contains("Kode Fag Karakter Skala Timer Vurdering"), flat);
            assertTrue(flat.substring(licences).contains("Klasse Gyldig fra Gyldig til Begrensninger"), flat);
        }
        assertNotNull(results.getElementById("own-pdf-sections"), "the page says the PDF has them");
        assertEquals("VALID", FlowClient.verificationOutcome("transcript.pdf", pdf.asByteArray()), "sealed as before");
    }

    @Test
    void anOwnerWithCredentialsOnlyDownloadsTheirSealedPdf() throws Exception {
        FlowClient dagny = login("dagny");
        Document page = FlowClient.html(dagny.get("/my-results?lang=en"));
        assertEquals("Download the PDF of your competence (signed)", page.getElementById("own-pdf").text());
        assertEquals(303, dagny.get("/my-results/results.xml").statusCode(), "no ELMO without results");
        Response pdf = dagny.get("/my-results/transcript.pdf?lang=en");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("no-store", pdf.header("Cache-Control"));
        assertTrue(pdf.header("Content-Disposition").matches("attachment; filename=\"transcript-[0-9a-f-]+\\.pdf\""),
                pdf.header("Content-Disposition"));
        try (PDDocument transcript = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(transcript).replaceAll("\\s+", " ");
            assertFalse(text.contains("No results were selected"), text);
            int certificates = text.indexOf("Trade and journeyman certificates");
            int authorisations = text.indexOf("Authorisations and certifications");
            assertTrue(certificates > 0 && authorisations > certificates, text);
            assertTrue(text.substring(certificates, authorisations).contains("Trade Carpentry"), text);
            assertTrue(text.substring(authorisations).contains("Status: Revoked since 2023-09-01"), text);
        }
        assertEquals("VALID", FlowClient.verificationOutcome("transcript.pdf", pdf.asByteArray()));
    }

    @Test
    void withoutALoginTheDownloadsLeadToTheLogin() {
        FlowClient stranger = new FlowClient();
        for (String path : List.of("/my-results/transcript.pdf", "/my-results/results.xml")) {
            Response response = stranger.get(path);
            assertEquals(303, response.statusCode(), path);
            assertTrue(response.header("Location").endsWith("/my-results"), path);
        }
        // bjorn has no results: nothing to sign, the login page's answer again.
        FlowClient bjorn = login("bjorn");
        assertEquals(303, bjorn.get("/my-results/results.xml").statusCode());
        assertEquals(303, bjorn.get("/my-results/transcript.pdf").statusCode(), "nor credentials");
        assertNotNull(FlowClient.html(bjorn.get("/my-results")).getElementById("no-results"));
    }

    private static FlowClient login(String username) {
        return new FlowClient().portalLogin(username);
    }
}
