package org.edurecords.ncp.transfer;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.ResultService;
import org.jboss.logging.Logger;

/**
 * The results of one transfer. Sources are asked once, when the student logs in; the answer is kept
 * with the flow in the database, so the selection, the preview and the signed document all show the
 * same results even if an institution changes its mind or goes down meanwhile, and any instance can
 * serve the next step.
 */
@ApplicationScoped
public class FlowResults {

    private static final Logger LOG = Logger.getLogger(FlowResults.class);

    @Inject
    ResultService results;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** What is kept: the learner comes from the register, not from the snapshot. */
    /**
     * What a snapshot holds. {@code version} changes when the shape of the results does (2: texts in any language,
     * ADR 0006); a snapshot of another version is read again from the sources rather than half understood.
     */
    public record Payload(int version, List<InstitutionResults> institutions, List<Completeness> missing) {

        static final int CURRENT = 2;
    }

    /** Asks every source now and keeps the answer for this flow. */
    public LearnerResults collect(String flowId, Learner learner) {
        LearnerResults fresh = results.resultsOf(learner);
        store(flowId, fresh);
        return fresh;
    }

    /**
     * Asks again the sources of the institutions missing from the kept results, and keeps the merged answer
     * (ADR 0200: a retry the student asks for replaces the flow's snapshot, still one snapshot per flow).
     */
    public LearnerResults retryMissing(String flowId, LearnerResults kept) {
        LearnerResults merged = results.retryMissing(kept.learner(), kept);
        store(flowId, merged);
        return merged;
    }

    /** The results kept for this flow; asks the sources if nothing was kept yet. */
    public LearnerResults of(String flowId, Learner learner) {
        ResultSnapshot snapshot = find(flowId);
        if (snapshot == null) {
            return collect(flowId, learner);
        }
        try {
            Payload payload = json.readValue(snapshot.payload, Payload.class);
            if (payload.version() != Payload.CURRENT) {
                LOG.infof("Transfer %s: kept results are of an older version; asking the sources again", flowId);
                return collect(flowId, learner);
            }
            return new LearnerResults(learner, payload.institutions(), payload.missing());
        } catch (JsonProcessingException e) {
            LOG.warnf("Transfer %s: kept results are unreadable (%s); asking the sources again", flowId,
                    e.getClass().getSimpleName());
            return collect(flowId, learner);
        }
    }

    @Transactional
    ResultSnapshot find(String flowId) {
        return ResultSnapshot.findById(flowId);
    }

    @Transactional
    void store(String flowId, LearnerResults fresh) {
        String payload;
        try {
            payload = json.writeValueAsString(new Payload(Payload.CURRENT, fresh.institutions(), fresh.missing()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Results cannot be kept", e);
        }
        ResultSnapshot snapshot = ResultSnapshot.findById(flowId);
        if (snapshot == null) {
            snapshot = new ResultSnapshot();
            snapshot.flowId = flowId;
            snapshot.payload = payload;
            snapshot.createdAt = clock.instant();
            snapshot.persist();
        } else {
            snapshot.payload = payload;
            snapshot.createdAt = clock.instant();
        }
    }
}
