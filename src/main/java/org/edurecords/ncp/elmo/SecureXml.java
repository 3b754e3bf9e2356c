package org.edurecords.ncp.elmo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses XML that may come from outside (ELMO documents, wire values) without DOCTYPEs, external entities or
 * XInclude, so that neither XXE nor entity expansion bombs can reach the parser.
 */
public final class SecureXml {

    private static final DocumentBuilderFactory FACTORY = newFactory();

    /** Reports errors as exceptions instead of the parser's default printing to stderr. */
    static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a document unusable.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /** Parses namespace-aware; the encoding comes from the document itself (declaration or BOM). */
    public static Document parse(byte[] xml) throws XmlParseException {
        Objects.requireNonNull(xml, "xml");
        if (xml.length == 0) {
            throw new XmlParseException("Empty input is not an XML document", null);
        }
        try {
            DocumentBuilder builder = newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw new XmlParseException("Malformed or forbidden XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new XmlParseException("Cannot parse XML: " + e.getMessage(), e);
        }
    }

    /** A namespace-aware builder with the same protections, e.g. to build documents from scratch. */
    public static DocumentBuilder newDocumentBuilder() {
        try {
            // The JAXP factory does not promise thread safety; creating builders is cheap, so serialise it.
            synchronized (FACTORY) {
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support the required security settings", e);
        }
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // ELMO never needs a DOCTYPE; refusing it outright closes XXE and entity expansion in one step.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("XML parser does not support the required security settings", e);
        }
        return factory;
    }

    /** The input is not well-formed XML, or uses a forbidden construct such as a DOCTYPE. */
    public static final class XmlParseException extends Exception {

        private static final long serialVersionUID = 1L;

        public XmlParseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
