package org.edurecords.ncp.receiving.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.edurecords.ncp.receiving.ReceivedResults;
import org.edurecords.ncp.receiving.ReceivedResults.Institution;
import org.edurecords.ncp.receiving.ReceivedResults.LearningResult;
import org.edurecords.ncp.receiving.ResultNormaliser;
import org.edurecords.ncp.receiving.profile.Evaluation.ConditionVerdict;
import org.edurecords.ncp.receiving.profile.Evaluation.Outcome;
import org.edurecords.ncp.receiving.profile.GradeScales.Comparison;
import org.edurecords.ncp.receiving.profile.GradeScales.Threshold;
import org.edurecords.ncp.receiving.profile.RequirementProfile.All;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Any;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Condition;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Credits;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Filters;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Grade;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Passed;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Qualification;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Selection;

/**
 * A requirement profile over one applicant's results, in three values per condition (met, not met, undecided) and
 * one outcome for the case system: {@code met} only on verified, matching, strongly signed results of a known
 * provider; {@code needs_review} whenever a person must look; {@code not_met} otherwise. Pure: no state, no I/O.
 */
public final class ProfileEvaluator {

    /** The words of {@link Evaluation#reviewReasons()}. */
    public static final String NOT_VERIFIED = "not_verified";
    public static final String LEARNER_MISMATCH = "learner_mismatch";
    public static final String LEARNER_PARTIAL_MATCH = "learner_partial_match";
    public static final String LEARNER_NOT_CHECKED = "learner_not_checked";
    public static final String WEAK_SIGNATURE = "weak_signature";
    public static final String UNKNOWN_PROVIDER = "unknown_provider";
    public static final String PARTIAL_SOURCES = "partial_sources";
    public static final String UNKNOWN_GRADING_SCHEME = "unknown_grading_scheme";
    public static final String OTHER_GRADING_SCALE = "other_grading_scale";
    public static final String NO_GRADE = "no_grade";
    public static final String UNKNOWN_EQF_LEVEL = "unknown_eqf_level";
    public static final String UNKNOWN_DATE = "unknown_date";
    public static final String UNKNOWN_COUNTRY = "unknown_country";
    public static final String COMPETENCE_NOT_VERIFIED = "competence_not_verified";
    public static final String COMPETENCE_INVALID = "competence_invalid";

    /** The kinds of credential that stand while valid and in their validity; the others stand once issued. */
    private static final Set<String> WITH_VALIDITY = Set.of("licence", "authorisation");

    private static final Pattern QUALIFICATION_TYPE = Pattern.compile(
            "(?i).*(degree|programme|program|qualification|diploma).*");

    private ProfileEvaluator() {
    }

    /**
     * @param day the day of the evaluation (from the service's clock): a credential counts only when it stands on it
     */
    public static Evaluation evaluate(RequirementProfile profile, ReceivedResults results, EvidenceQuality quality,
            LocalDate day) {
        Run run = new Run(results, quality, day);
        Node root = run.condition(profile.require(), "require");
        Set<String> reasons = new LinkedHashSet<>();
        if (!quality.verified()) {
            reasons.add(NOT_VERIFIED);
        }
        String match = quality.learnerMatch() == null ? "NOT_CHECKED" : quality.learnerMatch().toUpperCase(Locale.ROOT);
        switch (match) {
            case "MATCH" -> { }
            case "MISMATCH" -> reasons.add(LEARNER_MISMATCH);
            case "PARTIAL" -> reasons.add(LEARNER_PARTIAL_MATCH);
            default -> reasons.add(LEARNER_NOT_CHECKED);
        }
        if (quality.weakSignature()) {
            reasons.add(WEAK_SIGNATURE);
        }
        if (!quality.knownProvider()) {
            reasons.add(UNKNOWN_PROVIDER);
        }
        // Competence evidence that did not verify or is not of its format never counts, whatever it says.
        for (String problem : List.of(COMPETENCE_NOT_VERIFIED, COMPETENCE_INVALID)) {
            if (quality.competenceProblems().contains(problem)) {
                reasons.add(problem);
            }
        }
        if (root.verdict == Verdict.UNDECIDED) {
            reasons.addAll(root.reasons);
        }
        if (root.verdict == Verdict.NOT_MET && quality.partial()) {
            reasons.add(PARTIAL_SOURCES);
        }
        Outcome outcome = !reasons.isEmpty() || root.verdict == Verdict.UNDECIDED ? Outcome.NEEDS_REVIEW
                : root.verdict == Verdict.MET ? Outcome.MET : Outcome.NOT_MET;
        return new Evaluation(outcome, profile.id(), profile.version(), run.verdicts, List.copyOf(reasons));
    }

