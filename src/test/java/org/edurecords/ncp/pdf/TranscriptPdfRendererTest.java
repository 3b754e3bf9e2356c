package org.edurecords.ncp.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.AcademicTerm;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.junit.jupiter.api.Test;

class TranscriptPdfRendererTest {

    private static final String NCP_NAME = "Norwegian EMREX Contact Point";
    private static final String VERIFICATION_URL = "https://ncp.example.no/verify";
    private static final OffsetDateTime GENERATED_AT = OffsetDateTime.of(2025, 3, 1, 14, 5, 0, 0, ZoneOffset.ofHours(1));
    private static final float A4_WIDTH = 595.2756f;

    private final TranscriptPdfRenderer renderer = new TranscriptPdfRenderer();

    @Test
    void academicTermsStandUnderTheirDatesInTheLanguageOfTheTranscript() throws IOException {
        ResultInstance withTerm = new ResultInstance(null, LocalDate.of(2019, 12, 15), ResultStatus.PASSED, "B",
                new BigDecimal("10"), "AF", "en", new AcademicTerm(LocalizedText.of("en", "Autumn 2019", "nb", "Høst 2019"),
                        LocalDate.of(2019, 8, 19), LocalDate.of(2019, 12, 31)), null, null, List.of(), null, List.of());
        List<LearningOpportunity> roots = List.of(new LearningOpportunity(1, "IN1000", LocalizedText.of("en", "Introduction to Programming", "nb", "Innføring i programmering"), "Course", withTerm, List.of()));

        String english = text(renderer.render(Fixtures.withRoots(Locale.ENGLISH, roots)));
        assertContains(english, "Date / term");
        assertContains(english, "2019-12-15");
        assertContains(english, "Autumn 2019");
        String norwegian = text(renderer.render(Fixtures.withRoots(Locale.forLanguageTag("nb"), roots)));
        assertContains(norwegian, "Dato / semester");
        assertContains(norwegian, "Høst 2019");
        // Without terms the column keeps its plain label.
        String none = text(renderer.render(Fixtures.transcript(Locale.ENGLISH, false)));
        assertFalse(none.contains("Date / term"), none);
    }

