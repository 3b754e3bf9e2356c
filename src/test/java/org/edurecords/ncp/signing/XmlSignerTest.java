package org.edurecords.ncp.signing;

import org.edurecords.ncp.support.MinimalElmo;
import org.edurecords.ncp.support.SharedConformance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;
import org.edurecords.ncp.verify.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class XmlSignerTest {

    static final String ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1";
    static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String NAME = "Łucja Ødegård";

    private static SigningKey key;
    private static final XmlSigner signer = new XmlSigner();
    private static final JdkXmlSignatureVerifier verifier = new JdkXmlSignatureVerifier();

    @BeforeAll
    static void loadKey() {
        key = SigningKeyLoader.loadPem(SigningKeyLoaderTest.EXAMPLE_KEY, SigningKeyLoaderTest.EXAMPLE_CERT);
    }


    static Document parse(String xml) throws Exception {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outputIsUtf8WithDeclarationAndWithoutBom() throws Exception {
        byte[] signed = signer.signEnveloped(parse(MinimalElmo.xml("Łucja", "Ødegård")), key);

        byte[] declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(declaration, Arrays.copyOf(signed, declaration.length));
        String text = new String(signed, StandardCharsets.UTF_8);
        assertTrue(text.contains("<givenNames>Łucja</givenNames>"), "names must be written as UTF-8 characters");
        assertTrue(text.contains("<familyName>Ødegård</familyName>"));
        assertFalse(text.contains("&#13;"), "base64 values must not be wrapped (ignoreLineBreaks)");
        assertFalse(text.contains("standalone"));
    }

    @Test
    void signatureFollowsTheEmrexProfile() throws Exception {
        byte[] signed = signer.signEnveloped(parse(MinimalElmo.xml("Łucja", "Ødegård")), key);
        Document doc = SecureXml.parse(signed);
        Element root = doc.getDocumentElement();

        Element signature = lastElementChild(root);
        assertEquals(DS_NS, signature.getNamespaceURI());
        assertEquals("Signature", signature.getLocalName());
        assertEquals(1, doc.getElementsByTagNameNS(DS_NS, "Signature").getLength());

        assertEquals("http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
                only(signature, "CanonicalizationMethod").getAttribute("Algorithm"));
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                only(signature, "SignatureMethod").getAttribute("Algorithm"));
        Element reference = only(signature, "Reference");
        assertTrue(reference.hasAttribute("URI"));
        assertEquals("", reference.getAttribute("URI"));
        assertEquals("http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                only(signature, "Transform").getAttribute("Algorithm"));
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256", only(signature, "DigestMethod").getAttribute("Algorithm"));

        Element x509Data = only(signature, "X509Data");
        assertEquals("KeyInfo", x509Data.getParentNode().getLocalName());
        assertArrayEquals(key.certificate().getEncoded(),
                Base64.getDecoder().decode(only(signature, "X509Certificate").getTextContent()));
        assertTrue(only(signature, "X509SubjectName").getTextContent().contains("NOT FOR PRODUCTION"));

        // Nothing was indented: the signature has no whitespace-only text nodes.
        NodeList all = signature.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            for (Node n = all.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE) {
                    assertFalse(n.getTextContent().isBlank(), "whitespace inside " + all.item(i).getNodeName());
                }
            }
        }
    }

    @Test
    void signedOutputVerifiesWithTheJdkVerifier() throws Exception {
        byte[] signed = signer.signEnveloped(parse(MinimalElmo.xml("Łucja", "Ødegård")), key);

        VerificationResult result = verifier.verify(SecureXml.parse(signed), key.certificate());

        assertTrue(result.valid(), result.problems().toString());
        assertTrue(result.keyInfoMatchesTrusted());
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", result.signatureAlgorithm());
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256", result.digestAlgorithm());
    }

    @Test
    void signedOutputSurvivesTheTransferEncoding() throws Exception {
        byte[] signed = signer.signEnveloped(parse(MinimalElmo.xml("Łucja", "Ødegård")), key);

        byte[] received = TransferEncoding.decode(TransferEncoding.encode(signed), 1 << 20);

        assertArrayEquals(signed, received);
        assertTrue(verifier.verify(SecureXml.parse(received), key.certificate()).valid());
    }

    @Test
    void signedOutputValidatesAgainstTheProjectSchema() throws Exception {
        byte[] signed = signer.signEnveloped(parse(MinimalElmo.xml("Łucja", "Ødegård")), key);

        ElmoSchemaValidator.Result result = new ElmoSchemaValidator().validate(signed);

        assertTrue(result.valid(), result.errors().toString());
    }

    @Test
    void signedOutputValidatesAgainstTheConformanceSchema() throws Exception {
        Path schema = conformanceElmo().resolve("schema.xsd");
        byte[] signed = signer.signEnveloped(parse(MinimalElmo.xml("Łucja", "Ødegård")), key);

        ElmoSchemaValidator.Result result = new ElmoSchemaValidator(schema).validate(signed);

        assertTrue(result.valid(), result.errors().toString());
    }

    @Test
    void signsTheOfficialExampleAfterRemovingItsPlaceholderSignature() throws Exception {
        Path dir = conformanceElmo();
        Document doc = SecureXml.parse(Files.readAllBytes(dir.resolve("examples/elmo-schemas_v1.7.0_example.xml")));
        Node placeholder = doc.getElementsByTagNameNS(DS_NS, "Signature").item(0);
        placeholder.getParentNode().removeChild(placeholder);

        byte[] signed = signer.signEnveloped(doc, key);

        assertTrue(verifier.verify(SecureXml.parse(signed), key.certificate()).valid());
        ElmoSchemaValidator.Result result = new ElmoSchemaValidator(dir.resolve("schema.xsd")).validate(signed);
        assertTrue(result.valid(), result.errors().toString());
    }

    @Test
    void refusesADocumentThatIsAlreadySigned() throws Exception {
        Document doc = SecureXml.parse(signer.signEnveloped(parse(MinimalElmo.xml("Ada", "Example")), key));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signer.signEnveloped(doc, key));
        assertTrue(e.getMessage().contains("already signed"), e.getMessage());
    }

    @Test
    void documentBuiltInCodeWithoutNamespaceDeclarationsStillVerifiesAfterParsing() throws Exception {
        // DOMs built with createElementNS carry no xmlns attributes until serialization adds them; the
        // digest must be computed over what a receiver will parse.
        Document doc = SecureXml.newDocumentBuilder().newDocument();
        Element elmo = doc.createElementNS(ELMO_NS, "elmo");
        doc.appendChild(elmo);
        append(doc, elmo, "generatedDate", "2025-01-31T12:00:00Z");
        Element learner = append(doc, elmo, "learner", null);
        append(doc, learner, "givenNames", "Łucja");
        append(doc, learner, "familyName", "Ødegård");
        Element report = append(doc, elmo, "report", null);
        Element issuer = append(doc, report, "issuer", null);
        append(doc, issuer, "identifier", "example.edu").setAttribute("type", "schac");
        append(doc, issuer, "title", "Example University")
                .setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
        append(doc, issuer, "url", "https://www.example.edu/");
        append(doc, report, "issueDate", "2025-01-31T12:00:00Z");

        byte[] signed = signer.signEnveloped(doc, key);

        VerificationResult result = verifier.verify(SecureXml.parse(signed), key.certificate());
        assertTrue(result.valid(), result.problems().toString());
        assertTrue(new ElmoSchemaValidator().validate(signed).valid());
    }

    @Test
    void charactersOutsideTheBasicPlaneSurviveSigning() throws Exception {
        String given = "\uD835\uDD04da"; // MATHEMATICAL FRAKTUR CAPITAL A + "da"
        byte[] signed = signer.signEnveloped(parse(MinimalElmo.xml(given, "Ødegård")), key);

        Document received = SecureXml.parse(signed);

        assertEquals(given, received.getElementsByTagNameNS(ELMO_NS, "givenNames").item(0).getTextContent());
        assertTrue(verifier.verify(received, key.certificate()).valid());
    }

    @Test
    void signsConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<byte[]>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String family = "Ødegård " + i;
                tasks.add(() -> signer.signEnveloped(parse(MinimalElmo.xml(NAME, family)), key));
            }
            int index = 0;
            for (Future<byte[]> future : pool.invokeAll(tasks)) {
                Document doc = SecureXml.parse(future.get());
                assertTrue(verifier.verify(doc, key.certificate()).valid());
                assertEquals("Ødegård " + index++,
                        doc.getElementsByTagNameNS(ELMO_NS, "familyName").item(0).getTextContent());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers

    static Path conformanceElmo() {
        return SharedConformance.elmoFolderOrSkip("checks against the official schema and examples");
    }

    private static Element append(Document doc, Element parent, String name, String text) {
        Element e = doc.createElementNS(ELMO_NS, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static Element lastElementChild(Element parent) {
        Element last = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                last = e;
            }
        }
        assertNotNull(last);
        return last;
    }

    private static Element only(Element scope, String dsName) {
        NodeList list = scope.getElementsByTagNameNS(DS_NS, dsName);
        assertEquals(1, list.getLength(), "number of ds:" + dsName);
        return (Element) list.item(0);
    }
}
