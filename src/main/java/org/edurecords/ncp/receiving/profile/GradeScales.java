package org.edurecords.ncp.receiving.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.edurecords.ncp.receiving.ReceivedResults.GradingScheme;
import org.edurecords.ncp.receiving.ReceivedResults.Institution;
import org.edurecords.ncp.receiving.ReceivedResults.LearningResult;

/**
 * The grading scales a {@code grade} condition can compare, and how a result's scale is recognised
 * (docs/receivers.md, "Known grading scales"). Anything else is an unknown scale: the condition is then undecided,
 * never met or failed on a guess.
 */
public final class GradeScales {

    /** A known scale: its labels from best to worst and how many of them (from the best) pass. */
    public enum Scale {
        /** ECTS and Norwegian higher education letters: A best, E lowest pass, FX and F fail. */
        LETTER(List.of("A", "B", "C", "D", "E", "FX", "F"), 5),
        /** Numbers 1 to 6, 6 best, 2 the lowest pass (Norwegian upper secondary school). */
        NUMERIC_1_6(List.of("6", "5", "4", "3", "2", "1"), 5),
        /** Pass or fail without grades. */
        PASS_FAIL(List.of("passed", "failed"), 1);

        private final List<String> labels;
        private final int passing;

        Scale(List<String> labels, int passing) {
            this.labels = labels;
            this.passing = passing;
        }

        /** The label's place, 0 the best; -1 when the label is not of this scale. */
        public int rank(String label) {
            if (label == null) {
                return -1;
            }
            String normal = this == PASS_FAIL ? passFailWord(label) : label.trim().toUpperCase(Locale.ROOT);
            return normal == null ? -1 : labels.indexOf(normal);
        }

        public boolean passes(String label) {
            int rank = rank(label);
            return rank >= 0 && rank < passing;
        }
    }

    /** What {@code atLeast} of a grade condition means: a grade of one scale, or any passing grade of any scale. */
    public record Threshold(Scale scale, String label) {
        /** Any passing grade on any known scale. */
        public boolean anyPass() {
            return scale == null;
        }
    }

    /** What comparing one result with the threshold gives. */
    public enum Comparison {
        AT_LEAST, BELOW, UNKNOWN_SCALE, OTHER_SCALE, NO_GRADE
    }

    private static final Map<String, String> PASS_FAIL_WORDS = Map.ofEntries(
            Map.entry("passed", "passed"), Map.entry("pass", "passed"), Map.entry("bestått", "passed"),
            Map.entry("godkjent", "passed"), Map.entry("approved", "passed"),
            Map.entry("failed", "failed"), Map.entry("fail", "failed"), Map.entry("not passed", "failed"),
            Map.entry("ikke bestått", "failed"), Map.entry("ikkje bestått", "failed"),
            Map.entry("ikke godkjent", "failed"), Map.entry("ikkje godkjent", "failed"), Map.entry("stryk", "failed"));

    private static final Pattern LETTER_ID = Pattern.compile("(?i)a-?f|ects|a-e");
    private static final Pattern LETTER_TEXT = Pattern.compile(
            "(?iu)\\bA\\s*(?:-|–|—|to|til)\\s*[EF]\\b|\\bA\\b[^.;]{0,40}?\\b(?:to|til)\\s+E\\b|\\bECTS[- ]grad");
    private static final Pattern NUMERIC_ID = Pattern.compile("1-6");
    private static final Pattern NUMERIC_TEXT = Pattern.compile("(?iu)\\b1\\s*(?:-|–|—|to|til)\\s*6\\b");
    private static final Pattern PASS_FAIL_ID = Pattern.compile("(?i)pf|p/f|pass-fail");
    private static final Pattern PASS_FAIL_TEXT = Pattern.compile("(?iu)pass\\s*/\\s*fail|pass or fail"
            + "|bestått\\s*/\\s*ikke bestått|bestått eller ikke bestått|bestått/ikkje bestått"
            + "|godkjent\\s*/\\s*ikke godkjent|godkjent eller ikke godkjent");

    private GradeScales() {
    }

    /** The threshold a profile writes ({@code C}, {@code 4}, {@code passed}), or empty when it is none we know. */
    public static Optional<Threshold> threshold(String atLeast) {
        if (atLeast == null || atLeast.isBlank()) {
            return Optional.empty();
        }
        if ("passed".equals(passFailWord(atLeast))) {
            return Optional.of(new Threshold(null, "passed"));
        }
        for (Scale scale : List.of(Scale.LETTER, Scale.NUMERIC_1_6)) {
            if (scale.passes(atLeast)) {
                return Optional.of(new Threshold(scale, atLeast.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    /**
     * The scale of a result's grade: by the report's grading scheme the result names (its id, then its description
     * in any language), else by the label alone when it is a pass/fail word; and only when the label is one of that
     * scale's labels.
     */
    public static Optional<Scale> scaleOf(LearningResult result, Institution institution) {
        if (result.grade() == null || result.grade().label() == null) {
            return Optional.empty();
        }
        String label = result.grade().label();
        Scale scale = null;
        String schemeId = result.grade().schemeId();
        if (schemeId != null && institution != null) {
            for (GradingScheme scheme : institution.gradingSchemes()) {
                if (schemeId.equals(scheme.id())) {
                    scale = bySchemeText(scheme);
                }
            }
        }
        if (scale == null && passFailWord(label) != null) {
            scale = Scale.PASS_FAIL;
        }
        return scale != null && scale.rank(label) >= 0 ? Optional.of(scale) : Optional.empty();
    }

    /** How a result's grade compares with the threshold. */
    public static Comparison compare(LearningResult result, Institution institution, Threshold threshold) {
        if (result.grade() == null || result.grade().label() == null || result.grade().label().isBlank()) {
            return Comparison.NO_GRADE;
        }
        Optional<Scale> scale = scaleOf(result, institution);
        if (scale.isEmpty()) {
            return Comparison.UNKNOWN_SCALE;
        }
        String label = result.grade().label();
        if (threshold.anyPass()) {
            return scale.get().passes(label) ? Comparison.AT_LEAST : Comparison.BELOW;
        }
        if (scale.get() != threshold.scale()) {
            return Comparison.OTHER_SCALE;
        }
        return scale.get().rank(label) <= threshold.scale().rank(threshold.label()) ? Comparison.AT_LEAST
                : Comparison.BELOW;
    }

    private static Scale bySchemeText(GradingScheme scheme) {
        String id = scheme.id() == null ? "" : scheme.id().trim();
        if (LETTER_ID.matcher(id).matches()) {
            return Scale.LETTER;
        }
        if (NUMERIC_ID.matcher(id).matches()) {
            return Scale.NUMERIC_1_6;
        }
        if (PASS_FAIL_ID.matcher(id).matches()) {
            return Scale.PASS_FAIL;
        }
        for (String text : scheme.descriptions().values()) {
            if (PASS_FAIL_TEXT.matcher(text).find()) {
                return Scale.PASS_FAIL;
            }
            if (NUMERIC_TEXT.matcher(text).find()) {
                return Scale.NUMERIC_1_6;
            }
            if (LETTER_TEXT.matcher(text).find()) {
                return Scale.LETTER;
            }
        }
        return null;
    }

    private static String passFailWord(String label) {
        return label == null ? null : PASS_FAIL_WORDS.get(label.trim().toLowerCase(Locale.ROOT));
    }
}
