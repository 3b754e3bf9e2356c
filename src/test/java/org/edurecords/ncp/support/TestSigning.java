package org.edurecords.ncp.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.edurecords.ncp.signing.XmlSigner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signed documents for the verifier's tests: the project's signing profile, and hand-made variants (other
 * algorithms, references, transforms, keys) signed with the JDK's XML signature API.
 */
public final class TestSigning {

    public static final String ENVELOPED = Transform.ENVELOPED;
    public static final String XPATH = Transform.XPATH;
    private static SigningKey example;
    private static SigningKey foreign;

    private TestSigning() {
    }

    public static synchronized SigningKey exampleKey() {
        if (example == null) {
            example = SigningKeyLoader.loadPem(Path.of("keys-example/ncp-example.key.pem"),
                    Path.of("keys-example/ncp-example.cert.pem"));
        }
        return example;
    }

    /** A key no registry knows, with a self-signed certificate. */
    public static synchronized SigningKey foreignKey() {
        if (foreign == null) {
            foreign = newKey("CN=Somebody Else");
        }
        return foreign;
    }

    public static SigningKey newKey(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name(subject);
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKey(pair.getPrivate(), cert, List.of(cert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unsigned, schema-valid test document of src/test/resources/trust. */
    public static Document unsigned() {
        try (InputStream in = TestSigning.class.getResourceAsStream("/trust/unsigned-elmo.xml")) {
            return SecureXml.parse(in.readAllBytes());
        } catch (IOException | SecureXml.XmlParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the project's own signer and the example key: the valid baseline. */
    public static byte[] signedByProfile() {
        return new XmlSigner().signEnveloped(unsigned(), exampleKey());
    }

    public static Document parse(byte[] xml) {
        try {
            return SecureXml.parse(xml);
        } catch (SecureXml.XmlParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends a signature to {@code parent} made with the JDK: {@code references} are URIs, each with the
     * enveloped transform and, for {@code withXPath}, an XPath filter transform as well.
     */
    public static void jdkSign(Document doc, Element parent, Key signingKey, X509Certificate cert,
            String signatureMethod, String digestMethod, List<String> references, boolean withXPath) {
        try {
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM", "XMLDSig");
            List<Reference> refs = new ArrayList<>();
            for (String uri : references) {
                List<Transform> transforms = new ArrayList<>();
                transforms.add(fac.newTransform(ENVELOPED, (TransformParameterSpec) null));
                if (withXPath) {
                    transforms.add(fac.newTransform(XPATH, new XPathFilterParameterSpec("not(self::comment())")));
                }
                refs.add(fac.newReference(uri, fac.newDigestMethod(digestMethod, null), transforms, null, null));
            }
            SignedInfo info = fac.newSignedInfo(fac.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE,
                    (C14NMethodParameterSpec) null), fac.newSignatureMethod(signatureMethod, null), refs);
            KeyInfoFactory kif = fac.getKeyInfoFactory();
            var keyInfo = cert == null ? null : kif.newKeyInfo(List.of(kif.newX509Data(List.of(cert))));
            DOMSignContext context = new DOMSignContext(signingKey, parent);
            fac.newXMLSignature(info, keyInfo).sign(context);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void jdkSign(Document doc, SigningKey key, String signatureMethod, String digestMethod) {
        jdkSign(doc, doc.getDocumentElement(), key.privateKey(), key.certificate(), signatureMethod, digestMethod,
                List.of(""), false);
    }

    public static final String SHA256 = DigestMethod.SHA256;
    public static final String SHA1 = DigestMethod.SHA1;

    public static byte[] serialize(Document doc) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
