package org.edurecords.ncp.elmo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.apache.xml.security.c14n.Canonicalizer;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.edurecords.ncp.signing.XmlSigner;
import org.edurecords.ncp.support.StandaloneConfig;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;
import org.edurecords.ncp.verify.VerificationResult;
import org.junit.jupiter.api.Test;

/**
 * The canonical writer against Santuario's canonicalizer: whatever is written must already be the inclusive
 * C14N of itself, because the signature digest is taken over these bytes without canonicalizing them again.
 */
class CanonicalXmlWriterTest {

    private static final SigningKey KEY = SigningKeyLoader.loadPem(Path.of("keys-example/ncp-example.key.pem"),
            Path.of("keys-example/ncp-example.cert.pem"));
    /** Also initialises Santuario, with the settings the signer needs. */
    private static final XmlSigner SIGNER = new XmlSigner();
    /** Everything Canonical XML escapes or orders, in names, titles, codes and grades. */
    private static final String AWKWARD = "A & B < C > D \"q\" 'a'\ttab\r\ncrlf ]]> Ødegård Łucja \uD83C\uDF93 \u00A0end";

    @Test
    void elmoWithAwkwardTextIsAlreadyCanonicalAndItsSignatureVerifies() throws Exception {
        ElmoDocumentBuilder builder = new ElmoDocumentBuilder(StandaloneConfig.ncp(Map.of(
                "ncp.name", "Test NCP", "ncp.public-url", "https://ncp.example.org")));
        Elmo elmo = builder.build(results(), "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII),
                OffsetDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC));
        CanonicalXml written = builder.toCanonical(elmo);

        assertCanonical(written);
        byte[] signed = SIGNER.signCanonical(written, KEY);
        var document = SecureXml.parse(signed);
        VerificationResult result = new JdkXmlSignatureVerifier().verify(document, KEY.certificate());
        assertTrue(result.valid(), result.problems().toString());
        assertTrue(new ElmoSchemaValidator().validate(document).valid());
        assertEquals("Sørbø " + AWKWARD, document.getElementsByTagNameNS(
                ElmoDocumentBuilder.ELMO_NAMESPACE, "familyName").item(0).getTextContent());
    }

    @Test
    void namespacesAndAttributesAreOrderedAndRedundantDeclarationsLeftOut() throws Exception {
        CanonicalXmlWriter writer = new CanonicalXmlWriter(0);
        writer.writeStartElement("", "root", "urn:default");
        writer.writeNamespace("z", "urn:z");
        writer.writeAttribute("b", "2");
        writer.writeNamespace("", "urn:default");
        writer.writeAttribute("z", "urn:z", "a", "x\ty\nz\r\"<>&");
        writer.writeAttribute("a", "1");
        writer.writeNamespace("a", "urn:a");
        writer.writeStartElement("z", "child", "urn:z");
        writer.writeNamespace("z", "urn:z"); // the same binding again: not written
        writer.writeNamespace("", "");       // undeclares the default namespace: written as xmlns=""
        writer.writeEmptyElement("", "leaf", "");
        writer.writeAttribute("a", "urn:a", "k", "v");
        writer.writeEndElement();
        writer.writeComment("dropped");
        writer.writeCharacters("t\r>");
        writer.writeEndDocument();
        CanonicalXml written = writer.result();

        String body = new String(written.bytes(), written.canonicalStart(), written.length() - written.canonicalStart(),
                StandardCharsets.UTF_8);
        assertEquals("<root xmlns=\"urn:default\" xmlns:a=\"urn:a\" xmlns:z=\"urn:z\" a=\"1\" b=\"2\""
                + " z:a=\"x&#x9;y&#xA;z&#xD;&quot;&lt;>&amp;\"><z:child xmlns=\"\"><leaf a:k=\"v\"></leaf></z:child>"
                + "t&#xD;&gt;</root>", body);
        assertCanonical(written);
    }

    @Test
    void charactersXmlCannotCarryAreRefused() throws Exception {
        CanonicalXmlWriter writer = new CanonicalXmlWriter(0);
        writer.writeStartElement("root");
        assertThrows(IllegalArgumentException.class, () -> writer.writeCharacters("bell \u0007"));
        assertThrows(IllegalArgumentException.class, () -> writer.writeCharacters("lone \uD800 surrogate"));
        assertThrows(XMLStreamException.class, () -> writer.writeDTD("<!DOCTYPE root>"));
    }

    /** Parses what was written and canonicalizes it with Santuario: the same bytes must come out. */
    private static void assertCanonical(CanonicalXml written) throws Exception {
        byte[] bytes = written.toByteArray();
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS)
                .canonicalizeSubtree(SecureXml.parse(bytes), canonical);
        assertEquals(new String(canonical.toByteArray(), StandardCharsets.UTF_8),
                new String(Arrays.copyOfRange(bytes, written.canonicalStart(), bytes.length), StandardCharsets.UTF_8));
    }

    private static LearnerResults results() {
        Learner learner = new Learner(1, AWKWARD, "Sørbø " + AWKWARD, LocalDate.of(1998, 4, 17), null, "NO", null);
        Institution institution = new Institution(1, "uio.no", "N  OSLO01", "NO", "University & <Oslo>",
                "Universitetet i \"Oslo\"", "https://www.uio.no/?a=1&b=2");
        ResultInstance result = new ResultInstance(LocalDate.of(2020, 1, 10), LocalDate.of(2020, 6, 10),
                ResultStatus.PASSED, "A&B", new BigDecimal("7.5"), null, null);
        LearningOpportunity course = new LearningOpportunity(2, "IN<1000>", AWKWARD, "Tittel " + AWKWARD, "Course",
                result, List.of());
        return new LearnerResults(learner, List.of(new InstitutionResults(institution, List.of(course), List.of())));
    }
}
