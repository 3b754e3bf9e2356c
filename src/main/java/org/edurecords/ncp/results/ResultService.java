package org.edurecords.ncp.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.edurecords.ncp.results.store.LearnerEntity;

/** Collects a learner's results from every configured {@link ResultSource}. */
@ApplicationScoped
public class ResultService {

    @Inject
    Instance<ResultSource> sources;

    public Optional<Learner> findLearner(long learnerId) {
        return LearnerEntity.<LearnerEntity>findByIdOptional(learnerId).map(LearnerEntity::toRecord);
    }

    public LearnerResults resultsOf(Learner learner) {
        List<InstitutionResults> all = new ArrayList<>();
        for (ResultSource source : sources) {
            all.addAll(source.fetch(learner));
        }
        all.sort(Comparator.comparing(r -> r.institution().nameEn()));
        return new LearnerResults(learner, all);
    }
}
