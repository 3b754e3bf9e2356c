package org.edurecords.ncp.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** XPath over ELMO with the prefix {@code e} for the ELMO namespace and {@code xml} for xml:lang. */
public final class ElmoXPath {

    private final XPath xpath = XPathFactory.newInstance().newXPath();
    private final Node context;

    public ElmoXPath(Node context) {
        this.context = context;
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "e" -> "https://github.com/emrex-eu/elmo-schemas/tree/v1";
                    case "xml" -> XMLConstants.XML_NS_URI;
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    public String text(String expression) {
        try {
            return xpath.evaluate(expression, context);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    public int count(String expression) {
        return Integer.parseInt(text("count(" + expression + ")").replaceAll("\\.0$", ""));
    }

    /** The text of every node the expression selects, in document order. */
    public List<String> texts(String expression) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
            return texts;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
