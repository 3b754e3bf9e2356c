package org.edurecords.ncp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.crypto.spec.SecretKeySpec;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.XMLSignature;

import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.support.TestSigning;
import org.edurecords.ncp.verify.VerificationReport.Step;
import org.edurecords.ncp.verify.VerificationReport.Verdict;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Hostile and broken inputs a receiver may get; each must be refused at the right step with its reason,
 * while the genuine document next to them passes.
 */
class AttackCorpusTest {

    private static final String NS = ElmoVerifier.ELMO_NS;
    private static final ElmoSchemaValidator SCHEMA = new ElmoSchemaValidator();
    private static final RegistryEntry EXAMPLE_NCP = new RegistryEntry("EXAMPLE", "NO", "https://ncp.example.org/emrex",
            List.of("All"), List.of(TestSigning.exampleKey().certificate()), "test");

    private static ElmoVerifier verifier(boolean allowSha1, long maxBytes) {
        return new ElmoVerifier(new ElmoVerifier.Settings(maxBytes, allowSha1), SCHEMA, () -> List.of(EXAMPLE_NCP));
    }

    private static VerificationReport verify(byte[] xml) {
        return verifier(false, 16_000_000).verify(new VerifyRequest(TransferEncoding.encode(xml), null, null, null, null));
    }

