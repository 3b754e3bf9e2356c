package org.edurecords.ncp.competence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Identifier;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.Level;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.edurecords.ncp.web.TextBundle;

/**
 * Upper-secondary and vocational credentials as the learning results of their issuer (ADR 0872): each issuer (a
 * school, a county) is an institution of its own, a diploma or a certificate a {@code Degree Programme} with the
 * EQF level, a diploma's subjects its courses with their grade, grading scheme and hours as engagement hours. So an
 * EMREX transfer selects, previews, signs and records them like any result, with one ELMO writer for all. Licences,
 * authorisations and recognition decisions are never turned into learning opportunities.
 */
public final class CredentialResults {

    /** The grading schemes of the education kinds, by the scale names of the import format. */
    public static final String SCALE_1_6 = "1-6";
    public static final String SCALE_PASS_FAIL = "pass-fail";
    /** The identifier type of an issuer's organisation number (the ELMO schema allows custom types). */
    public static final String ORGANISATION_NUMBER = "organisation-number";
    static final String DEGREE_PROGRAMME = "Degree Programme";
    static final String COURSE = "Course";
    static final String CLASS = "Class";

    private CredentialResults() {
    }

    /**
     * The education credentials among {@code credentials} that stand on {@code day} (a revoked or suspended one is no
     * result to send), grouped by issuer in the order given.
     */
    public static List<InstitutionResults> of(List<Credential> credentials, Set<CredentialKind> kinds, LocalDate day,
            String serviceUrl) {
        Map<String, List<Credential>> byIssuer = new LinkedHashMap<>();
        for (Credential credential : credentials) {
            CredentialStatus status = credential.statusOn(day);
            if (!credential.kind().learningResult() || !kinds.contains(credential.kind())
                    || status == CredentialStatus.REVOKED || status == CredentialStatus.SUSPENDED) {
                continue;
            }
            byIssuer.computeIfAbsent(issuerKey(credential), k -> new ArrayList<>()).add(credential);
        }
        List<InstitutionResults> all = new ArrayList<>();
        for (Map.Entry<String, List<Credential>> issuer : byIssuer.entrySet()) {
            Credential first = issuer.getValue().get(0);
            List<Identifier> identifiers = first.issuerId() == null || first.issuerId().isBlank() ? List.of()
                    : List.of(new Identifier(ORGANISATION_NUMBER, first.issuerId()));
            Institution institution = new Institution(derivedId("issuer:" + issuer.getKey()), null, null,
                    first.issuerCountry(), LocalizedText.of(nameLanguage(first.issuerCountry()), first.issuerName()),
                    issuerUrl(first, serviceUrl), null, identifiers);
            List<LearningOpportunity> roots = issuer.getValue().stream().map(CredentialResults::opportunity).toList();
            all.add(new InstitutionResults(institution, roots, gradingSchemes(), List.of()).newestFirst());
        }
        return all;
    }

    /**
     * ELMO requires an issuer URL, which a register of credentials does not give: a Norwegian issuer is found by its
     * organisation number in the Central Coordinating Register for Legal Entities; any other by this service, which
     * holds the credential.
     */
    static String issuerUrl(Credential c, String serviceUrl) {
        if ("NO".equals(c.issuerCountry()) && c.issuerId() != null && c.issuerId().matches("\\d{9}")) {
            return "https://data.brreg.no/enhetsregisteret/oppslag/enheter/" + c.issuerId();
        }
        return serviceUrl;
    }

    /**
     * The language of an issuer's name, which a register gives without one: the name a public body is registered
     * under is in its country's language (ELMO readers choose titles by {@code xml:lang}); elsewhere unknown.
     */
    static String nameLanguage(String country) {
        return switch (country == null ? "" : country) {
            case "NO" -> "no";
            case "SE" -> "sv";
            case "DK" -> "da";
            case "FI" -> "fi";
            case "IS" -> "is";
            default -> LocalizedText.UNDETERMINED;
        };
    }

    private static String issuerKey(Credential c) {
        return Objects.toString(c.issuerCountry(), "") + "|" + Objects.toString(c.issuerId(), "") + "|"
                + c.issuerName();
    }

    private static LearningOpportunity opportunity(Credential credential) {
        List<Identifier> identifiers = credential.number() == null ? List.of()
                : List.of(new Identifier("certificate-number", credential.number()));
        String base = "credential:" + credential.id();
        if (credential.kind() == CredentialKind.VOCATIONAL) {
            ResultInstance result = new ResultInstance(null, credential.issuedOn(), ResultStatus.PASSED, "passed",
                    null, SCALE_PASS_FAIL, null, null, null, null, List.of(eqf4()), null, identifiers);
            return new LearningOpportunity(derivedId(base), credential.number(), credential.title(), DEGREE_PROGRAMME,
                    result, List.of());
        }
        CredentialDetails.UpperSecondary diploma = credential.details(CredentialDetails.UpperSecondary.class);
        List<CredentialDetails.Subject> subjects = diploma.subjects() == null ? List.of() : diploma.subjects();
        boolean complete = subjects.stream().allMatch(s -> status(s) == ResultStatus.PASSED);
        List<LearningOpportunity> courses = courses(base, credential.issuedOn(), subjects);
        // A certificate of competence (a subject not passed) is no complete qualification, so it carries no level.
        ResultInstance result = new ResultInstance(null, credential.issuedOn(), ResultStatus.PASSED, null, null, null,
                null, null, null, null, complete ? List.of(eqf4()) : List.of(), null, identifiers);
        return new LearningOpportunity(derivedId(base), credential.number(), credential.title(), DEGREE_PROGRAMME,
                result, courses);
    }

