package org.edurecords.ncp.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
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
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

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
            JcaCertStore chain, String signerName) {
    }

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
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(forKey.signerName());
            if (reason != null) {
                signature.setReason(reason);
            }
            signature.setSignDate(signingTime);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, content -> cms(content, key, forKey), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Signing the PDF transcript failed", e);
        }
    }

    private static byte[] cms(InputStream content, SigningKey key, Prepared prepared) throws IOException {
        try {
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(DIGESTS)
                    .setSignedAttributeGenerator(new PadesAttributes(prepared.signedAttributes()))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), prepared.holder());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(prepared.chain());
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded(ASN1Encoding.DER);
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
                    new JcaCertStore(key.chain()), name);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
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
