package org.edurecords.ncp.elmo;

import java.util.List;

import javax.xml.XMLConstants;

import org.edurecords.ncp.elmo.model.CustomExtensionsContainer;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;
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
