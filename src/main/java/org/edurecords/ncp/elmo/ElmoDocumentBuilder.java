package org.edurecords.ncp.elmo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.model.Attachment;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification.Specifies.LearningOpportunityInstance;
import org.edurecords.ncp.elmo.model.PlaintextMultilineStringWithOptionalLang;
import org.edurecords.ncp.elmo.model.TokenWithOptionalLang;
import org.edurecords.ncp.results.AcademicTerm;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Identifier;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.Level;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.ResultDistribution;
import org.edurecords.ncp.results.ShortenedGrading;
import org.edurecords.ncp.results.SourceAttachment;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

import eu.europa.cedefop.europass.europass.v2.CountryCode;

/**
 * Builds an ELMO v1.7 document from the results a learner selected. The input is already pruned:
 * selected nodes with their ancestors. One report per institution; credits only where the source
 * puts them, so they are never counted twice along a branch.
 */
@ApplicationScoped
public class ElmoDocumentBuilder {

    public static final String ELMO_NAMESPACE = "https://github.com/emrex-eu/elmo-schemas/tree/v1";
    public static final String TRANSCRIPT_ATTACHMENT_TYPE = "EMREX transcript";
    /** The identifier type attachment references resolve against. */
    public static final String INTERNAL_ID_TYPE = "internal";

    private static final byte[] XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final DatatypeFactory DATATYPES;
    // Seconds always present and an explicit offset, as the schema annotations ask.
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Inject
    NcpConfig config;

    public ElmoDocumentBuilder() {
    }

    /** For use outside CDI (benchmarks, tools). */
    public ElmoDocumentBuilder(NcpConfig config) {
        this.config = config;
    }

    /**
     * @param pdfTranscript the human-readable rendering of the same results, attached first
     */
    public Elmo build(LearnerResults selected, byte[] pdfTranscript, OffsetDateTime generatedAt) {
        Elmo elmo = new Elmo();
        elmo.setGeneratedDate(dateTime(generatedAt));
        elmo.setLearner(learner(selected.learner()));
        for (InstitutionResults institution : selected.institutions()) {
            elmo.getReport().add(report(institution, generatedAt));
        }
        Attachment transcript = new Attachment();
        transcript.getTitle().add(text("Transcript of records", "en"));
        transcript.getTitle().add(text("Karakterutskrift", "nb"));
        transcript.setType(TRANSCRIPT_ATTACHMENT_TYPE);
        transcript.getContent().add(text("data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdfTranscript), null));
        elmo.getAttachment().add(transcript);
        return elmo;
    }

    /**
     * Marshals the document into a StAX writer, e.g. the one of {@code StreamingXmlSigner}, which signs it as it
     * is written: no bytes to parse again, no DOM.
     */
    public void writeTo(Elmo elmo, javax.xml.stream.XMLStreamWriter writer) {
        try {
            Marshaller marshaller = ElmoJaxb.context().createMarshaller();
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", PREFIXES);
            // The root element only: the signer writes the XML declaration.
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.marshal(elmo, writer);
        } catch (JAXBException e) {
            throw new IllegalStateException("Could not serialize the ELMO document", e);
        }
    }

    /**
     * Marshals straight to UTF-8 bytes with an XML declaration (an unsigned document, e.g. for tests and
     * tools); no DOM is built.
     */
    public byte[] toBytes(Elmo elmo) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            out.write(XML_DECLARATION);
            Marshaller marshaller = ElmoJaxb.context().createMarshaller();
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", PREFIXES);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.marshal(elmo, out);
            return out.toByteArray();
        } catch (JAXBException | IOException e) {
            throw new IllegalStateException("Could not serialize the ELMO document", e);
        }
    }

    private Elmo.Learner learner(Learner person) {
        Elmo.Learner learner = new Elmo.Learner();
        if (!isBlank(person.citizenship())) {
            learner.setCitizenship(CountryCode.fromValue(person.citizenship()));
        }
        // Identity numbers are personal data receivers rarely need; they travel only where the operator allows it.
        if (config.elmo().includeLearnerIdentifiers()) {
            if (!isBlank(person.nationalIdentifier())) {
                learner.getIdentifier().add(learnerId("nationalIdentifier", person.nationalIdentifier()));
            }
            if (!isBlank(person.esi())) {
                learner.getIdentifier().add(learnerId("esi", person.esi()));
            }
        }
        learner.setGivenNames(person.givenNames());
        learner.setFamilyName(person.familyName());
        if (person.birthDate() != null) {
            learner.setBday(date(person.birthDate()));
        }
        return learner;
    }

