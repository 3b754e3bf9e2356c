package org.edurecords.ncp.elmo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import io.quarkus.runtime.Startup;

import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification.Specifies.LearningOpportunityInstance;
import org.edurecords.ncp.elmo.model.PlaintextMultilineStringWithOptionalLang;
import org.edurecords.ncp.elmo.model.TokenWithOptionalLang;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.w3c.dom.Document;

/**
 * Reads an ELMO document that came from outside (an institution's endpoint, an import) into result
 * records. Everything is untrusted: parsed without DTDs or external entities, schema-validated, and only
 * then mapped. Learning opportunities get ids derived from their position and codes, negative so they can
 * never clash with the embedded store's ids, and stable so that a selection survives a second fetch.
 */
@ApplicationScoped
@Startup // the JAXB context and the compiled schema are ready before the first student logs in
public class ElmoReader {


    @Inject
    ElmoSchemaValidator validator;

    /** The learner as the document describes them. */
    public record LearnerPart(String nationalIdentifier, String givenNames, String familyName, LocalDate birthDate,
            String citizenship) {
    }

    /** One report: who issued it and what it holds. */
    public record ReportPart(List<String> issuerSchac, LocalizedText issuerName,
            List<LearningOpportunity> roots, List<GradingScheme> gradingSchemes) {
    }

    public record ElmoContent(LearnerPart learner, List<ReportPart> reports) {
    }

    /** The document is not XML, not ELMO, or holds values this service cannot represent. */
    public static final class InvalidElmoException extends Exception {

        private static final long serialVersionUID = 1L;

        public InvalidElmoException(String message) {
            super(message);
        }
    }

    /** @param idScope mixed into the derived ids, e.g. the institution's SCHAC code */
    public ElmoContent read(byte[] xml, String idScope) throws InvalidElmoException {
        Document document;
        try {
            document = SecureXml.parse(xml);
        } catch (SecureXml.XmlParseException e) {
            throw new InvalidElmoException(e.getMessage());
        }
        ElmoSchemaValidator.Result valid = validator.validate(document);
        if (!valid.valid()) {
            // The first few problems are enough for a log line or an import report.
            throw new InvalidElmoException("Not valid ELMO: " + valid.errors().stream().limit(3).map(Object::toString).toList());
        }
        Elmo elmo;
        try {
            Unmarshaller unmarshaller = ElmoJaxb.context().createUnmarshaller();
            elmo = (Elmo) unmarshaller.unmarshal(document);
        } catch (JAXBException | ClassCastException e) {
            // Schema-valid yet not readable into the model; the reason is the model's, not the sender's.
            throw new InvalidElmoException("Cannot read the ELMO document");
        }
        return new ElmoContent(learner(elmo.getLearner()), reports(elmo, idScope));
    }

    private static LearnerPart learner(Elmo.Learner learner) {
        String nin = null;
        for (Elmo.Learner.Identifier id : learner.getIdentifier()) {
            if ("nationalIdentifier".equalsIgnoreCase(id.getType())) {
                nin = id.getValue();
            }
        }
        return new LearnerPart(nin, learner.getGivenNames(), learner.getFamilyName(), day(learner.getBday()),
                learner.getCitizenship() == null ? null : learner.getCitizenship().value());
    }

    private static List<ReportPart> reports(Elmo elmo, String idScope) throws InvalidElmoException {
        List<ReportPart> reports = new ArrayList<>();
        int reportIndex = 0;
        for (Elmo.Report report : elmo.getReport()) {
            List<String> schac = new ArrayList<>();
            for (Elmo.Report.Issuer.Identifier id : report.getIssuer().getIdentifier()) {
                if ("schac".equalsIgnoreCase(id.getType())) {
                    schac.add(id.getValue());
                }
            }
            List<LearningOpportunity> roots = new ArrayList<>();
            String path = idScope + "/" + reportIndex++;
            int index = 0;
            for (LearningOpportunitySpecification los : report.getLearningOpportunitySpecification()) {
                roots.add(opportunity(los, path + "/" + index++));
            }
            List<GradingScheme> schemes = new ArrayList<>();
            for (Elmo.Report.GradingScheme gs : report.getGradingScheme()) {
                schemes.add(new GradingScheme(gs.getLocalId(), multilines(gs.getDescription())));
            }
            reports.add(new ReportPart(schac, texts(report.getIssuer().getTitle()), roots, schemes));
        }
        return reports;
    }

    private static LearningOpportunity opportunity(LearningOpportunitySpecification los, String path)
            throws InvalidElmoException {
        String code = "";
        for (LearningOpportunitySpecification.Identifier id : los.getIdentifier()) {
            if (code.isEmpty() || "local".equalsIgnoreCase(id.getType())) {
                code = id.getValue();
            }
        }
        String type = los.getType() == null ? "Course" : los.getType();
        LearningOpportunityInstance loi = los.getSpecifies() == null ? null
                : los.getSpecifies().getLearningOpportunityInstance();
        ResultInstance result = loi == null
                ? new ResultInstance(null, null, ResultStatus.IN_PROGRESS, null, null, null, null)
                : instance(loi);
        String nodePath = path + "/" + type + "/" + code;
        List<LearningOpportunity> children = new ArrayList<>();
        int index = 0;
        for (LearningOpportunitySpecification.HasPart part : los.getHasPart()) {
            if (part.getLearningOpportunitySpecification() != null) {
                children.add(opportunity(part.getLearningOpportunitySpecification(), nodePath + "/" + index++));
            }
        }
        LocalizedText title = texts(los.getTitle());
        if (title.isEmpty()) {
            throw new InvalidElmoException("A learning opportunity has no title");
        }
        return new LearningOpportunity(derivedId(nodePath), code, title, type, result, children);
    }

    private static ResultInstance instance(LearningOpportunityInstance loi) throws InvalidElmoException {
        ResultStatus status;
        try {
            status = loi.getStatus() == null ? ResultStatus.PASSED : ResultStatus.fromDatabase(loi.getStatus());
        } catch (IllegalArgumentException e) {
            throw new InvalidElmoException("Unknown result status '" + loi.getStatus() + "'");
        }
        BigDecimal credits = null;
        for (LearningOpportunityInstance.Credit credit : loi.getCredit()) {
            if ("ects".equalsIgnoreCase(credit.getScheme())) {
                credits = credit.getValue();
            }
        }
        return new ResultInstance(day(loi.getStart()), day(loi.getDate()), status, loi.getResultLabel(), credits,
                loi.getGradingSchemeLocalId(), loi.getLanguageOfInstruction());
    }

    /** A negative id from a SHA-256 of the node's position; never 0, never positive. */
    static long derivedId(String path) {
        return org.edurecords.ncp.results.LearningOpportunity.derivedId(path);
    }

    private static LocalDate day(XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        return LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    /** Every language the document gives; a text without xml:lang is kept as undetermined. */
    private static LocalizedText texts(List<TokenWithOptionalLang> texts) {
        List<LangText> all = new ArrayList<>();
        for (TokenWithOptionalLang t : texts) {
            all.add(new LangText(t.getLang() == null ? LocalizedText.UNDETERMINED : t.getLang(), t.getValue()));
        }
        return new LocalizedText(all);
    }

    private static LocalizedText multilines(List<PlaintextMultilineStringWithOptionalLang> texts) {
        List<LangText> all = new ArrayList<>();
        for (PlaintextMultilineStringWithOptionalLang t : texts) {
            all.add(new LangText(t.getLang() == null ? LocalizedText.UNDETERMINED : t.getLang(), t.getValue()));
        }
        return new LocalizedText(all);
    }
}