    /** Whether a result counts as a qualification: by its type, or a result without type at the top. */
    public static boolean isQualification(LearningResult result) {
        return result.type() == null ? result.depth() == 0 : QUALIFICATION_TYPE.matcher(result.type()).matches();
    }

    /** One condition's verdict with the results behind it and, when undecided, why. */
    private record Node(Verdict verdict, List<String> ids, String detail, Set<String> reasons) {
    }

    /** A result with the institution that reports it. */
    private record Candidate(LearningResult result, Institution institution) {
    }

    private static final class Run {
        final ReceivedResults results;
        final EvidenceQuality quality;
        final LocalDate day;
        final List<ConditionVerdict> verdicts = new ArrayList<>();

        Run(ReceivedResults results, EvidenceQuality quality, LocalDate day) {
            this.results = results;
            this.quality = quality;
            this.day = day;
        }

        Node condition(Condition condition, String path) {
            int at = verdicts.size();
            verdicts.add(null);
            Node node;
            if (condition instanceof All all) {
                node = combine(all.conditions(), path + ".all", true);
            } else if (condition instanceof Any any) {
                node = combine(any.conditions(), path + ".any", false);
            } else if (condition instanceof Qualification q) {
                node = qualification(q);
            } else if (condition instanceof Credits c) {
                node = credits(c);
            } else if (condition instanceof Passed p) {
                node = passed(p);
            } else if (condition instanceof RequirementProfile.Credential k) {
                node = credential(k);
            } else {
                node = grade((Grade) condition);
            }
            verdicts.set(at, new ConditionVerdict(path, condition.kind(), node.verdict, node.ids, node.detail));
            return node;
        }

        private Node combine(List<Condition> conditions, String path, boolean all) {
            Verdict verdict = all ? Verdict.MET : Verdict.NOT_MET;
            Set<String> ids = new LinkedHashSet<>();
            Set<String> reasons = new LinkedHashSet<>();
            int met = 0;
            for (int i = 0; i < conditions.size(); i++) {
                Node child = condition(conditions.get(i), path + "[" + i + "]");
                verdict = all ? verdict.and(child.verdict) : verdict.or(child.verdict);
                if (child.verdict == Verdict.MET) {
                    met++;
                    ids.addAll(child.ids);
                } else if (child.verdict == Verdict.UNDECIDED) {
                    reasons.addAll(child.reasons);
                }
            }
            String detail = met + " of " + conditions.size() + " conditions met"
                    + (all ? ", all required" : ", one required");
            return new Node(verdict, List.copyOf(ids), detail, verdict == Verdict.UNDECIDED ? reasons : Set.of());
        }

        private Node qualification(Qualification q) {
            List<String> met = new ArrayList<>();
            Set<String> reasons = new LinkedHashSet<>();
            boolean possible = false;
            Integer highest = null;
            for (Candidate c : candidates()) {
                LearningResult r = c.result();
                if (!isQualification(r) || !ResultNormaliser.passed(r)) {
                    continue;
                }
                Set<String> why = new LinkedHashSet<>();
                Verdict verdict = filters(q.filters(), c, why);
                if (r.eqfLevel() != null && (highest == null || r.eqfLevel() > highest)) {
                    highest = r.eqfLevel();
                }
                if (q.minEqfLevel() != null) {
                    if (r.eqfLevel() == null) {
                        why.add(UNKNOWN_EQF_LEVEL);
                        verdict = verdict.and(Verdict.UNDECIDED);
                    } else {
                        verdict = verdict.and(Verdict.of(r.eqfLevel() >= q.minEqfLevel()));
                    }
                }
                if (verdict == Verdict.MET) {
                    met.add(r.id());
                } else if (verdict == Verdict.UNDECIDED) {
                    possible = true;
                    reasons.addAll(why);
                }
            }
            String wanted = q.minEqfLevel() == null ? "a completed qualification"
                    : "a completed qualification at EQF level " + q.minEqfLevel() + " or higher";
            if (!met.isEmpty()) {
                return new Node(Verdict.MET, met, met.size() + " found: " + wanted, Set.of());
            }
            String found = highest == null ? "" : " (highest EQF level found: " + highest + ")";
            if (possible) {
                return new Node(Verdict.UNDECIDED, List.of(), "undecided: " + wanted + found, reasons);
            }
            return new Node(Verdict.NOT_MET, List.of(), "none found: " + wanted + found, Set.of());
        }

