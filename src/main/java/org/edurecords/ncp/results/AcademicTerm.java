package org.edurecords.ncp.results;

import java.time.LocalDate;

/** The term a course ran in, e.g. "Autumn 2019". ELMO wants it for courses, never for multi-term nodes. */
public record AcademicTerm(LocalizedText title, LocalDate start, LocalDate end) {
}
