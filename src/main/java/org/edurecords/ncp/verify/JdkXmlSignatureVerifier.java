package org.edurecords.ncp.verify;

import java.io.ByteArrayInputStream;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import jakarta.enterprise.context.ApplicationScoped;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped signature of an ELMO document the way a careful EMREX client should (spec 5.4),
 * using only the JDK's XML signature implementation, so that it checks our Santuario-made signatures
 * independently.
 * <p>
 * Structure is checked before cryptography: exactly one {@code Signature} in the whole document, the last
 * element child of the root; exactly one {@code Reference} with {@code URI=""}; transforms
 * enveloped-signature plus at most one C14N. Core validation then uses the trusted key only, never the key
 * in {@code KeyInfo}, with JDK secure validation on (which refuses SHA-1 and short keys).
 */
@ApplicationScoped
public class JdkXmlSignatureVerifier {

    /** The JDK's own provider; naming it keeps a registered Santuario provider from taking over "DOM". */
    static final String JDK_PROVIDER = "XMLDSig";

    private static final String DSIG_NS = XMLSignature.XMLNS;
    private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";
    private static final int RECOMMENDED_RSA_BITS = 2048;

    private static final Set<String> C14N_TRANSFORMS = Set.of(
            CanonicalizationMethod.INCLUSIVE, CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
            CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS,
            "http://www.w3.org/2006/12/xml-c14n11", "http://www.w3.org/2006/12/xml-c14n11#WithComments");

    private final Provider provider;

    public JdkXmlSignatureVerifier() {
        provider = Security.getProvider(JDK_PROVIDER);
        if (provider == null) {
            throw new IllegalStateException("The JDK XML signature provider '" + JDK_PROVIDER + "' is missing");
        }
    }

    /** Verifies with the registered certificate; also tells whether {@code KeyInfo} carries the same one. */
    public VerificationResult verify(Document doc, X509Certificate trusted) {
        Objects.requireNonNull(trusted, "trusted");
        return verify(doc, trusted.getPublicKey(), trusted);
    }

    /**
     * Like {@link #verify(Document, X509Certificate)}, optionally with the JDK's secure validation off. Only
     * for legacy SHA-1 signatures, which secure validation refuses; the structural checks stay on.
     */
    public VerificationResult verify(Document doc, X509Certificate trusted, boolean secureValidation) {
        Objects.requireNonNull(trusted, "trusted");
        return verify(doc, trusted.getPublicKey(), trusted, secureValidation);
    }

    /** Verifies with a trusted public key; {@code KeyInfo} matches when its certificate has that key. */
    public VerificationResult verify(Document doc, PublicKey trusted) {
        Objects.requireNonNull(trusted, "trusted");
        return verify(doc, trusted, null);
    }

    /** The provider in use, for diagnostics and tests. */
    public String providerName() {
        return newFactory().getProvider().getName();
    }

    /** A factory per call: the API does not promise that one instance may be shared between threads. */
    private XMLSignatureFactory newFactory() {
        return XMLSignatureFactory.getInstance("DOM", provider);
    }

    private VerificationResult verify(Document doc, PublicKey key, X509Certificate trustedCert) {
        return verify(doc, key, trustedCert, true);
    }

    private VerificationResult verify(Document doc, PublicKey key, X509Certificate trustedCert,
            boolean secureValidation) {
        Objects.requireNonNull(doc, "doc");
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < RECOMMENDED_RSA_BITS) {
            warnings.add("Trusted RSA key has " + rsa.getModulus().bitLength() + " bits; at least "
                    + RECOMMENDED_RSA_BITS + " are recommended");
        }

        Element root = doc.getDocumentElement();
        if (root == null) {
            problems.add("Document has no root element");
            return new VerificationResult(false, problems, warnings, null, null, false);
        }
        NodeList signatures = doc.getElementsByTagNameNS(DSIG_NS, "Signature");
        if (signatures.getLength() == 0) {
            problems.add("No ds:Signature element in the document");
            return new VerificationResult(false, problems, warnings, null, null, false);
        }
        // With several signatures it is unclear which one a client checks (most take the first one found).
        Element signature = signatures.getLength() == 1 ? (Element) signatures.item(0) : rootChildSignature(root);
        String signatureAlgorithm = algorithmOf(signature, "SignedInfo", "SignatureMethod");
        String digestAlgorithm = algorithmOf(signature, "SignedInfo", "Reference", "DigestMethod");
        boolean keyInfoMatches = keyInfoMatches(signature, key, trustedCert);

        if (signatures.getLength() > 1) {
            problems.add("Found " + signatures.getLength() + " ds:Signature elements; exactly one is allowed");
        }
        if (signature == null) {
            problems.add("No ds:Signature is a child of the root element");
            return new VerificationResult(false, problems, warnings, signatureAlgorithm, digestAlgorithm, false);
        }
        if (signature.getParentNode() != root) {
            problems.add("The ds:Signature is not a child of the root element <" + root.getLocalName() + ">");
        } else if (nextElementSibling(signature) != null) {
            problems.add("The ds:Signature is not the last element child of the root element");
        }

