package org.edurecords.ncp.elmo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks an ELMO v1 document for the MUST rules of the schema annotations that the XSD itself cannot
 * express (spec section 4.6). Works on any parsed document, including ones other NCPs produced; it does
 * not validate against the schema (that is {@link ElmoSchemaValidator}'s job) and never throws on odd
 * input: whatever it cannot make sense of becomes a violation.
 *
 * <p>Stateless and thread-safe.
 */
public class ElmoRulesChecker {

    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    /** A rule of spec section 4.6, by the name tests and reports use. */
    public enum Rule {
        /** The root is {@code elmo} in the ELMO v1 namespace. */
        NAMESPACE,
        /** One issuing institution per report: no two reports share an issuer identifier. */
        ONE_REPORT_PER_ISSUER,
        /** Optional elements are omitted when unknown, never sent empty. */
        NO_EMPTY_ELEMENTS,
        /** A (LOS type, local id) pair appears once within a report. */
        UNIQUE_LOCAL_IDS,
        /** gradingSchemeLocalId, attachment refs and grouping refs resolve inside the document. */
        REFERENCES_RESOLVE,
        /** ECTS credits on a node exclude ECTS credits on its ancestors and descendants. */
        NO_ECTS_DOUBLE_COUNTING,
        /** Text fields hold plain text: no HTML markup outside descriptionHtml. */
        PLAIN_TEXT,
        /** Every learning opportunity instance states its status. */
        STATUS_PRESENT,
        /** xml:lang holds a language code (ISO 639), not a country code. */
        LANGUAGE_CODES,
        /** languageOfInstruction is a single ISO 639-1 code. */
        LANGUAGE_OF_INSTRUCTION,
        /** At least one attachment carries a human-readable rendering (the EMREX transcript). */
        HUMAN_READABLE_ATTACHMENT,
        /** One enveloped signature, last child of the root, with a single Reference URI="". */
        ENVELOPED_SIGNATURE
    }

    /**
     * One broken rule.
     *
     * @param where a short path to the offending element, e.g. {@code /elmo/report[2]/issuer}
     */
    public record Violation(Rule rule, String where, String message) {
        @Override
        public String toString() {
            return rule + " at " + where + ": " + message;
        }
    }

    /** What the caller expects beyond the rules every ELMO document must meet. */
    public record Options(boolean requireSignature) {
        /** For a document received from an EMREX transfer: it must be signed. */
        public static final Options TRANSFER = new Options(true);
        /** For an unsigned document (e.g. before signing, or embedded in EWP). */
        public static final Options UNSIGNED = new Options(false);
    }

    /** Element start or end tags, comments, or named/numeric character references left over from HTML. */
    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*/?\\s*[A-Za-z][A-Za-z0-9]*(\\s[^<>]*)?/?\\s*>|<!--|&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#x[0-9A-Fa-f]{1,6});");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    /** Elements whose content is not plain text by definition. */
    private static final Set<String> NOT_PLAIN_TEXT = Set.of("descriptionHtml", "content", "extension");
    /** Elements that are legitimately empty: attribute-only content, or containers whose children are all optional. */
    private static final Set<String> MAY_BE_EMPTY = Set.of("learningOpportunityInstance", "attachments", "groups",
            "category", "grouping", "gradingScheme");

    public List<Violation> check(Document document) {
        List<Violation> violations = new ArrayList<>();
        Element root = document == null ? null : document.getDocumentElement();
        if (root == null || !ElmoDocumentBuilder.ELMO_NAMESPACE.equals(root.getNamespaceURI())
                || !"elmo".equals(root.getLocalName())) {
            String found = root == null ? "nothing" : "{" + root.getNamespaceURI() + "}" + root.getLocalName();
            violations.add(new Violation(Rule.NAMESPACE, "/",
                    "root must be {" + ElmoDocumentBuilder.ELMO_NAMESPACE + "}elmo, found " + found));
            return violations;
        }
        walkAll(root, "/elmo", violations);
        List<Element> reports = children(root, "report");
        reportsHaveDistinctIssuers(reports, violations);
        Set<String> elmoAttachmentIds = attachmentIds(children(root, "attachment"));
        Groups groups = Groups.of(child(root, "groups"));
        for (int i = 0; i < reports.size(); i++) {
            checkReport(reports.get(i), "/elmo/report[" + (i + 1) + "]", elmoAttachmentIds, groups, violations);
        }
        humanReadableAttachment(root, reports, violations);
        return violations;
    }

    public List<Violation> check(Document document, Options options) {
        List<Violation> violations = check(document);
        if (options.requireSignature() && !violations.isEmpty()
                && violations.get(0).rule() == Rule.NAMESPACE) {
            return violations;
        }
        if (options.requireSignature()) {
            signature(document.getDocumentElement(), violations);
        }
        return violations;
    }

    // ----- whole-document rules: empty elements, plain text, language codes

    private void walkAll(Element element, String path, List<Violation> violations) {
        if (!ElmoDocumentBuilder.ELMO_NAMESPACE.equals(element.getNamespaceURI())) {
            return; // signatures and extensions follow their own rules
        }
        String name = element.getLocalName();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XML_NS.equals(attribute.getNamespaceURI()) && "lang".equals(attribute.getLocalName())) {
                languageCode(attribute.getValue(), path, violations);
            }
        }
        List<Element> kids = children(element, null);
        if (kids.isEmpty()) {
            String text = element.getTextContent();
            if (text.isBlank() && !MAY_BE_EMPTY.contains(name)) {
                violations.add(new Violation(Rule.NO_EMPTY_ELEMENTS, path, "<" + name + "> is empty; omit it instead"));
            }
            if (!NOT_PLAIN_TEXT.contains(name) && MARKUP.matcher(text).find()) {
                violations.add(new Violation(Rule.PLAIN_TEXT, path, "<" + name + "> contains markup: " + excerpt(text)));
            }
            if ("languageOfInstruction".equals(name) && !ISO_639_1.contains(text.strip())) {
                violations.add(new Violation(Rule.LANGUAGE_OF_INSTRUCTION, path,
                        "'" + excerpt(text) + "' is not a single ISO 639-1 language code"));
            }
            return;
        }
        if ("extension".equals(name)) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Element kid : kids) {
            int index = seen.merge(kid.getLocalName(), 1, Integer::sum);
            walkAll(kid, path + "/" + kid.getLocalName() + "[" + index + "]", violations);
        }
    }

    /** A lower-case ISO 639-1 code, or a three-letter ISO 639-2/3 code, optionally with subtags ("nb", "en-GB"). */
    private static void languageCode(String value, String path, List<Violation> violations) {
        String primary = value.strip().split("-", 2)[0];
        boolean lowerCase = primary.equals(primary.toLowerCase(Locale.ROOT));
        boolean code = lowerCase && (ISO_639_1.contains(primary)
                || primary.length() == 3 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z'));
        if (!code) {
            violations.add(new Violation(Rule.LANGUAGE_CODES, path,
                    "xml:lang='" + value + "' is not a language code (country codes such as 'NO', 'DK' or 'SE' are not)"));
        }
    }

    // ----- reports

    private void reportsHaveDistinctIssuers(List<Element> reports, List<Violation> violations) {
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            Element issuer = child(reports.get(i), "issuer");
            if (issuer == null) {
                continue;
            }
            for (Element id : children(issuer, "identifier")) {
                String key = id.getAttribute("type").strip().toLowerCase(Locale.ROOT) + ":" + id.getTextContent().strip();
                Integer previous = owner.putIfAbsent(key, i + 1);
                if (previous != null && previous != i + 1) {
                    violations.add(new Violation(Rule.ONE_REPORT_PER_ISSUER, "/elmo/report[" + (i + 1) + "]/issuer",
                            "issuer " + key + " already has report " + previous + "; one institution, one report"));
                }
            }
        }
    }

    private void checkReport(Element report, String path, Set<String> elmoAttachmentIds, Groups groups,
            List<Violation> violations) {
        Set<String> schemes = new HashSet<>();
        for (Element scheme : children(report, "gradingScheme")) {
            schemes.add(scheme.getAttribute("localId"));
        }
        Set<String> attachmentIds = new HashSet<>(elmoAttachmentIds);
        attachmentIds.addAll(attachmentIds(children(report, "attachment")));
        Map<String, String> localIds = new HashMap<>();
        List<Element> roots = children(report, "learningOpportunitySpecification");
        for (int i = 0; i < roots.size(); i++) {
            checkSpecification(roots.get(i), path + "/learningOpportunitySpecification[" + (i + 1) + "]", false,
                    new ReportScope(schemes, attachmentIds, groups, localIds), violations);
        }
    }

    private record ReportScope(Set<String> schemes, Set<String> attachmentIds, Groups groups,
            Map<String, String> localIds) {
    }

    /** @return whether this node or any of its descendants carries ECTS credits */
    private boolean checkSpecification(Element los, String path, boolean ancestorHasEcts, ReportScope scope,
            List<Violation> violations) {
        String type = text(child(los, "type"));
        for (Element id : children(los, "identifier")) {
            if ("local".equalsIgnoreCase(id.getAttribute("type").strip())) {
                String key = (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) + "|" + id.getTextContent().strip();
                String first = scope.localIds().putIfAbsent(key, path);
                if (first != null) {
                    violations.add(new Violation(Rule.UNIQUE_LOCAL_IDS, path, "local id '" + id.getTextContent().strip()
                            + "' of type '" + (type == null ? "" : type) + "' also used at " + first));
                }
            }
        }
        Element specifies = child(los, "specifies");
        Element loi = specifies == null ? null : child(specifies, "learningOpportunityInstance");
        boolean ownEcts = false;
        if (loi != null) {
            String loiPath = path + "/specifies/learningOpportunityInstance";
            checkInstance(loi, loiPath, scope, violations);
            ownEcts = hasEcts(loi);
            if (ownEcts && ancestorHasEcts) {
                violations.add(new Violation(Rule.NO_ECTS_DOUBLE_COUNTING, loiPath,
                        "ECTS credits here and on an ancestor: the credits are counted twice"));
            }
        }
        boolean descendantsHaveEcts = false;
        List<Element> parts = children(los, "hasPart");
        for (int i = 0; i < parts.size(); i++) {
            Element child = child(parts.get(i), "learningOpportunitySpecification");
            if (child != null) {
                descendantsHaveEcts |= checkSpecification(child,
                        path + "/hasPart[" + (i + 1) + "]/learningOpportunitySpecification", ancestorHasEcts || ownEcts,
                        scope, violations);
            }
        }
        // Reported once, at the ancestor, only when the descendant was not already reported against it.
        return ownEcts || descendantsHaveEcts;
    }

    private void checkInstance(Element loi, String path, ReportScope scope, List<Violation> violations) {
        if (child(loi, "status") == null) {
            violations.add(new Violation(Rule.STATUS_PRESENT, path, "no <status>; clients would assume 'passed'"));
        }
        String scheme = text(child(loi, "gradingSchemeLocalId"));
        if (scheme != null && !scope.schemes().contains(scheme.strip())) {
            violations.add(new Violation(Rule.REFERENCES_RESOLVE, path + "/gradingSchemeLocalId",
                    "grading scheme '" + scheme.strip() + "' is not defined in this report"));
        }
        Element attachments = child(loi, "attachments");
        if (attachments != null) {
            for (Element ref : children(attachments, "ref")) {
                if (!scope.attachmentIds().contains(ref.getTextContent().strip())) {
                    violations.add(new Violation(Rule.REFERENCES_RESOLVE, path + "/attachments/ref",
                            "attachment '" + ref.getTextContent().strip() + "' is not in this report or at elmo level"));
                }
            }
        }
        for (Element grouping : children(loi, "grouping")) {
            String typeRef = grouping.getAttribute("typeref");
            String idRef = grouping.getAttribute("idref");
            if (!scope.groups().resolves(typeRef, idRef)) {
                violations.add(new Violation(Rule.REFERENCES_RESOLVE, path + "/grouping",
                        "group '" + idRef + "' of group type '" + typeRef + "' is not defined in elmo/groups"));
            }
        }
    }

    private static boolean hasEcts(Element loi) {
        for (Element credit : children(loi, "credit")) {
            String scheme = text(child(credit, "scheme"));
            if (scheme != null && "ects".equalsIgnoreCase(scheme.strip()) && child(credit, "value") != null) {
                return true;
            }
        }
        return false;
    }

    // ----- attachments, groups, signature

    private static Set<String> attachmentIds(List<Element> attachments) {
        Set<String> ids = new HashSet<>();
        for (Element attachment : attachments) {
            for (Element id : children(attachment, "identifier")) {
                ids.add(id.getTextContent().strip());
            }
        }
        return ids;
    }

    private void humanReadableAttachment(Element root, List<Element> reports, List<Violation> violations) {
        List<Element> all = new ArrayList<>(children(root, "attachment"));
        reports.forEach(report -> all.addAll(children(report, "attachment")));
        for (Element attachment : all) {
            if (!children(attachment, "content").isEmpty()) {
                return;
            }
        }
        violations.add(new Violation(Rule.HUMAN_READABLE_ATTACHMENT, "/elmo",
                "no attachment with content: the reports need a human-readable rendering (a PDF)"));
    }

    private record Groups(Map<String, Set<String>> groupIdsByType) {
        static Groups of(Element groups) {
            Map<String, Set<String>> byType = new HashMap<>();
            if (groups != null) {
                for (Element type : children(groups, "groupType")) {
                    Set<String> ids = new HashSet<>();
                    for (Element group : children(type, "group")) {
                        ids.add(group.getAttribute("id"));
                    }
                    byType.put(type.getAttribute("id"), ids);
                }
            }
            return new Groups(byType);
        }

        boolean resolves(String typeRef, String idRef) {
            Set<String> ids = groupIdsByType.get(typeRef);
            return ids != null && ids.contains(idRef);
        }
    }

    private void signature(Element root, List<Violation> violations) {
        int count = root.getOwnerDocument().getElementsByTagNameNS(DSIG_NS, "Signature").getLength();
        List<Element> kids = children(root, null);
        Element last = kids.isEmpty() ? null : kids.get(kids.size() - 1);
        if (count != 1 || last == null || !DSIG_NS.equals(last.getNamespaceURI()) || !"Signature".equals(last.getLocalName())) {
            violations.add(new Violation(Rule.ENVELOPED_SIGNATURE, "/elmo",
                    "expected exactly one ds:Signature, as the last child of elmo; found " + count));
            return;
        }
        int references = 0;
        boolean wholeDocument = false;
        for (Node n = last.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element signedInfo && "SignedInfo".equals(signedInfo.getLocalName())) {
                for (Node r = signedInfo.getFirstChild(); r != null; r = r.getNextSibling()) {
                    if (r instanceof Element reference && "Reference".equals(reference.getLocalName())) {
                        references++;
                        wholeDocument = reference.hasAttribute("URI") && reference.getAttribute("URI").isEmpty();
                    }
                }
            }
        }
        if (references != 1 || !wholeDocument) {
            violations.add(new Violation(Rule.ENVELOPED_SIGNATURE, "/elmo/Signature",
                    "SignedInfo must hold exactly one Reference with URI=\"\"; found " + references));
        }
    }

    // ----- DOM helpers, namespace-aware, ELMO namespace only

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null
                    || localName.equals(e.getLocalName()) && ElmoDocumentBuilder.ELMO_NAMESPACE.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent();
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
    }
}
