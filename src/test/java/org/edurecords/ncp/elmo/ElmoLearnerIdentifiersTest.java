package org.edurecords.ncp.elmo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.transfer.TransferDocumentService;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.ElmoXPath;
import org.edurecords.ncp.support.StandaloneConfig;
import org.junit.jupiter.api.Test;


/**
 * The switch for learner identifiers, through the whole answer pipeline (ELMO, PDF, signatures): off, the
 * national identifier and ESI appear nowhere; on, both travel in ELMO and the national identifier on the PDF.
 * (Over HTTP the default, off, is covered by ElmoContentTest; this avoids a second application boot.)
 */
class ElmoLearnerIdentifiersTest {

    private static final SigningKey KEY = SigningKeyLoader.loadPem(Path.of("keys-example/ncp-example.key.pem"),
            Path.of("keys-example/ncp-example.cert.pem"));

    @Test
    void identifiersTravelOnlyWhenAllowed() throws IOException {
        ElmoXPath allowed = transfer(true);
        assertEquals(List.of("nationalIdentifier", "esi"), allowed.texts("/e:elmo/e:learner/e:identifier/@type"));
        assertEquals(List.of("17049812345", "urn:schac:personalUniqueCode:int:esi:uio.no:104711"),
                allowed.texts("/e:elmo/e:learner/e:identifier"));
        assertTrue(pdfText(allowed).contains("17049812345"));

        ElmoXPath withheld = transfer(false);
        assertEquals(0, withheld.count("/e:elmo/e:learner/e:identifier"));
        assertTrue(!pdfText(withheld).contains("17049812345"));
    }

    private static ElmoXPath transfer(boolean allowed) {
        NcpConfig config = StandaloneConfig.ncp(Map.of("ncp.elmo.include-learner-identifiers", String.valueOf(allowed)));
        Learner learner = new Learner(1, "Anna Kristine", "Sørbø-Łukasiewicz", LocalDate.of(1998, 4, 17), "17049812345",
                "NO", "urn:schac:personalUniqueCode:int:esi:uio.no:104711");
        LearningOpportunity course = new LearningOpportunity(1, "IN1000", LocalizedText.of("en", "Introduction to Programming"), "Course",
                new ResultInstance(null, LocalDate.of(2017, 12, 8), ResultStatus.PASSED, "B", null, null, null), List.of());
        LearnerResults results = new LearnerResults(learner, List.of(new InstitutionResults(
                new Institution(1, "uio.no", null, "NO", LocalizedText.of("en", "University of Oslo"), "https://www.uio.no/"),
                List.of(course), List.of())));
        SignedTransfer transfer = new TransferDocumentService(config).build(results, Locale.ENGLISH, KEY,
                OffsetDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC), "doc-1");
        return new ElmoXPath(ElmoChecks.parse(ElmoChecks.decodeAndCheck(transfer.elmoValue())));
    }

    private static String pdfText(ElmoXPath elmo) throws IOException {
        String content = elmo.text("/e:elmo/e:attachment[1]/e:content");
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(content.substring(content.indexOf(',') + 1)))) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
