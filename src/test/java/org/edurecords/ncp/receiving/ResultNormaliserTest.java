package org.edurecords.ncp.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.JAXBElement;

import org.edurecords.ncp.elmo.ElmoDocumentBuilder;
import org.edurecords.ncp.elmo.ElmoJaxb;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.receiving.ReceivedResults.Credit;
import org.edurecords.ncp.receiving.ReceivedResults.Institution;
import org.edurecords.ncp.receiving.ReceivedResults.LearningResult;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.Level;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.edurecords.ncp.support.SharedConformance;
import org.edurecords.ncp.support.StandaloneConfig;
import org.junit.jupiter.api.Test;

/** ELMO documents of other NCPs, of this product and hand-made odd ones, as the receiver's normalised results. */
class ResultNormaliserTest {

    // ----- the official example (shared/conformance/elmo/examples)

    @Test
    void officialExampleGivesEveryResultDepthFirstWithItsLanguagesCreditsAndLevels() throws Exception {
        ReceivedResults results = ResultNormaliser.normalise(fixture("elmo-schemas_v1.7.0_example.xml"));

        assertEquals("Wojciech Łukasz", results.learner().givenNames());
        assertEquals("Rygielski", results.learner().familyName());
        assertEquals("1983-04-12", results.learner().birthDate());
        assertEquals("PL", results.learner().citizenship());
        assertEquals(List.of(new ReceivedResults.Identifier("nationalIdentifier", "83041200000"),
                new ReceivedResults.Identifier("someOtherCustomIdentifierType", "ABC000000")),
                results.learner().identifiers());

        assertEquals(1, results.institutions().size());
        Institution warsaw = results.institutions().get(0);
        assertEquals(Map.of("pl", "Uniwersytet Warszawski", "en", "University of Warsaw"), warsaw.names());
        assertEquals("uw.edu.pl", warsaw.schac());
        assertEquals("PL", warsaw.country());
        assertEquals("2015-10-31T07:00:00+02:00", warsaw.issueDate());
        assertEquals(List.of("ZAL", "AM", "0-100"), warsaw.gradingSchemes().stream().map(s -> s.id()).toList());
        assertEquals("Pass/Fail (non-graded pass)", warsaw.gradingSchemes().get(0).descriptions().get("en"));

        List<LearningResult> all = warsaw.results();
        assertEquals(List.of("r1.1", "r1.2", "r1.3", "r1.4", "r1.5", "r1.6"), all.stream().map(r -> r.id()).toList());
        LearningResult master = all.get(0);
        assertEquals("MNM2-BIO", master.code());
        assertEquals("Degree Programme", master.type());
        assertEquals("Master of Science in Biology", master.titles().get("en"));
        assertEquals("Master i biologi", master.titles().get("no"));
        assertEquals("2009-06-15", master.date());
        assertEquals("0511", master.iscedCode());
        assertEquals(List.of(new Credit("ECTS", new BigDecimal("120"), "Master")), master.credits());
        assertNull(master.parentId());
        assertNull(master.eqfLevel(), "the degree gives no level");
        assertNull(master.status());

        LearningResult external = all.get(1);
        assertEquals("EKSTERN", external.code());
        assertEquals("r1.1", external.parentId());
        assertEquals(1, external.depth());
        assertEquals("Innpasset", external.grade().label());
        assertNull(external.grade().schemeId());
        assertNull(external.date(), "no date in its instance");

        LearningResult compilers = all.get(2);
        assertEquals("1000-217bMRJ", compilers.code());
        assertEquals(5, compilers.eqfLevel(), "the EQF level, not the NQF one");
        assertEquals("0612", compilers.iscedCode());
        assertEquals("2015-03-17", compilers.date());
        assertEquals("passed", compilers.status());
        assertEquals(new ReceivedResults.Grade("45.1", "0-100"), compilers.grade());
        assertEquals(List.of(new Credit("ects", new BigDecimal("6"), "Bachelor")), compilers.credits());
        assertEquals(List.of("r1.3", "r1.3"), List.of(all.get(3).parentId(), all.get(4).parentId()));
        assertEquals(new ReceivedResults.Grade(null, "ZAL"), all.get(4).grade());

        LearningResult untitled = all.get(5);
        assertEquals(Map.of("und", "The importance of <br> in HTML"), untitled.titles(), "no xml:lang: und");
        assertNull(untitled.code());
        assertNull(untitled.type());

        // 120 of the degree (its 15 ECTS part is inside it) + 6 of the course; "ects" and "ECTS" alike.
        assertEquals(new ReceivedResults.Totals(6, 6, new BigDecimal("126")), warsaw.totals());
        assertEquals(warsaw.totals(), results.totals());

        // The elmo-level attachment first, then the report's; their data URIs are placeholders, not base64.
        assertEquals(List.of("EMREX transcript", "Transcript of Records", "Certificate of Training"),
                results.attachments().stream().map(a -> a.type()).toList());
        assertEquals("\"Global\" attachment", results.attachments().get(0).title());
        assertEquals("application/pdf (content is not valid base64)", results.attachments().get(0).mediaType());
        assertFalse(results.attachments().get(0).pdf());
    }

