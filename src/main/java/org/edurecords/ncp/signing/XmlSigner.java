package org.edurecords.ncp.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
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
import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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