    @Test
    void sectionsFollowTheResultsWithTheirFactsStatusAndATableThatContinuesOnTheNextPage() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            rows.add(List.of("SUB" + i, "A subject with a title long enough to wrap in its column, number " + i, "5"));
        }
        TranscriptSection diplomas = new TranscriptSection("Upper-secondary education", null, List.of(
                new TranscriptSection.Entry("Diploma", null, List.of(new TranscriptSection.Fact("Programme", "General")),
                        new TranscriptSection.Table(List.of("Code", "Subject", "Grade"), rows, 1))));
        TranscriptSection licences = new TranscriptSection("Authorisations", "Status on 2025-03-01.", List.of(
                new TranscriptSection.Entry("Authorisation as nurse",
                        new TranscriptSection.Status("Status", "Revoked since 2024-01-15", false),
                        List.of(new TranscriptSection.Fact("Number", "123")), null)));
        Transcript plain = Fixtures.transcript(Locale.ENGLISH, false);
        Transcript transcript = new Transcript(plain.ncpName(), plain.documentId(), plain.generatedAt(), plain.locale(),
                plain.verificationUrl(), plain.results(), false, List.of(diplomas, licences));

        byte[] pdf = renderer.render(transcript);
        String text = text(pdf).replaceAll("\\s+", " ");
        int results = text.indexOf("Total credits (ECTS)");
        int school = text.indexOf("Upper-secondary education");
        int authorisations = text.indexOf("Authorisations");
        assertTrue(results > 0 && school > results && authorisations > school, text);
        assertContains(text, "Programme General");
        assertContains(text, "Diploma (continued) Code Subject Grade");
        assertContains(text, "number 70 5");
        assertContains(text, "Status on 2025-03-01.");
        assertContains(text, "Status: Revoked since 2024-01-15");
        assertContains(text, "Number 123");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 3, "the results, then a table over more than one page");
        }
        // The results' layout does not change with sections after it.
        String alone = text(renderer.render(plain)).replaceAll("\\s+", " ");
        String pages = "Page \\d+ of \\d+";
        assertEquals(alone.substring(0, alone.indexOf("Total credits (ECTS)")).replaceAll(pages, ""),
                text.substring(0, results).replaceAll(pages, ""));
    }

    @Test
    void englishTranscriptShowsLearnerInstitutionsAndEveryResult() throws IOException {
        byte[] pdf = renderer.render(Fixtures.transcript(Locale.ENGLISH, false));

        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        String text = text(pdf);
        assertContains(text, "Transcript of records");
        assertContains(text, NCP_NAME);
        assertContains(text, "doc-2025-0001");
        assertContains(text, "2025-03-01 14:05 +01:00");
        assertContains(text, "Anna Kristine Sørbø-Łukasiewicz");
        assertContains(text, "1998-03-07");
        assertContains(text, "University of Oslo");
        assertContains(text, "Jagiellonian University in Kraków");
        for (LearningOpportunity node : Fixtures.allOpportunities()) {
            assertContains(text, node.title().exactly("en"));
            assertContains(text, node.code());
            if (node.result().grade() != null) {
                assertContains(text, node.result().grade());
            }
        }
        assertContains(text, "passed");
        assertContains(text, "failed");
        assertContains(text, "in progress");
        assertContains(text, "2019-12-15");
        assertContains(text, "7.5");
        assertContains(text, "Total credits (ECTS) 27.5");
        assertContains(text, "Total credits (ECTS) 6.0");
        assertContains(text, "Grading schemes");
        assertContains(text, "A to E are passing grades");
        assertContains(text, "signed ELMO document");
        assertContains(text, VERIFICATION_URL);
        assertContains(text, "Page 1 of 1");
        assertFalse(text.contains("null"), text);
    }

    @Test
    void sixtyCoursesFlowOverSeveralPagesWithHeadersAndNumberedFooters() throws IOException {
        Transcript transcript = Fixtures.sixtyCourses();
        byte[] pdf = renderer.render(transcript);

        assertTrue(pdf.length <= 150_000, "60 courses gave " + pdf.length + " bytes");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 2, "expected several pages, got " + pages);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String pageText = normalize(stripper.getText(document));
                assertContains(pageText, "Page " + page + " of " + pages);
                assertContains(pageText, NCP_NAME);
                assertContains(pageText, "Anna Kristine Sørbø-Łukasiewicz");
                if (page > 1) {
                    assertContains(pageText, "(continued)");
                    assertContains(pageText, "Code Title Date Grade Credits Status");
                }
            }
        }
        String text = text(pdf);
        List<LearningOpportunity> rows = transcript.results().institutions().get(0).allOpportunities();
        assertEquals(64, rows.size(), "one degree, three modules, sixty courses");
        for (LearningOpportunity row : rows) {
            assertContains(text, row.code() + " " + row.title().exactly("en"));
        }
        // A degree row shows the credits of the whole degree (its passed parts), not a dash.
        assertContains(text, "MA-STAT Master of Statistics 2022-06-20 \u2013 450.0 passed");
        assertContains(text, "Total credits (ECTS) 450.0");
    }

    @Test
    void norwegianTranscriptUsesNorwegianLabelsDatesAndDecimalCommas() throws IOException {
        String text = text(renderer.render(Fixtures.transcript(Locale.forLanguageTag("nb-NO"), false)));

        assertContains(text, "Karakterutskrift");
        assertContains(text, "Utstedt av");
        assertContains(text, "Fødselsdato 07.03.1998");
        assertContains(text, "01.03.2025 kl. 14:05 +01:00");
        assertContains(text, "Universitetet i Oslo");
        assertContains(text, "Innføring i programmering");
        assertContains(text, "Kode Tittel Dato Karakter Studiepoeng Status");
        assertContains(text, "15.12.2019");
        assertContains(text, "bestått");
        assertContains(text, "ikke bestått");
        assertContains(text, "pågår");
        assertContains(text, "7,5");
        assertContains(text, "Sum studiepoeng (ECTS) 27,5");
        assertContains(text, "Karakterskalaer");
        assertContains(text, "A til E er bestått");
        assertContains(text, "signert ELMO-dokument");
        assertContains(text, "Side 1 av 1");
        assertFalse(text.contains("7.5"), text);
        assertFalse(text.contains("Transcript of records"), text);
        assertFalse(text.contains("Page 1"), text);
    }

    @Test
    void nationalIdentifierAppearsOnlyWhenAllowed() throws IOException {
        String hidden = text(renderer.render(Fixtures.transcript(Locale.ENGLISH, false)));
        String shown = text(renderer.render(Fixtures.transcript(Locale.ENGLISH, true)));
        String shownNorwegian = text(renderer.render(Fixtures.transcript(Locale.forLanguageTag("nb"), true)));

        assertFalse(hidden.contains(Fixtures.NATIONAL_IDENTIFIER), hidden);
        assertFalse(hidden.contains("National identifier"), hidden);
        assertContains(shown, "National identifier " + Fixtures.NATIONAL_IDENTIFIER);
        assertContains(shownNorwegian, "Nasjonalt identitetsnummer " + Fixtures.NATIONAL_IDENTIFIER);
    }

    @Test
    void missingOptionalFieldsPrintNothingOrADash() throws IOException {
        Learner learner = new Learner(7, "Ola", "Nordmann", null, null, null);
        Institution institution = new Institution(3, "hiof.no", null, "NO", LocalizedText.of("en", "Østfold University College"), null);
        LearningOpportunity course = new LearningOpportunity(30, "ITF10219", LocalizedText.of("en", "Web Development"), "Course",
                new ResultInstance(null, null, ResultStatus.IN_PROGRESS, null, null, null, null), List.of());
        InstitutionResults results = new InstitutionResults(institution, List.of(course),
                List.of(new GradingScheme("AF", LocalizedText.of("en", null))));
        Transcript transcript = new Transcript(NCP_NAME, "doc-2025-0003", null, Locale.forLanguageTag("nb"), null,
                new LearnerResults(learner, List.of(results)), true);

        byte[] pdf = renderer.render(transcript);

        String text = text(pdf);
        assertFalse(text.contains("null"), text);
        assertContains(text, "Ola Nordmann");
        assertContains(text, "Fødselsdato \u2013");
        assertFalse(text.contains("Nasjonalt identitetsnummer"), text);
        assertContains(text, "Østfold University College");
        assertContains(text, "ITF10219 Web Development \u2013 \u2013 \u2013 pågår");
        assertFalse(text.contains("Karakterskalaer"), text);
        assertContains(text, "ELMO-dokumentet.");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertNull(document.getDocumentInformation().getCreationDate());
        }
    }

    @Test
    void longTitlesWrapInsideTheirColumnAndStayReadable() throws IOException {
        String longTitle = "Advanced Topics in Distributed Systems, Consensus Protocols and Fault-Tolerant "
                + "Replicated State Machines for Large-Scale Cloud Infrastructure with an Extensive Practical "
                + "Project in Collaboration with Industrial Partners";
        String unbrokenCode = "VERYLONGCOURSECODEWITHOUTANYSPACES2025";
        LearningOpportunity course = new LearningOpportunity(40, unbrokenCode, LocalizedText.of("en", longTitle), "Course",
                passed("2024-06-14", "C", "15"), List.of());
        Transcript transcript = Fixtures.withRoots(Locale.ENGLISH, List.of(course));

        byte[] pdf = renderer.render(transcript);

        List<TextPosition> glyphs = glyphs(pdf);
        for (TextPosition glyph : glyphs) {
            assertTrue(glyph.getXDirAdj() + glyph.getWidthDirAdj() <= A4_WIDTH - 49f,
                    "glyph '" + glyph.getUnicode() + "' runs into the right margin at " + glyph.getXDirAdj());
        }
        List<TextPosition> titleGlyphs = find(glyphs, longTitle);
        long titleLines = titleGlyphs.stream().map(TextPosition::getYDirAdj).distinct().count();
        assertTrue(titleLines >= 3, "the long title should wrap, lines: " + titleLines);
        assertContains(text(pdf), longTitle);
        assertContains(text(pdf), "2024-06-14 C 15.0 passed");
    }

    @Test
    void degreeRowIsBoldAndChildrenAreIndented() throws IOException {
        byte[] pdf = renderer.render(Fixtures.transcript(Locale.ENGLISH, false));
        List<TextPosition> glyphs = glyphs(pdf);

        TextPosition degree = find(glyphs, "Bachelor of Informatics: Programming").get(0);
        TextPosition module = find(glyphs, "Programming and Algorithms").get(0);
        TextPosition course = find(glyphs, "Introduction to Programming").get(0);
        // Bold is the one embedded face, filled and stroked.
        String bold = boldText(pdf);
        assertTrue(bold.contains("Bachelor of Informatics: Programming"), bold);
        assertTrue(bold.contains("Transcript of records"), bold);
        assertFalse(bold.contains("Introduction to Programming"), bold);
        assertEquals(degree.getFont().getName(), course.getFont().getName(), "one embedded face");
        assertTrue(module.getXDirAdj() > degree.getXDirAdj() + 5f);
        assertTrue(course.getXDirAdj() > module.getXDirAdj() + 5f);
    }

    @Test
    void fontsAreEmbeddedSubsetsAndDocumentInformationIsSet() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(Fixtures.transcript(Locale.ENGLISH, false)))) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertEquals("Transcript of records \u2013 Anna Kristine Sørbø-Łukasiewicz", info.getTitle());
            assertEquals(NCP_NAME, info.getProducer());
            assertEquals(GENERATED_AT.toInstant(), info.getCreationDate().toInstant());
            assertEquals("en", document.getDocumentCatalog().getLanguage());

            List<String> fontNames = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertInstanceOf(PDType0Font.class, font);
                    assertTrue(font.isEmbedded(), font.getName());
                    fontNames.add(font.getName());
                }
            }
            assertFalse(fontNames.isEmpty());
            for (String fontName : fontNames) {
                assertTrue(fontName.matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"), fontName);
            }
        }
    }

    @Test
    void concurrentRendersDoNotInterfere() throws Exception {
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String familyName = "Żółkiewska-" + i;
            Locale locale = i % 2 == 0 ? Locale.ENGLISH : Locale.forLanguageTag("nb");
            jobs.add(() -> text(renderer.render(Fixtures.transcriptFor(familyName, locale))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                String text = get(results.get(i));
                assertContains(text, "Anna Kristine Żółkiewska-" + i);
                assertContains(text, i % 2 == 0 ? "Page 1 of 1" : "Side 1 av 1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ----- helpers

    private static String get(Future<String> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new AssertionError("render failed", e.getCause());
        }
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(normalize(expected)), () -> "missing '" + expected + "' in:\n" + text);
    }

    /** Extracted text with every run of whitespace as one space, so wrapped lines read as one. */
    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return normalize(new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Every glyph in drawing order, with its position and font. */
    /** The characters drawn with the fill-and-stroke rendering mode, in drawing order. */
    private static String boldText(byte[] pdf) throws IOException {
        StringBuilder bold = new StringBuilder();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.FILL_STROKE) {
                    bold.append(text.getUnicode());
                }
                super.processTextPosition(text);
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            collector.getText(document);
        }
        return bold.toString();
    }

    private static List<TextPosition> glyphs(byte[] pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
                super.processTextPosition(text);
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            collector.getText(document);
        }
        return glyphs;
    }

    /** The glyphs spelling {@code wanted} (spaces ignored, since line breaks replace some of them). */
    private static List<TextPosition> find(List<TextPosition> glyphs, String wanted) {
        StringBuilder letters = new StringBuilder();
        List<TextPosition> byLetter = new ArrayList<>();
        for (TextPosition glyph : glyphs) {
            String unicode = glyph.getUnicode();
            if (!unicode.isBlank()) {
                letters.append(unicode);
                for (int i = 0; i < unicode.length(); i++) {
                    byLetter.add(glyph);
                }
            }
        }
        String target = wanted.replace(" ", "");
        int start = letters.indexOf(target);
        assertTrue(start >= 0, "'" + wanted + "' not drawn");
        return byLetter.subList(start, start + target.length());
    }

    private static ResultInstance passed(String date, String grade, String credits) {
        return new ResultInstance(null, LocalDate.parse(date), ResultStatus.PASSED, grade,
                credits == null ? null : new BigDecimal(credits), "AF", "en");
    }

    /** Synthetic transcripts: a learner with non-ASCII letters, a degree tree and a second institution. */
    static final class Fixtures {
        static final String NATIONAL_IDENTIFIER = "07039812345";

        static Transcript transcript(Locale locale, boolean showNationalIdentifier) {
            return transcript(learner("Sørbø-Łukasiewicz"), locale, showNationalIdentifier);
        }

        static Transcript transcriptFor(String familyName, Locale locale) {
            return transcript(learner(familyName), locale, false);
        }

        static Transcript withRoots(Locale locale, List<LearningOpportunity> roots) {
            InstitutionResults results = new InstitutionResults(oslo(), roots, List.of(gradeScale()));
            return new Transcript(NCP_NAME, "doc-2025-0002", GENERATED_AT, locale, VERIFICATION_URL,
                    new LearnerResults(learner("Sørbø-Łukasiewicz"), List.of(results)), false);
        }

        static Transcript sixtyCourses() {
            List<LearningOpportunity> modules = new ArrayList<>();
            int id = 100;
            for (int module = 1; module <= 3; module++) {
                List<LearningOpportunity> courses = new ArrayList<>();
                for (int course = 1; course <= 20; course++) {
                    String number = String.format("%d%02d", module, course);
                    courses.add(new LearningOpportunity(id++, "STK" + number, LocalizedText.of("en", "Statistical Methods Seminar " + number, "nb", "Statistikkseminar " + number), "Course",
                            passed("2021-06-" + String.format("%02d", course), "ABCDE".substring(course % 5, course % 5 + 1),
                                    "7.5"),
                            List.of()));
                }
                modules.add(new LearningOpportunity(id++, "MOD" + module, LocalizedText.of("en", "Statistics Module " + module, "nb", "Statistikkmodul " + module), "Module", new ResultInstance(null, null, ResultStatus.PASSED,
                                null, null, null, null), courses));
            }
            LearningOpportunity degree = new LearningOpportunity(id, "MA-STAT", LocalizedText.of("en", "Master of Statistics", "nb", "Master i statistikk"), "Degree Programme", new ResultInstance(null, LocalDate.of(2022, 6, 20),
                            ResultStatus.PASSED, null, null, null, null), modules);
            return withRoots(Locale.ENGLISH, List.of(degree));
        }

        static List<LearningOpportunity> allOpportunities() {
            List<LearningOpportunity> all = new ArrayList<>(degree().flatten());
            all.add(summerSchool());
            return all;
        }

        private static Transcript transcript(Learner learner, Locale locale, boolean showNationalIdentifier) {
            InstitutionResults oslo = new InstitutionResults(oslo(), List.of(degree()), List.of(gradeScale()));
            Institution krakow = new Institution(2, "uj.edu.pl", "PL KRAKOW03", "PL", LocalizedText.of("en", "Jagiellonian University in Kraków", "nb", "Jagiellonske universitet i Kraków"), "https://en.uj.edu.pl");
            InstitutionResults krakowResults = new InstitutionResults(krakow, List.of(summerSchool()),
                    List.of(new GradingScheme("PL", LocalizedText.of("en", "Polish scale: 5.0 (very good) to 3.0 (satisfactory), 2.0 fail", "nb", "Polsk skala: 5,0 (meget godt) til 3,0 (tilfredsstillende), 2,0 ikke bestått"))));
            return new Transcript(NCP_NAME, "doc-2025-0001", GENERATED_AT, locale, VERIFICATION_URL,
                    new LearnerResults(learner, List.of(oslo, krakowResults)), showNationalIdentifier);
        }

        private static Learner learner(String familyName) {
            return new Learner(1, "Anna Kristine", familyName, LocalDate.of(1998, 3, 7), NATIONAL_IDENTIFIER, "NO");
        }

        private static Institution oslo() {
            return new Institution(1, "uio.no", "N  OSLO01", "NO", LocalizedText.of("en", "University of Oslo", "nb", "Universitetet i Oslo"),
                    "https://www.uio.no");
        }

        private static GradingScheme gradeScale() {
            return new GradingScheme("AF", LocalizedText.of("en", "A (excellent) to F (fail); A to E are passing grades", "nb", "A (fremragende) til F (ikke bestått); A til E er bestått"));
        }

        private static LearningOpportunity degree() {
            LearningOpportunity intro = new LearningOpportunity(11, "IN1000", LocalizedText.of("en", "Introduction to Programming", "nb", "Innføring i programmering"), "Course", passed("2019-12-15", "B", "10"), List.of());
            LearningOpportunity oop = new LearningOpportunity(12, "IN1010", LocalizedText.of("en", "Object-oriented Programming", "nb", "Objektorientert programmering"), "Course", passed("2020-06-10", "A", "10"), List.of());
            LearningOpportunity logic = new LearningOpportunity(13, "IN1150", LocalizedText.of("en", "Logical Methods", "nb", "Logiske metoder"), "Course", passed("2020-12-11", "C", "7.5"), List.of());
            LearningOpportunity discrete = new LearningOpportunity(14, "MAT1140", LocalizedText.of("en", "Discrete Mathematics", "nb", "Diskret matematikk"), "Course", new ResultInstance(null, LocalDate.of(2020, 12, 14),
                            ResultStatus.FAILED, "F", null, "AF", "nb"), List.of());
            LearningOpportunity algorithms = new LearningOpportunity(15, "IN2010", LocalizedText.of("en", "Algorithms and Data Structures", "nb", "Algoritmer og datastrukturer"), "Course", new ResultInstance(LocalDate.of(2021, 1, 15), null,
                            ResultStatus.IN_PROGRESS, null, null, "AF", "nb"), List.of());
            LearningOpportunity module = new LearningOpportunity(10, "PROG", LocalizedText.of("en", "Programming and Algorithms", "nb", "Programmering og algoritmer"), "Module", new ResultInstance(null, null, ResultStatus.IN_PROGRESS,
                            null, null, null, null), List.of(intro, oop, logic, discrete, algorithms));
            return new LearningOpportunity(1, "BA-INF", LocalizedText.of("en", "Bachelor of Informatics: Programming", "nb", "Bachelor i informatikk: programmering"), "Degree Programme", new ResultInstance(
                            LocalDate.of(2019, 8, 15), null, ResultStatus.IN_PROGRESS, null, null, null, null),
                    List.of(module));
        }

        private static LearningOpportunity summerSchool() {
            return new LearningOpportunity(21, "SS-CRYPTO", LocalizedText.of("en", "Łódź Summer School in Cryptography", "nb", "Sommerskole i kryptografi i Łódź"), "Course",
                    new ResultInstance(null, LocalDate.of(2021, 7, 30), ResultStatus.PASSED, "5.0",
                            new BigDecimal("6"), "PL", "pl"), List.of());
        }
    }
}