        private Node credits(Credits c) {
            BigDecimal certain = BigDecimal.ZERO;
            BigDecimal possible = BigDecimal.ZERO;
            List<String> ids = new ArrayList<>();
            Set<String> reasons = new LinkedHashSet<>();
            for (Institution institution : results.institutions()) {
                Map<String, List<LearningResult>> parts = new HashMap<>();
                List<LearningResult> top = new ArrayList<>();
                for (LearningResult r : institution.results()) {
                    if (r.parentId() == null) {
                        top.add(r);
                    } else {
                        parts.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
                    }
                }
                for (LearningResult r : top) {
                    certain = certain.add(count(c, r, institution, parts, false, ids, reasons));
                    possible = possible.add(count(c, r, institution, parts, true, new ArrayList<>(), reasons));
                }
            }
            // Counting an undecided result instead of its parts could give less than its parts: never below certain.
            possible = possible.max(certain);
            String detail = plain(certain) + " of " + plain(c.atLeast()) + " " + c.scheme();
            if (certain.compareTo(c.atLeast()) >= 0) {
                return new Node(Verdict.MET, ids, detail, Set.of());
            }
            if (possible.compareTo(c.atLeast()) >= 0) {
                return new Node(Verdict.UNDECIDED, List.of(), detail + " certain, " + plain(possible) + " possible",
                        reasons);
            }
            return new Node(Verdict.NOT_MET, List.of(), detail, Set.of());
        }