    /**
     * A course per subject code; a subject graded more than once (overall achievement and an exam) keeps its first
     * grade on the course and has the others as its classes, so a subject code names one course of the issuer.
     */
    private static List<LearningOpportunity> courses(String base, LocalDate day,
            List<CredentialDetails.Subject> subjects) {
        Map<String, List<CredentialDetails.Subject>> byCode = new LinkedHashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            CredentialDetails.Subject subject = subjects.get(i);
            String code = subject.code() == null || subject.code().isBlank() ? "#" + i : subject.code();
            byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(subject);
        }
        List<LearningOpportunity> courses = new ArrayList<>();
        for (Map.Entry<String, List<CredentialDetails.Subject>> entry : byCode.entrySet()) {
            List<CredentialDetails.Subject> graded = entry.getValue();
            CredentialDetails.Subject first = graded.get(0);
            String path = base + "/" + entry.getKey();
            List<LearningOpportunity> classes = new ArrayList<>();
            for (int i = 1; i < graded.size(); i++) {
                CredentialDetails.Subject other = graded.get(i);
                classes.add(new LearningOpportunity(derivedId(path + "/" + i), first.code(), assessment(other),
                        CLASS, result(other, day), List.of()));
            }
            LocalizedText title = LocalizedText.fromMap(first.title());
            if (first.assessment() != null && !"overall".equals(first.assessment())) {
                title = withAssessment(title, first.assessment());
            }
            courses.add(new LearningOpportunity(derivedId(path), first.code(), title, COURSE, result(first, day),
                    classes));
        }
        return courses;
    }

    private static ResultInstance result(CredentialDetails.Subject subject, LocalDate day) {
        String scale = SCALE_PASS_FAIL.equals(subject.scale()) ? SCALE_PASS_FAIL : SCALE_1_6;
        return new ResultInstance(null, day, status(subject), subject.grade(), null, scale, null, null, null, null,
                List.of(), subject.hours() == null ? null : BigDecimal.valueOf(subject.hours()), List.of());
    }

    static ResultStatus status(CredentialDetails.Subject subject) {
        if (subject.exempt()) {
            // Fritatt: the subject's requirement is met without a grade (its label says "exempt", ADR 0873).
            return ResultStatus.PASSED;
        }
        if (SCALE_PASS_FAIL.equals(subject.scale())) {
            return "passed".equals(subject.grade()) ? ResultStatus.PASSED : ResultStatus.FAILED;
        }
        // On the 1-6 scale 1 is the one grade that is not a pass.
        return "1".equals(subject.grade()) ? ResultStatus.FAILED : ResultStatus.PASSED;
    }

    /** How a subject was assessed, in every language of the service. */
    private static LocalizedText assessment(CredentialDetails.Subject subject) {
        String key = "comp_assessment_" + Objects.toString(subject.assessment(), "overall").replace('-', '_');
        return inEveryLanguage(key);
    }

    /** A subject's title with its kind of assessment, where the service speaks the title's language. */
    private static LocalizedText withAssessment(LocalizedText title, String assessment) {
        LocalizedText named = LocalizedText.EMPTY;
        String key = "comp_assessment_" + assessment.replace('-', '_');
        for (var text : title.all()) {
            String word = TextBundle.of("comp", Locale.forLanguageTag(text.language())).find(key);
            boolean spoken = LocalizedText.serviceLanguages().contains(text.language());
            named = named.with(text.language(), spoken && word != null ? text.text() + ", " + word : text.text());
        }
        return named;
    }

    private static LocalizedText inEveryLanguage(String key) {
        LocalizedText all = LocalizedText.EMPTY;
        for (String language : LocalizedText.serviceLanguages()) {
            String text = TextBundle.of("comp", Locale.forLanguageTag(language)).find(key);
            if (text != null) {
                all = all.with(language, text);
            }
        }
        return all;
    }

    private static Level eqf4() {
        return new Level("EQF", "4", inEveryLanguage("comp_elmo_level_eqf4"));
    }

    private static List<GradingScheme> gradingSchemes() {
        return List.of(new GradingScheme(SCALE_1_6, inEveryLanguage("comp_elmo_scale_1_6")),
                new GradingScheme(SCALE_PASS_FAIL, inEveryLanguage("comp_elmo_scale_pass_fail")));
    }

    static long derivedId(String path) {
        return LearningOpportunity.derivedId(path);
    }
}
