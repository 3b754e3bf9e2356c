package org.edurecords.ncp.signing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes the signature element the JDK builds (elements, attributes, text) as UTF-8 for splicing into a
 * document, declaring any namespace prefix it uses that is not declared inside it. A stylesheet transformer
 * would do the same for far more per call; the element is small and its shape fixed.
 */
final class SignatureWriter {

    private SignatureWriter() {
    }

    static byte[] write(Element signature) {
        StringBuilder out = new StringBuilder(4096);
        element(signature, new HashMap<>(), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(Element element, Map<String, String> inScope, StringBuilder out) {
        Map<String, String> scope = inScope;
        out.append('<').append(element.getTagName());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                scope = scope == inScope ? new HashMap<>(inScope) : scope;
                String prefix = XMLConstants.XMLNS_ATTRIBUTE.equals(attribute.getName()) ? "" : attribute.getLocalName();
                scope.put(prefix, attribute.getValue());
            }
            attribute(attribute.getName(), attribute.getValue(), out);
        }
        String prefix = element.getPrefix() == null ? "" : element.getPrefix();
        String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        if (!namespace.equals(scope.getOrDefault(prefix, ""))) {
            scope = scope == inScope ? new HashMap<>(inScope) : scope;
            scope.put(prefix, namespace);
            attribute(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, namespace, out);
        }
        out.append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child, scope, out);
                case Node.TEXT_NODE -> escape(child.getNodeValue(), false, out);
                default -> throw new IllegalStateException("Unexpected node in a signature: " + child.getNodeName());
            }
        }
        out.append("</").append(element.getTagName()).append('>');
    }

    private static void attribute(String name, String value, StringBuilder out) {
        out.append(' ').append(name).append("=\"");
        escape(value, true, out);
        out.append('"');
    }

    private static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append(attribute ? ">" : "&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#xD;");
                case '\n' -> out.append(attribute ? "&#xA;" : "\n");
                case '\t' -> out.append(attribute ? "&#x9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}
