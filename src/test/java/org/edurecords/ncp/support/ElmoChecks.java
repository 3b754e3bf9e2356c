package org.edurecords.ncp.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;
import org.edurecords.ncp.verify.VerificationResult;
import org.w3c.dom.Document;

/**
 * What every test does with an ELMO value the service produced: decode it strictly, validate it
 * against the official schema (when the shared conformance folder is present) and the project's own
 * copy, and verify the signature with the JDK's XML signature API, independent of the signer.
 */
public final class ElmoChecks {

    public static final Path EXAMPLE_CERTIFICATE = Path.of("keys-example/ncp-example.cert.pem");
    private static final ElmoSchemaValidator PROJECT_SCHEMA = new ElmoSchemaValidator();
    private static ElmoSchemaValidator officialSchema;

    private ElmoChecks() {
    }

    /** The official offline ELMO schema set, or null (with a visible message) when it is not beside the checkout. */
    public static synchronized ElmoSchemaValidator officialSchema() {
        if (officialSchema == null) {
            SharedConformance.elmoFolder()
                    .ifPresent(folder -> officialSchema = new ElmoSchemaValidator(folder.resolve("schema.xsd")));
            if (officialSchema == null) {
                System.out.println("SKIPPED: official ELMO schema (../shared/conformance/elmo) not found;"
                        + " validating against the project's own copy only");
            }
        }
        return officialSchema;
    }

    /** Decoded, schema-valid, signature-verified document bytes. */
    public static byte[] decodeAndCheck(String elmoValue) {
        assertTrue(elmoValue.matches("[A-Za-z0-9+/]+={0,2}"), "elmo must be single-line standard base64");
        byte[] gzip = Base64.getDecoder().decode(elmoValue);
        assertEquals((byte) 0x1f, gzip[0]);
        assertEquals((byte) 0x8b, gzip[1]);
        byte[] xml;
        try {
            xml = TransferEncoding.decode(elmoValue, 32L * 1024 * 1024);
        } catch (Exception e) {
            throw new AssertionError("elmo does not decode", e);
        }
        String prolog = new String(Arrays.copyOf(xml, 38), StandardCharsets.UTF_8);
        assertTrue(prolog.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""), "XML declaration naming UTF-8: " + prolog);
        Document document = parse(xml);
        assertValid(document);
        VerificationResult result = verify(document);
        assertTrue(result.valid(), "signature must verify: " + result.problems());
        return xml;
    }

    public static void assertValid(Document document) {
        ElmoSchemaValidator.Result own = PROJECT_SCHEMA.validate(document);
        assertTrue(own.valid(), "project schema: " + own.errors());
        ElmoSchemaValidator official = officialSchema();
        if (official != null) {
            ElmoSchemaValidator.Result result = official.validate(document);
            assertTrue(result.valid(), "official schema: " + result.errors());
        }
    }

    public static VerificationResult verify(Document document) {
        return new JdkXmlSignatureVerifier().verify(document, exampleCertificate());
    }

    public static Document parse(byte[] xml) {
        try {
            return SecureXml.parse(xml);
        } catch (Exception e) {
            return fail("not well-formed XML: " + e.getMessage());
        }
    }

    public static X509Certificate exampleCertificate() {
        try (InputStream in = Files.newInputStream(EXAMPLE_CERTIFICATE)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