        /** The credits a result counts, else those of its parts: never a result and its parts both. */
        private BigDecimal count(Credits c, LearningResult r, Institution institution,
                Map<String, List<LearningResult>> parts, boolean includeUndecided, List<String> ids,
                Set<String> reasons) {
            BigDecimal own = ResultNormaliser.credits(r, c.scheme());
            if (own != null && ResultNormaliser.passed(r) && selectedForCredits(c, r)) {
                Set<String> why = new LinkedHashSet<>();
                Verdict verdict = filters(c.filters(), new Candidate(r, institution), why);
                if (verdict == Verdict.MET || (includeUndecided && verdict == Verdict.UNDECIDED)) {
                    ids.add(r.id());
                    return own;
                }
                if (verdict == Verdict.UNDECIDED) {
                    reasons.addAll(why);
                }
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (LearningResult part : parts.getOrDefault(r.id(), List.of())) {
                sum = sum.add(count(c, part, institution, parts, includeUndecided, ids, reasons));
            }
            return sum;
        }

        private static boolean selectedForCredits(Credits c, LearningResult r) {
            if (c.iscedCodes().isEmpty() && c.courseCodes().isEmpty()) {
                return true;
            }
            if (r.iscedCode() != null && c.iscedCodes().stream().anyMatch(p -> r.iscedCode().trim().startsWith(p))) {
                return true;
            }
            return r.code() != null && c.courseCodes().stream().anyMatch(code -> code.equalsIgnoreCase(r.code().trim()));
        }

        /**
         * Credentials of the kind that stand on the day and pass the kind's filters. Only an issuer without a country
         * under {@code issuerCountry} leaves one undecided: everything else a credential states is decided.
         */
        private Node credential(RequirementProfile.Credential k) {
            List<String> met = new ArrayList<>();
            Set<String> reasons = new LinkedHashSet<>();
            int ofKind = 0;
            int possible = 0;
            for (ReceivedResults.Credential c : results.credentials()) {
                if (!k.credentialKind().equals(c.kind())) {
                    continue;
                }
                ofKind++;
                Set<String> why = new LinkedHashSet<>();
                Verdict verdict = Verdict.of(stands(c, day));
                if (k.licenceCategory() != null) {
                    verdict = verdict.and(Verdict.of(categoryOn(c, k.licenceCategory(), day)));
                }
                if (k.profession() != null) {
                    verdict = verdict.and(Verdict.of(profession(c, k.profession())));
                }
                if (k.scheme() != null) {
                    verdict = verdict.and(Verdict.of(k.scheme().equalsIgnoreCase(detail(c, "scheme"))));
                }
                if (k.equivalence() != null) {
                    verdict = verdict.and(Verdict.of(k.equivalence().equalsIgnoreCase(detail(c, "equivalence"))));
                }
                if (k.issuerCountry() != null) {
                    String country = c.issuer() == null ? null : c.issuer().country();
                    verdict = verdict.and(country == null ? undecided(why, UNKNOWN_COUNTRY)
                            : Verdict.of(k.issuerCountry().equalsIgnoreCase(country.trim())));
                }
                if (verdict == Verdict.MET) {
                    met.add(c.id());
                } else if (verdict == Verdict.UNDECIDED) {
                    possible++;
                    reasons.addAll(why);
                }
            }
            String what = k.credentialKind() + (k.licenceCategory() == null ? "" : " category " + k.licenceCategory())
                    + " standing on " + day;
            if (!met.isEmpty()) {
                return new Node(Verdict.MET, met, met.size() + " found: " + what, Set.of());
            }
            if (possible > 0) {
                return new Node(Verdict.UNDECIDED, List.of(), "undecided: " + what + ", " + possible + " of "
                        + ofKind + " undecided", reasons);
            }
            return new Node(Verdict.NOT_MET, List.of(), "none found: " + what + " (" + ofKind + " of the kind)",
                    Set.of());
        }

        private Node passed(Passed p) {
            List<String> met = new ArrayList<>();
            int possible = 0;
            Set<String> reasons = new LinkedHashSet<>();
            for (Candidate c : candidates()) {
                if (!ResultNormaliser.passed(c.result()) || !selected(p.selection(), c.result())) {
                    continue;
                }
                Set<String> why = new LinkedHashSet<>();
                Verdict verdict = filters(p.filters(), c, why);
                if (verdict == Verdict.MET) {
                    met.add(c.result().id());
                } else if (verdict == Verdict.UNDECIDED) {
                    possible++;
                    reasons.addAll(why);
                }
            }
            return counted(met, possible, p.minCount(), "passed results", reasons);
        }

        private Node grade(Grade g) {
            Threshold threshold = GradeScales.threshold(g.atLeast()).orElseThrow();
            List<String> met = new ArrayList<>();
            int possible = 0;
            Set<String> reasons = new LinkedHashSet<>();
            for (Candidate c : candidates()) {
                LearningResult r = c.result();
                if (!ResultNormaliser.passed(r) || !selected(g.selection(), r)) {
                    continue;
                }
                Set<String> why = new LinkedHashSet<>();
                Verdict verdict = filters(g.filters(), c, why);
                Comparison comparison = threshold.anyPass() && (r.grade() == null || r.grade().label() == null)
                        ? Comparison.AT_LEAST : GradeScales.compare(r, c.institution(), threshold);
                verdict = verdict.and(switch (comparison) {
                    case AT_LEAST -> Verdict.MET;
                    case BELOW -> Verdict.NOT_MET;
                    case UNKNOWN_SCALE -> undecided(why, UNKNOWN_GRADING_SCHEME);
                    case OTHER_SCALE -> undecided(why, OTHER_GRADING_SCALE);
                    case NO_GRADE -> undecided(why, NO_GRADE);
                });
                if (verdict == Verdict.MET) {
                    met.add(r.id());
                } else if (verdict == Verdict.UNDECIDED) {
                    possible++;
                    reasons.addAll(why);
                }
            }
            return counted(met, possible, g.minCount(), "results graded at least " + g.atLeast(), reasons);
        }

        private static Verdict undecided(Set<String> why, String reason) {
            why.add(reason);
            return Verdict.UNDECIDED;
        }

        private static Node counted(List<String> met, int possible, int minCount, String what, Set<String> reasons) {
            String detail = met.size() + " " + what + " of " + minCount + " required";
            if (met.size() >= minCount) {
                return new Node(Verdict.MET, met, detail, Set.of());
            }
            if (met.size() + possible >= minCount) {
                return new Node(Verdict.UNDECIDED, List.of(), detail + ", " + possible + " undecided", reasons);
            }
            return new Node(Verdict.NOT_MET, List.of(), detail, Set.of());
        }

        private static boolean selected(Selection selection, LearningResult r) {
            if (r.code() != null && selection.codes().stream().anyMatch(code -> code.equalsIgnoreCase(r.code().trim()))) {
                return true;
            }
            for (Pattern pattern : selection.titlePatterns()) {
                for (String title : r.titles().values()) {
                    if (title != null && pattern.matcher(title).find()) {
                        return true;
                    }
                }
            }
            return false;
        }

        private List<Candidate> candidates() {
            List<Candidate> all = new ArrayList<>();
            for (Institution institution : results.institutions()) {
                for (LearningResult r : institution.results()) {
                    all.add(new Candidate(r, institution));
                }
            }
            return all;
        }

        /** The common filters on one result; the reasons of an undecided answer go to {@code why}. */
        private Verdict filters(Filters filters, Candidate c, Set<String> why) {
            Verdict verdict = Verdict.MET;
            if (!filters.issuerCountries().isEmpty()) {
                String country = c.institution().country();
                verdict = verdict.and(country == null ? undecided(why, UNKNOWN_COUNTRY)
                        : Verdict.of(filters.issuerCountries().contains(country.trim().toUpperCase(Locale.ROOT))));
            }
            if (filters.issuerInRegistry()) {
                verdict = verdict.and(Verdict.of(inRegistry(c.institution())));
            }
            if (filters.achievedFrom() != null || filters.achievedTo() != null) {
                LocalDate date = date(c.result().date());
                if (date == null) {
                    verdict = verdict.and(undecided(why, UNKNOWN_DATE));
                } else {
                    verdict = verdict.and(Verdict.of((filters.achievedFrom() == null || !date.isBefore(filters.achievedFrom()))
                            && (filters.achievedTo() == null || !date.isAfter(filters.achievedTo()))));
                }
            }
            return verdict;
        }

        private boolean inRegistry(Institution institution) {
            Set<String> registry = quality.registryIssuers();
            if (institution.schac() != null && registry.contains(institution.schac().trim())) {
                return true;
            }
            return institution.names().values().stream().anyMatch(registry::contains);
        }
    }

