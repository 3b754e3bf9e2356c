package org.edurecords.ncp.results.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.edurecords.ncp.results.AcademicTerm;
import org.edurecords.ncp.results.Identifier;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.Level;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.ResultDistribution;
import org.edurecords.ncp.results.SourceAttachment;

/**
 * The small side tables of the result store (translations, terms, levels, distributions, identifiers,
 * attachments), read for one learner with one query each. Plain SQL rather than entities: they are only
 * ever read together with their owner and have composite keys that would need a class each.
 */
final class ResultDetails {

    private static final String OF_LEARNER = " in (select id from learning_opportunity where learner_id = ?1)";
    private static final String OF_LEARNERS_INSTITUTIONS =
            " in (select institution_id from learning_opportunity where learner_id = ?1)";

    final Map<Long, LocalizedText> opportunityTitles;
    final Map<Long, List<Level>> levels;
    final Map<Long, List<ResultDistribution.Category>> distributionCategories;
    final Map<Long, LocalizedText> distributionDescriptions;
    final Map<Long, List<Identifier>> identifiers;
    final Map<Long, List<SourceAttachment>> attachmentsByInstitution;
    final Map<Long, AcademicTerm> terms;

    private ResultDetails(EntityManager em, long learnerId) {
        opportunityTitles = texts(rows(em, "select learning_opportunity_id, lang, title from learning_opportunity_title"
                + " where learning_opportunity_id" + OF_LEARNER + " order by lang", learnerId));
        Map<String, LocalizedText> levelDescriptions = new HashMap<>();
        for (Object[] r : rows(em, "select learning_opportunity_id, sort_order, lang, description"
                + " from learning_opportunity_level_description where learning_opportunity_id" + OF_LEARNER
                + " order by lang", learnerId)) {
            levelDescriptions.merge(r[0] + "/" + r[1], LocalizedText.of((String) r[2], (String) r[3]),
                    LocalizedText::orElse);
        }
        levels = group(rows(em, "select learning_opportunity_id, level_type, level_value, sort_order"
                + " from learning_opportunity_level where learning_opportunity_id" + OF_LEARNER + " order by sort_order",
                learnerId), r -> new Level((String) r[1], (String) r[2],
                        levelDescriptions.getOrDefault(r[0] + "/" + r[3], LocalizedText.EMPTY)));
        distributionCategories = group(rows(em, "select learning_opportunity_id, label, student_count"
                + " from result_distribution_category where learning_opportunity_id" + OF_LEARNER + " order by sort_order",
                learnerId), r -> new ResultDistribution.Category((String) r[1], ((Number) r[2]).longValue()));
        distributionDescriptions = texts(rows(em, "select learning_opportunity_id, lang, description"
                + " from result_distribution_description where learning_opportunity_id" + OF_LEARNER + " order by lang",
                learnerId));
        identifiers = group(rows(em, "select learning_opportunity_id, id_type, id_value from result_identifier"
                + " where learning_opportunity_id" + OF_LEARNER + " order by id_type", learnerId),
                r -> new Identifier((String) r[1], (String) r[2]));
        Map<Long, LocalizedText> attachmentTitles = texts(rows(em, "select t.source_attachment_id, t.lang, t.title"
                + " from source_attachment_title t join source_attachment a on a.id = t.source_attachment_id"
                + " where a.learning_opportunity_id" + OF_LEARNER + " order by t.lang", learnerId));
        attachmentsByInstitution = group(rows(em, "select lo.institution_id, a.local_id, a.attachment_type, a.id,"
                + " a.media_type, a.content_base64, a.learning_opportunity_id from source_attachment a"
                + " join learning_opportunity lo on lo.id = a.learning_opportunity_id where lo.learner_id = ?1 order by a.id",
                learnerId), r -> new SourceAttachment((String) r[1], (String) r[2],
                        attachmentTitles.getOrDefault(((Number) r[3]).longValue(), LocalizedText.EMPTY),
                        (String) r[4], (String) r[5], ((Number) r[6]).longValue()));
        Map<Long, LocalizedText> termTitles = texts(rows(em, "select t.academic_term_id, t.lang, t.title"
                + " from academic_term_title t where t.academic_term_id in"
                + " (select academic_term_id from learning_opportunity where learner_id = ?1) order by t.lang", learnerId));
        terms = new HashMap<>();
        for (Object[] r : rows(em, "select t.id, t.start_date, t.end_date from academic_term t"
                + " where t.id in (select academic_term_id from learning_opportunity where learner_id = ?1)", learnerId)) {
            long id = ((Number) r[0]).longValue();
            terms.put(id, new AcademicTerm(termTitles.getOrDefault(id, LocalizedText.EMPTY), date(r[1]), date(r[2])));
        }
    }

