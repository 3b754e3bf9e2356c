package org.edurecords.ncp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.support.MinimalElmo;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;
import org.edurecords.ncp.verify.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Santuario's streaming signature, checked by the JDK's independent XMLDSig implementation. */
class StreamingXmlSignerTest {

    private static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static SigningKey key;
    private static final StreamingXmlSigner signer = new StreamingXmlSigner();
    private static final JdkXmlSignatureVerifier verifier = new JdkXmlSignatureVerifier();

    @BeforeAll
    static void loadKey() {
        key = SigningKeyLoader.loadPem(SigningKeyLoaderTest.EXAMPLE_KEY, SigningKeyLoaderTest.EXAMPLE_CERT);
    }

    /** Text and attribute values that canonicalization must escape or keep exactly. */
    private static final String GIVEN = "Łucja <&> \"quoted\" 'single'\ttab \uD83C\uDF93";
    private static final String FAMILY = "Ødegård-Łoś & Sønn";

    @Test
    void signedDocumentVerifiesWithTheJdkAndValidates() throws Exception {
        byte[] signed = signer.sign(copyOf(MinimalElmo.xml(escape(GIVEN), escape(FAMILY))), key);
        Document document = SecureXml.parse(signed);
        VerificationResult result = verifier.verify(document, key.certificate(), true);
        assertTrue(result.valid(), result.problems().toString());
        ElmoSchemaValidator.Result schema = new ElmoSchemaValidator().validate(signed);
        assertTrue(schema.valid(), schema.errors().toString());
        String text = new String(signed, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><elmo "), text.substring(0, 60));
        assertTrue(text.contains("Łucja &lt;&amp;&gt;"), "characters escaped once, written as UTF-8");
        assertFalse(text.contains("&#13;"), "base64 values on one line");
    }

    @Test
    void signatureIsTheLastChildOfTheRootWithTheEmrexProfile() throws Exception {
        Document document = SecureXml.parse(signer.sign(copyOf(MinimalElmo.xml(escape(GIVEN), escape(FAMILY))), key));
        Node last = document.getDocumentElement().getLastChild();
        while (last != null && last.getNodeType() != Node.ELEMENT_NODE) {
            last = last.getPreviousSibling();
        }
        assertEquals(DS_NS, last.getNamespaceURI());
        assertEquals("Signature", last.getLocalName());
        Element signature = (Element) last;
        assertEquals(1, signature.getElementsByTagNameNS(DS_NS, "Reference").getLength());
        assertEquals("", ((Element) signature.getElementsByTagNameNS(DS_NS, "Reference").item(0)).getAttribute("URI"));
        assertEquals(List.of(StreamingXmlSigner.ENVELOPED, StreamingXmlSigner.C14N), algorithms(signature, "Transform"));
        assertEquals(List.of(StreamingXmlSigner.RSA_SHA256), algorithms(signature, "SignatureMethod"));
        assertEquals(List.of("http://www.w3.org/2001/04/xmlenc#sha256"), algorithms(signature, "DigestMethod"));
        assertEquals(1, signature.getElementsByTagNameNS(DS_NS, "X509Certificate").getLength());
    }

    @Test
    void aChangedCharacterBreaksTheSignature() throws Exception {
        byte[] signed = signer.sign(copyOf(MinimalElmo.xml(escape(GIVEN), escape(FAMILY))), key);
        String changed = new String(signed, StandardCharsets.UTF_8).replace("Sønn", "Sonn");
        VerificationResult result = verifier.verify(SecureXml.parse(changed.getBytes(StandardCharsets.UTF_8)),
                key.certificate(), true);
        assertFalse(result.valid());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<String> algorithms(Element signature, String element) {
        var nodes = signature.getElementsByTagNameNS(DS_NS, element);
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> ((Element) nodes.item(i)).getAttribute("Algorithm")).toList();
    }

    /** Writes the events of a parsed document, as a producer writing through StAX would. */
    private static StreamingXmlSigner.Content copyOf(String xml) {
        return writer -> {
            XMLInputFactory inputs = XMLInputFactory.newFactory();
            inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            inputs.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            XMLStreamReader reader = inputs.createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            copy(reader, writer);
        };
    }

    private static void copy(XMLStreamReader reader, XMLStreamWriter writer) throws Exception {
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
                    writer.writeStartElement(prefix, reader.getLocalName(), reader.getNamespaceURI() == null ? ""
                            : reader.getNamespaceURI());
                    for (int i = 0; i < reader.getNamespaceCount(); i++) {
                        String p = reader.getNamespacePrefix(i);
                        if (p == null || p.isEmpty()) {
                            writer.writeDefaultNamespace(reader.getNamespaceURI(i));
                        } else {
                            writer.writeNamespace(p, reader.getNamespaceURI(i));
                        }
                    }
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String ns = reader.getAttributeNamespace(i);
                        if (ns == null || ns.isEmpty()) {
                            writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        } else {
                            writer.writeAttribute(reader.getAttributePrefix(i), ns, reader.getAttributeLocalName(i),
                                    reader.getAttributeValue(i));
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> writer.writeEndElement();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> writer.writeCharacters(reader.getText());
                default -> {
                }
            }
        }
    }
}
