package org.edurecords.ncp.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.junit.jupiter.api.Test;

/** The font prepared once for all transcripts, and the fallback to the whole font. */
class PreparedFontTest {

    private final TranscriptPdfRenderer renderer = new TranscriptPdfRenderer();

    @Test
    void ligatureCandidatesPrintAsPlainLettersInEveryDocument() throws IOException {
        // Twice: the second document uses a pooled font the first one already used.
        for (int i = 0; i < 2; i++) {
            String text = text(transcript("Anna", "Sørbø", "Efficient Scientific Workflows, official affiliations"));
            assertTrue(text.contains("Efficient Scientific Workflows, official affiliations"), text);
        }
    }

    @Test
    void aNameOutsideThePreparedScriptsStillPrints() throws IOException {
        // Georgian is in the shipped font but not in the repertoire prepared for speed.
        String text = text(transcript("ნინო", "ბერიძე", "Georgian script: ანბანი"));
        assertTrue(text.contains("ნინო ბერიძე"), text);
        assertTrue(text.contains("ანბანი"), text);
    }

    @Test
    void theRepertoireCoversEuropeanScriptsOnly() {
        PreparedFont font = PreparedFont.load("/fonts/DejaVuSans.ttf");
        assertTrue(font.covers("Łódź Øresund Ærøskøbing Þórshöfn Αθήνα Москва Nguyễn – € …"));
        assertTrue(!font.covers("ანბანი"));
        assertTrue(font.preparedSize() < 300_000, "prepared font " + font.preparedSize() + " bytes");
    }

    private Transcript transcript(String givenNames, String familyName, String title) {
        Learner learner = new Learner(9, givenNames, familyName, LocalDate.of(2000, 1, 2), null, null);
        Institution institution = new Institution(1, "uio.no", null, "NO", LocalizedText.of("en", "University of Oslo"),
                "https://www.uio.no/");
        LearningOpportunity course = new LearningOpportunity(1, "C101", LocalizedText.of("en", title), "Course",
                new ResultInstance(null, LocalDate.of(2024, 6, 1), ResultStatus.PASSED, "A", null, null, null), List.of());
        return new Transcript("NCP", "doc-1", null, Locale.ENGLISH, null, new LearnerResults(learner,
                List.of(new InstitutionResults(institution, List.of(course), List.<GradingScheme>of()))), false);
    }

    private String text(Transcript transcript) throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(transcript))) {
            return new PDFTextStripper().getText(document);
        }
    }
}
