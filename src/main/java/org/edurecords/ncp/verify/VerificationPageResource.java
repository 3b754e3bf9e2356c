package org.edurecords.ncp.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.verify.VerificationReport.SignatureInfo;
import org.edurecords.ncp.verify.VerificationReport.Step;
import org.edurecords.ncp.web.ErrorAnswers;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.PageContext;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The verification page for people: a recipient uploads the PDF transcript or the ELMO file, or pastes the
 * {@code elmo} value, and reads in plain words who sealed it, when, whether it is unchanged, and what it says.
 * An ELMO goes through the same {@link ElmoVerifier} as {@code POST /api/verify}; a PDF, which does not carry
 * the ELMO document, through {@link PdfSealVerifier} (its own PAdES seal). The page says which was checked.
 * <p>
 * Its body limit is the verifier's ({@code ncp.verify.max-request-bytes}, web/RequestLimits) and it shares the
 * verifier's slots ({@code ncp.verify.max-concurrent}, {@link VerifyPermits}, taken in {@link VerifyRoute}).
 */
@Path(VerificationPageResource.PATH)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class VerificationPageResource {

    public static final String PATH = "/verification";

    /** The outcomes the page explains; each has a heading and a text in the message bundle. */
    public enum Outcome {
        VALID, CHANGED, BROKEN, UNSIGNED, UNKNOWN_SIGNER, PROBLEM, UNREADABLE;

        public String headingKey() {
            return "verification_outcome_" + name().toLowerCase(Locale.ROOT);
        }

        public String textKey() {
            return "verification_outcome_" + name().toLowerCase(Locale.ROOT) + "_text";
        }

        public boolean good() {
            return this == VALID;
        }
    }

    /** One result as the page shows it. */
    public record ResultView(String indentClass, String code, String title, String date, String grade,
            String credits, String statusKey) {
    }

    /** One institution's report: who issued which results. */
    public record ReportView(String issuer, String identifiers, String issueDate, List<ResultView> results,
            String totalCredits) {
    }

    /**
     * Everything the answer page says.
     *
     * @param pdf            whether a PDF's own seal was checked (else the signed ELMO document)
     * @param organisation   the O= of the signing certificate, else its whole subject
     * @param ncpName        the NCP as the registry knows it (this service: its configured name), or null
     * @param expiredOn      the date the registry certificate expired, or null when it is within its validity
     * @param claimedSigner  for an unknown signer: whom the seal names (not trusted)
     */
    public record Verdict(Outcome outcome, boolean pdf, String organisation, String subject, String ncpName,
            String sealedAt, String expiredOn, boolean expiredWhenSealed, String claimedSigner, String documentId,
            String learnerName, String birthDate, List<ReportView> reports, List<Step> steps) {

        /** What the document says is shown only when the seal vouches for it. */
        public boolean showSummary() {
            return !pdf && (outcome == Outcome.VALID || outcome == Outcome.PROBLEM) && (learnerName != null || !reports.isEmpty());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String problemKey, int maxMegabytes);

        static native TemplateInstance answer(Verdict verdict);
    }

    @Inject
    VerificationService verifier;

    @Inject
    PageContext page;

    @Inject
    NcpConfig config;

    @Inject
    java.time.Clock clock;

    @GET
    public Response form() {
        return page.html(Templates.form(null, maxMegabytes()), 200);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response verify(@RestForm("document") FileUpload document, @RestForm("elmo") String elmo) {
        byte[] file = read(document);
        boolean pasted = elmo != null && !elmo.isBlank();
        if (file == null && !pasted) {
            return refuse(400, "nothing to verify", "verification_problem_empty");
        }
        if (file != null && pasted) {
            return refuse(400, "both a file and a pasted value", "verification_problem_both");
        }
        Verdict verdict;
        if (file != null && isPdf(file)) {
            verdict = fromPdf(verifier.verifyPdf(file));
        } else {
            String value = file == null ? elmo : elmoValue(file);
            verdict = fromElmo(verifier.verify(new VerifyRequest(withoutWhitespace(value), null, null, null, null)));
        }
        if (verdict.outcome() == Outcome.UNREADABLE) {
            ErrorAnswers.logRefusal("POST", PATH, 422, "not a document that can be read");
            return page.html(Templates.answer(verdict), 422);
        }
        return page.html(Templates.answer(verdict), 200);
    }

    private Response refuse(int status, String reason, String problemKey) {
        ErrorAnswers.logRefusal("POST", PATH, status, reason);
        return page.html(Templates.form(problemKey, maxMegabytes()), status);
    }

    private int maxMegabytes() {
        return Math.max(1, config.verify().maxRequestBytes() / 1_000_000);
    }

    private static byte[] read(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null || upload.size() == 0) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(upload.uploadedFile());
            return bytes.length == 0 ? null : bytes;
        } catch (IOException e) {
            return null;
        }
    }

    /** A PDF starts with its header, which readers accept within the first 1024 bytes. */
    static boolean isPdf(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    /**
     * What to give the verifier for an uploaded file: an XML document (the share link's ELMO download) or a
     * gzip file is encoded as EMREX sends it, anything else is taken as the {@code elmo} value in a text file.
     */
    static String elmoValue(byte[] file) {
        if (file.length >= 2 && (file[0] & 0xff) == 0x1f && (file[1] & 0xff) == 0x8b) {
            return java.util.Base64.getEncoder().encodeToString(file);
        }
        String text = new String(file, StandardCharsets.UTF_8);
        String stripped = text.startsWith("\uFEFF") ? text.substring(1).strip() : text.strip();
        if (stripped.startsWith("<")) {
            return TransferEncoding.encode(file);
        }
        return stripped;
    }

    /** A value copied from a page or a mail may be broken into lines; the base64 alphabet has no white space. */
    private static String withoutWhitespace(String value) {
        return value == null ? "" : value.replaceAll("\\s+", "");
    }

    // --- from the verifiers' reports to what a person reads

    Verdict fromElmo(VerificationReport report) {
        Locale locale = page.locale();
        boolean unreadable = report.steps().stream().anyMatch(s -> s.verdict() == VerificationReport.Verdict.FAIL
                && List.of("base64", "gunzip", "parse").contains(s.name())) || report.summary() == null;
        SignatureInfo signature = report.signature();
        Outcome outcome;
        if (unreadable) {
            outcome = Outcome.UNREADABLE;
        } else if (signature == null || signature.failure() != null) {
            outcome = signature == null ? Outcome.UNSIGNED : Outcome.valueOf(signature.failure());
        } else {
            outcome = report.valid() ? Outcome.VALID : Outcome.PROBLEM;
        }
        VerificationReport.Summary summary = report.summary();
        Instant sealedAt = summary == null ? null : instant(summary.generatedDate());
        String sha256 = signature == null || signature.verifiedBy() == null ? null
                : signature.verifiedBy().certificateSha256();
        Seal seal = seal(sha256, sealedAt);
        List<ReportView> reports = new ArrayList<>();
        String learnerName = null;
        String birthDate = null;
        if (summary != null && outcome != Outcome.UNREADABLE) {
            if (summary.learner() != null) {
                learnerName = join(summary.learner().givenNames(), summary.learner().familyName());
                birthDate = date(summary.learner().birthDate(), locale);
            }
            for (VerificationReport.Report r : summary.reports()) {
                reports.add(reportView(r, locale));
            }
        }
        String claimed = outcome == Outcome.UNKNOWN_SIGNER && signature != null ? signature.claimedSigner() : null;
        return new Verdict(outcome, false, seal.organisation(), seal.subject(), seal.ncpName(),
                Formats.dateTime(sealedAt, config.timeZone(), locale), seal.expiredOn(), seal.expiredWhenSealed(),
                claimed, null, learnerName, birthDate, reports, report.steps());
    }

    Verdict fromPdf(PdfSealVerifier.Report report) {
        Locale locale = page.locale();
        Outcome outcome = report.valid() ? Outcome.VALID
                : Outcome.valueOf(report.failure());
        String sha256 = report.verifiedBy() == null ? null : report.verifiedBy().certificateSha256();
        Seal seal = seal(sha256, report.signingTime());
        String claimed = outcome == Outcome.UNKNOWN_SIGNER ? report.signerSubject() : null;
        String learnerName = null;
        String title = report.title();
        // The transcript's title is "Transcript of records – <learner>", both in the sealed part of the file.
        if (outcome != Outcome.UNREADABLE && title != null && title.contains(" \u2013 ")) {
            learnerName = title.substring(title.indexOf(" \u2013 ") + 3).strip();
        }
        return new Verdict(outcome, true, seal.organisation(), seal.subject(), seal.ncpName(),
                Formats.dateTime(report.signingTime(), config.timeZone(), locale), seal.expiredOn(),
                seal.expiredWhenSealed(), claimed, outcome == Outcome.UNREADABLE ? null : report.documentId(),
                learnerName, null, List.of(), report.steps());
    }

    private record Seal(String organisation, String subject, String ncpName, String expiredOn, boolean expiredWhenSealed) {
    }

    /** Who sealed, from the registry certificate that verified the seal. */
    private Seal seal(String sha256, Instant sealedAt) {
        Optional<VerificationService.Published> published = verifier.published(sha256);
        if (published.isEmpty()) {
            return new Seal(null, null, null, null, false);
        }
        X509Certificate cert = published.get().certificate();
        String subject = cert.getSubjectX500Principal().getName();
        var entry = published.get().entry();
        String ncpName = "self".equals(entry.origin())
                ? config.name() + (entry.acronym() == null || entry.acronym().isBlank() ? "" : " (" + entry.acronym() + ")")
                : entry.label() + (entry.countryCode() == null ? "" : " (" + entry.countryCode() + ")");
        Instant notAfter = cert.getNotAfter().toInstant();
        boolean expired = clock.instant().isAfter(notAfter);
        return new Seal(organisation(subject), subject, ncpName,
                expired ? Formats.date(LocalDate.ofInstant(notAfter, config.timeZone()), page.locale()) : null,
                expired && sealedAt != null && sealedAt.isAfter(notAfter));
    }

    /** The organisation (O=) of a subject, else the common name, else the whole subject. */
    static String organisation(String subject) {
        try {
            String common = null;
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if ("O".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    common = String.valueOf(rdn.getValue());
                }
            }
            return common != null ? common : subject;
        } catch (InvalidNameException e) {
            return subject;
        }
    }

    private static ReportView reportView(VerificationReport.Report r, Locale locale) {
        List<ResultView> results = new ArrayList<>();
        for (VerificationReport.Result result : r.results()) {
            results.add(new ResultView("depth-" + Math.min(result.depth(), 4), result.code(), result.title(),
                    date(result.date(), locale), result.grade(), credits(result.credits(), locale),
                    statusKey(result.status())));
        }
        List<String> ids = new ArrayList<>();
        if (r.schac() != null) {
            ids.add(r.schac());
        }
        if (r.country() != null) {
            ids.add(r.country());
        }
        return new ReportView(r.issuer(), String.join(", ", ids), date(r.issueDate(), locale), results,
                credits(r.totals().credits(), locale));
    }

    private static String statusKey(String status) {
        if (status == null || "passed".equalsIgnoreCase(status)) {
            return "status_passed";
        }
        if ("failed".equalsIgnoreCase(status)) {
            return "status_failed";
        }
        return "status_in_progress";
    }

    private static String credits(String credits, Locale locale) {
        if (credits == null) {
            return "";
        }
        try {
            return Formats.credits(new BigDecimal(credits), locale);
        } catch (NumberFormatException e) {
            return credits;
        }
    }

    /** An xs:date or xs:dateTime as the reader's date. */
    private static String date(String value, Locale locale) {
        if (value == null || value.length() < 10) {
            return value == null ? "" : value;
        }
        try {
            return Formats.date(LocalDate.parse(value.substring(0, 10)), locale);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static Instant instant(String dateTime) {
        if (dateTime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(dateTime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String join(String given, String family) {
        String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return name.isEmpty() ? null : name;
    }
}