    private Elmo.Report report(InstitutionResults results, OffsetDateTime issuedAt) {
        Elmo.Report report = new Elmo.Report();
        report.setIssuer(issuer(results.institution()));
        Set<String> uniqueLocalIds = uniqueLocalIds(results);
        Set<String> usedSchemes = new LinkedHashSet<>();
        Map<Long, List<SourceAttachment>> attachments = new HashMap<>();
        for (SourceAttachment attachment : results.attachments()) {
            attachments.computeIfAbsent(attachment.learningOpportunityId(), k -> new ArrayList<>()).add(attachment);
        }
        for (LearningOpportunity root : results.roots()) {
            report.getLearningOpportunitySpecification()
                    .add(specification(root, false, new Context(uniqueLocalIds, usedSchemes, attachments)));
        }
        report.setIssueDate(dateTime(issuedAt));
        // Only the schemes the exported results refer to, so every reference resolves and nothing dangles.
        for (GradingScheme scheme : results.gradingSchemes()) {
            if (usedSchemes.contains(scheme.localId())) {
                Elmo.Report.GradingScheme gs = new Elmo.Report.GradingScheme();
                gs.setLocalId(scheme.localId());
                for (LangText description : scheme.descriptions()) {
                    gs.getDescription().add(multiline(description.text(), description.language()));
                }
                report.getGradingScheme().add(gs);
            }
        }
        for (SourceAttachment source : results.attachments()) {
            report.getAttachment().add(attachment(source));
        }
        return report;
    }

    private static Attachment attachment(SourceAttachment source) {
        Attachment attachment = new Attachment();
        Attachment.Identifier id = new Attachment.Identifier();
        id.setType(INTERNAL_ID_TYPE);
        id.setValue(source.localId());
        attachment.getIdentifier().add(id);
        for (LangText title : source.title().all()) {
            attachment.getTitle().add(text(title.text(), title.language()));
        }
        attachment.setType(source.type());
        attachment.getContent().add(text(source.dataUri(), null));
        return attachment;
    }

    private Elmo.Report.Issuer issuer(Institution institution) {
        Elmo.Report.Issuer issuer = new Elmo.Report.Issuer();
        if (!isBlank(institution.country())) {
            issuer.setCountry(CountryCode.fromValue(institution.country()));
        }
        // A school or a county has no SCHAC code; its own identifiers (the schema allows custom types) name it.
        if (!isBlank(institution.schac())) {
            issuer.getIdentifier().add(issuerId("schac", institution.schac()));
        }
        if (!isBlank(institution.erasmus())) {
            issuer.getIdentifier().add(issuerId("erasmus", institution.erasmus()));
        }
        if (!isBlank(institution.pic())) {
            issuer.getIdentifier().add(issuerId("pic", institution.pic()));
        }
        for (Identifier other : institution.identifiers()) {
            issuer.getIdentifier().add(issuerId(other.type(), other.value()));
        }
        for (LangText name : institution.names()) {
            issuer.getTitle().add(text(name.text(), name.language()));
        }
        issuer.setUrl(institution.url());
        return issuer;
    }

    /** What the recursion over one report's tree carries along. */
    private record Context(Set<String> uniqueLocalIds, Set<String> usedSchemes,
            Map<Long, List<SourceAttachment>> attachments) {
    }