    private static Step step(VerificationReport report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + report.steps()));
    }

    private static void assertRefused(VerificationReport report, String stepName, String reason) {
        assertFalse(report.valid(), "must be refused: " + report.steps());
        assertEquals("INVALID", report.verdict());
        Step step = step(report, stepName);
        assertEquals(Verdict.FAIL, step.verdict(), step.toString());
        assertTrue(step.message().contains(reason), "reason '" + reason + "' expected in: " + step.message());
    }

    private static Element signatureOf(Document doc) {
        return (Element) doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
    }

    private static Element first(Document doc, String localName) {
        return (Element) doc.getElementsByTagNameNS(NS, localName).item(0);
    }

    @Test
    void genuineDocumentPassesEveryStep() {
        VerificationReport report = verify(TestSigning.signedByProfile());
        assertTrue(report.valid(), report.steps().toString());
        assertTrue(report.steps().stream().allMatch(s -> s.verdict() == Verdict.PASS || s.name().equals("learner")),
                report.steps().toString());
        assertEquals("EXAMPLE", report.signature().verifiedBy().acronym());
        assertFalse(report.signature().weakAlgorithm());
        assertNull(report.signature().failure());
    }

    @Test
    void aSignatureByALapsedRegistryCertificateIsValidWithAWarning() {
        java.security.cert.X509Certificate cert = TestSigning.exampleKey().certificate();
        java.time.Instant afterExpiry = cert.getNotAfter().toInstant().plus(java.time.Duration.ofDays(1));
        ElmoVerifier later = new ElmoVerifier(new ElmoVerifier.Settings(16_000_000, false), SCHEMA,
                () -> List.of(EXAMPLE_NCP), java.time.Clock.fixed(afterExpiry, java.time.ZoneOffset.UTC));
        VerificationReport report = later.verify(new VerifyRequest(TransferEncoding.encode(TestSigning.signedByProfile()),
                null, null, null, null));
        assertTrue(report.valid(), "the registry still vouches for the key: " + report.steps());
        Step key = step(report, "signature-key");
        assertEquals(Verdict.WARN, key.verdict());
        assertTrue(key.message().contains("the registry certificate expired on "
                + cert.getNotAfter().toInstant().toString().substring(0, 10)), key.message());

        java.time.Instant beforeValidity = cert.getNotBefore().toInstant().minus(java.time.Duration.ofDays(1));
        Step early = step(new ElmoVerifier(new ElmoVerifier.Settings(16_000_000, false), SCHEMA, () -> List.of(EXAMPLE_NCP),
                java.time.Clock.fixed(beforeValidity, java.time.ZoneOffset.UTC)).verify(new VerifyRequest(
                        TransferEncoding.encode(TestSigning.signedByProfile()), null, null, null, null)), "signature-key");
        assertEquals(Verdict.WARN, early.verdict());
        assertTrue(early.message().contains("not valid before"), early.message());
    }

    // ---- parser attacks

    @Test
    void xxeIsRefusedByTheParser() {
        byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE elmo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<elmo xmlns=\"" + NS + "\">&xxe;</elmo>").getBytes(StandardCharsets.UTF_8);
        VerificationReport report = verify(xml);
        assertRefused(report, "parse", "DOCTYPE");
        assertEquals(Verdict.SKIPPED, step(report, "signature-key").verdict());
    }

    @Test
    void entityExpansionIsRefusedByTheParser() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE elmo [<!ENTITY a \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY ").append((char) ('a' + i)).append(" \"")
                    .append(("&" + (char) ('a' + i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        byte[] xml = ("<?xml version=\"1.0\"?>" + dtd + "<elmo xmlns=\"" + NS + "\">&j;</elmo>")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(verify(xml), "parse", "DOCTYPE");
    }

    @Test
    void externalDtdIsRefusedByTheParser() {
        byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE elmo SYSTEM \"http://attacker.invalid/elmo.dtd\">"
                + "<elmo xmlns=\"" + NS + "\"/>").getBytes(StandardCharsets.UTF_8);
        assertRefused(verify(xml), "parse", "DOCTYPE");
    }

    @Test
    void gzipBombIsRefusedAtTheSizeLimit() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                out.write(zeros);
            }
        }
        assertTrue(gz.size() < 20_000, "a bomb: small compressed, large decompressed");
        VerificationReport report = verifier(false, 4_000_000).verify(new VerifyRequest(
                Base64.getEncoder().encodeToString(gz.toByteArray()), null, null, null, null));
        assertRefused(report, "gunzip", "exceeds the limit of 4000000 bytes");
    }

    @Test
    void lenientBase64IsRefused() {
        String value = TransferEncoding.encode(TestSigning.signedByProfile());
        String wrapped = value.substring(0, 76) + "\r\n" + value.substring(76);
        VerificationReport report = verifier(false, 16_000_000).verify(new VerifyRequest(wrapped, null, null, null, null));
        assertRefused(report, "base64", "line break");
        assertEquals(Verdict.SKIPPED, step(report, "gunzip").verdict());
    }

    // ---- signature wrapping

    @Test
    void wrappingSignatureMovedIntoAReport() {
        Document doc = TestSigning.parse(TestSigning.signedByProfile());
        first(doc, "report").appendChild(signatureOf(doc));
        VerificationReport report = verify(TestSigning.serialize(doc));
        assertRefused(report, "signature-structure", "not the last child of the root");
        assertEquals(VerificationReport.SignatureInfo.BROKEN, report.signature().failure());
    }

    @Test
    void wrappingSecondSignatureFirst() {
        Document doc = TestSigning.parse(TestSigning.signedByProfile());
        Element root = doc.getDocumentElement();
        root.insertBefore(signatureOf(doc).cloneNode(true), root.getFirstChild());
        assertRefused(verify(TestSigning.serialize(doc)), "signature-structure", "Found 2 ds:Signature elements");
    }

    @Test
    void wrappingReferencedContentDuplicatedIntoAnObject() {
        // Classic XSW: the signed original hides inside the signature, the visible content is the attacker's.
        Document doc = TestSigning.parse(TestSigning.signedByProfile());
        Element signature = signatureOf(doc);
        Element object = doc.createElementNS(XMLSignature.XMLNS, "Object");
        object.appendChild(first(doc, "report").cloneNode(true));
        signature.appendChild(object);
        first(doc, "resultLabel").setTextContent("A");
        assertRefused(verify(TestSigning.serialize(doc)), "signature-structure", "ds:Object");
    }

    @Test
    void wrappingReportDuplicatedWithOtherGrades() {
        Document doc = TestSigning.parse(TestSigning.signedByProfile());
        Element report = first(doc, "report");
        Element copy = (Element) report.cloneNode(true);
        copy.getElementsByTagNameNS(NS, "resultLabel").item(0).setTextContent("A");
        report.getParentNode().insertBefore(copy, report);
        assertRefused(verify(TestSigning.serialize(doc)), "signature-key", "changed after signing");
    }

    @Test
    void wrappingRootWrappedInAForgedDocument() {
        Document signed = TestSigning.parse(TestSigning.signedByProfile());
        Document forged = TestSigning.unsigned();
        forged.getElementsByTagNameNS(NS, "familyName").item(0).setTextContent("Mallory");
        Element extension = forged.createElementNS(NS, "extension");
        extension.appendChild(forged.importNode(signed.getDocumentElement(), true));
        forged.getDocumentElement().appendChild(extension);
        VerificationReport report = verify(TestSigning.serialize(forged));
        assertRefused(report, "signature-structure", "not the last child of the root");
        assertEquals(Verdict.FAIL, step(report, "schema").verdict(), "ELMO content in extension is not allowed either");
    }

    @Test
    void wrappingReferenceWithAnId() {
        Document doc = TestSigning.unsigned();
        Element learner = first(doc, "learner");
        learner.setAttribute("Id", "signed-part");
        learner.setIdAttribute("Id", true);
        TestSigning.jdkSign(doc, doc.getDocumentElement(), TestSigning.exampleKey().privateKey(),
                TestSigning.exampleKey().certificate(), SignatureMethod.RSA_SHA256, TestSigning.SHA256,
                List.of("#signed-part"), false);
        assertRefused(verify(TestSigning.serialize(doc)), "signature-structure", "Reference URI is \"#signed-part\"");
    }

    @Test
    void wrappingExtraTransform() {
        Document doc = TestSigning.unsigned();
        TestSigning.jdkSign(doc, doc.getDocumentElement(), TestSigning.exampleKey().privateKey(),
                TestSigning.exampleKey().certificate(), SignatureMethod.RSA_SHA256, TestSigning.SHA256, List.of(""), true);
        assertRefused(verify(TestSigning.serialize(doc)), "signature-structure", "Transform not allowed");
    }

    @Test
    void wrappingSecondReference() {
        Document doc = TestSigning.unsigned();
        Element learner = first(doc, "learner");
        learner.setAttribute("Id", "l1");
        learner.setIdAttribute("Id", true);
        TestSigning.jdkSign(doc, doc.getDocumentElement(), TestSigning.exampleKey().privateKey(),
                TestSigning.exampleKey().certificate(), SignatureMethod.RSA_SHA256, TestSigning.SHA256,
                List.of("", "#l1"), false);
        assertRefused(verify(TestSigning.serialize(doc)), "signature-structure", "2 references");
    }

    // ---- algorithms and keys

    @Test
    void sha1DowngradeIsRefusedAndAcceptedOnlyAsWeakLegacy() {
        Document doc = TestSigning.unsigned();
        TestSigning.jdkSign(doc, TestSigning.exampleKey(), ElmoVerifier.RSA_SHA1, TestSigning.SHA1);
        byte[] xml = TestSigning.serialize(doc);
        VerificationReport strict = verify(xml);
        assertRefused(strict, "signature-algorithms", "SHA-1");
        assertEquals(Verdict.SKIPPED, step(strict, "signature-key").verdict());

        VerificationReport legacy = verifier(true, 16_000_000)
                .verify(new VerifyRequest(TransferEncoding.encode(xml), null, null, null, null));
        assertTrue(legacy.valid(), legacy.steps().toString());
        assertEquals(Verdict.WARN, step(legacy, "signature-algorithms").verdict());
        assertTrue(legacy.signature().weakAlgorithm());
        assertEquals("EXAMPLE", legacy.signature().verifiedBy().acronym());
    }

    @Test
    void hmacWithThePublicKeyIsRefused() {
        Document doc = TestSigning.unsigned();
        byte[] publicKey = TestSigning.exampleKey().certificate().getPublicKey().getEncoded();
        TestSigning.jdkSign(doc, doc.getDocumentElement(), new SecretKeySpec(publicKey, "HmacSHA256"), null,
                SignatureMethod.HMAC_SHA256, TestSigning.SHA256, List.of(""), false);
        assertRefused(verify(TestSigning.serialize(doc)), "signature-algorithms", "hmac-sha256 is not allowed");
    }

    @Test
    void validSignatureByAKeyNotInTheRegistry() {
        Document doc = TestSigning.unsigned();
        TestSigning.jdkSign(doc, TestSigning.foreignKey(), SignatureMethod.RSA_SHA256, TestSigning.SHA256);
        VerificationReport report = verify(TestSigning.serialize(doc));
        assertRefused(report, "signature-key", "No certificate of any of the 1 NCP(s) in the registry verifies");
        assertEquals(null, report.signature().verifiedBy());
        assertEquals(Verdict.PASS, step(report, "schema").verdict());
        assertEquals(VerificationReport.SignatureInfo.UNKNOWN_SIGNER, report.signature().failure());
        assertEquals(TestSigning.foreignKey().certificate().getSubjectX500Principal().getName(),
                report.signature().claimedSigner(), "whom the KeyInfo names, for the person to read");
    }

    @Test
    void expectedNcpMustBeTheSigner() {
        VerificationReport report = verifier(false, 16_000_000).verify(new VerifyRequest(
                TransferEncoding.encode(TestSigning.signedByProfile()), null, null, null, "OTHER"));
        assertRefused(report, "signature-key", "expected NCP 'OTHER' is not in the registry");
    }

    @Test
    void strippedSignature() {
        Document doc = TestSigning.parse(TestSigning.signedByProfile());
        Node signature = signatureOf(doc);
        signature.getParentNode().removeChild(signature);
        VerificationReport report = verify(TestSigning.serialize(doc));
        assertRefused(report, "signature-structure", "not signed");
        assertEquals(VerificationReport.SignatureInfo.UNSIGNED, report.signature().failure());
        assertEquals(Verdict.PASS, step(report, "schema").verdict(), "content is still readable");
        assertNotNull(report.summary());
    }

    @Test
    void changedAfterSigning() {
        String signed = new String(TestSigning.signedByProfile(), StandardCharsets.UTF_8);
        String changed = signed.replace("<resultLabel>B</resultLabel>", "<resultLabel>A</resultLabel>");
        assertFalse(signed.equals(changed));
        VerificationReport report = verify(changed.getBytes(StandardCharsets.UTF_8));
        assertRefused(report, "signature-key", "changed after signing");
        assertEquals(VerificationReport.SignatureInfo.CHANGED, report.signature().failure());
    }
}