    static ResultDetails of(EntityManager em, long learnerId) {
        return new ResultDetails(em, learnerId);
    }

    /** The names of the institutions the learner has results from. */
    static Map<Long, LocalizedText> institutionNamesOfLearner(EntityManager em, long learnerId) {
        return texts(rows(em, "select institution_id, lang, name from institution_name where institution_id"
                + OF_LEARNERS_INSTITUTIONS + " order by lang", learnerId));
    }

    /** The names of one institution. */
    public static LocalizedText institutionName(EntityManager em, long institutionId) {
        return texts(rows(em, "select institution_id, lang, name from institution_name where institution_id = ?1"
                + " order by lang", institutionId)).getOrDefault(institutionId, LocalizedText.EMPTY);
    }

    /** The names of one entry of an institution's name history. */
    public static LocalizedText formerName(EntityManager em, long historyId) {
        return texts(rows(em, "select history_id, lang, name from institution_name_history_text where history_id = ?1"
                + " order by lang", historyId)).getOrDefault(historyId, LocalizedText.EMPTY);
    }

    /** The descriptions of the grading schemes of the institutions the learner has results from. */
    static Map<Long, LocalizedText> schemeDescriptionsOfLearner(EntityManager em, long learnerId) {
        return texts(rows(em, "select d.grading_scheme_id, d.lang, d.description from grading_scheme_description d"
                + " join grading_scheme g on g.id = d.grading_scheme_id where g.institution_id"
                + OF_LEARNERS_INSTITUTIONS + " order by d.lang",
                learnerId));
    }

    /**
     * Rows of (owner id, lang, text) as one text per owner: the service's languages in their configured order
     * (English first by default), then the others alphabetically, so that a document written from the store lists
     * its languages the same way every time.
     */
    private static Map<Long, LocalizedText> texts(List<Object[]> rows) {
        Map<Long, List<LangText>> grouped = group(rows, r -> new LangText((String) r[1], (String) r[2]));
        Map<Long, LocalizedText> texts = new HashMap<>();
        grouped.forEach((owner, list) -> {
            List<LangText> ordered = new ArrayList<>(list);
            List<String> own = LocalizedText.serviceLanguages();
            ordered.sort(java.util.Comparator.comparingInt((LangText t) -> own.contains(t.language())
                    ? own.indexOf(t.language()) : own.size()).thenComparing(LangText::language));
            texts.put(owner, new LocalizedText(ordered));
        });
        return texts;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql, Long parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return query.getResultList();
    }

    private static <T> Map<Long, List<T>> group(List<Object[]> rows, Function<Object[], T> mapper) {
        Map<Long, List<T>> grouped = new HashMap<>();
        for (Object[] row : rows) {
            grouped.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(mapper.apply(row));
        }
        return grouped;
    }

    /** Drivers hand dates back as java.sql.Date or LocalDate depending on database and version. */
    private static LocalDate date(Object value) {
        if (value instanceof LocalDate local) {
            return local;
        }
        return value == null ? null : ((Date) value).toLocalDate();
    }

    static BigDecimal withScale(BigDecimal value, Short scale) {
        if (value == null) {
            return null;
        }
        if (scale != null) {
            return value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
