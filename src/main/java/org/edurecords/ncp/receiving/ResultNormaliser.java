package org.edurecords.ncp.receiving;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

import org.edurecords.ncp.elmo.ElmoAttachments;
import org.edurecords.ncp.elmo.model.Attachment;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification.Specifies.LearningOpportunityInstance;
import org.edurecords.ncp.elmo.model.PlaintextMultilineStringWithOptionalLang;
import org.edurecords.ncp.elmo.model.TokenWithOptionalLang;
import org.edurecords.ncp.receiving.ReceivedResults.Credit;
import org.edurecords.ncp.receiving.ReceivedResults.Grade;
import org.edurecords.ncp.receiving.ReceivedResults.GradingScheme;
import org.edurecords.ncp.receiving.ReceivedResults.Identifier;
import org.edurecords.ncp.receiving.ReceivedResults.Institution;
import org.edurecords.ncp.receiving.ReceivedResults.LearningResult;
import org.edurecords.ncp.receiving.ReceivedResults.Person;
import org.edurecords.ncp.receiving.ReceivedResults.Totals;

/**
 * An ELMO document (already verified) as {@link ReceivedResults}: every learning opportunity of every report,
 * depth first, with every language and every credit the document gives. Odd but schema-valid documents (no
 * titles, no instance, no issuer) give nulls and empty maps, never an exception.
 *
 * <p>Ids are {@code r<report>.<position>}, both counted from 1, the position running depth first over the whole
 * report. Totals count ECTS credits once: a result's ECTS count only when no ancestor has ECTS credits, so a degree
 * of 180 with its courses gives 180, and a result without credits lets its parts count.
 */
public final class ResultNormaliser {

    /** The key of a text the document gives without {@code xml:lang}. */
    public static final String UNDETERMINED = "und";

    private ResultNormaliser() {
    }

    public static ReceivedResults normalise(Elmo elmo) {
        List<Institution> institutions = new ArrayList<>();
        List<ReceivedResults.Attachment> attachments = new ArrayList<>();
        attachments(elmo.getAttachment(), attachments);
        int reportIndex = 0;
        int results = 0;
        int passed = 0;
        BigDecimal ects = BigDecimal.ZERO;
        for (Elmo.Report report : elmo.getReport()) {
            reportIndex++;
            Institution institution = institution(report, reportIndex);
            institutions.add(institution);
            results += institution.totals().results();
            passed += institution.totals().passed();
            ects = ects.add(institution.totals().ects());
            attachments(report.getAttachment(), attachments);
        }
        return new ReceivedResults(person(elmo.getLearner()), institutions, new Totals(results, passed, plain(ects)),
                attachments);
    }

    /** Passed in the sense of every total and profile: no status, or {@code passed} in any case. */
    public static boolean passed(LearningResult result) {
        return result.status() == null || "passed".equalsIgnoreCase(result.status().trim());
    }

    /** The result's credits in a scheme (compared without case), or null when it has none in that scheme. */
    public static BigDecimal credits(LearningResult result, String scheme) {
        for (Credit credit : result.credits()) {
            if (credit.scheme() != null && credit.scheme().trim().equalsIgnoreCase(scheme) && credit.value() != null) {
                return credit.value();
            }
        }
        return null;
    }

