package org.edurecords.ncp.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.stax.ext.OutboundXMLSec;
import org.apache.xml.security.stax.ext.SecurePart;
import org.apache.xml.security.stax.ext.XMLSec;
import org.apache.xml.security.stax.ext.XMLSecurityConstants;
import org.apache.xml.security.stax.ext.XMLSecurityProperties;
import org.apache.xml.security.stax.securityToken.SecurityTokenConstants;

/**
 * Signs a document while it is being written, with Santuario's streaming (StAX) API: the writer given to
 * the content canonicalizes and digests every event as it passes, and the enveloped signature is written
 * as the last child of the root. The document is never parsed, and never held as a DOM.
 *
 * <p>The EMREX profile (ADR 0004, ADR 0107): one {@code Reference URI=""} with the enveloped-signature
 * transform followed by inclusive C14N 1.0 (the streaming API needs the canonicalization named; it is the
 * one XMLDSig implies anyway), SHA-256, RSA-SHA256, {@code KeyInfo/X509Data} with the signing certificate.
 */
@jakarta.enterprise.context.ApplicationScoped
public class StreamingXmlSigner {

    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final byte[] DECLARATION = XmlSigner.XML_DECLARATION.getBytes(StandardCharsets.UTF_8);

    static {
        // Must be set before Santuario's XMLUtils is loaded, so base64 values stay on one line.
        System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        org.apache.xml.security.Init.init();
    }

    /**
     * Writes the document's root element (with everything in it) to the writer it is given; the signer writes
     * the XML declaration itself, so the content must not call {@code writeStartDocument}.
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(XMLStreamWriter writer) throws Exception;
    }

    /** @return the signed document: UTF-8, {@code <?xml version="1.0" encoding="UTF-8"?>}, no BOM */
    public byte[] sign(Content content, SigningKey key) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(key, "key");
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        // The declaration in the form receivers look for (double quotes), outside what the signature covers.
        out.writeBytes(DECLARATION);
        try {
            XMLStreamWriter writer = outbound(key).processOutMessage(out, StandardCharsets.UTF_8.name());
            content.writeTo(writer);
            writer.close();
        } catch (XMLSecurityException | XMLStreamException e) {
            throw new IllegalStateException("Signing the document failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Writing the document to sign failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static OutboundXMLSec outbound(SigningKey key) throws XMLSecurityException {
        XMLSecurityProperties properties = new XMLSecurityProperties();
        properties.setActions(List.of(XMLSecurityConstants.SIGNATURE));
        properties.setSignatureKey(key.privateKey());
        properties.setSignatureCerts(new X509Certificate[] {key.certificate()});
        properties.setSignatureAlgorithm(RSA_SHA256);
        properties.setSignatureDigestAlgorithm(SHA256);
        properties.setSignatureCanonicalizationAlgorithm(C14N);
        properties.setSignatureKeyIdentifier(SecurityTokenConstants.KeyIdentifier_X509KeyIdentifier);
        // After every child of the root: EMREX receivers expect the signature as the root's last child.
        properties.setSignaturePosition(Integer.MAX_VALUE);
        properties.setSignatureGenerateIds(false);
        SecurePart wholeDocument = new SecurePart(null, SecurePart.Modifier.Content, new String[] {ENVELOPED, C14N},
                SHA256);
        wholeDocument.setSecureEntireRequest(true);
        properties.addSignaturePart(wholeDocument);
        return XMLSec.getOutboundXMLSec(properties);
    }
}