    /**
     * Whether a credential stands on the day. A licence or an authorisation: its status is {@code valid} and the
     * day is within {@code validFrom}..{@code validTo} (both inclusive, open when absent). A recognition decision or
     * a diploma has no validity: it stands once issued ({@code issuedOn} not after the day) while it is neither
     * {@code revoked} nor {@code suspended}.
     */
    public static boolean stands(ReceivedResults.Credential c, LocalDate day) {
        String status = c.status() == null ? "" : c.status();
        if (WITH_VALIDITY.contains(c.kind())) {
            return status.equals("valid") && within(day, date(c.validFrom()), date(c.validTo()));
        }
        LocalDate issued = date(c.issuedOn());
        return !status.equals("revoked") && !status.equals("suspended") && (issued == null || !issued.isAfter(day));
    }

    /** A licence's category of that name (without case) valid on the day. */
    private static boolean categoryOn(ReceivedResults.Credential c, String category, LocalDate day) {
        if (c.details() == null || !c.details().path("categories").isArray()) {
            return false;
        }
        for (com.fasterxml.jackson.databind.JsonNode cat : c.details().path("categories")) {
            if (category.equalsIgnoreCase(cat.path("category").asText(null))
                    && within(day, date(cat.path("validFrom").asText(null)), date(cat.path("validTo").asText(null)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean profession(ReceivedResults.Credential c, Pattern pattern) {
        List<String> texts = new ArrayList<>(c.titles().values());
        if (c.details() != null && c.details().path("profession").isObject()) {
            c.details().path("profession").forEach(t -> texts.add(t.asText()));
        }
        return texts.stream().anyMatch(t -> t != null && pattern.matcher(t).find());
    }

    private static String detail(ReceivedResults.Credential c, String field) {
        return c.details() == null ? null : c.details().path(field).asText(null);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
