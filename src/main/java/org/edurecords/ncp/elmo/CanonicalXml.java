package org.edurecords.ncp.elmo;

import java.util.List;

/**
 * A document written by {@link CanonicalXmlWriter}: {@code bytes[0, length)} is the XML declaration followed by
 * the canonical form (inclusive Canonical XML 1.0) of the root element, which starts at {@code canonicalStart}.
 * The offsets mark the end of the root start tag and the start of the root end tag, where an enveloped
 * signature goes. The array may be longer than {@code length}.
 */
public record CanonicalXml(byte[] bytes, int length, int canonicalStart, int rootStartTagEnd, int rootEndTagStart,
        Root root) {

    /**
     * The root element as written: name and, in document order, its namespace declarations and attributes, so
     * that a signer can rebuild the namespace context of its children without parsing anything.
     */
    public record Root(String namespaceUri, String qualifiedName, List<Attribute> attributes) {
    }

    /** A namespace declaration ({@code xmlns} or {@code xmlns:p}, in the XMLNS namespace) or an attribute. */
    public record Attribute(String namespaceUri, String qualifiedName, String value) {
    }

    /** The document as one array of exactly its length. */
    public byte[] toByteArray() {
        return java.util.Arrays.copyOf(bytes, length);
    }
}
