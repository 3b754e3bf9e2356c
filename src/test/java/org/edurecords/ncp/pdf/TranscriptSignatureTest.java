package org.edurecords.ncp.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.signing.PadesSigner;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.junit.jupiter.api.Test;

/** The PAdES signature of the PDF transcript, checked with PDFBox and BouncyCastle and, when installed, poppler. */
class TranscriptSignatureTest {

    private static final SigningKey KEY = SigningKeyLoader.loadPem(Path.of("keys-example/ncp-example.key.pem"),
            Path.of("keys-example/ncp-example.cert.pem"));
    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

    private final TranscriptPdfRenderer renderer = new TranscriptPdfRenderer();
    private final PadesSigner signer = new PadesSigner();

    @Test
    void signedWhileSavingVerifiesCoversTheWholeFileAndEmbedsTheCertificate() throws Exception {
        Transcript transcript = TranscriptPdfRendererTest.Fixtures.sixtyCourses();
        byte[] pdf = renderer.render(transcript, signer.whileSaving(KEY, utcNow(), "test"));
        assertSignedWholeFile(transcript, pdf);
        assertTrue(pdf.length <= 60_000, "no room wasted on the signature placeholder: " + pdf.length + " bytes");
    }

    @Test
    void textThatLooksLikeTheSignaturePlaceholderDoesNotMisleadTheSigner() throws Exception {
        // The learner's name goes into the document information as a plain string, before the signature.
        Transcript transcript = TranscriptPdfRendererTest.Fixtures.transcriptFor(
                "/Contents <0000> /ByteRange [0 1000000000 1000000000 1000000000]", Locale.ENGLISH);
        byte[] pdf = renderer.render(transcript, signer.whileSaving(KEY, utcNow(), "test"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            assertEquals(pdf.length, signature.getByteRange()[2] + signature.getByteRange()[3]);
            verifiedSigner(pdf, signature);
            assertTrue(document.getDocumentInformation().getTitle().contains("/ByteRange [0 1000000000"),
                    "the name is kept as it was");
        }
    }

    @Test
    void signedByIncrementalUpdateVerifiesCoversTheWholeFileAndEmbedsTheCertificate() throws Exception {
        Transcript transcript = TranscriptPdfRendererTest.Fixtures.sixtyCourses();
        assertSignedWholeFile(transcript, sign(renderer.render(transcript)));
    }

    private static void assertSignedWholeFile(Transcript transcript, byte[] pdf) throws Exception {

        assertTrue(pdf.length <= 150_000, "60 courses, signed: " + pdf.length + " bytes");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertEquals(1, signatures.size());
            PDSignature signature = signatures.get(0);
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            int[] range = signature.getByteRange();
            assertEquals(0, range[0]);
            assertEquals(pdf.length, range[2] + range[3], "the signed range ends with the file");
            SignerInformation signer = verifiedSigner(pdf, signature);
            assertNull(signer.getSignedAttributes().get(CMSAttributes.signingTime), "PAdES: no CMS signing-time");
            assertNotNull(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
            String text = new PDFTextStripper().getText(document);
            for (LearningOpportunity row : transcript.results().institutions().get(0).allOpportunities()) {
                assertTrue(text.contains(row.title().exactly("en")), "extractable after signing: " + row.title().exactly("en"));
            }
        }
    }

    @Test
    void anEditedCopyFailsVerification() throws Exception {
        byte[] pdf = renderer.render(TranscriptPdfRendererTest.Fixtures.transcript(Locale.ENGLISH, false),
                signer.whileSaving(KEY, utcNow(), "test"));
        byte[] edited = edit(pdf);
        try (PDDocument document = Loader.loadPDF(edited)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(edited)),
                    signature.getContents(edited));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(KEY.certificate()));
            } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
                valid = false;
            }
            assertFalse(valid, "a changed byte in the signed range must break the signature");
        }
    }

    @Test
    void popplerAcceptsTheSignatureAndRejectsAnEditedCopy() throws Exception {
        if (!Files.isExecutable(PDFSIG)) {
            System.out.println("SKIPPED: poppler's pdfsig is not installed; the PAdES signature was checked with"
                    + " PDFBox and BouncyCastle only");
        }
        assumeTrue(Files.isExecutable(PDFSIG), "pdfsig not installed");
        Transcript transcript = TranscriptPdfRendererTest.Fixtures.transcript(Locale.ENGLISH, false);
        for (byte[] pdf : List.of(sign(renderer.render(transcript)),
                renderer.render(transcript, signer.whileSaving(KEY, utcNow(), "test")))) {
            String good = pdfsig(pdf);
            assertTrue(good.contains("Signature Validation: Signature is Valid."), good);
            assertTrue(good.contains("ETSI.CAdES.detached") || good.contains("PAdES"), good);
            assertTrue(good.contains("Total document signed"), good);
            String bad = pdfsig(edit(pdf));
            assertFalse(bad.contains("Signature is Valid."), bad);
        }
    }

    private byte[] sign(byte[] pdf) {
        return signer.sign(pdf, KEY, utcNow(), "test");
    }

    private static Calendar utcNow() {
        return new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    }

    private static SignerInformation verifiedSigner(byte[] pdf, PDSignature signature) throws Exception {
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                signature.getContents(pdf));
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder embedded = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                .iterator().next();
        assertEquals(KEY.certificate().getSerialNumber(), embedded.getSerialNumber(), "the NCP certificate is embedded");
        assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(embedded)));
        return signer;
    }

    /** Changes one byte of the binary comment under the header: the file still opens, but it is not what was signed. */
    private static byte[] edit(byte[] pdf) {
        String latin1 = new String(pdf, 0, 32, StandardCharsets.ISO_8859_1);
        int comment = latin1.indexOf("\n%") + 2;
        assertTrue(comment > 2, "the PDF has a binary comment line");
        byte[] edited = pdf.clone();
        edited[comment] = (byte) (edited[comment] ^ 0x01);
        return edited;
    }

    private static String pdfsig(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("transcript", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(PDFSIG.toString(), file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdfsig finished");
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
