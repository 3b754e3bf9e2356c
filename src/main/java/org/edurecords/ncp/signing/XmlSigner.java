package org.edurecords.ncp.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.apache.xml.security.utils.XMLUtils;
import org.edurecords.ncp.elmo.CanonicalXml;
import org.edurecords.ncp.elmo.SecureXml;
import org.jboss.logging.Logger;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Signs ELMO documents with the EMREX profile of the spec (section 5.3) and serializes them once.
 * <p>
 * Profile: enveloped signature as the last child of the root, one {@code Reference URI=""} with only the
 * enveloped-signature transform, inclusive C14N 1.0, rsa-sha256, sha256, and {@code KeyInfo/X509Data} with
 * the subject name and the certificate. Instances are stateless and thread-safe.
 */
@ApplicationScoped
public class XmlSigner {

    public static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static final Logger LOG = Logger.getLogger(XmlSigner.class);
    private static final byte[] DECLARATION_BYTES = XML_DECLARATION.getBytes(StandardCharsets.UTF_8);
    private static final TransformerFactory TRANSFORMERS;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final DOMImplementation DOM = SecureXml.newDocumentBuilder().getDOMImplementation();

    static {
        // Must happen before Santuario's XMLUtils is loaded; otherwise base64 values are wrapped with &#13;.
        System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        System.setProperty("com.sun.org.apache.xml.internal.security.ignoreLineBreaks", "true");
        Init.init();
        if (!XMLUtils.isIgnoreLineBreaks()) {
            LOG.warn("Santuario was initialised before org.apache.xml.security.ignoreLineBreaks could be set;"
                    + " signatures stay valid but base64 values carry line breaks");
        }
        TRANSFORMERS = TransformerFactory.newInstance();
        try {
            TRANSFORMERS.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            TRANSFORMERS.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            TRANSFORMERS.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        } catch (TransformerException | IllegalArgumentException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Appends an enveloped signature to {@code elmo} (the document is changed) and returns the serialized
     * signed document: UTF-8, XML declaration, no BOM, no indentation. These bytes are the ones to transfer;
     * never re-serialize the DOM afterwards.
     *
     * @throws IllegalArgumentException when the document already contains a signature, because EMREX
     *                                  verifiers check the first {@code Signature} they find
     */
    public byte[] signEnveloped(Document elmo, SigningKey key) {
        appendSignature(elmo, key);
        return serialize(elmo);
    }

    /**
     * Signs a document that is already serialized (UTF-8, starting with {@link #XML_DECLARATION}) and returns
     * it with the enveloped signature inserted before the end tag of the root; everything else stays byte for
     * byte as given. Cheaper than {@link #signEnveloped(Document, SigningKey)} for large documents: the DOM is
     * only read for canonicalization and never written out again, only the signature element is serialized.
     *
     * <p>Sound because the enveloped-signature transform removes exactly the inserted element before
     * canonicalization, and the element is placed where it was signed: as the last child of the root, in the
     * same namespace context.
     */
    public byte[] signSerialized(byte[] unsignedXml, SigningKey key) {
        Objects.requireNonNull(unsignedXml, "unsignedXml");
        if (!startsWithDeclaration(unsignedXml)) {
            throw new IllegalArgumentException("The document must start with " + XML_DECLARATION);
        }
        Document document;
        try {
            document = SecureXml.parse(unsignedXml);
        } catch (SecureXml.XmlParseException e) {
            throw new IllegalArgumentException("Not a well-formed document: " + e.getMessage(), e);
        }
        Element signature = appendSignature(document, key);
        int rootEnd = rootEndTag(unsignedXml);
        byte[] signatureBytes = serializeElement(signature);
        byte[] signed = new byte[unsignedXml.length + signatureBytes.length];
        System.arraycopy(unsignedXml, 0, signed, 0, rootEnd);
        System.arraycopy(signatureBytes, 0, signed, rootEnd, signatureBytes.length);
        System.arraycopy(unsignedXml, rootEnd, signed, rootEnd + signatureBytes.length, unsignedXml.length - rootEnd);
        return signed;
    }

    /**
     * Signs a document written in canonical form by {@code CanonicalXmlWriter} and returns it with the enveloped
     * signature inserted before the end tag of the root; everything else stays byte for byte as given.
     *
     * <p>Same profile as {@link #signEnveloped(Document, SigningKey)}, at a fraction of the cost: the bytes after
     * the declaration are already what the enveloped-signature transform and inclusive C14N yield, so the
     * reference digest is SHA-256 over them, and the document is never parsed. Only the signature is built as
     * a DOM, inside a copy of the root start tag, so that {@code SignedInfo} is canonicalized with exactly the
     * namespaces it has in scope in the document.
     */
    public byte[] signCanonical(CanonicalXml document, SigningKey key) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(key, "key");
        byte[] bytes = document.bytes();
        byte[] digest;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bytes, document.canonicalStart(), document.length() - document.canonicalStart());
            digest = sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        Element signature = signWithDigest(skeletonRoot(document.root()), digest, key);
        byte[] signatureBytes = SignatureWriter.write(signature);
        int at = document.rootEndTagStart();
        byte[] signed = new byte[document.length() + signatureBytes.length];
        System.arraycopy(bytes, 0, signed, 0, at);
        System.arraycopy(signatureBytes, 0, signed, at, signatureBytes.length);
        System.arraycopy(bytes, at, signed, at + signatureBytes.length, document.length() - at);
        return signed;
    }

