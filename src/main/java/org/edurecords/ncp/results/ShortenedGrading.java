package org.edurecords.ncp.results;

import java.math.BigDecimal;

/** Where the learner's grade sits among the other students' of the same course, in percent. */
public record ShortenedGrading(BigDecimal percentageLower, BigDecimal percentageEqual, BigDecimal percentageHigher) {
}
