package org.edurecords.ncp.elmo;

import java.math.BigDecimal;
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
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.model.Attachment;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification.Specifies.LearningOpportunityInstance;
import org.edurecords.ncp.elmo.model.PlaintextMultilineStringWithOptionalLang;
import org.edurecords.ncp.elmo.model.TokenWithOptionalLang;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.w3c.dom.Document;

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

    // Creating a JAXBContext is expensive; it is thread-safe, marshallers are not.
    private static final JAXBContext CONTEXT;
    private static final DatatypeFactory DATATYPES;
    private static final DocumentBuilderFactory DOM_FACTORY;
    // Seconds always present and an explicit offset, as the schema annotations ask.
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static {
        try {
            CONTEXT = JAXBContext.newInstance(Elmo.class);
            DATATYPES = DatatypeFactory.newInstance();
        } catch (JAXBException | DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
        DOM_FACTORY = DocumentBuilderFactory.newInstance();
        DOM_FACTORY.setNamespaceAware(true);
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

    /** Marshals to a fresh DOM, ready to be signed. */
    public Document toDocument(Elmo elmo) {
        try {
            Document document = DOM_FACTORY.newDocumentBuilder().newDocument();
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", PREFIXES);
            marshaller.marshal(elmo, document);
            return document;
        } catch (JAXBException | ParserConfigurationException e) {
            throw new IllegalStateException("Could not build the ELMO document", e);
        }
    }

    private Elmo.Learner learner(Learner person) {
        Elmo.Learner learner = new Elmo.Learner();
        if (person.citizenship() != null && !person.citizenship().isBlank()) {
            learner.setCitizenship(CountryCode.fromValue(person.citizenship()));
        }
        if (config.elmo().includeLearnerIdentifiers() && person.nationalIdentifier() != null) {
            Elmo.Learner.Identifier id = new Elmo.Learner.Identifier();
            id.setType("nationalIdentifier");
            id.setValue(person.nationalIdentifier());
            learner.getIdentifier().add(id);
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
        for (LearningOpportunity root : results.roots()) {
            report.getLearningOpportunitySpecification().add(specification(root, uniqueLocalIds, usedSchemes));
        }
        report.setIssueDate(dateTime(issuedAt));
        // Only the schemes the exported results refer to, so every reference resolves and nothing dangles.
        for (GradingScheme scheme : results.gradingSchemes()) {
            if (usedSchemes.contains(scheme.localId())) {
                Elmo.Report.GradingScheme gs = new Elmo.Report.GradingScheme();
                gs.setLocalId(scheme.localId());
                gs.getDescription().add(multiline(scheme.descriptionEn(), "en"));
                if (scheme.descriptionNb() != null && !scheme.descriptionNb().isBlank()) {
                    gs.getDescription().add(multiline(scheme.descriptionNb(), "nb"));
                }
                report.getGradingScheme().add(gs);
            }
        }
        return report;
    }

    private Elmo.Report.Issuer issuer(Institution institution) {
        Elmo.Report.Issuer issuer = new Elmo.Report.Issuer();
        if (institution.country() != null && !institution.country().isBlank()) {
            issuer.setCountry(CountryCode.fromValue(institution.country()));
        }
        issuer.getIdentifier().add(issuerId("schac", institution.schac()));
        if (institution.erasmus() != null && !institution.erasmus().isBlank()) {
            issuer.getIdentifier().add(issuerId("erasmus", institution.erasmus()));
        }
        issuer.getTitle().add(text(institution.nameEn(), "en"));
        if (institution.nameNb() != null && !institution.nameNb().isBlank()) {
            issuer.getTitle().add(text(institution.nameNb(), "nb"));
        }
        issuer.setUrl(institution.url());
        return issuer;
    }

    private LearningOpportunitySpecification specification(LearningOpportunity lo, Set<String> uniqueLocalIds,
            Set<String> usedSchemes) {
        LearningOpportunitySpecification los = new LearningOpportunitySpecification();
        // The (type, local id) pair must be unique within the issuer; when it is not, send no local id at all.
        if (uniqueLocalIds.contains(localKey(lo))) {
            LearningOpportunitySpecification.Identifier id = new LearningOpportunitySpecification.Identifier();
            id.setType("local");
            id.setValue(lo.code());
            los.getIdentifier().add(id);
        }
        los.getTitle().add(text(lo.titleEn(), "en"));
        if (lo.titleNb() != null && !lo.titleNb().isBlank()) {
            los.getTitle().add(text(lo.titleNb(), "nb"));
        }
        los.setType(lo.type());
        LearningOpportunitySpecification.Specifies specifies = new LearningOpportunitySpecification.Specifies();
        specifies.setLearningOpportunityInstance(instance(lo.result(), usedSchemes));
        los.setSpecifies(specifies);
        for (LearningOpportunity child : lo.children()) {
            LearningOpportunitySpecification.HasPart part = new LearningOpportunitySpecification.HasPart();
            part.setLearningOpportunitySpecification(specification(child, uniqueLocalIds, usedSchemes));
            los.getHasPart().add(part);
        }
        return los;
    }

    private LearningOpportunityInstance instance(ResultInstance result, Set<String> usedSchemes) {
        LearningOpportunityInstance loi = new LearningOpportunityInstance();
        if (result.start() != null) {
            loi.setStart(date(result.start()));
        }
        if (result.date() != null) {
            loi.setDate(date(result.date()));
        }
        loi.setStatus(result.status().elmoValue());
        if (result.gradingSchemeId() != null) {
            loi.setGradingSchemeLocalId(result.gradingSchemeId());
            usedSchemes.add(result.gradingSchemeId());
        }
        if (result.grade() != null && !result.grade().isBlank()) {
            loi.setResultLabel(result.grade());
        }
        if (result.ectsCredits() != null) {
            LearningOpportunityInstance.Credit credit = new LearningOpportunityInstance.Credit();
            credit.setScheme(config.elmo().creditScheme());
            credit.setValue(plain(result.ectsCredits()));
            loi.getCredit().add(credit);
        }
        if (result.languageOfInstruction() != null && !result.languageOfInstruction().isBlank()) {
            loi.setLanguageOfInstruction(result.languageOfInstruction());
        }
        return loi;
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
        t.setLang(lang);
        return t;
    }

    private static PlaintextMultilineStringWithOptionalLang multiline(String value, String lang) {
        PlaintextMultilineStringWithOptionalLang t = new PlaintextMultilineStringWithOptionalLang();
        t.setValue(value);
        t.setLang(lang);
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
