package org.edurecords.ncp.verify;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.verify.VerificationReport.SignatureInfo;
import org.edurecords.ncp.verify.VerificationReport.Step;
import org.edurecords.ncp.verify.VerificationReport.VerifiedBy;

/**
 * Checks the PDF transcript's own PAdES signature: the PDF does not carry the signed ELMO document (it is an
 * attachment inside it), so a PDF on its own is checked by its seal. An independent path from the one that
 * signs (PDFBox reads the signature dictionary, BouncyCastle verifies the CMS structure), and, like
 * {@link ElmoVerifier}, free of CDI and trusting only certificates of the registry.
 * <p>
 * Steps: {@code pdf-parse}, {@code pdf-signature-structure} (a signature whose byte range covers the whole
 * file: nothing added after sealing), {@code pdf-signature} (the CMS signature over the byte range),
 * {@code pdf-signer} (the signing certificate is one of a known NCP).
 */
public final class PdfSealVerifier {

    /** Outcome of checking one PDF. */
    public record Report(boolean valid, String failure, List<Step> steps, VerifiedBy verifiedBy, String signerSubject,
            Instant signingTime, String documentId, String title) {
        /** Not a PDF that can be read. */
        public static final String UNREADABLE = "UNREADABLE";
    }

    private final Supplier<List<RegistryEntry>> registry;

    public PdfSealVerifier(Supplier<List<RegistryEntry>> registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public Report verify(byte[] pdf) {
        List<Step> steps = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            steps.add(new Step("pdf-parse", VerificationReport.Verdict.PASS, pdf.length + " bytes of PDF"));
            PDDocumentInformation info = document.getDocumentInformation();
            String documentId = info == null ? null : info.getSubject();
            String title = info == null ? null : info.getTitle();
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                steps.add(fail("pdf-signature-structure", "The PDF carries no signature"));
                skip(steps, "pdf-signature", "pdf-signer");
                return new Report(false, SignatureInfo.UNSIGNED, steps, null, null, null, documentId, title);
            }
            // The signature that covers the most of the file; ours covers all of it.
            PDSignature signature = signatures.get(0);
            for (PDSignature s : signatures) {
                if (end(s) > end(signature)) {
                    signature = s;
                }
            }
            Instant signingTime = time(signature.getSignDate());
            int[] range = signature.getByteRange();
            boolean whole = range != null && range.length == 4 && range[0] == 0 && range[1] < range[2]
                    && (long) range[2] + range[3] == pdf.length;
            if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                    || (long) range[2] + range[3] > pdf.length) {
                steps.add(fail("pdf-signature-structure", "The signature's byte range does not fit the file"));
                skip(steps, "pdf-signature", "pdf-signer");
                return new Report(false, SignatureInfo.BROKEN, steps, null, null, signingTime, documentId, title);
            }
            if (whole) {
                steps.add(new Step("pdf-signature-structure", VerificationReport.Verdict.PASS,
                        signatures.size() + " signature(s); the seal covers the whole file"));
            } else {
                steps.add(fail("pdf-signature-structure", "The file was extended after sealing: the seal covers "
                        + ((long) range[2] + range[3]) + " of " + pdf.length + " bytes"));
            }
            Checked checked = checkCms(signature, pdf, steps);
            if (checked.certificate() == null) {
                skip(steps, "pdf-signer");
                return new Report(false, checked.failure(), steps, null, null, signingTime, documentId, title);
            }
            String subject = checked.certificate().getSubjectX500Principal().getName();
            RegistryEntry entry = registry.get().stream()
                    .filter(e -> e.certificates().contains(checked.certificate())).findFirst().orElse(null);
            VerifiedBy by = null;
            if (entry == null) {
                steps.add(fail("pdf-signer", "Signed with a certificate that no NCP in the registry publishes: " + subject));
            } else {
                by = new VerifiedBy(entry.acronym(), entry.countryCode(), entry.url(), subject,
                        Certificates.sha256(checked.certificate()));
                steps.add(new Step("pdf-signer", VerificationReport.Verdict.PASS,
                        "signed with the certificate of " + entry.label() + " (" + entry.url() + ")"));
            }
            String failure = checked.failure() != null ? checked.failure()
                    : !whole ? SignatureInfo.CHANGED : entry == null ? SignatureInfo.UNKNOWN_SIGNER : null;
            return new Report(failure == null, failure, steps, by, subject, signingTime, documentId, title);
        } catch (IOException | RuntimeException e) {
            steps.add(fail("pdf-parse", "Not a PDF that can be read"));
            skip(steps, "pdf-signature-structure", "pdf-signature", "pdf-signer");
            return new Report(false, Report.UNREADABLE, steps, null, null, null, null, null);
        }
    }

    /** The signing certificate when the CMS structure verifies over the byte range, else why not. */
    private record Checked(X509Certificate certificate, String failure) {
    }

    private static Checked checkCms(PDSignature signature, byte[] pdf, List<Step> steps) {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                steps.add(fail("pdf-signature", "The signature has " + signers.size() + " signers; one is expected"));
                return new Checked(null, SignatureInfo.BROKEN);
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                steps.add(fail("pdf-signature", "The signature does not carry its signing certificate"));
                return new Checked(null, SignatureInfo.BROKEN);
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSSignerDigestMismatchException e) {
                steps.add(fail("pdf-signature", "The PDF was changed after sealing (digest mismatch)"));
                return new Checked(null, SignatureInfo.CHANGED);
            }
            if (!valid) {
                steps.add(fail("pdf-signature", "The signature value does not verify with its certificate"));
                return new Checked(null, SignatureInfo.BROKEN);
            }
            steps.add(new Step("pdf-signature", VerificationReport.Verdict.PASS,
                    "CMS signature (" + signature.getSubFilter() + ") verifies over the byte range"));
            return new Checked(certificate, null);
        } catch (CMSException | CertificateException | OperatorCreationException | IOException
                | RuntimeException e) {
            steps.add(fail("pdf-signature", "The signature cannot be read"));
            return new Checked(null, SignatureInfo.BROKEN);
        }
    }

    private static long end(PDSignature signature) {
        int[] range = signature.getByteRange();
        return range == null || range.length != 4 ? -1 : (long) range[2] + range[3];
    }

    private static Instant time(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }

    private static Step fail(String name, String message) {
        return new Step(name, VerificationReport.Verdict.FAIL, message);
    }

    private static void skip(List<Step> steps, String... names) {
        for (String name : names) {
            steps.add(new Step(name, VerificationReport.Verdict.SKIPPED, "not run: an earlier step failed"));
        }
    }
}
