package org.edurecords.ncp.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;

import org.edurecords.ncp.elmo.ElmoAttachments;
import org.edurecords.ncp.elmo.ElmoJaxb;
import org.edurecords.ncp.elmo.model.Attachment;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification;
import org.edurecords.ncp.elmo.model.LearningOpportunitySpecification.Specifies.LearningOpportunityInstance;
import org.edurecords.ncp.elmo.model.TokenWithOptionalLang;
import org.edurecords.ncp.verify.VerificationReport.AttachmentInfo;
import org.edurecords.ncp.verify.VerificationReport.Learner;
import org.edurecords.ncp.verify.VerificationReport.Report;
import org.edurecords.ncp.verify.VerificationReport.Result;
import org.edurecords.ncp.verify.VerificationReport.Summary;
import org.edurecords.ncp.verify.VerificationReport.Totals;
import org.w3c.dom.Document;

/** Reads the structured summary a receiver imports out of an ELMO v1 document. */
public final class ElmoSummaries {

    /** The summary, or the reason why there is none. */
    public record Extracted(Summary summary, String problem) {
    }

    private ElmoSummaries() {
    }

    public static Extracted extract(Document document) {
        if (!ElmoVerifier.ELMO_NS.equals(document.getDocumentElement().getNamespaceURI())) {
            return new Extracted(null, "not an ELMO v1 document (namespace "
                    + document.getDocumentElement().getNamespaceURI() + "); no summary");
        }
        Elmo elmo;
        try {
            Object parsed = ElmoJaxb.context().createUnmarshaller().unmarshal(document);
            elmo = (Elmo) (parsed instanceof JAXBElement<?> element ? element.getValue() : parsed);
        } catch (JAXBException | RuntimeException e) {
            return new Extracted(null, "the document's content could not be read: " + e.getMessage());
        }
        return new Extracted(summarise(elmo), null);
    }

    public static Summary summarise(Elmo elmo) {
        Elmo.Learner l = elmo.getLearner();
        Learner learner = l == null ? null : new Learner(l.getGivenNames(), l.getFamilyName(),
                l.getBday() == null ? null : l.getBday().toXMLFormat(),
                l.getCitizenship() == null ? null : l.getCitizenship().value());
        List<Report> reports = new ArrayList<>();
        int results = 0;
        int passed = 0;
        BigDecimal credits = BigDecimal.ZERO;
        for (Elmo.Report report : elmo.getReport()) {
            Report r = report(report);
            reports.add(r);
            results += r.totals().results();
            passed += r.totals().passed();
            credits = credits.add(new BigDecimal(r.totals().credits()));
        }
        return new Summary(elmo.getGeneratedDate() == null ? null : elmo.getGeneratedDate().toXMLFormat(), learner,
                reports, new Totals(results, passed, credits.stripTrailingZeros().toPlainString()),
                attachments(elmo.getAttachment()));
    }

    private static Report report(Elmo.Report report) {
        List<Result> results = new ArrayList<>();
        BigDecimal[] credits = {BigDecimal.ZERO};
        for (LearningOpportunitySpecification los : report.getLearningOpportunitySpecification()) {
            flatten(los, 0, results, credits);
        }
        Elmo.Report.Issuer issuer = report.getIssuer();
        String schac = issuer == null ? null : issuer.getIdentifier().stream()
                .filter(i -> "schac".equalsIgnoreCase(i.getType())).map(Elmo.Report.Issuer.Identifier::getValue)
                .findFirst().orElse(null);
        int passed = (int) results.stream().filter(r -> r.status() == null || "passed".equalsIgnoreCase(r.status()))
                .count();
        return new Report(issuer == null ? null : english(issuer.getTitle()), schac,
                issuer == null || issuer.getCountry() == null ? null : issuer.getCountry().value(),
                report.getIssueDate() == null ? null : report.getIssueDate().toXMLFormat(), results,
                new Totals(results.size(), passed, credits[0].stripTrailingZeros().toPlainString()),
                attachments(report.getAttachment()));
    }

    private static void flatten(LearningOpportunitySpecification los, int depth, List<Result> out, BigDecimal[] total) {
        LearningOpportunityInstance loi = los.getSpecifies() == null ? null
                : los.getSpecifies().getLearningOpportunityInstance();
        String credits = null;
        if (loi != null) {
            for (LearningOpportunityInstance.Credit credit : loi.getCredit()) {
                // Real NCPs write ECTS and ects; clients compare without case.
                if ("ects".equalsIgnoreCase(credit.getScheme()) && credit.getValue() != null) {
                    credits = credit.getValue().stripTrailingZeros().toPlainString();
                    total[0] = total[0].add(credit.getValue());
                }
            }
        }
        String code = los.getIdentifier().stream().filter(i -> "local".equalsIgnoreCase(i.getType()))
                .map(LearningOpportunitySpecification.Identifier::getValue).findFirst().orElse(null);
        out.add(new Result(depth, code, english(los.getTitle()), los.getType(),
                loi == null || loi.getDate() == null ? null : loi.getDate().toXMLFormat(),
                loi == null ? null : loi.getResultLabel(), credits, loi == null ? null : loi.getStatus()));
        for (LearningOpportunitySpecification.HasPart part : los.getHasPart()) {
            flatten(part.getLearningOpportunitySpecification(), depth + 1, out, total);
        }
    }

    private static List<AttachmentInfo> attachments(List<Attachment> attachments) {
        List<AttachmentInfo> out = new ArrayList<>();
        for (Attachment a : attachments) {
            ElmoAttachments.Described d = ElmoAttachments.describe(a);
            out.add(new AttachmentInfo(d.type(), d.title(), d.mediaType(), d.bytes(), d.pdf()));
        }
        return out;
    }

    private static String english(List<TokenWithOptionalLang> titles) {
        return ElmoAttachments.english(titles);
    }
}