    private static Person person(Elmo.Learner learner) {
        if (learner == null) {
            return null;
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (Elmo.Learner.Identifier identifier : learner.getIdentifier()) {
            identifiers.add(new Identifier(identifier.getType(), identifier.getValue()));
        }
        return new Person(learner.getGivenNames(), learner.getFamilyName(), date(learner.getBday()),
                learner.getCitizenship() == null ? null : learner.getCitizenship().value(), identifiers);
    }

    private static Institution institution(Elmo.Report report, int reportIndex) {
        Elmo.Report.Issuer issuer = report.getIssuer();
        Map<String, String> names = issuer == null ? Map.of() : texts(issuer.getTitle());
        String schac = issuer == null ? null : issuer.getIdentifier().stream()
                .filter(i -> "schac".equalsIgnoreCase(i.getType())).map(Elmo.Report.Issuer.Identifier::getValue)
                .findFirst().orElse(null);
        String country = issuer == null || issuer.getCountry() == null ? null : issuer.getCountry().value();
        List<GradingScheme> schemes = new ArrayList<>();
        for (Elmo.Report.GradingScheme scheme : report.getGradingScheme()) {
            schemes.add(new GradingScheme(scheme.getLocalId(), multiline(scheme.getDescription())));
        }
        List<LearningResult> results = new ArrayList<>();
        Walk walk = new Walk(reportIndex, results);
        for (LearningOpportunitySpecification los : report.getLearningOpportunitySpecification()) {
            walk.visit(los, null, 0, false);
        }
        int passed = (int) results.stream().filter(ResultNormaliser::passed).count();
        return new Institution(names, schac, country,
                report.getIssueDate() == null ? null : report.getIssueDate().toXMLFormat(), schemes, results,
                new Totals(results.size(), passed, plain(walk.ects)));
    }

    /** Depth-first over one report, numbering as it goes and adding ECTS credits of results without ECTS above. */
    private static final class Walk {
        private final int report;
        private final List<LearningResult> out;
        private int position;
        private BigDecimal ects = BigDecimal.ZERO;

        Walk(int report, List<LearningResult> out) {
            this.report = report;
            this.out = out;
        }

        void visit(LearningOpportunitySpecification los, String parentId, int depth, boolean ancestorHasEcts) {
            if (los == null) {
                return;
            }
            String id = "r" + report + "." + (++position);
            LearningOpportunityInstance loi = los.getSpecifies() == null ? null
                    : los.getSpecifies().getLearningOpportunityInstance();
            List<Credit> credits = new ArrayList<>();
            Integer eqf = null;
            Grade grade = null;
            String date = null;
            String status = null;
            if (loi != null) {
                for (LearningOpportunityInstance.Credit credit : loi.getCredit()) {
                    credits.add(new Credit(credit.getScheme(), credit.getValue(), credit.getLevel()));
                }
                eqf = eqfLevel(loi.getLevel());
                if (loi.getResultLabel() != null || loi.getGradingSchemeLocalId() != null) {
                    grade = new Grade(loi.getResultLabel(), loi.getGradingSchemeLocalId());
                }
                date = date(loi.getDate());
                status = loi.getStatus();
            }
            String code = los.getIdentifier().stream().filter(i -> "local".equalsIgnoreCase(i.getType()))
                    .map(LearningOpportunitySpecification.Identifier::getValue).findFirst().orElse(null);
            LearningResult result = new LearningResult(id, parentId, depth, los.getType(), code,
                    texts(los.getTitle()), date, status, grade, credits, eqf, los.getIscedCode());
            out.add(result);
            BigDecimal own = credits(result, "ECTS");
            if (own != null && !ancestorHasEcts) {
                ects = ects.add(own);
            }
            for (LearningOpportunitySpecification.HasPart part : los.getHasPart()) {
                visit(part.getLearningOpportunitySpecification(), id, depth + 1, ancestorHasEcts || own != null);
            }
        }
    }

    private static Integer eqfLevel(List<LearningOpportunityInstance.Level> levels) {
        for (LearningOpportunityInstance.Level level : levels) {
            if (level.getType() != null && "EQF".equalsIgnoreCase(level.getType().trim()) && level.getValue() != null) {
                try {
                    return Integer.valueOf(level.getValue().trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void attachments(List<Attachment> attachments, List<ReceivedResults.Attachment> out) {
        for (Attachment attachment : attachments) {
            ElmoAttachments.Described d = ElmoAttachments.describe(attachment);
            out.add(new ReceivedResults.Attachment(d.type(), d.title(), d.mediaType(), d.bytes(), d.pdf()));
        }
    }

    private static Map<String, String> texts(List<TokenWithOptionalLang> tokens) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (TokenWithOptionalLang token : tokens) {
            if (token.getValue() != null) {
                texts.putIfAbsent(language(token.getLang()), token.getValue());
            }
        }
        return texts;
    }

    private static Map<String, String> multiline(List<PlaintextMultilineStringWithOptionalLang> tokens) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (PlaintextMultilineStringWithOptionalLang token : tokens) {
            if (token.getValue() != null) {
                texts.putIfAbsent(language(token.getLang()), token.getValue());
            }
        }
        return texts;
    }

    private static String language(String lang) {
        return lang == null || lang.isBlank() ? UNDETERMINED : lang.trim();
    }

    /** {@code YYYY-MM-DD} of a date or date-time, whatever zone it carries; null when not given. */
    private static String date(XMLGregorianCalendar value) {
        if (value == null || value.getYear() == DatatypeConstants.FIELD_UNDEFINED
                || value.getMonth() == DatatypeConstants.FIELD_UNDEFINED
                || value.getDay() == DatatypeConstants.FIELD_UNDEFINED) {
            return value == null ? null : value.toXMLFormat();
        }
        return String.format("%04d-%02d-%02d", value.getYear(), value.getMonth(), value.getDay());
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
