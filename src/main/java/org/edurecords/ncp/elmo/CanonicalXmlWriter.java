package org.edurecords.ncp.elmo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a document straight into its canonical form: Canonical XML 1.0 (inclusive, without comments,
 * {@code http://www.w3.org/TR/2001/REC-xml-c14n-20010315}), UTF-8, after an XML declaration.
 *
 * <p>The output is an ordinary well-formed document, and because it is already canonical, the digest of an
 * enveloped signature over it is the digest of these very bytes: nothing has to be parsed or canonicalized
 * again before signing. What the canonical form requires, done as the document is written:
 * <ul>
 * <li>start and end tag for every element, also empty ones;</li>
 * <li>namespace declarations first, sorted by prefix (the default namespace first), and only where they
 * change what is in scope; the {@code xml} prefix is never declared;</li>
 * <li>attributes after them, sorted by namespace URI (none first) and then local name;</li>
 * <li>text escapes {@code & < >} and carriage return; attribute values escape {@code & < "}, tab, line feed
 * and carriage return; everything else is written as UTF-8;</li>
 * <li>no XML declaration inside the canonical part, nothing outside the root element; comments are dropped.</li>
 * </ul>
 * Characters XML 1.0 does not allow are refused, as no parser could read them back.
 *
 * <p>Made for a marshaller writing one document; not thread-safe, not reusable.
 */
public final class CanonicalXmlWriter implements XMLStreamWriter {

    private static final int CHUNK = 4096;
    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);

    /** Namespace declarations before attributes; within each, the order of Canonical XML. */
    private static final Comparator<Attribute> CANONICAL_ORDER = Comparator
            .comparing((Attribute a) -> !a.namespaceDeclaration())
            .thenComparing(Attribute::namespaceUri)
            .thenComparing(Attribute::localName);

    private record Attribute(boolean namespaceDeclaration, String namespaceUri, String localName, String qualifiedName,
            String value) {
    }

    /** One open element: its name and the namespace bindings in scope inside it. */
    private record Open(String qualifiedName, Map<String, String> scope) {
    }

    /** Namespace of the start tag being written. */
    private String pendingNamespace;

    private byte[] buffer;
    private int length;
    private final int canonicalStart;
    private int rootStartTagEnd = -1;
    private int rootEndTagStart = -1;
    private CanonicalXml.Root root;

    private final List<Open> open = new ArrayList<>();
    /** The start tag being written: its name and scope; attributes wait here until they can be sorted. */
    private String pendingName;
    private Map<String, String> pendingScope;
    /** Whether {@link #pendingScope} is this element's own copy rather than its parent's map. */
    private boolean pendingScopeOwned;
    private final List<Attribute> pendingAttributes = new ArrayList<>();
    private boolean pendingEmpty;
    private boolean documentEnded;

    public CanonicalXmlWriter(int expectedSize) {
        buffer = new byte[Math.max(expectedSize, 1024)];
        System.arraycopy(DECLARATION, 0, buffer, 0, DECLARATION.length);
        length = DECLARATION.length;
        canonicalStart = length;
    }

    /** The written document: declaration, then the canonical form of the root element. */
    public CanonicalXml result() {
        if (!open.isEmpty() || pendingName != null || rootEndTagStart < 0) {
            throw new IllegalStateException("The document is not complete");
        }
        return new CanonicalXml(buffer, length, canonicalStart, rootStartTagEnd, rootEndTagStart, root);
    }

    // ----- elements

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        writeStartElement(XMLConstants.DEFAULT_NS_PREFIX, localName, XMLConstants.NULL_NS_URI);
    }

    @Override
    public void writeStartElement(String namespaceUri, String localName) throws XMLStreamException {
        writeStartElement(prefixOf(namespaceUri), localName, namespaceUri);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        finishStartTag();
        if (documentEnded || (open.isEmpty() && rootStartTagEnd >= 0)) {
            throw new XMLStreamException("A document has exactly one root element");
        }
        pendingName = qualified(prefix, localName);
        pendingNamespace = namespaceUri == null ? "" : namespaceUri;
        pendingScope = currentScope();
        pendingScopeOwned = false;
        pendingAttributes.clear();
        pendingEmpty = false;
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        writeStartElement(localName);
        pendingEmpty = true;
    }

    @Override
    public void writeEmptyElement(String namespaceUri, String localName) throws XMLStreamException {
        writeStartElement(namespaceUri, localName);
        pendingEmpty = true;
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        writeStartElement(prefix, localName, namespaceUri);
        pendingEmpty = true;
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        finishStartTag();
        if (open.isEmpty()) {
            throw new XMLStreamException("No element is open");
        }
        closeElement();
    }

    private void closeElement() {
        Open element = open.remove(open.size() - 1);
        if (open.isEmpty()) {
            rootEndTagStart = length;
        }
        ascii("</");
        utf8(element.qualifiedName());
        put('>');
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        finishStartTag();
        while (!open.isEmpty()) {
            closeElement();
        }
        documentEnded = true;
    }

    // ----- attributes and namespaces

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        attribute(XMLConstants.NULL_NS_URI, localName, localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceUri, String localName, String value)
            throws XMLStreamException {
        attribute(namespaceUri, localName, qualified(prefix, localName), value);
    }

    @Override
    public void writeAttribute(String namespaceUri, String localName, String value) throws XMLStreamException {
        attribute(namespaceUri, localName, qualified(prefixOf(namespaceUri), localName), value);
    }

    private void attribute(String namespaceUri, String localName, String qualifiedName, String value)
            throws XMLStreamException {
        requireStartTag();
        pendingAttributes.add(new Attribute(false, namespaceUri == null ? "" : namespaceUri, localName, qualifiedName,
                value));
    }

    @Override
    public void writeNamespace(String prefix, String namespaceUri) throws XMLStreamException {
        requireStartTag();
        String p = prefix == null || XMLConstants.XMLNS_ATTRIBUTE.equals(prefix) ? "" : prefix;
        String uri = namespaceUri == null ? "" : namespaceUri;
        if (XMLConstants.XML_NS_PREFIX.equals(p)) {
            return;
        }
        if (!p.isEmpty() && uri.isEmpty()) {
            throw new XMLStreamException("A prefix cannot be bound to no namespace in XML 1.0: " + p);
        }
        String inScope = pendingScope.getOrDefault(p, "");
        if (inScope.equals(uri)) {
            return; // already in scope: Canonical XML leaves out declarations that change nothing
        }
        if (!pendingScopeOwned) {
            pendingScope = new HashMap<>(pendingScope);
            pendingScopeOwned = true;
        }
        pendingScope.put(p, uri);
        pendingAttributes.removeIf(a -> a.namespaceDeclaration() && a.localName().equals(p));
        pendingAttributes.add(new Attribute(true, "", p, p.isEmpty() ? "xmlns" : "xmlns:" + p, uri));
    }

    @Override
    public void writeDefaultNamespace(String namespaceUri) throws XMLStreamException {
        writeNamespace(XMLConstants.DEFAULT_NS_PREFIX, namespaceUri);
    }

    private Map<String, String> currentScope() {
        return open.isEmpty() ? Map.of() : open.get(open.size() - 1).scope();
    }

    private void requireStartTag() throws XMLStreamException {
        if (pendingName == null) {
            throw new XMLStreamException("Attributes and namespaces belong right after a start element");
        }
    }

    /** Writes the start tag once its attributes are known, in canonical order. */
    private void finishStartTag() {
        if (pendingName == null) {
            return;
        }
        put('<');
        utf8(pendingName);
        if (pendingAttributes.size() > 1) {
            pendingAttributes.sort(CANONICAL_ORDER);
        }
        for (Attribute attribute : pendingAttributes) {
            put(' ');
            utf8(attribute.qualifiedName());
            ascii("=\"");
            escaped(attribute.value(), true);
            put('"');
        }
        put('>');
        if (open.isEmpty()) {
            rootStartTagEnd = length;
            root = new CanonicalXml.Root(pendingNamespace, pendingName, pendingAttributes.stream()
                    .map(a -> new CanonicalXml.Attribute(a.namespaceDeclaration() ? XMLConstants.XMLNS_ATTRIBUTE_NS_URI
                            : a.namespaceUri(), a.qualifiedName(), a.value()))
                    .toList());
        }
        open.add(new Open(pendingName, pendingScope));
        pendingName = null;
        pendingScope = null;
        pendingAttributes.clear();
        if (pendingEmpty) {
            closeElement();
        }
    }

    // ----- content

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        finishStartTag();
        requireContent();
        escaped(text, false);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        writeCharacters(new String(text, start, len));
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        writeCharacters(data); // Canonical XML replaces CDATA sections by their escaped characters
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        finishStartTag(); // comments are not part of the canonical form without comments
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        throw new XMLStreamException("Processing instructions are not written into signed documents");
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        writeProcessingInstruction(target);
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        throw new XMLStreamException("Documents with a DTD are not written");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        throw new XMLStreamException("Entity references are not written");
    }

    private void requireContent() throws XMLStreamException {
        if (open.isEmpty()) {
            throw new XMLStreamException("Text outside the root element");
        }
    }

    // ----- document level

    @Override
    public void writeStartDocument() {
        // The declaration is written by the constructor.
    }

    @Override
    public void writeStartDocument(String version) {
        // The declaration is written by the constructor.
    }

    @Override
    public void writeStartDocument(String encoding, String version) {
        // The declaration is written by the constructor.
    }

    @Override
    public void close() throws XMLStreamException {
        finishStartTag();
    }

    @Override
    public void flush() throws XMLStreamException {
        finishStartTag();
    }

    // ----- prefixes

    @Override
    public String getPrefix(String uri) {
        Map<String, String> scope = pendingScope != null ? pendingScope : currentScope();
        for (Map.Entry<String, String> binding : scope.entrySet()) {
            if (binding.getValue().equals(uri)) {
                return binding.getKey();
            }
        }
        return null;
    }

    private String prefixOf(String namespaceUri) throws XMLStreamException {
        if (namespaceUri == null || namespaceUri.isEmpty()) {
            return XMLConstants.DEFAULT_NS_PREFIX;
        }
        if (XMLConstants.XML_NS_URI.equals(namespaceUri)) {
            return XMLConstants.XML_NS_PREFIX;
        }
        String prefix = getPrefix(namespaceUri);
        if (prefix == null) {
            throw new XMLStreamException("No prefix is bound to " + namespaceUri);
        }
        return prefix;
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        throw new XMLStreamException("Declare namespaces with writeNamespace");
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        throw new XMLStreamException("Declare namespaces with writeDefaultNamespace");
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        throw new XMLStreamException("Declare namespaces with writeNamespace");
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                Map<String, String> scope = pendingScope != null ? pendingScope : currentScope();
                return scope.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return CanonicalXmlWriter.this.getPrefix(namespaceUri);
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceUri) {
                String prefix = getPrefix(namespaceUri);
                return prefix == null ? java.util.Collections.emptyIterator() : List.of(prefix).iterator();
            }
        };
    }

    @Override
    public Object getProperty(String name) {
        throw new IllegalArgumentException("No property " + name);
    }

    // ----- bytes

    private static String qualified(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void put(char ascii) {
        ensure(1);
        buffer[length++] = (byte) ascii;
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void utf8(String name) {
        escapedOrRaw(name, false, false);
    }

    private void escaped(String text, boolean attribute) {
        escapedOrRaw(text, attribute, true);
    }

    /** UTF-8 with the escapes of Canonical XML, in chunks so that the buffer grows with what is written. */
    private void escapedOrRaw(String text, boolean attribute, boolean escape) {
        for (int from = 0; from < text.length(); ) {
            from = escapedOrRaw(text, from, Math.min(text.length(), from + CHUNK), attribute, escape);
        }
    }

    /** Writes {@code text[from, to)} (one more if a surrogate pair straddles the end); returns where it stopped. */
    private int escapedOrRaw(String text, int from, int to, boolean attribute, boolean escape) {
        // At most 6 bytes per character (an escape); a pair straddling the end adds 4.
        ensure(6 * (to - from) + 4);
        byte[] out = buffer;
        int at = length;
        int n = text.length();
        int i = from;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' || !escape && c >= 0x20) {
                    out[at++] = (byte) c;
                    continue;
                }
                String replacement = switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> attribute ? null : "&gt;";
                    case '"' -> attribute ? "&quot;" : null;
                    case '\t' -> attribute ? "&#x9;" : null;
                    case '\n' -> attribute ? "&#xA;" : null;
                    case '\r' -> "&#xD;";
                    default -> throw new IllegalArgumentException("Character U+" + String.format("%04X", (int) c)
                            + " is not allowed in XML");
                };
                if (replacement == null) {
                    out[at++] = (byte) c;
                } else {
                    for (int k = 0; k < replacement.length(); k++) {
                        out[at++] = (byte) replacement.charAt(k);
                    }
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException("Character U+" + String.format("%04X", (int) c)
                        + " is not allowed in XML");
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = at;
        return i;
    }
}
