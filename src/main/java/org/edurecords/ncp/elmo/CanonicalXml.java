package org.edurecords.ncp.elmo;

/**
 * A document written by {@link CanonicalXmlWriter}: {@code bytes[0, length)} is the XML declaration followed by
 * the canonical form (inclusive Canonical XML 1.0) of the root element, which starts at {@code canonicalStart}.
 * The offsets mark the end of the root start tag and the start of the root end tag, where an enveloped
 * signature goes. The array may be longer than {@code length}.
 */
public record CanonicalXml(byte[] bytes, int length, int canonicalStart, int rootStartTagEnd, int rootEndTagStart) {

    /** The document as one array of exactly its length. */
    public byte[] toByteArray() {
        return java.util.Arrays.copyOf(bytes, length);
    }
}
