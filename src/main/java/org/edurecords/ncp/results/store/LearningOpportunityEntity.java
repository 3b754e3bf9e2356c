package org.edurecords.ncp.results.store;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;

/** One node of a learner's result tree; the specification and the learner's instance share a row. */
@Entity
@Table(name = "learning_opportunity")
public class LearningOpportunityEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "learner_id")
    public Long learnerId;
    @Column(name = "institution_id")
    public Long institutionId;
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "sort_order")
    public int sortOrder;
    public String code;
    @Column(name = "lo_type")
    public String type;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "result_date")
    public LocalDate resultDate;
    public String status;
    public String grade;
    @Column(name = "ects_credits")
    public BigDecimal ectsCredits;
    @Column(name = "grading_scheme_local_id")
    public String gradingSchemeLocalId;
    @Column(name = "language_of_instruction")
    public String languageOfInstruction;
    @Column(name = "academic_term_id")
    public Long academicTermId;
    /** Decimals the source wrote for the credits; null: as stored, trailing zeros dropped. */
    @Column(name = "ects_scale")
    public Short ectsScale;
    @Column(name = "engagement_hours")
    public BigDecimal engagementHours;
    @Column(name = "percentage_lower")
    public BigDecimal percentageLower;
    @Column(name = "percentage_equal")
    public BigDecimal percentageEqual;
    @Column(name = "percentage_higher")
    public BigDecimal percentageHigher;

    /** Tables holding further details of an opportunity (titles, levels, distributions, identifiers, attachments). */
    private static final java.util.List<String> DETAIL_TABLES = java.util.List.of("learning_opportunity_title",
            "learning_opportunity_level_description", "learning_opportunity_level", "result_distribution_category",
            "result_distribution_description", "result_identifier", "source_attachment");

    /** Stores the titles of this opportunity, one row per language. */
    public void storeTitles(LocalizedText titles) {
        for (LangText title : titles.all()) {
            getEntityManager().createNativeQuery(
                    "insert into learning_opportunity_title (learning_opportunity_id, lang, title) values (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, title.language()).setParameter(3, title.text()).executeUpdate();
        }
    }

    /**
     * Deletes a learner's result trees, at one institution or at all ({@code institutionId} null), with their
     * detail rows: the one place that knows which tables hang off an opportunity.
     *
     * @return the number of opportunities deleted
     */
    public static int deleteWithDetails(long learnerId, Long institutionId) {
        jakarta.persistence.EntityManager em = getEntityManager();
        String scope = institutionId == null ? "learner_id = ?1" : "learner_id = ?1 and institution_id = ?2";
        scoped(em.createNativeQuery("delete from source_attachment_title where source_attachment_id in (select a.id from"
                + " source_attachment a join learning_opportunity lo on lo.id = a.learning_opportunity_id where lo."
                + scope.replace(" and ", " and lo.") + ")"), learnerId, institutionId).executeUpdate();
        for (String table : DETAIL_TABLES) {
            scoped(em.createNativeQuery("delete from " + table + " where learning_opportunity_id in"
                    + " (select id from learning_opportunity where " + scope + ")"), learnerId, institutionId).executeUpdate();
        }
        // Children point at parents: unlink first, so the delete never trips over the foreign key.
        scoped(em.createNativeQuery("update learning_opportunity set parent_id = null where " + scope), learnerId,
                institutionId).executeUpdate();
        return scoped(em.createNativeQuery("delete from learning_opportunity where " + scope), learnerId, institutionId)
                .executeUpdate();
    }

    private static jakarta.persistence.Query scoped(jakarta.persistence.Query query, long learnerId, Long institutionId) {
        query.setParameter(1, learnerId);
        return institutionId == null ? query : query.setParameter(2, institutionId);
    }
}
