package org.edurecords.ncp.elmo;

import java.util.List;

import javax.xml.XMLConstants;

import org.edurecords.ncp.elmo.model.CustomExtensionsContainer;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.SelectedParts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Records in the ELMO document whether every institution could be read. ELMO has no field for this,
 * so it goes into the root {@code extension} under this project's own namespace (documented in
 * docs/result-sources.md); receivers that do not know the namespace ignore it.
 *
 * <pre>{@code
 * <extension>
 *   <c:completeness xmlns:c="https://edurecords.org/ns/ncp/completeness/v1" complete="false">
 *     <c:institution schac="uio.no" status="complete"/>
 *     <c:institution schac="uib.no" status="unavailable"><c:title xml:lang="en">University of Bergen</c:title></c:institution>
 *   </c:completeness>
 * </extension>
 * }</pre>
 *
 * <p>A result with parts (a degree programme, a module) says in the extension of its learning opportunity
 * instance how much of it was selected, with the credits of the whole node, which ELMO cannot carry on the
 * node itself when its courses carry theirs (no credits on a node and its descendants):
 *
 * <pre>{@code
 * <extension>
 *   <c:parts xmlns:c="https://edurecords.org/ns/ncp/completeness/v1" whole="false" included="1" total="22">
 *     <c:credits scheme="ects">180</c:credits>
 *     <c:statement xml:lang="en">Selected results only: 1 of 22</c:statement>
 *     <c:statement xml:lang="nb">Bare utvalgte resultater: 1 av 22</c:statement> (and nn, se: every language of the service)
 *   </c:parts>
 * </extension>
 * }</pre>
 */
public final class CompletenessExtension {

    public static final String NAMESPACE = "https://edurecords.org/ns/ncp/completeness/v1";

    private CompletenessExtension() {
    }

    public static void addTo(Elmo elmo, List<Completeness> institutions) {
        Document document = SecureXml.newDocumentBuilder().newDocument();
        Element root = document.createElementNS(NAMESPACE, "c:completeness");
        boolean complete = institutions.stream().allMatch(Completeness::complete);
        root.setAttribute("complete", String.valueOf(complete));
        for (Completeness c : institutions) {
            Element institution = document.createElementNS(NAMESPACE, "c:institution");
            if (c.schac() != null) {
                institution.setAttribute("schac", c.schac());
            }
            institution.setAttribute("status", c.status().wireValue());
            if (c.name() != null) {
                for (LangText name : c.name().all()) {
                    title(document, institution, name.text(), name.language());
                }
            }
            root.appendChild(institution);
        }
        if (elmo.getExtension() == null) {
            elmo.setExtension(new CustomExtensionsContainer());
        }
        elmo.getExtension().getAny().add(root);
    }

    /** The {@code c:parts} element of one node with parts; the statement only when the node is not whole. */
    public static Element partsElement(SelectedParts parts, String creditScheme) {
        Document document = SecureXml.newDocumentBuilder().newDocument();
        Element element = document.createElementNS(NAMESPACE, "c:parts");
        element.setAttribute("whole", String.valueOf(parts.whole()));
        element.setAttribute("included", String.valueOf(parts.included()));
        element.setAttribute("total", String.valueOf(parts.total()));
        if (parts.credits() != null) {
            Element credits = document.createElementNS(NAMESPACE, "c:credits");
            credits.setAttribute("scheme", creditScheme);
            credits.setTextContent(new java.math.BigDecimal(parts.credits().toPlainString()).toPlainString());
            element.appendChild(credits);
        }
        if (parts.partial()) {
            // The pages' own words, from the message bundle, in every language of the service.
            for (String language : LocalizedText.serviceLanguages()) {
                statement(document, element, org.edurecords.ncp.web.TextBundle.of(java.util.Locale.forLanguageTag(language))
                        .get("parts_selected_only", "included", parts.included(), "total", parts.total()), language);
            }
        }
        return element;
    }

    private static void statement(Document document, Element parent, String text, String lang) {
        Element statement = document.createElementNS(NAMESPACE, "c:statement");
        statement.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", lang);
        statement.setTextContent(text);
        parent.appendChild(statement);
    }

    private static void title(Document document, Element parent, String text, String lang) {
        if (text == null || text.isBlank()) {
            return;
        }
        Element title = document.createElementNS(NAMESPACE, "c:title");
        if (!LocalizedText.UNDETERMINED.equals(lang)) {
            title.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", lang);
        }
        title.setTextContent(text);
        parent.appendChild(title);
    }
}