    @Test
    void danishOutputWithoutStatusCountsEveryResultAsPassed() throws Exception {
        ReceivedResults results = ResultNormaliser.normalise(fixture("dk-emrex_Example-elmo-Denmark.xml"));
        assertEquals(36, results.totals().results());
        assertEquals(36, results.totals().passed(), "no status is passed");
        assertTrue(results.totals().ects().signum() > 0);
        assertTrue(results.institutions().get(0).results().stream().allMatch(r -> r.id().startsWith("r1.")));
    }

    @Test
    void theOtherPublicV1ExamplesAreReadWithoutAnException() throws Exception {
        for (String name : List.of("fi-ncp_my_elmo.xml", "emrex-gateway_sampleElmo.decoded.xml")) {
            ReceivedResults results = ResultNormaliser.normalise(fixture(name));
            assertFalse(results.institutions().isEmpty(), name);
            assertEquals(results.institutions().stream().mapToInt(i -> i.results().size()).sum(),
                    results.totals().results(), name);
        }
    }

    // ----- an ELMO of this product

    @Test
    void thisProductsElmoKeepsEveryLanguageTheEqfLevelAndTheCoursesCredits() throws Exception {
        Learner learner = new Learner(1, "Anna Kristine", "Sørbø-Łukasiewicz", LocalDate.of(1998, 4, 17), "17049812345",
                "NO", null);
        ResultInstance degreeResult = new ResultInstance(LocalDate.of(2017, 8, 15), LocalDate.of(2020, 6, 15),
                ResultStatus.PASSED, null, null, null, "no", null, null, null,
                List.of(new Level("EQF", "6", LocalizedText.of("en", "Bachelor's degree level"))), null, List.of());
        LearningOpportunity in1000 = course(2, "IN1000", "Introduction to Object-oriented Programming",
                "Introduksjon til objektorientert programmering", "B", "10.0", ResultStatus.PASSED);
        LearningOpportunity in2010 = course(3, "IN2010", "Algorithms and Data Structures", "Algoritmer og datastrukturer",
                "C", "7.5", ResultStatus.PASSED);
        LearningOpportunity failed = course(4, "MAT1100", "Calculus", "Kalkulus", "F", "10.0", ResultStatus.FAILED);
        LearningOpportunity degree = new LearningOpportunity(1, "B-IFI-PROSA",
                LocalizedText.of("en", "Programming and System Architecture", "nb", "Programmering og systemarkitektur"),
                "Degree Programme", degreeResult, List.of(in1000, in2010, failed));
        LearnerResults selection = new LearnerResults(learner, List.of(new InstitutionResults(
                new org.edurecords.ncp.results.Institution(1, "uio.no", "N  OSLO01", "NO",
                        LocalizedText.of("en", "University of Oslo", "nb", "Universitetet i Oslo"), "https://www.uio.no/"),
                List.of(degree), List.of(new GradingScheme("AF", LocalizedText.of("en",
                        "A (excellent) to E (sufficient) are pass grades, F is fail.", "nb",
                        "A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått."))))));
        ElmoDocumentBuilder builder = new ElmoDocumentBuilder(StandaloneConfig.ncp(Map.of()));
        byte[] pdf = "%PDF-1.7 not really a transcript".getBytes(StandardCharsets.ISO_8859_1);
        byte[] xml = builder.toBytes(builder.build(selection, pdf,
                OffsetDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC)));

