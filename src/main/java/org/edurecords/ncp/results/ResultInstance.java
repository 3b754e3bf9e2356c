package org.edurecords.ncp.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The learner's result for one learning opportunity (an ELMO learning opportunity instance).
 * Every optional part is null (or an empty list) when the source does not have it.
 *
 * @param start when the learner started, or null
 * @param date when the result was achieved (for results in progress: null)
 * @param grade the result label exactly as on national documents, or null
 * @param ectsCredits ECTS credits awarded, with the decimals the source gave ({@code 7.5}, {@code 10.0}), or null;
 *        never on a node whose ancestors or descendants carry credits
 * @param gradingSchemeId local id of a {@link GradingScheme} of the same institution, or null
 * @param languageOfInstruction ISO 639-1 code, or null
 * @param academicTerm the term of a course, or null
 * @param engagementHours the learner's estimated workload in hours, or null
 * @param identifiers identifiers of this result (e.g. a diploma number)
 */
public record ResultInstance(LocalDate start, LocalDate date, ResultStatus status, String grade,
        BigDecimal ectsCredits, String gradingSchemeId, String languageOfInstruction, AcademicTerm academicTerm,
        ShortenedGrading shortenedGrading, ResultDistribution resultDistribution, List<Level> levels,
        BigDecimal engagementHours, List<Identifier> identifiers) {

    public ResultInstance {
        levels = levels == null ? List.of() : List.copyOf(levels);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A result with only the basic fields. */
    public ResultInstance(LocalDate start, LocalDate date, ResultStatus status, String grade, BigDecimal ectsCredits,
            String gradingSchemeId, String languageOfInstruction) {
        this(start, date, status, grade, ectsCredits, gradingSchemeId, languageOfInstruction, null, null, null,
                List.of(), null, List.of());
    }
}