        XMLSignature xmlSignature;
        DOMValidateContext context = new DOMValidateContext(key, signature);
        // The JDK 17+ default; stated explicitly because this context property is what weaker clients turn off.
        context.setProperty(SECURE_VALIDATION, secureValidation);
        try {
            xmlSignature = newFactory().unmarshalXMLSignature(context);
        } catch (MarshalException e) {
            problems.add("Signature rejected while reading it: " + e.getMessage());
            return new VerificationResult(false, problems, warnings, signatureAlgorithm, digestAlgorithm,
                    keyInfoMatches);
        }

        checkReferences(xmlSignature, problems);
        if (!problems.isEmpty()) {
            // Never report a cryptographically fine signature with a wrong shape as anything but invalid.
            return new VerificationResult(false, problems, warnings, signatureAlgorithm, digestAlgorithm,
                    keyInfoMatches);
        }

        try {
            if (!xmlSignature.validate(context)) {
                if (!xmlSignature.getSignatureValue().validate(context)) {
                    problems.add("Signature value does not verify with the trusted key"
                            + " (signed by another key, or SignedInfo was changed)");
                }
                for (Object o : xmlSignature.getSignedInfo().getReferences()) {
                    Reference ref = (Reference) o;
                    if (!ref.validate(context)) {
                        problems.add("Digest of reference URI=\"" + ref.getURI()
                                + "\" does not match: the signed document was changed");
                    }
                }
                if (problems.isEmpty()) {
                    problems.add("Core validation failed");
                }
            }
        } catch (XMLSignatureException e) {
            if (e.getCause() instanceof SignatureException cause) {
                // E.g. a signature value of another key length: the JCA throws instead of answering false.
                problems.add("Signature value does not verify with the trusted key (signed by another key,"
                        + " or SignedInfo was changed): " + cause.getMessage());
            } else {
                problems.add("Signature could not be validated: " + e.getMessage());
            }
        }
        return new VerificationResult(problems.isEmpty(), problems, warnings, signatureAlgorithm, digestAlgorithm,
                keyInfoMatches);
    }

    private static void checkReferences(XMLSignature signature, List<String> problems) {
        List<?> references = signature.getSignedInfo().getReferences();
        if (references.size() != 1) {
            problems.add("SignedInfo has " + references.size() + " references; exactly one with URI=\"\" is required");
            return;
        }
        Reference reference = (Reference) references.get(0);
        if (!"".equals(reference.getURI())) {
            problems.add("Reference URI is " + (reference.getURI() == null ? "absent" : "\"" + reference.getURI() + "\"")
                    + "; it must be \"\" (the whole document)");
        }
        List<?> transforms = reference.getTransforms();
        if (transforms.isEmpty() || !Transform.ENVELOPED.equals(((Transform) transforms.get(0)).getAlgorithm())) {
            problems.add("The first transform must be enveloped-signature");
        }
        for (int i = 1; i < transforms.size(); i++) {
            String algorithm = ((Transform) transforms.get(i)).getAlgorithm();
            if (i > 1 || !C14N_TRANSFORMS.contains(algorithm)) {
                problems.add("Transform not allowed here: " + algorithm
                        + " (only enveloped-signature and optionally one C14N)");
            }
        }
    }

    private static Element rootChildSignature(Element root) {
        Element found = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG_NS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                found = e;
            }
        }
        return found;
    }

    private static Element nextElementSibling(Node node) {
        for (Node n = node.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) n;
            }
        }
        return null;
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String algorithmOf(Element signature, String... path) {
        Element e = signature;
        for (String step : path) {
            e = child(e, step);
        }
        return e == null || !e.hasAttribute("Algorithm") ? null : e.getAttribute("Algorithm");
    }

    /** Reads the KeyInfo certificates from the DOM, so that this works even when unmarshalling is refused. */
    private static boolean keyInfoMatches(Element signature, PublicKey key, X509Certificate trustedCert) {
        Element keyInfo = child(signature, "KeyInfo");
        if (keyInfo == null) {
            return false;
        }
        NodeList certs = keyInfo.getElementsByTagNameNS(DSIG_NS, "X509Certificate");
        for (int i = 0; i < certs.getLength(); i++) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(certs.item(i).getTextContent().strip());
                X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                boolean same = trustedCert != null ? trustedCert.equals(cert)
                        : Arrays.equals(key.getEncoded(), cert.getPublicKey().getEncoded());
                if (same) {
                    return true;
                }
            } catch (CertificateException | IllegalArgumentException e) {
                // An unreadable certificate is simply not the trusted one.
            }
        }
        return false;
    }
}
