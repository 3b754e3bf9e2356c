package org.edurecords.ncp.results;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The learner's result for one learning opportunity (an ELMO learning opportunity instance).
 *
 * @param start when the learner started, or null
 * @param date when the result was achieved (for results in progress: null)
 * @param grade the result label exactly as on national documents, or null
 * @param ectsCredits ECTS credits awarded, or null (never on a node whose ancestors or descendants carry credits)
 * @param gradingSchemeId local id of a {@link GradingScheme} of the same institution, or null
 * @param languageOfInstruction ISO 639-1 code, or null
 */
public record ResultInstance(LocalDate start, LocalDate date, ResultStatus status, String grade,
        BigDecimal ectsCredits, String gradingSchemeId, String languageOfInstruction) {
}