    /**
     * @param ancestorHasCredits whether a node above already carries ECTS, in which case this one must not
     */
    private LearningOpportunitySpecification specification(LearningOpportunity lo, boolean ancestorHasCredits,
            Context context) {
        LearningOpportunitySpecification los = new LearningOpportunitySpecification();
        // The (type, local id) pair must be unique within the issuer; when it is not, send no local id at all.
        if (!isBlank(lo.code()) && context.uniqueLocalIds().contains(localKey(lo))) {
            LearningOpportunitySpecification.Identifier id = new LearningOpportunitySpecification.Identifier();
            id.setType("local");
            id.setValue(lo.code());
            los.getIdentifier().add(id);
        }
        for (LangText title : lo.titles()) {
            los.getTitle().add(text(title.text(), title.language()));
        }
        if (los.getTitle().isEmpty()) {
            // The schema needs a title; a node without a name is named by its type and code.
            los.getTitle().add(text((isBlank(lo.type()) ? "" : lo.type() + " ") + lo.code(), "en"));
        }
        if (!isBlank(lo.type())) {
            los.setType(lo.type());
        }
        // Credits belong to the smallest unit that has them: never on a node above or below one that has them.
        boolean credits = lo.result().ectsCredits() != null && !ancestorHasCredits && !descendantHasCredits(lo);
        LearningOpportunitySpecification.Specifies specifies = new LearningOpportunitySpecification.Specifies();
        specifies.setLearningOpportunityInstance(instance(lo, credits, context));
        los.setSpecifies(specifies);
        for (LearningOpportunity child : lo.children()) {
            LearningOpportunitySpecification.HasPart part = new LearningOpportunitySpecification.HasPart();
            part.setLearningOpportunitySpecification(specification(child, ancestorHasCredits || credits, context));
            los.getHasPart().add(part);
        }
        return los;
    }

    private LearningOpportunityInstance instance(LearningOpportunity lo, boolean withCredits, Context context) {
        ResultInstance result = lo.result();
        LearningOpportunityInstance loi = new LearningOpportunityInstance();
        for (Identifier identifier : result.identifiers()) {
            LearningOpportunityInstance.Identifier id = new LearningOpportunityInstance.Identifier();
            id.setType(identifier.type());
            id.setValue(identifier.value());
            loi.getIdentifier().add(id);
        }
        if (result.start() != null) {
            loi.setStart(date(result.start()));
        }
        if (result.date() != null) {
            loi.setDate(date(result.date()));
        }
        if (result.academicTerm() != null) {
            loi.setAcademicTerm(academicTerm(result.academicTerm()));
        }
        loi.setStatus(result.status().elmoValue());
        if (!isBlank(result.gradingSchemeId())) {
            loi.setGradingSchemeLocalId(result.gradingSchemeId());
            context.usedSchemes().add(result.gradingSchemeId());
        }
        if (!isBlank(result.grade())) {
            loi.setResultLabel(result.grade());
        }
        ShortenedGrading shortened = result.shortenedGrading();
        if (shortened != null && shortened.percentageLower() != null && shortened.percentageEqual() != null
                && shortened.percentageHigher() != null) {
            LearningOpportunityInstance.ShortenedGrading sg = new LearningOpportunityInstance.ShortenedGrading();
            sg.setPercentageLower(plain(shortened.percentageLower()));
            sg.setPercentageEqual(plain(shortened.percentageEqual()));
            sg.setPercentageHigher(plain(shortened.percentageHigher()));
            loi.setShortenedGrading(sg);
        }
        if (result.resultDistribution() != null && !result.resultDistribution().categories().isEmpty()) {
            loi.setResultDistribution(distribution(result.resultDistribution()));
        }
        if (withCredits) {
            LearningOpportunityInstance.Credit credit = new LearningOpportunityInstance.Credit();
            credit.setScheme(config.elmo().creditScheme());
            credit.setValue(plain(result.ectsCredits()));
            loi.getCredit().add(credit);
        }
        for (Level level : result.levels()) {
            LearningOpportunityInstance.Level l = new LearningOpportunityInstance.Level();
            l.setType(level.type());
            // The schema allows one description per level: the first language the source gave.
            LangText description = level.description() == null ? null
                    : level.description().all().stream().findFirst().orElse(null);
            if (description != null) {
                l.setDescription(multiline(description.text(), description.language()));
            }
            if (!isBlank(level.value())) {
                l.setValue(level.value());
            }
            loi.getLevel().add(l);
        }
        if (!isBlank(result.languageOfInstruction())) {
            loi.setLanguageOfInstruction(result.languageOfInstruction());
        }
        if (result.engagementHours() != null) {
            loi.setEngagementHours(plain(result.engagementHours()));
        }
        List<SourceAttachment> attachments = context.attachments().getOrDefault(lo.id(), List.of());
        if (!attachments.isEmpty()) {
            LearningOpportunityInstance.Attachments refs = new LearningOpportunityInstance.Attachments();
            attachments.forEach(a -> refs.getRef().add(a.localId()));
            loi.setAttachments(refs);
        }
        if (lo.parts() != null) {
            // Whole or not, and the credits of the whole node (docs/elmo.md, "Results with parts").
            org.edurecords.ncp.elmo.model.CustomExtensionsContainer extension =
                    new org.edurecords.ncp.elmo.model.CustomExtensionsContainer();
            extension.getAny().add(CompletenessExtension.partsElement(lo.parts(), config.elmo().creditScheme()));
            loi.setExtension(extension);
        }
        return loi;
    }