    /** An empty copy of the root element, with the same namespace declarations and attributes. */
    private static Element skeletonRoot(CanonicalXml.Root root) {
        Document skeleton;
        synchronized (DOM) {
            skeleton = DOM.createDocument(root.namespaceUri().isEmpty() ? null : root.namespaceUri(),
                    root.qualifiedName(), null);
        }
        Element element = skeleton.getDocumentElement();
        for (CanonicalXml.Attribute attribute : root.attributes()) {
            element.setAttributeNS(attribute.namespaceUri().isEmpty() ? null : attribute.namespaceUri(),
                    attribute.qualifiedName(), attribute.value());
        }
        return element;
    }

    /** The enveloped signature of the profile with a reference digest computed by the caller, appended to root. */
    private static Element signWithDigest(Element root, byte[] digest, SigningKey key) {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null, digest);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, null), List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(
                    key.certificate().getSubjectX500Principal().getName(), key.certificate()))));
            DOMSignContext context = new DOMSignContext(key.privateKey(), root);
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException | MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("Signing the ELMO document failed", e);
        }
        Element signature = (Element) root.getLastChild();
        // Values outside SignedInfo, so not signed: one line each, whatever the JDK's base64 line length is.
        for (String name : new String[] {"SignatureValue", "X509Certificate"}) {
            NodeList nodes = signature.getElementsByTagNameNS(Constants.SignatureSpecNS, name);
            for (int i = 0; i < nodes.getLength(); i++) {
                nodes.item(i).setTextContent(WHITESPACE.matcher(nodes.item(i).getTextContent()).replaceAll(""));
            }
        }
        return signature;
    }

    /** Appends the enveloped signature as the last child of the root and returns it. */
    private Element appendSignature(Document elmo, SigningKey key) {
        Objects.requireNonNull(elmo, "elmo");
        Objects.requireNonNull(key, "key");
        Element root = elmo.getDocumentElement();
        if (root == null) {
            throw new IllegalArgumentException("Document has no root element");
        }
        if (elmo.getElementsByTagNameNS(Constants.SignatureSpecNS, Constants._TAG_SIGNATURE).getLength() > 0) {
            throw new IllegalArgumentException("Document is already signed; exactly one signature is allowed");
        }
        if (!hasNamespaceDeclarations(root)) {
            // A DOM built with createElementNS has no xmlns attributes until serialization adds them, and C14N
            // would digest the document without them; declare every namespace in the DOM first.
            elmo.getDomConfig().setParameter("namespaces", Boolean.TRUE);
            elmo.getDomConfig().setParameter("namespace-declarations", Boolean.TRUE);
            elmo.normalizeDocument();
        }
        try {
            XMLSignature signature = new XMLSignature(elmo, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
            root.appendChild(signature.getElement());

            Transforms transforms = new Transforms(elmo);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);

            X509Data x509 = new X509Data(elmo);
            x509.addSubjectName(key.certificate());
            x509.addCertificate(key.certificate());
            signature.getKeyInfo().add(x509);

            signature.sign(key.privateKey());
            return signature.getElement();
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Signing the ELMO document failed", e);
        }
    }

    /** A parsed document carries its xmlns attributes; one built element by element does not. */
    private static boolean hasNamespaceDeclarations(Element root) {
        if (root.getNamespaceURI() == null) {
            return true;
        }
        String prefix = root.getPrefix();
        return root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                prefix == null || prefix.isEmpty() ? XMLConstants.XMLNS_ATTRIBUTE : prefix);
    }

    private static boolean startsWithDeclaration(byte[] bytes) {
        return bytes.length >= DECLARATION_BYTES.length
                && Arrays.equals(bytes, 0, DECLARATION_BYTES.length, DECLARATION_BYTES, 0, DECLARATION_BYTES.length);
    }

    /** Offset of the root element's end tag: the last "</" of the document (nothing but whitespace may follow). */
    private static int rootEndTag(byte[] xml) {
        for (int i = xml.length - 2; i >= 0; i--) {
            if (xml[i] == '<' && xml[i + 1] == '/') {
                return i;
            }
        }
        throw new IllegalArgumentException("The root element has no end tag");
    }

    private static byte[] serializeElement(Element element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            Transformer transformer = newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(element), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("Serializing the ELMO signature failed", e);
        }
        return out.toByteArray();
    }

    private static Transformer newTransformer() throws TransformerException {
        Transformer transformer;
        synchronized (TRANSFORMERS) {
            transformer = TRANSFORMERS.newTransformer();
        }
        transformer.setOutputProperty(OutputKeys.METHOD, "xml");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        return transformer;
    }

    private static byte[] serialize(Document doc) {
        // Without standalone="yes" in the DOM the JDK serializer writes standalone="no" into the declaration.
        doc.setXmlStandalone(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            Transformer transformer = newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("Serializing the signed ELMO document failed", e);
        }
        byte[] bytes = out.toByteArray();
        if (!startsWithDeclaration(bytes)) {
            throw new IllegalStateException("XML serializer did not start the output with " + XML_DECLARATION);
        }
        return bytes;
    }
}
