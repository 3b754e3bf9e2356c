package org.edurecords.ncp.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.edurecords.ncp.pdf.PdfSignature;

/**
 * Signs PDF transcripts with the NCP key as PAdES baseline B-B: an incremental update holding a detached
 * CAdES signature ({@code ETSI.CAdES.detached}) over the whole file, with the signing certificate (and its
 * chain) embedded and bound by the ESS signing-certificate-v2 attribute. Anyone can check the PDF on its
 * own, e.g. with poppler's {@code pdfsig} or Adobe Reader, after it was taken out of the ELMO document.
 *
 * <p>Stateless apart from a cache of per-certificate values; thread-safe.
 */
@ApplicationScoped
public class PadesSigner {

    /** Room reserved for the CMS structure: a 4096-bit signature, a three-certificate chain and attributes. */
    private static final int SIGNATURE_SIZE = 12 * 1024;
    /** Room kept beyond the measured size of the CMS structure in a signature made while saving. */
    private static final int SIZE_MARGIN = 64;

    private static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What only depends on the certificate, computed once per key instead of once per document. */
    private record Prepared(X509Certificate certificate, X509CertificateHolder holder, AttributeTable signedAttributes,
            JcaCertStore chain, String signerName, int signatureSize) {
    }

    /** What PDFBox writes as the byte range of a signature that is not made yet. */
    private static final byte[] BYTE_RANGE_PLACEHOLDER = "[0 1000000000 1000000000 1000000000]"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENTS_KEY = "/Contents <".getBytes(StandardCharsets.US_ASCII);

    private volatile Prepared prepared;