    private static LearningOpportunityInstance.AcademicTerm academicTerm(AcademicTerm term) {
        LearningOpportunityInstance.AcademicTerm at = new LearningOpportunityInstance.AcademicTerm();
        for (LangText title : term.title().all()) {
            at.getTitle().add(text(title.text(), title.language()));
        }
        at.setStart(date(term.start()));
        at.setEnd(date(term.end()));
        return at;
    }

    private static LearningOpportunityInstance.ResultDistribution distribution(ResultDistribution source) {
        LearningOpportunityInstance.ResultDistribution rd = new LearningOpportunityInstance.ResultDistribution();
        for (ResultDistribution.Category category : source.categories()) {
            LearningOpportunityInstance.ResultDistribution.Category c =
                    new LearningOpportunityInstance.ResultDistribution.Category();
            c.setLabel(category.label());
            c.setCount(BigInteger.valueOf(category.count()));
            rd.getCategory().add(c);
        }
        for (LangText description : source.description() == null ? List.<LangText>of() : source.description().all()) {
            rd.getDescription().add(multiline(description.text(), description.language()));
        }
        return rd;
    }

    private static boolean descendantHasCredits(LearningOpportunity lo) {
        for (LearningOpportunity child : lo.children()) {
            if (child.result().ectsCredits() != null || descendantHasCredits(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Elmo.Learner.Identifier learnerId(String type, String value) {
        Elmo.Learner.Identifier id = new Elmo.Learner.Identifier();
        id.setType(type);
        id.setValue(value);
        return id;
    }

    private static Set<String> uniqueLocalIds(InstitutionResults results) {
        Map<String, Integer> counts = new HashMap<>();
        for (LearningOpportunity lo : results.allOpportunities()) {
            counts.merge(localKey(lo), 1, Integer::sum);
        }
        Set<String> unique = new java.util.HashSet<>();
        counts.forEach((key, count) -> {
            if (count == 1) {
                unique.add(key);
            }
        });
        return unique;
    }

    private static String localKey(LearningOpportunity lo) {
        return lo.type() + "\u0000" + lo.code();
    }

    /** Keeps the decimals the source has, without exponent notation ("7.5", "10.0"). */
    private static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.toPlainString());
    }

    private static Elmo.Report.Issuer.Identifier issuerId(String type, String value) {
        Elmo.Report.Issuer.Identifier id = new Elmo.Report.Issuer.Identifier();
        id.setType(type);
        id.setValue(value);
        return id;
    }

    private static TokenWithOptionalLang text(String value, String lang) {
        TokenWithOptionalLang t = new TokenWithOptionalLang();
        t.setValue(value);
        t.setLang(LocalizedText.UNDETERMINED.equals(lang) ? null : lang);
        return t;
    }

    private static PlaintextMultilineStringWithOptionalLang multiline(String value, String lang) {
        PlaintextMultilineStringWithOptionalLang t = new PlaintextMultilineStringWithOptionalLang();
        t.setValue(value);
        t.setLang(LocalizedText.UNDETERMINED.equals(lang) ? null : lang);
        return t;
    }

    /** A plain {@code YYYY-MM-DD} date without time zone, as clients compare birth dates as strings. */
    static XMLGregorianCalendar date(LocalDate date) {
        return DATATYPES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    static XMLGregorianCalendar dateTime(OffsetDateTime time) {
        return DATATYPES.newXMLGregorianCalendar(time.format(DATE_TIME));
    }

    private static final NamespacePrefixMapper PREFIXES = new NamespacePrefixMapper() {
        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            if (ELMO_NAMESPACE.equals(namespaceUri) && !requirePrefix) {
                return "";
            }
            if ("http://www.w3.org/2000/09/xmldsig#".equals(namespaceUri)) {
                return "ds";
            }
            return suggestion;
        }
    };
}
