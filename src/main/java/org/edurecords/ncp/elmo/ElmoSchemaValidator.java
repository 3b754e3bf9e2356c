package org.edurecords.ncp.elmo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import jakarta.inject.Singleton;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates ELMO documents against an ELMO XSD, offline.
 * <p>
 * The default instance uses the project's ELMO v1.7 schema from the class path ({@value #CLASSPATH_SCHEMA}),
 * whose remote imports are mapped to bundled copies by {@value #CLASSPATH_CATALOG}. Schema references are
 * only ever read from {@code file:} or {@code jar:} URLs; anything else fails loudly instead of touching the
 * network. The compiled schema is shared (thread-safe); each validation gets its own validator.
 */
@Singleton
public class ElmoSchemaValidator {

    public static final String CLASSPATH_SCHEMA = "schemas/elmo/schema.xsd";
    public static final String CLASSPATH_CATALOG = "schemas/elmo/catalog.xml";

    private static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";
    private static final Set<String> LOCAL_PROTOCOLS = Set.of("file", "jar");
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    private static final int MAX_ERRORS = 100;
    private static final SAXParserFactory SAX = newSaxFactory();

    private final Schema schema;

    /** The project's ELMO schema from the class path. */
    public ElmoSchemaValidator() {
        this(classpathResource(CLASSPATH_SCHEMA), classpathResource(CLASSPATH_CATALOG));
    }

    /**
     * Another schema file, e.g. the conformance copy of ELMO v1.7 whose imports are relative. A
     * {@code catalog.xml} beside it is used when present.
     */
    public ElmoSchemaValidator(Path schemaXsd) {
        this(toUrl(schemaXsd), Files.isRegularFile(schemaXsd.resolveSibling("catalog.xml"))
                ? toUrl(schemaXsd.resolveSibling("catalog.xml")) : null);
    }

    /** A schema at a local URL (file: or jar:) with an optional OASIS catalog of {@code system} entries. */
    public ElmoSchemaValidator(URL schemaXsd, URL catalogOrNull) {
        Objects.requireNonNull(schemaXsd, "schemaXsd");
        requireLocal(schemaXsd, schemaXsd.toString());
        this.schema = compile(schemaXsd, catalogOrNull == null ? Map.of() : readCatalog(catalogOrNull));
    }

    /**
     * Validates a DOM (e.g. the document just signed). DOM sources carry no line numbers; messages then
     * name the element path instead.
     */
    public Result validate(Document document) {
        Objects.requireNonNull(document, "document");
        Validator validator = newValidator();
        Collector collector = new Collector(validator);
        validator.setErrorHandler(collector);
        run(validator, new DOMSource(document), collector);
        return new Result(collector.errors);
    }

    /** Validates serialized XML; parsing refuses DOCTYPEs, which then count as an error. */
    public Result validate(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        Validator validator = newValidator();
        Collector collector = new Collector(null);
        validator.setErrorHandler(collector);
        XMLReader reader;
        try {
            synchronized (SAX) {
                reader = SAX.newSAXParser().getXMLReader();
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser does not support the required security settings", e);
        }
        reader.setErrorHandler(collector);
        run(validator, new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))), collector);
        return new Result(collector.errors);
    }

    private Validator newValidator() {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("Schema validator does not support the required security settings", e);
        }
        return validator;
    }

    private static void run(Validator validator, Source source, Collector collector) {
        try {
            validator.validate(source);
        } catch (SAXParseException e) {
            // Already recorded by the collector (fatal error or error limit).
        } catch (SAXException e) {
            collector.errors.add(new Problem(-1, -1, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading in-memory XML failed", e);
        }
    }

    private static Schema compile(URL schemaXsd, Map<String, URL> catalog) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            // Secure processing first: setting it resets the access properties, which are then widened
            // just enough for the resolver's local URLs.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        } catch (SAXException e) {
            throw new IllegalStateException("Schema factory does not support the required security settings", e);
        }
        factory.setResourceResolver(new OfflineResolver(catalog));
        factory.setErrorHandler(SecureXml.STRICT);
        try (InputStream in = schemaXsd.openStream()) {
            return factory.newSchema(new StreamSource(in, schemaXsd.toString()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("Cannot load ELMO schema " + schemaXsd + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, URL> readCatalog(URL catalogUrl) {
        requireLocal(catalogUrl, catalogUrl.toString());
        Document catalog;
        try (InputStream in = catalogUrl.openStream()) {
            catalog = SecureXml.parse(in.readAllBytes());
        } catch (IOException | SecureXml.XmlParseException e) {
            throw new IllegalStateException("Cannot read XML catalog " + catalogUrl + ": " + e.getMessage(), e);
        }
        Map<String, URL> entries = new HashMap<>();
        NodeList systems = catalog.getElementsByTagNameNS(CATALOG_NS, "system");
        for (int i = 0; i < systems.getLength(); i++) {
            Element system = (Element) systems.item(i);
            String systemId = system.getAttribute("systemId");
            String uri = system.getAttribute("uri");
            try {
                URL target = new URL(catalogUrl, uri);
                requireLocal(target, uri);
                entries.put(systemId, target);
            } catch (MalformedURLException e) {
                throw new IllegalStateException("Bad uri '" + uri + "' in XML catalog " + catalogUrl, e);
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private static void requireLocal(URL url, String reference) {
        if (!LOCAL_PROTOCOLS.contains(url.getProtocol())) {
            throw new IllegalStateException("Schema reference '" + reference + "' resolves to " + url
                    + ", which is not a local file; schemas are never fetched from the network");
        }
    }

    private static URL classpathResource(String name) {
        URL url = ElmoSchemaValidator.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("Class path resource " + name + " is missing from the build");
        }
        return url;
    }

    private static URL toUrl(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a usable schema path: " + path, e);
        }
    }

    private static SAXParserFactory newSaxFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser does not support the required security settings", e);
        }
        return factory;
    }

    /** Outcome of one validation; {@link #valid()} when there are no errors. */
    public record Result(List<Problem> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** One schema error; line and column are -1 when unknown (DOM input). */
    public record Problem(int line, int column, String message) {

        @Override
        public String toString() {
            return line < 0 ? message : "line " + line + ", column " + column + ": " + message;
        }
    }

    /** Collects errors instead of stopping at the first one; stops after {@value #MAX_ERRORS}. */
    private static final class Collector implements ErrorHandler {

        private final List<Problem> errors = new ArrayList<>();
        private final Validator domValidator;

        Collector(Validator domValidator) {
            this.domValidator = domValidator;
        }

        @Override
        public void warning(SAXParseException e) {
            // Not an error; ELMO validity is decided by errors only.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            record(e);
            if (errors.size() >= MAX_ERRORS) {
                errors.add(new Problem(-1, -1, "Stopped after " + MAX_ERRORS + " errors"));
                throw e;
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            record(e);
            throw e;
        }

        private void record(SAXParseException e) {
            String message = e.getMessage();
            String path = domValidator == null ? null : currentElementPath();
            if (path != null) {
                message = "at " + path + ": " + message;
            }
            errors.add(new Problem(e.getLineNumber(), e.getColumnNumber(), message));
        }

        private String currentElementPath() {
            try {
                Object node = domValidator.getProperty(CURRENT_ELEMENT);
                if (!(node instanceof Element element)) {
                    return null;
                }
                StringBuilder path = new StringBuilder();
                for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
                    path.insert(0, "/" + e.getLocalName() + "[" + position(e) + "]");
                }
                return path.toString();
            } catch (SAXException | RuntimeException e) {
                return null;
            }
        }

        private static int position(Element element) {
            int position = 1;
            for (Node n = element.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
                if (n instanceof Element e && Objects.equals(e.getLocalName(), element.getLocalName())
                        && Objects.equals(e.getNamespaceURI(), element.getNamespaceURI())) {
                    position++;
                }
            }
            return position;
        }
    }

    /** Maps catalog entries and relative references to local URLs; refuses everything else. */
    private static final class OfflineResolver implements LSResourceResolver {

        private final Map<String, URL> catalog;
        private final DOMImplementationLS ls;

        OfflineResolver(Map<String, URL> catalog) {
            this.catalog = catalog;
            this.ls = (DOMImplementationLS) SecureXml.newDocumentBuilder().getDOMImplementation();
        }

        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                String baseURI) {
            if (systemId == null) {
                return null;
            }
            URL target = catalog.get(systemId);
            if (target == null) {
                try {
                    target = baseURI == null ? new URL(systemId) : new URL(new URL(baseURI), systemId);
                } catch (MalformedURLException e) {
                    throw new IllegalStateException("Cannot resolve schema reference '" + systemId + "' from "
                            + baseURI, e);
                }
            }
            requireLocal(target, systemId);
            LSInput input = ls.createLSInput();
            input.setPublicId(publicId);
            input.setSystemId(target.toString());
            input.setBaseURI(baseURI);
            try {
                input.setByteStream(target.openStream());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema " + target + " (referenced as '" + systemId + "')", e);
            }
            return input;
        }
    }
}
