package org.edurecords.ncp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.support.SharedConformance;
import org.edurecords.ncp.verify.VerificationReport.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The public example documents of shared/conformance/elmo/examples, with the outcomes their README states:
 * schema validity, and which signatures verify (only the 2015 Finnish one, with SHA-1, 1024 bits, legacy only).
 */
class PublicFixturesTest {

    private static Path dir;
    private static final ElmoSchemaValidator SCHEMA = new ElmoSchemaValidator();

    private static byte[] fixture(String name) throws Exception {
        dir = SharedConformance.elmoFolderOrSkip("public ELMO fixtures").resolve("examples");
        return Files.readAllBytes(dir.resolve(name));
    }

    /** Trusts the certificate a fixture carries in KeyInfo, so that only its digest and value decide. */
    private static List<RegistryEntry> keyInfoCertificate(byte[] xml) throws Exception {
        String text = new String(xml, StandardCharsets.UTF_8);
        int start = text.indexOf("X509Certificate>") + "X509Certificate>".length();
        String b64 = text.substring(start, text.indexOf("</", start)).replaceAll("&#13;|\\s", "");
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
        return List.of(new RegistryEntry("FIXTURE", null, "https://fixture.invalid/", List.of(), List.of(cert), "test"));
    }

    private static VerificationReport verify(byte[] xml, boolean allowSha1, List<RegistryEntry> registry) {
        return new ElmoVerifier(new ElmoVerifier.Settings(16_000_000, allowSha1), SCHEMA, () -> registry)
                .verify(new VerifyRequest(TransferEncoding.encode(xml), null, null, null, null));
    }

    private static Verdict verdict(VerificationReport report, String step) {
        return report.steps().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().verdict();
    }

    private static String message(VerificationReport report, String step) {
        return report.steps().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().message();
    }

    @Test
    void officialExampleIsSchemaValidButItsPlaceholderSignatureDoesNotVerify() throws Exception {
        byte[] xml = fixture("elmo-schemas_v1.7.0_example.xml");
        VerificationReport strict = verify(xml, false, List.of());
        assertEquals(Verdict.PASS, verdict(strict, "schema"), message(strict, "schema"));
        assertEquals(Verdict.FAIL, verdict(strict, "signature-algorithms"), "placeholder is rsa-sha1");
        VerificationReport legacy = verify(xml, true, keyInfoCertificate(xml));
        assertFalse(legacy.valid());
        assertEquals(Verdict.FAIL, verdict(legacy, "signature-key"), legacy.steps().toString());
        assertNotNull(strict.summary());
        assertTrue(strict.summary().attachments().stream().anyMatch(a -> "EMREX transcript".equals(a.type())));
    }

    @Test
    void finnishNcpOutputIsSchemaValidAndUnsigned() throws Exception {
        VerificationReport report = verify(fixture("fi-ncp_my_elmo.xml"), false, List.of());
        assertEquals(Verdict.PASS, verdict(report, "schema"), message(report, "schema"));
        assertEquals(Verdict.FAIL, verdict(report, "signature-structure"));
        assertTrue(message(report, "signature-structure").contains("not signed"));
        assertEquals("Teppo", report.summary().learner().givenNames());
        assertEquals("5", report.summary().totals().credits());
    }

    @Test
    void gatewaySampleFailsOnElementOrderAndOnItsEditedDigest() throws Exception {
        byte[] xml = fixture("emrex-gateway_sampleElmo.decoded.xml");
        VerificationReport strict = verify(xml, false, keyInfoCertificate(xml));
        assertEquals(Verdict.FAIL, verdict(strict, "schema"));
        assertTrue(message(strict, "schema").startsWith("1 schema error"), message(strict, "schema"));
        assertTrue(message(strict, "schema").contains("gradingScheme") || message(strict, "schema").contains("issueDate"),
                message(strict, "schema"));
        assertEquals(Verdict.FAIL, verdict(strict, "signature-algorithms"), "rsa-sha1 needs the legacy switch");
        VerificationReport legacy = verify(xml, true, keyInfoCertificate(xml));
        assertEquals(Verdict.FAIL, verdict(legacy, "signature-key"));
        assertTrue(message(legacy, "signature-key").contains("changed after signing"), message(legacy, "signature-key"));
    }

    @Test
    void finnishWireValueDecodesAndVerifiesOnlyWithTheLegacySwitch() throws Exception {
        String wire = new String(fixture("fi-smp_elmo_vastaus_base64_gzipped.txt"), StandardCharsets.US_ASCII).strip();
        List<RegistryEntry> csc = List.of(new RegistryEntry("CSC", "FI", "https://emrex.csc.invalid/", List.of("All"),
                Certificates.read(dir.resolve("fi-smp_csc-cert.crt")), "test"));
        ElmoVerifier strictVerifier = new ElmoVerifier(new ElmoVerifier.Settings(16_000_000, false), SCHEMA, () -> csc);
        VerificationReport strict = strictVerifier.verify(new VerifyRequest(wire, null, null, null, null));
        assertEquals(Verdict.PASS, verdict(strict, "base64"));
        assertEquals(Verdict.PASS, verdict(strict, "gunzip"));
        assertEquals(Verdict.FAIL, verdict(strict, "signature-algorithms"));
        assertEquals(Verdict.FAIL, verdict(strict, "schema"), "legacy purl.org namespace");
        assertTrue(message(strict, "schema").contains("http://purl.org/net/elmo"));

        ElmoVerifier legacyVerifier = new ElmoVerifier(new ElmoVerifier.Settings(16_000_000, true), SCHEMA, () -> csc);
        VerificationReport legacy = legacyVerifier.verify(new VerifyRequest(wire, null, null, null, "CSC"));
        assertEquals(Verdict.WARN, verdict(legacy, "signature-algorithms"));
        assertEquals(Verdict.WARN, verdict(legacy, "signature-key"), "1024-bit key is reported");
        assertTrue(message(legacy, "signature-key").contains("1024 bits"), message(legacy, "signature-key"));
        assertEquals("CSC", legacy.signature().verifiedBy().acronym());
        assertFalse(legacy.valid(), "still not a valid ELMO v1 document");
        assertNull(legacy.summary());

        byte[] decoded = fixture("fi-smp_elmo_vastaus.decoded.xml");
        assertTrue(java.util.Arrays.equals(decoded, TransferEncoding.decode(wire, 16_000_000)), "byte-exact decoding");
    }

    @Test
    void legacyAndDanishDocumentsAreSchemaInvalid() throws Exception {
        VerificationReport finland = verify(fixture("fi-ncp_Example-elmo-Finland.xml"), false, List.of());
        assertEquals(Verdict.FAIL, verdict(finland, "schema"));
        assertTrue(message(finland, "schema").contains("purl.org"));
        assertEquals(Verdict.FAIL, verdict(finland, "signature-structure"));

        VerificationReport denmark = verify(fixture("dk-emrex_Example-elmo-Denmark.xml"), false, List.of());
        assertEquals(Verdict.FAIL, verdict(denmark, "schema"));
        assertTrue(message(denmark, "schema").contains("url") || message(denmark, "schema").contains("level"),
                message(denmark, "schema"));
        assertEquals(Verdict.FAIL, verdict(denmark, "signature-structure"));
    }
}
