package org.edurecords.ncp.results.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.edurecords.ncp.results.Deadline;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.ResultDistribution;
import org.edurecords.ncp.results.ShortenedGrading;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultSource;
import org.edurecords.ncp.results.ResultStatus;

/** Results kept in this service's own database (loaded by import or, in the demo, by migration). */
@ApplicationScoped
public class EmbeddedResultSource implements ResultSource {

    /** The institutions the learner has results from, in HQL. */
    private static final String LEARNERS_INSTITUTIONS =
            " in (select lo.institutionId from LearningOpportunityEntity lo where lo.learnerId = ?1)";

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    @Transactional
    public List<InstitutionResults> fetch(Learner learner, Deadline deadline) {
        List<LearningOpportunityEntity> rows = LearningOpportunityEntity
                .list("learnerId = ?1 order by institutionId, sortOrder, id", learner.id());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<LearningOpportunityEntity>> byInstitution = rows.stream()
                .collect(Collectors.groupingBy(r -> r.institutionId, LinkedHashMap::new, Collectors.toList()));
        ResultDetails details = ResultDetails.of(em, learner.id());
        // the learner's institutions, their names and grading schemes: a fixed number of statements, however many
        // institutions the learner has and however large the directory is
        Map<Long, LocalizedText> institutionNames = ResultDetails.institutionNamesOfLearner(em, learner.id());
        Map<Long, LocalizedText> descriptions = ResultDetails.schemeDescriptionsOfLearner(em, learner.id());
        Map<Long, InstitutionEntity> institutions = InstitutionEntity.<InstitutionEntity>list(
                "id" + LEARNERS_INSTITUTIONS, learner.id())
                .stream().collect(Collectors.toMap(i -> i.id, i -> i));
        Map<Long, List<GradingScheme>> schemesByInstitution = GradingSchemeEntity.<GradingSchemeEntity>list(
                "institutionId" + LEARNERS_INSTITUTIONS + " order by institutionId, localId", learner.id())
                .stream().collect(Collectors.groupingBy(g -> g.institutionId, Collectors.mapping(
                        g -> new GradingScheme(g.localId, descriptions.get(g.id)), Collectors.toList())));
        List<InstitutionResults> result = new ArrayList<>();
        for (Map.Entry<Long, List<LearningOpportunityEntity>> entry : byInstitution.entrySet()) {
            InstitutionEntity entity = institutions.get(entry.getKey());
            Institution institution = new Institution(entity.id, entity.schac, entity.erasmusCode, entity.country,
                    institutionNames.getOrDefault(entity.id, LocalizedText.EMPTY), entity.url, entity.pic);
            result.add(new InstitutionResults(institution, buildForest(entry.getValue(), details),
                    schemesByInstitution.getOrDefault(entity.id, List.of()),
                    details.attachmentsByInstitution.getOrDefault(entity.id, List.of())));
        }
        return result;
    }

    private static List<LearningOpportunity> buildForest(List<LearningOpportunityEntity> rows, ResultDetails details) {
        Set<Long> ids = rows.stream().map(r -> r.id).collect(Collectors.toSet());
        Map<Long, List<LearningOpportunityEntity>> children = rows.stream()
                .filter(r -> r.parentId != null && ids.contains(r.parentId))
                .collect(Collectors.groupingBy(r -> r.parentId));
        return rows.stream()
                .filter(r -> r.parentId == null || !ids.contains(r.parentId))
                .sorted(Comparator.comparingInt((LearningOpportunityEntity r) -> r.sortOrder).thenComparing(r -> r.id))
                .map(r -> toTree(r, children, details))
                .toList();
    }

    private static LearningOpportunity toTree(LearningOpportunityEntity row,
            Map<Long, List<LearningOpportunityEntity>> children, ResultDetails details) {
        List<LearningOpportunity> kids = children.getOrDefault(row.id, List.of()).stream()
                .sorted(Comparator.comparingInt((LearningOpportunityEntity r) -> r.sortOrder).thenComparing(r -> r.id))
                .map(child -> toTree(child, children, details))
                .toList();
        ShortenedGrading shortened = row.percentageLower == null && row.percentageEqual == null
                && row.percentageHigher == null ? null
                        : new ShortenedGrading(row.percentageLower, row.percentageEqual, row.percentageHigher);
        List<ResultDistribution.Category> categories = details.distributionCategories.getOrDefault(row.id, List.of());
        ResultDistribution distribution = categories.isEmpty() ? null
                : new ResultDistribution(categories, details.distributionDescriptions.get(row.id));
        ResultInstance result = new ResultInstance(row.startDate, row.resultDate, ResultStatus.fromDatabase(row.status),
                row.grade, ResultDetails.withScale(row.ectsCredits, row.ectsScale), row.gradingSchemeLocalId,
                row.languageOfInstruction, row.academicTermId == null ? null : details.terms.get(row.academicTermId),
                shortened, distribution, details.levels.getOrDefault(row.id, List.of()), row.engagementHours,
                details.identifiers.getOrDefault(row.id, List.of()));
        return new LearningOpportunity(row.id, row.code, details.opportunityTitles.get(row.id), row.type, result, kids);
    }
}
