package org.edurecords.ncp.verify;

import org.edurecords.ncp.support.MinimalElmo;
import org.edurecords.ncp.support.SharedConformance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.XmlSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class JdkXmlSignatureVerifierTest {

    private static final String ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1";
    private static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";

    private static SigningKey exampleKey;
    private static SigningKey otherKey;
    private static byte[] signed;
    private static final JdkXmlSignatureVerifier verifier = new JdkXmlSignatureVerifier();

    @BeforeAll
    static void sign() throws Exception {
        exampleKey = SigningKeyLoader.loadPem(Path.of("keys-example/ncp-example.key.pem"),
                Path.of("keys-example/ncp-example.cert.pem"));
        otherKey = generatedKey();
        signed = new XmlSigner().signEnveloped(SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8)), exampleKey);
    }

    @Test
    void acceptsOurSignature() throws Exception {
        VerificationResult result = verifier.verify(received(), exampleKey.certificate());

        assertTrue(result.valid(), result.problems().toString());
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(), result.warnings());
        assertTrue(result.keyInfoMatchesTrusted());
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", result.signatureAlgorithm());
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256", result.digestAlgorithm());
    }

    @Test
    void acceptsATrustedPublicKeyToo() throws Exception {
        VerificationResult result = verifier.verify(received(), exampleKey.certificate().getPublicKey());

        assertTrue(result.valid(), result.problems().toString());
        assertTrue(result.keyInfoMatchesTrusted());
    }

    @Test
    void usesTheJdkImplementationOnly() throws Exception {
        assertEquals("XMLDSig", verifier.providerName());
        String source = Files.readString(Path.of("src/main/java/org/edurecords/ncp/verify/JdkXmlSignatureVerifier.java"));
        assertFalse(source.contains("org.apache.xml.security"), "the verifier must stay independent of Santuario");
    }

    @Test
    void changedTextIsDetected() throws Exception {
        Document doc = received();
        doc.getElementsByTagNameNS(ELMO_NS, "familyName").item(0).setTextContent("Odegard");

        VerificationResult result = verifier.verify(doc, exampleKey.certificate());

        assertFalse(result.valid());
        assertEquals(List.of("Digest of reference URI=\"\" does not match: the signed document was changed"),
                result.problems());
    }

    @Test
    void signatureMustBeTheLastChildOfTheRoot() throws Exception {
        Document doc = received();
        Element root = doc.getDocumentElement();
        root.insertBefore(signature(doc), root.getFirstChild());

        VerificationResult result = verifier.verify(doc, exampleKey.certificate());

        assertFalse(result.valid());
        assertEquals(List.of("The ds:Signature is not the last element child of the root element"), result.problems());
    }

    @Test
    void signatureMustBeAChildOfTheRoot() throws Exception {
        Document doc = received();
        doc.getElementsByTagNameNS(ELMO_NS, "learner").item(0).appendChild(signature(doc));

        VerificationResult result = verifier.verify(doc, exampleKey.certificate());

        assertFalse(result.valid());
        assertEquals(List.of("The ds:Signature is not a child of the root element <elmo>"), result.problems());
    }

    @Test
    void aSecondSignatureIsRefused() throws Exception {
        Document doc = received();
        Node copy = signature(doc).cloneNode(true);
        doc.getElementsByTagNameNS(ELMO_NS, "report").item(0).appendChild(copy);

        VerificationResult result = verifier.verify(doc, exampleKey.certificate());

        assertFalse(result.valid());
        assertTrue(result.problems().contains("Found 2 ds:Signature elements; exactly one is allowed"),
                result.problems().toString());
    }

    @Test
    void aMissingSignatureIsReported() throws Exception {
        Document doc = received();
        doc.getDocumentElement().removeChild(signature(doc));

        VerificationResult result = verifier.verify(doc, exampleKey.certificate());

        assertFalse(result.valid());
        assertEquals(List.of("No ds:Signature element in the document"), result.problems());
    }

    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        byte[] signedByOther = new XmlSigner().signEnveloped(SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8)), otherKey);

        VerificationResult result = verifier.verify(SecureXml.parse(signedByOther), exampleKey.certificate());

        assertFalse(result.valid());
        assertFalse(result.keyInfoMatchesTrusted(), "KeyInfo carries the other certificate");
        assertTrue(result.problems().get(0).startsWith("Signature value does not verify with the trusted key"),
                result.problems().toString());
    }

    @Test
    void keyInfoIsNeverTrusted() throws Exception {
        // Signed by the other key, which KeyInfo names; verifying against the example key must still fail.
        byte[] signedByOther = new XmlSigner().signEnveloped(SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8)), otherKey);

        assertFalse(verifier.verify(SecureXml.parse(signedByOther), exampleKey.certificate().getPublicKey()).valid());
        assertTrue(verifier.verify(SecureXml.parse(signedByOther), otherKey.certificate()).valid());
    }

    @Test
    void referenceMustCoverTheWholeDocument() throws Exception {
        Document doc = SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8));
        doc.getDocumentElement().setAttribute("Id", "elmo-1");
        doc.getDocumentElement().setIdAttribute("Id", true);
        jdkSign(doc, "#elmo-1", List.of(Transform.ENVELOPED));

        VerificationResult result = verifier.verify(doc, exampleKey.certificate());

        assertFalse(result.valid());
        assertEquals(List.of("Reference URI is \"#elmo-1\"; it must be \"\" (the whole document)"), result.problems());
    }

    @Test
    void onlyEnvelopedPlusOneC14nTransformIsAllowed() throws Exception {
        Document withC14n = SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8));
        jdkSign(withC14n, "", List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE));
        Document withTwo = SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8));
        jdkSign(withTwo, "", List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.INCLUSIVE));
        Document withoutEnveloped = SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8));
        jdkSign(withoutEnveloped, "", List.of(CanonicalizationMethod.INCLUSIVE));

        VerificationResult allowed = verifier.verify(withC14n, exampleKey.certificate());
        VerificationResult two = verifier.verify(withTwo, exampleKey.certificate());
        VerificationResult none = verifier.verify(withoutEnveloped, exampleKey.certificate());

        assertTrue(allowed.valid(), allowed.problems().toString());
        assertEquals(List.of("Transform not allowed here: " + CanonicalizationMethod.INCLUSIVE
                + " (only enveloped-signature and optionally one C14N)"), two.problems());
        assertTrue(none.problems().contains("The first transform must be enveloped-signature"), none.problems().toString());
    }

    @Test
    void theFinnishSha1WireSampleIsRefusedUnderSecureValidation() throws Exception {
        Path examples = conformanceExamples();
        String wire = Files.readString(examples.resolve("fi-smp_elmo_vastaus_base64_gzipped.txt"), StandardCharsets.US_ASCII);
        X509Certificate cert;
        try (var in = Files.newInputStream(examples.resolve("fi-smp_csc-cert.crt"))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }

        Document doc = SecureXml.parse(TransferEncoding.decode(wire, 1 << 20));
        VerificationResult result = verifier.verify(doc, cert);

        assertFalse(result.valid());
        assertEquals("http://www.w3.org/2000/09/xmldsig#rsa-sha1", result.signatureAlgorithm());
        assertEquals("http://www.w3.org/2000/09/xmldsig#sha1", result.digestAlgorithm());
        assertTrue(result.keyInfoMatchesTrusted(), "the sample carries the CSC certificate");
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).contains("rsa-sha1"), result.problems().toString());
        assertTrue(result.problems().get(0).contains("secure validation"), result.problems().toString());
        assertEquals(List.of("Trusted RSA key has 1024 bits; at least 2048 are recommended"), result.warnings());
    }

    @Test
    void verifiesConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<VerificationResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean tamper = i % 2 == 1;
                tasks.add(() -> {
                    Document doc = received();
                    if (tamper) {
                        doc.getElementsByTagNameNS(ELMO_NS, "givenNames").item(0).setTextContent("Lucja");
                    }
                    return verifier.verify(doc, exampleKey.certificate());
                });
            }
            List<Future<VerificationResult>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0, results.get(i).get().valid(), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers

    private static Document received() throws Exception {
        return SecureXml.parse(signed);
    }

    private static Element signature(Document doc) {
        return (Element) doc.getElementsByTagNameNS(DS_NS, "Signature").item(0);
    }

    /** Signs with the JDK API, to build signatures our own signer would never produce. */
    private static void jdkSign(Document doc, String uri, List<String> transformAlgorithms) throws Exception {
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM", "XMLDSig");
        List<Transform> transforms = new ArrayList<>();
        for (String algorithm : transformAlgorithms) {
            transforms.add(factory.newTransform(algorithm, (TransformParameterSpec) null));
        }
        Reference reference = factory.newReference(uri, factory.newDigestMethod(DigestMethod.SHA256, null), transforms,
                null, null);
        SignedInfo signedInfo = factory.newSignedInfo(
                factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
        KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
        KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(exampleKey.certificate()))));
        factory.newXMLSignature(signedInfo, keyInfo).sign(new DOMSignContext(exampleKey.privateKey(), doc.getDocumentElement()));
    }

    private static SigningKey generatedKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Another NCP");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        return new SigningKey(pair.getPrivate(), cert, List.of(cert));
    }

    private static Path conformanceExamples() {
        return SharedConformance.elmoFolderOrSkip("the Finnish wire sample").resolve("examples");
    }
}
