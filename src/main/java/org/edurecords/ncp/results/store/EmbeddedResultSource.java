package org.edurecords.ncp.results.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultSource;
import org.edurecords.ncp.results.ResultStatus;

/** Results kept in this service's own database (loaded by import or, in the demo, by migration). */
@ApplicationScoped
public class EmbeddedResultSource implements ResultSource {

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    @Transactional
    public List<InstitutionResults> fetch(Learner learner) {
        List<LearningOpportunityEntity> rows = LearningOpportunityEntity
                .list("learnerId = ?1 order by institutionId, sortOrder, id", learner.id());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<LearningOpportunityEntity>> byInstitution = rows.stream()
                .collect(Collectors.groupingBy(r -> r.institutionId, LinkedHashMap::new, Collectors.toList()));
        List<InstitutionResults> result = new ArrayList<>();
        for (Map.Entry<Long, List<LearningOpportunityEntity>> entry : byInstitution.entrySet()) {
            InstitutionEntity institution = InstitutionEntity.findById(entry.getKey());
            List<GradingScheme> schemes = GradingSchemeEntity
                    .<GradingSchemeEntity>list("institutionId = ?1 order by localId", entry.getKey()).stream()
                    .map(GradingSchemeEntity::toRecord).toList();
            result.add(new InstitutionResults(institution.toRecord(), buildForest(entry.getValue()), schemes));
        }
        return result;
    }

    private static List<LearningOpportunity> buildForest(List<LearningOpportunityEntity> rows) {
        Set<Long> ids = rows.stream().map(r -> r.id).collect(Collectors.toSet());
        Map<Long, List<LearningOpportunityEntity>> children = rows.stream()
                .filter(r -> r.parentId != null && ids.contains(r.parentId))
                .collect(Collectors.groupingBy(r -> r.parentId));
        return rows.stream()
                .filter(r -> r.parentId == null || !ids.contains(r.parentId))
                .sorted(Comparator.comparingInt((LearningOpportunityEntity r) -> r.sortOrder).thenComparing(r -> r.id))
                .map(r -> toTree(r, children))
                .toList();
    }

    private static LearningOpportunity toTree(LearningOpportunityEntity row,
            Map<Long, List<LearningOpportunityEntity>> children) {
        List<LearningOpportunity> kids = children.getOrDefault(row.id, List.of()).stream()
                .sorted(Comparator.comparingInt((LearningOpportunityEntity r) -> r.sortOrder).thenComparing(r -> r.id))
                .map(child -> toTree(child, children))
                .toList();
        ResultInstance result = new ResultInstance(row.startDate, row.resultDate, ResultStatus.fromDatabase(row.status),
                row.grade, row.ectsCredits, row.gradingSchemeLocalId, row.languageOfInstruction);
        return new LearningOpportunity(row.id, row.code, row.titleEn, row.titleNb, row.type, result, kids);
    }
}
