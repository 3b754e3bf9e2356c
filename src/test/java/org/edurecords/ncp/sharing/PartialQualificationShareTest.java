package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A share link of one course of a degree: the owner's preview, the recipient's page and the PDF say so. */
@QuarkusTest
class PartialQualificationShareTest {

    @ParameterizedTest
    @ValueSource(strings = { "en", "nb" })
    void theRecipientSeesSelectedResultsOnlyAndTheDegreesCredits(String language) throws Exception {
        FlowClient owner = ShareSteps.owner("anna");
        Response preview = owner.post("/my-results/share/preview", Map.of("lo", List.of("113")));
        assertEquals(200, preview.statusCode(), preview.asString());
        Document previewPage = FlowClient.html(preview);
        String ownerText = Answers.bundle("en").getProperty("parts_selected_only").replace("{included}", "1")
                .replace("{total}", "22");
        assertEquals(ownerText, previewPage.getElementById("parts-100").text());

        Response created = owner.post("/my-results/share/create",
                ShareSteps.createForm(previewPage, "7", language, "partial " + language));
        assertEquals(200, created.statusCode(), created.asString());
        Document page = FlowClient.html(created);
        String path = URI.create(page.getElementById("share-url").text()).getPath();
        ShareSteps.Link link = new ShareSteps.Link(page.getElementById("share-url").text(), path,
                path.substring(path.lastIndexOf('/') + 1), page.getElementById("share-code").text(), List.of());
        FlowClient recipient = ShareSteps.opened(link);

        Document shown = FlowClient.html(recipient.get(link.path()));
        String statement = Answers.bundle(language).getProperty("parts_selected_only").replace("{included}", "1")
                .replace("{total}", "22");
        assertNotNull(shown.getElementById("parts-100"), shown.text());
        assertEquals(statement, shown.getElementById("parts-100").text());
        assertEquals("180", shown.selectFirst("tr[data-lo=100] td.num").text());

        Response pdf = recipient.get(link.path() + "/pdf");
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains(language.equals("nb") ? "bare utvalgte resultater: 1 av 22"
                    : "selected results only: 1 of 22"), text);
        }
    }
}