        ReceivedResults results = ResultNormaliser.normalise(unmarshal(xml));

        assertEquals("Sørbø-Łukasiewicz", results.learner().familyName());
        assertEquals("1998-04-17", results.learner().birthDate());
        Institution uio = results.institutions().get(0);
        assertEquals("uio.no", uio.schac());
        assertEquals("NO", uio.country());
        assertEquals("Universitetet i Oslo", uio.names().get("nb"));
        List<LearningResult> all = uio.results();
        assertEquals(List.of("B-IFI-PROSA", "IN1000", "IN2010", "MAT1100"), all.stream().map(r -> r.code()).toList());
        assertEquals(6, all.get(0).eqfLevel());
        assertEquals("2020-06-15", all.get(0).date());
        assertEquals(List.of(), all.get(0).credits(), "the degree carries no ECTS: its courses do");
        assertEquals("Algoritmer og datastrukturer", all.get(2).titles().get("nb"));
        assertEquals(new BigDecimal("7.5"), ResultNormaliser.credits(all.get(2), "ECTS"));
        assertEquals(new ReceivedResults.Grade("C", "AF"), all.get(2).grade());
        assertEquals("failed", all.get(3).status());
        assertEquals(List.of("r1.1", "r1.1", "r1.1"), all.subList(1, 4).stream().map(r -> r.parentId()).toList());
        assertEquals("A (excellent) to E (sufficient) are pass grades, F is fail.",
                uio.gradingSchemes().get(0).descriptions().get("en"));
        // A failed course's credits still are ECTS in the document; the totals count credits, passed counts results.
        assertEquals(new ReceivedResults.Totals(4, 3, new BigDecimal("27.5")), results.totals());
        assertEquals(1, results.attachments().size());
        ReceivedResults.Attachment transcript = results.attachments().get(0);
        assertEquals("EMREX transcript", transcript.type());
        assertEquals("application/pdf", transcript.mediaType());
        assertEquals(pdf.length, transcript.bytes());
        assertTrue(transcript.pdf());
    }

    private static LearningOpportunity course(long id, String code, String en, String nb, String grade, String ects,
            ResultStatus status) {
        return new LearningOpportunity(id, code, LocalizedText.of("en", en, "nb", nb), "Course",
                new ResultInstance(LocalDate.of(2018, 8, 15), LocalDate.of(2018, 12, 14), status, grade,
                        new BigDecimal(ects), "AF", "no"), List.of());
    }

    // ----- hand-made documents: counting once, and odd but valid input

    @Test
    void aDegreeWithCreditsCountsOnceAndADegreeWithoutLetsItsCoursesCount() throws Exception {
        String withCredits = los("BA", "Degree Programme", "180", part(los("C1", "Course", "60", ""))
                + part(los("C2", "Course", "60", "")) + part(los("C3", "Course", "60", "")));
        String withoutCredits = los("BB", "Degree Programme", null, part(los("D1", "Course", "7.5", ""))
                + part(los("D2", "Module", null, part(los("D3", "Course", "5", "")))));
        ReceivedResults results = ResultNormaliser.normalise(unmarshal(doc(withCredits + withoutCredits)));
        List<LearningResult> all = results.institutions().get(0).results();
        assertEquals(List.of("BA", "C1", "C2", "C3", "BB", "D1", "D2", "D3"), all.stream().map(r -> r.code()).toList());
        assertEquals(List.of("r1.1", "r1.2", "r1.3", "r1.4", "r1.5", "r1.6", "r1.7", "r1.8"),
                all.stream().map(r -> r.id()).toList());
        assertEquals("r1.7", all.get(7).parentId());
        assertEquals(2, all.get(7).depth());
        assertEquals(new BigDecimal("192.5"), results.totals().ects(), "180 + 7.5 + 5, not 360 + 12.5");
    }

    @Test
    void oddButValidDocumentsGiveNullsAndEmptyMapsNotExceptions() throws Exception {
        String xml = "<elmo xmlns=\"" + ElmoDocumentBuilder.ELMO_NAMESPACE + "\"><generatedDate>2025-01-31T12:00:00Z"
                + "</generatedDate><learner><givenNames>Å</givenNames><familyName>Ø</familyName></learner>"
                + "<report><issuer><title xml:lang=\"en\">Somewhere</title><url>https://x.example/</url></issuer>"
                + "<learningOpportunitySpecification><title>Untyped</title></learningOpportunitySpecification>"
                + "<issueDate>2025-01-31T12:00:00Z</issueDate></report>"
                + "<report><issuer><title xml:lang=\"en\">Empty</title><url>https://y.example/</url></issuer>"
                + "<issueDate>2025-01-31T12:00:00Z</issueDate></report></elmo>";
        ReceivedResults results = ResultNormaliser.normalise(unmarshal(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, results.institutions().size());
        Institution somewhere = results.institutions().get(0);
        assertNull(somewhere.schac());
        assertNull(somewhere.country());
        LearningResult untyped = somewhere.results().get(0);
        assertEquals(Map.of("und", "Untyped"), untyped.titles());
        assertNull(untyped.grade());
        assertNull(untyped.status());
        assertNull(untyped.date());
        assertEquals(List.of(), untyped.credits());
        assertEquals(List.of(), results.institutions().get(1).results());
        assertEquals(new ReceivedResults.Totals(1, 1, BigDecimal.ZERO), results.totals());
        assertEquals(List.of(), results.learner().identifiers());
        assertNull(results.learner().birthDate());

        // Built in memory, an ELMO may even lack a learner or an issuer.
        Elmo bare = new Elmo();
        bare.getReport().add(new Elmo.Report());
        ReceivedResults empty = ResultNormaliser.normalise(bare);
        assertNull(empty.learner());
        assertEquals(Map.of(), empty.institutions().get(0).names());
        assertEquals(new ReceivedResults.Totals(0, 0, BigDecimal.ZERO), empty.totals());
    }

    private static String los(String code, String type, String ects, String parts) {
        return "<learningOpportunitySpecification><identifier type=\"local\">" + code + "</identifier>"
                + "<title xml:lang=\"en\">" + code + "</title><type>" + type + "</type><specifies>"
                + "<learningOpportunityInstance><status>passed</status>"
                + (ects == null ? "" : "<credit><scheme>ECTS</scheme><value>" + ects + "</value></credit>")
                + "</learningOpportunityInstance></specifies>" + parts + "</learningOpportunitySpecification>";
    }

    private static String part(String los) {
        return "<hasPart>" + los + "</hasPart>";
    }

    private static byte[] doc(String specifications) {
        return ("<elmo xmlns=\"" + ElmoDocumentBuilder.ELMO_NAMESPACE + "\"><generatedDate>2025-01-31T12:00:00Z"
                + "</generatedDate><learner><givenNames>A</givenNames><familyName>B</familyName></learner>"
                + "<report><issuer><identifier type=\"schac\">uio.no</identifier><title xml:lang=\"en\">UiO</title>"
                + "<url>https://www.uio.no/</url></issuer>" + specifications
                + "<issueDate>2025-01-31T12:00:00Z</issueDate></report></elmo>").getBytes(StandardCharsets.UTF_8);
    }

    static Elmo fixture(String name) throws Exception {
        Path examples = SharedConformance.elmoFolderOrSkip("the normaliser on the public example documents")
                .resolve("examples");
        return unmarshal(Files.readAllBytes(examples.resolve(name)));
    }

    static Elmo unmarshal(byte[] xml) throws Exception {
        Object parsed = ElmoJaxb.context().createUnmarshaller().unmarshal(SecureXml.parse(xml));
        return (Elmo) (parsed instanceof JAXBElement<?> element ? element.getValue() : parsed);
    }
}
