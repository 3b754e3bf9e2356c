package org.edurecords.ncp.receiving.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.edurecords.ncp.receiving.ReceivedResults.Grade;
import org.edurecords.ncp.receiving.ReceivedResults.GradingScheme;
import org.edurecords.ncp.receiving.ReceivedResults.Institution;
import org.edurecords.ncp.receiving.ReceivedResults.LearningResult;
import org.edurecords.ncp.receiving.ReceivedResults.Totals;
import org.edurecords.ncp.receiving.profile.GradeScales.Comparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a result's grading scale is recognised (docs/receivers.md, "Known grading scales"), and the thresholds. */
class GradeScalesTest {

    /** scheme id | its description | the result's label | the scale, or UNKNOWN */
    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "AF        | (none)                                                          | B        | LETTER",
        "a-f       | (none)                                                          | fx       | LETTER",
        "ECTS      | (none)                                                          | E        | LETTER",
        "38        | A (excellent) to E (sufficient) are pass grades, F is fail.     | C        | LETTER",
        "38        | A (fremragende) til E (tilstrekkelig) er bestått                | D        | LETTER",
        "K         | Karakterskala A–F                                               | A        | LETTER",
        "K         | ECTS grading scale                                              | A        | LETTER",
        "AF        | (none)                                                          | Innpasset | UNKNOWN",
        "AM        | American grading scale                                          | C        | UNKNOWN",
        "0-100     | A number of the scale from 0.0 to 100.0 (one digit of precision) | 45.1    | UNKNOWN",
        "1-6       | (none)                                                          | 4        | NUMERIC_1_6",
        "N         | Karakterskala 1–6                                               | 2        | NUMERIC_1_6",
        "N         | Grades 1 to 6, 6 best                                           | 7        | UNKNOWN",
        "ZAL       | Pass/Fail (non-graded pass)                                     | passed   | PASS_FAIL",
        "BIB       | Bestått/ikke bestått                                            | Bestått  | PASS_FAIL",
        "PF        | (none)                                                          | fail     | PASS_FAIL",
        "ZAL       | Pass/Fail (non-graded pass)                                     | B        | UNKNOWN",
        "(none)    | (none)                                                          | bestått  | PASS_FAIL",
        "(none)    | (none)                                                          | B        | UNKNOWN",
        "undeclared | (none)                                                         | Godkjent | PASS_FAIL",
        "undeclared | (none)                                                         | A        | UNKNOWN",
    })
    void recognition(String schemeId, String description, String label, String scale) {
        String id = "(none)".equals(schemeId) ? null : schemeId;
        List<GradingScheme> schemes = id == null || id.equals("undeclared") ? List.of()
                : List.of(new GradingScheme(id, "(none)".equals(description) ? Map.of() : Map.of("en", description)));
        Institution institution = new Institution(Map.of(), null, null, null, schemes, List.of(), new Totals(0, 0,
                java.math.BigDecimal.ZERO));
        LearningResult result = new LearningResult("r1.1", null, 0, "Course", "X", Map.of(), null, "passed",
                new Grade(label, id), List.of(), null, null);
        assertEquals(scale, GradeScales.scaleOf(result, institution).map(Enum::name).orElse("UNKNOWN"));
    }

    /** threshold | label on the letter scale, or on 1-6, or pass/fail | comparison */
    @ParameterizedTest(name = "at least {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "C      | AF:B     | AT_LEAST",
        "C      | AF:C     | AT_LEAST",
        "C      | AF:D     | BELOW",
        "E      | AF:FX    | BELOW",
        "passed | AF:E     | AT_LEAST",
        "passed | AF:F     | BELOW",
        "passed | 1-6:2    | AT_LEAST",
        "passed | 1-6:1    | BELOW",
        "passed | PF:passed | AT_LEAST",
        "4      | 1-6:4    | AT_LEAST",
        "4      | 1-6:3    | BELOW",
        "4      | 1-6:exempt | UNKNOWN_SCALE",
        "passed | PF:exempt | UNKNOWN_SCALE",
        "4      | AF:A     | OTHER_SCALE",
        "C      | PF:passed | OTHER_SCALE",
        "C      | AM:A     | UNKNOWN_SCALE",
        "C      | AF:      | NO_GRADE",
    })
    void comparison(String atLeast, String grade, Comparison expected) {
        String scheme = grade.substring(0, grade.indexOf(':'));
        String label = grade.substring(grade.indexOf(':') + 1);
        Institution institution = new Institution(Map.of(), null, null, null, List.of(
                new GradingScheme("AF", Map.of()), new GradingScheme("1-6", Map.of()), new GradingScheme("PF", Map.of()),
                new GradingScheme("AM", Map.of("en", "American grading scale"))), List.of(),
                new Totals(0, 0, java.math.BigDecimal.ZERO));
        LearningResult result = new LearningResult("r1.1", null, 0, "Course", "X", Map.of(), null, "passed",
                new Grade(label.isEmpty() ? null : label, scheme), List.of(), null, null);
        assertEquals(expected, GradeScales.compare(result, institution, GradeScales.threshold(atLeast).orElseThrow()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "C       | LETTER:C",
        "e       | LETTER:E",
        "2       | NUMERIC_1_6:2",
        "passed  | any:passed",
        "Bestått | any:passed",
        "F       | none",
        "FX      | none",
        "1       | none",
        "failed  | none",
        "''      | none",
    })
    void thresholds(String atLeast, String expected) {
        assertEquals(expected, GradeScales.threshold(atLeast)
                .map(t -> (t.anyPass() ? "any" : t.scale().name()) + ":" + t.label()).orElse("none"));
    }
}
