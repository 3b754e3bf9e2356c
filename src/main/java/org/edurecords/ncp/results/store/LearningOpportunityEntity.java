package org.edurecords.ncp.results.store;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "title_nb")
    public String titleNb;
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
    @Column(name = "distribution_description_en")
    public String distributionDescriptionEn;
    @Column(name = "distribution_description_nb")
    public String distributionDescriptionNb;
}