    /**
     * @param pdf         a complete PDF, as rendered
     * @param signingTime the time written into the signature dictionary (PAdES keeps it out of the CMS)
     * @return the same PDF with the signature appended as an incremental update
     */
    public byte[] sign(byte[] pdf, SigningKey key, Calendar signingTime, String reason) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(key, "key");
        Prepared forKey = prepare(key);
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(dictionary(forKey, signingTime, reason),
                    content -> cms(new CMSProcessableByteArray(content.readAllBytes()), key, forKey), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Signing the PDF transcript failed", e);
        }
    }

    /**
     * The same signature for a document that is being rendered: it goes into the document's first and only
     * save (no incremental update, no reload). See {@link PdfSignature}.
     */
    public PdfSignature whileSaving(SigningKey key, Calendar signingTime, String reason) {
        Objects.requireNonNull(key, "key");
        Prepared forKey = prepare(key);
        return new PdfSignature() {
            @Override
            public void reserve(PDDocument document) throws IOException {
                try (SignatureOptions options = new SignatureOptions()) {
                    options.setPreferredSignatureSize(forKey.signatureSize());
                    document.addSignature(dictionary(forKey, signingTime, reason), options);
                }
            }

            @Override
            public byte[] sign(byte[] saved) throws IOException {
                return fillIn(saved, key, forKey);
            }
        };
    }

    private static PDSignature dictionary(Prepared prepared, Calendar signingTime, String reason) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        signature.setName(prepared.signerName());
        if (reason != null) {
            signature.setReason(reason);
        }
        signature.setSignDate(signingTime);
        return signature;
    }

    /**
     * Writes the byte range (everything but the hex string of {@code /Contents}) and the CMS signature over it
     * into the placeholders PDFBox wrote, the way its incremental signing does.
     */
    private static byte[] fillIn(byte[] pdf, SigningKey key, Prepared prepared) throws IOException {
        // The signature dictionary is the one with a /Contents string of exactly the reserved number of hex zeros,
        // followed by the /ByteRange placeholder (PDFBox writes them in this order, in the same dictionary).
        int contentsStart = -1;
        int contentsEnd = -1;
        int byteRange = -1;
        int hexLength = 2 * prepared.signatureSize();
        for (int at = indexOf(pdf, CONTENTS_KEY, 0); at >= 0 && byteRange < 0; at = indexOf(pdf, CONTENTS_KEY, at + 1)) {
            int start = at + CONTENTS_KEY.length - 1;
            int end = start + 1 + hexLength + 1;
            if (end <= pdf.length && pdf[end - 1] == '>' && zeros(pdf, start + 1, end - 1)) {
                int range = indexOf(pdf, BYTE_RANGE_PLACEHOLDER, end);
                if (range >= 0 && range - end <= 64) {
                    contentsStart = start;
                    contentsEnd = end;
                    byteRange = range;
                }
            }
        }
        if (byteRange < 0) {
            throw new IOException("The saved PDF has no signature placeholder of the reserved size");
        }
        int after = pdf.length - contentsEnd;
        byte[] range = ("[0 " + contentsStart + " " + contentsEnd + " " + after + "]").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(pdf, byteRange, byteRange + BYTE_RANGE_PLACEHOLDER.length, (byte) ' ');
        System.arraycopy(range, 0, pdf, byteRange, range.length);
        byte[] signature = cms(new SignedRanges(pdf, contentsStart, contentsEnd), key, prepared);
        if (signature.length > prepared.signatureSize()) {
            throw new IOException("The signature (" + signature.length + " bytes) does not fit its placeholder");
        }
        for (int i = 0; i < signature.length; i++) {
            pdf[contentsStart + 1 + 2 * i] = HEX[(signature[i] >> 4) & 0xf];
            pdf[contentsStart + 2 + 2 * i] = HEX[signature[i] & 0xf];
        }
        return pdf;
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code data[from, to)} is all hex zeros, as PDFBox writes an empty signature placeholder. */
    private static boolean zeros(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != '0') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        byte first = pattern[0];
        for (int i = from, last = data.length - pattern.length; i <= last; i++) {
            if (data[i] == first && Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The signed part of a PDF, both sides of the contents placeholder, without copying it. */
    private record SignedRanges(byte[] pdf, int gapStart, int gapEnd) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write(pdf, 0, gapStart);
            out.write(pdf, gapEnd, pdf.length - gapEnd);
        }

        @Override
        public Object getContent() {
            byte[] content = new byte[gapStart + pdf.length - gapEnd];
            System.arraycopy(pdf, 0, content, 0, gapStart);
            System.arraycopy(pdf, gapEnd, content, gapStart, pdf.length - gapEnd);
            return content;
        }
    }

    private static byte[] cms(CMSTypedData content, SigningKey key, Prepared prepared) throws IOException {
        try {
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(DIGESTS)
                    .setSignedAttributeGenerator(new PadesAttributes(prepared.signedAttributes()))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), prepared.holder());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(prepared.chain());
            return generator.generate(content, false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException e) {
            throw new IOException("Creating the CMS signature failed", e);
        }
    }

    private Prepared prepare(SigningKey key) {
        Prepared current = prepared;
        if (current != null && current.certificate().equals(key.certificate())) {
            return current;
        }
        try {
            X509CertificateHolder holder = new JcaX509CertificateHolder(key.certificate());
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                    new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            String name = key.certificate().getSubjectX500Principal().getName();
            current = new Prepared(key.certificate(), holder, new AttributeTable(attributes),
                    new JcaCertStore(key.chain()), name, 0);
            // The CMS has the same length for every document signed with this key (fixed-size digest and RSA
            // value), so one made now over nothing tells how much room a document has to reserve.
            int size = cms(new CMSProcessableByteArray(new byte[0]), key, current).length + SIZE_MARGIN;
            current = new Prepared(current.certificate(), holder, current.signedAttributes(), current.chain(), name, size);
        } catch (CertificateEncodingException | NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("The signing certificate cannot be prepared for PDF signatures", e);
        }
        prepared = current;
        return current;
    }

    /** The standard signed attributes without signing-time: PAdES keeps the time in the signature dictionary. */
    private static final class PadesAttributes extends DefaultSignedAttributeTableGenerator {
        PadesAttributes(AttributeTable extra) {
            super(extra);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
        }
    }
}
