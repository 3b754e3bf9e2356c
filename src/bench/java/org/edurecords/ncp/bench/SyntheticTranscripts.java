package org.edurecords.ncp.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.AcademicTerm;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Identifier;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.Level;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.edurecords.ncp.results.ShortenedGrading;

/**
 * Transcripts of a given number of courses, shaped like real ones: one degree programme per 60 courses,
 * modules of ten courses below it, Norwegian letters in names and titles, every optional field filled.
 */
final class SyntheticTranscripts {

    private static final String[] GRADES = {"A", "B", "C", "D", "E"};
    private static final String[] SUBJECTS = {"Algorithms and Data Structures", "Linear Algebra",
        "Probability and Statistical Modelling", "Databases and Data Modelling", "Operating Systems",
        "Search Technology", "Software Security", "Machine Learning", "Computer Networks", "Compiler Construction"};
    private static final String[] SUBJECTS_NB = {"Algoritmer og datastrukturer", "Lineær algebra",
        "Sannsynlighet og statistisk modellering", "Databaser og datamodellering", "Operativsystemer",
        "Søketeknologi", "Programvaresikkerhet", "Maskinlæring", "Datanettverk", "Kompilatorteknikk"};

    private SyntheticTranscripts() {
    }

    static LearnerResults withCourses(int courses) {
        Learner learner = new Learner(1, "Anna Kristine", "Sørbø-Łukasiewicz", LocalDate.of(1998, 4, 17),
                "17049812345", "NO", null);
        Institution institution = new Institution(1, "uio.no", "N  OSLO01", "NO", LocalizedText.of("en", "University of Oslo", "nb", "Universitetet i Oslo"), "https://www.uio.no/");
        List<GradingScheme> schemes = List.of(new GradingScheme("AF", LocalizedText.of("en", "A (excellent) to E (sufficient) are pass grades, F is fail.", "nb", "A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått.")));
        List<LearningOpportunity> degrees = new ArrayList<>();
        long id = 1;
        int made = 0;
        int degreeNumber = 0;
        while (made < courses) {
            degreeNumber++;
            List<LearningOpportunity> modules = new ArrayList<>();
            for (int m = 0; m < 6 && made < courses; m++) {
                List<LearningOpportunity> children = new ArrayList<>();
                for (int c = 0; c < 10 && made < courses; c++, made++) {
                    int year = 2015 + made / 10;
                    boolean autumn = made % 2 == 0;
                    LocalDate start = LocalDate.of(year, autumn ? 8 : 1, autumn ? 15 : 10);
                    LocalDate end = LocalDate.of(year, autumn ? 12 : 6, autumn ? 15 : 10);
                    AcademicTerm term = new AcademicTerm(LocalizedText.of("en", (autumn ? "Autumn " : "Spring ") + year, "nb", (autumn ? "Høst " : "Vår ") + year), start, autumn ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 6, 30));
                    ResultInstance result = new ResultInstance(start, end, ResultStatus.PASSED, GRADES[made % 5],
                            made % 4 == 0 ? new BigDecimal("7.5") : new BigDecimal("10.0"), "AF", made % 3 == 0 ? "en" : "no",
                            term, new ShortenedGrading(new BigDecimal("40.50"), new BigDecimal("20.25"), new BigDecimal("39.25")),
                            null, List.of(), new BigDecimal("270"), List.of());
                    String subject = SUBJECTS[made % SUBJECTS.length];
                    children.add(new LearningOpportunity(id++, "IN" + (1000 + made), LocalizedText.of("en", subject + " " + (made / 10 + 1), "nb", SUBJECTS_NB[made % SUBJECTS_NB.length] + " " + (made / 10 + 1)), "Course", result, List.of()));
                }
                modules.add(new LearningOpportunity(id++, "MOD-" + degreeNumber + "-" + m, LocalizedText.of("en", "Specialisation module " + m, "nb", "Fordypningsmodul " + m), "Module", new ResultInstance(null, null, ResultStatus.PASSED, null, null,
                                null, null), children));
            }
            ResultInstance degreeResult = new ResultInstance(LocalDate.of(2015, 8, 15), LocalDate.of(2020, 6, 15),
                    ResultStatus.PASSED, null, null, null, "no", null, null, null,
                    List.of(new Level("EQF", "7", "Master's degree level", "Masternivå")), null,
                    List.of(new Identifier("diplomaNumber", "UIO-" + degreeNumber)));
            degrees.add(new LearningOpportunity(id++, "MA-" + degreeNumber, LocalizedText.of("en", "Master's programme in Informatics " + degreeNumber, "nb", "Masterprogram i informatikk " + degreeNumber), "Degree Programme", degreeResult, modules));
        }
        return new LearnerResults(learner, List.of(new InstitutionResults(institution, degrees, schemes)));
    }
}
