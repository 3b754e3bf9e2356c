package org.edurecords.ncp.elmo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.edurecords.ncp.elmo.ElmoRulesChecker.Options;
import org.edurecords.ncp.elmo.ElmoRulesChecker.Rule;
import org.edurecords.ncp.elmo.ElmoRulesChecker.Violation;
import org.edurecords.ncp.support.SharedConformance;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The rules checker on the public example documents of other NCPs and on hand-made documents, one rule each. */
class ElmoRulesCheckerTest {

    private final ElmoRulesChecker checker = new ElmoRulesChecker();

    // ----- public fixtures (shared/conformance/elmo/examples)

    @Test
    void officialExampleCountsEctsTwiceUsesHtmlInATitleAndLeavesStatusOut() throws Exception {
        List<Violation> found = checker.check(fixture("elmo-schemas_v1.7.0_example.xml"), Options.TRANSFER);
        assertEquals(EnumSet.of(Rule.NO_ECTS_DOUBLE_COUNTING, Rule.PLAIN_TEXT, Rule.STATUS_PRESENT, Rule.NO_EMPTY_ELEMENTS),
                rules(found), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.rule() == Rule.PLAIN_TEXT && v.message().contains("<br>")));
    }

    @Test
    void norwegianGatewaySampleHasADanglingGradingSchemeAndEmptyExtensions() throws Exception {
        List<Violation> found = checker.check(fixture("emrex-gateway_sampleElmo.decoded.xml"), Options.TRANSFER);
        assertEquals(EnumSet.of(Rule.REFERENCES_RESOLVE, Rule.NO_EMPTY_ELEMENTS, Rule.HUMAN_READABLE_ATTACHMENT),
                rules(found), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.message().contains("grading scheme '38'")));
    }

    @Test
    void finnishNcpOutputUsesACountryCodeAsLanguage() throws Exception {
        List<Violation> found = checker.check(fixture("fi-ncp_my_elmo.xml"), Options.UNSIGNED);
        assertEquals(EnumSet.of(Rule.LANGUAGE_CODES, Rule.HUMAN_READABLE_ATTACHMENT), rules(found), found.toString());
        assertTrue(found.get(0).message().contains("'FI'"));
    }

    @Test
    void danishOutputRepeatsALocalIdAndNeverSaysStatus() throws Exception {
        List<Violation> found = checker.check(fixture("dk-emrex_Example-elmo-Denmark.xml"), Options.TRANSFER);
        assertEquals(EnumSet.of(Rule.UNIQUE_LOCAL_IDS, Rule.STATUS_PRESENT, Rule.HUMAN_READABLE_ATTACHMENT,
                Rule.ENVELOPED_SIGNATURE), rules(found), found.toString());
        assertEquals(36, found.stream().filter(v -> v.rule() == Rule.STATUS_PRESENT).count());
    }

    @Test
    void legacyPurlNamespaceIsNotElmoV1() throws Exception {
        for (String name : List.of("fi-ncp_Example-elmo-Finland.xml", "fi-smp_elmo_vastaus.decoded.xml")) {
            List<Violation> found = checker.check(fixture(name), Options.TRANSFER);
            assertEquals(1, found.size(), name + ": " + found);
            assertEquals(Rule.NAMESPACE, found.get(0).rule());
            assertTrue(found.get(0).message().contains("http://purl.org/net/elmo"));
        }
    }

    // ----- one rule at a time on a document that is otherwise clean

    @Test
    void aCleanDocumentHasNoViolations() throws Exception {
        assertEquals(List.of(), checker.check(doc(report("uio.no", course("IN1000", "Course", "passed", "10.0", "AF"))
                + ATTACHMENT), Options.UNSIGNED));
    }

    @Test
    void eachRuleIsFoundOnItsOwn() throws Exception {
        assertOnly(Rule.ONE_REPORT_PER_ISSUER, report("uio.no", course("A", "Course", "passed", null, null))
                + report("uio.no", course("B", "Course", "passed", null, null)) + ATTACHMENT);
        assertOnly(Rule.UNIQUE_LOCAL_IDS, report("uio.no", course("A", "Course", "passed", null, null)
                + course("A", "Course", "passed", null, null)) + ATTACHMENT);
        assertOnly(Rule.REFERENCES_RESOLVE, report("uio.no", course("A", "Course", "passed", null, "XX")) + ATTACHMENT);
        assertOnly(Rule.STATUS_PRESENT, report("uio.no", course("A", "Course", null, null, null)) + ATTACHMENT);
        assertOnly(Rule.NO_ECTS_DOUBLE_COUNTING, report("uio.no", degreeWith("10", course("A", "Course", "passed", "5", null)))
                + ATTACHMENT);
        assertOnly(Rule.PLAIN_TEXT, report("uio.no", course("A", "Course", "passed", null, null)
                .replace("Title A", "Title &lt;b&gt;A&lt;/b&gt;")) + ATTACHMENT);
        assertOnly(Rule.LANGUAGE_CODES, report("uio.no", course("A", "Course", "passed", null, null)
                .replace("xml:lang=\"en\"", "xml:lang=\"NO\"")) + ATTACHMENT);
        assertOnly(Rule.NO_EMPTY_ELEMENTS, report("uio.no", course("A", "Course", "passed", null, null)
                .replace("<type>Course</type>", "<type>Course</type><url/>")) + ATTACHMENT);
        assertOnly(Rule.LANGUAGE_OF_INSTRUCTION, report("uio.no", course("A", "Course", "passed", null, null)
                .replace("<status>passed</status>", "<status>passed</status><languageOfInstruction>no, en</languageOfInstruction>"))
                + ATTACHMENT);
        assertOnly(Rule.HUMAN_READABLE_ATTACHMENT, report("uio.no", course("A", "Course", "passed", null, null)));
    }

    @Test
    void aDocumentFromATransferMustCarryOneEnvelopedSignature() throws Exception {
        String body = report("uio.no", course("A", "Course", "passed", null, null)) + ATTACHMENT;
        List<Violation> unsigned = checker.check(doc(body), Options.TRANSFER);
        assertEquals(Set.of(Rule.ENVELOPED_SIGNATURE), rules(unsigned));
        String twoReferences = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
                + "<ds:Reference URI=\"\"/><ds:Reference URI=\"#x\"/></ds:SignedInfo></ds:Signature>";
        List<Violation> found = checker.check(doc(body + twoReferences), Options.TRANSFER);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("exactly one Reference"));
    }

    @Test
    void somethingThatIsNotElmoIsOneViolationNotAnException() throws Exception {
        Document other = SecureXml.parse("<html><body/></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(Rule.NAMESPACE), checker.check(other, Options.TRANSFER).stream().map(Violation::rule).toList());
    }

    // ----- helpers

    private static final String ATTACHMENT = "<attachment><type>EMREX transcript</type>"
            + "<content>data:application/pdf;base64,JVBERi0=</content></attachment>";

    private void assertOnly(Rule rule, String body) throws Exception {
        List<Violation> found = checker.check(doc(body), Options.UNSIGNED);
        assertEquals(Set.of(rule), rules(found), found.toString());
    }

    private static String report(String schac, String specifications) {
        return "<report><issuer><identifier type=\"schac\">" + schac + "</identifier><title xml:lang=\"en\">U</title>"
                + "<url>https://" + schac + "/</url></issuer>" + specifications
                + "<issueDate>2025-01-31T12:00:00Z</issueDate><gradingScheme localId=\"AF\"><description xml:lang=\"en\">A-F"
                + "</description></gradingScheme></report>";
    }

    private static String course(String code, String type, String status, String ects, String scheme) {
        return "<learningOpportunitySpecification><identifier type=\"local\">" + code + "</identifier>"
                + "<title xml:lang=\"en\">Title " + code + "</title><type>" + type + "</type><specifies>"
                + "<learningOpportunityInstance>" + (status == null ? "" : "<status>" + status + "</status>")
                + (scheme == null ? "" : "<gradingSchemeLocalId>" + scheme + "</gradingSchemeLocalId>")
                + (ects == null ? "" : "<credit><scheme>ects</scheme><value>" + ects + "</value></credit>")
                + "</learningOpportunityInstance></specifies></learningOpportunitySpecification>";
    }

    private static String degreeWith(String ects, String part) {
        return course("DEG", "Degree Programme", "passed", ects, null)
                .replace("</specifies>", "</specifies><hasPart>" + part + "</hasPart>");
    }

    private static Document doc(String body) throws Exception {
        String xml = "<elmo xmlns=\"" + ElmoDocumentBuilder.ELMO_NAMESPACE + "\"><generatedDate>2025-01-31T12:00:00Z"
                + "</generatedDate><learner><givenNames>Ada</givenNames><familyName>Example</familyName></learner>"
                + body + "</elmo>";
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<Rule> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
    }

    private static Document fixture(String name) throws Exception {
        Path examples = SharedConformance.elmoFolderOrSkip("rules checker on the public example documents")
                .resolve("examples");
        return SecureXml.parse(Files.readAllBytes(examples.resolve(name)));
    }
}
