package org.edurecords.ncp.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.competence.CompetenceDocuments;
import org.edurecords.ncp.competence.CredentialKind;
import org.edurecords.ncp.competence.CredentialResults;
import org.edurecords.ncp.competence.Credentials;
import org.edurecords.ncp.competence.EvidenceType;
import org.edurecords.ncp.competence.LiveRegisters;
import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.web.PublicUrl;
import org.edurecords.ncp.web.RecentlyUsed;
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

    @Inject
    Credentials credentials;

    @Inject
    CompetenceDocuments competence;

    @Inject
    LiveRegisters liveRegisters;

    @Inject
    PublicUrl publicUrl;

    /** What is kept: the learner comes from the register, not from the snapshot. */
    /**
     * What a snapshot holds. {@code version} changes when the shape of the results does (2: texts in any language,
     * ADR 0006); a snapshot of another version is read again from the sources rather than half understood.
     */
    public record Payload(int version, List<InstitutionResults> institutions, List<Completeness> missing,
            List<String> staleRegisters) {

        static final int CURRENT = 2;

        /** Snapshots kept before the live registers were recorded have none. */
        public Payload {
            staleRegisters = staleRegisters == null ? List.of() : staleRegisters;
        }
    }

    /**
     * Asks every source now and keeps the answer for this flow: the higher-education results of the sources and the
     * learner's upper-secondary and vocational credentials as the learning results of their issuers, as far as the
     * flow's evidence types ask for them.
     */
    public LearnerResults collect(String flowId, Learner learner, Set<EvidenceType> evidence) {
        List<String> staleRegisters = liveRegisters.refresh(learner);
        LearnerResults fresh = evidence.contains(EvidenceType.HIGHER_EDUCATION_RESULTS) ? results.resultsOf(learner)
                : new LearnerResults(learner, List.of(), List.of());
        Set<CredentialKind> kinds = EvidenceType.kinds(evidence);
        if (kinds.stream().anyMatch(CredentialKind::learningResult)) {
            List<InstitutionResults> education = CredentialResults.of(credentials.of(learner.id()), kinds,
                    competence.today(), publicUrl.base());
            if (!education.isEmpty()) {
                List<InstitutionResults> all = new java.util.ArrayList<>(fresh.institutions());
                all.addAll(education);
                fresh = new LearnerResults(learner, all, fresh.missing());
            }
        }
        store(flowId, fresh, staleRegisters);
        return fresh;
    }

    /**
     * Asks again the sources of the institutions missing from the kept results, and keeps the merged answer
     * (ADR 0200: a retry the student asks for replaces the flow's snapshot, still one snapshot per flow).
     */
    public LearnerResults retryMissing(String flowId, LearnerResults kept) {
        LearnerResults merged = results.retryMissing(kept.learner(), kept);
        store(flowId, merged, staleRegisters(flowId));
        return merged;
    }

    /** The results kept for this flow; asks the sources if nothing was kept yet. */
    public LearnerResults of(String flowId, Learner learner, Set<EvidenceType> evidence) {
        // Each step of a flow needs its results; the snapshot's time says whether the parsed copy is still the one
        // kept (any instance may have replaced it), without reading and parsing the whole payload again.
        Optional<Instant> stamp = storedAt(flowId);
        if (stamp.isEmpty()) {
            return collect(flowId, learner, evidence);
        }
        Parsed recent = parsed.get(flowId);
        if (recent != null && recent.storedAt().equals(stamp.get())) {
            return new LearnerResults(learner, recent.payload().institutions(), recent.payload().missing());
        }
        ResultSnapshot snapshot = find(flowId);
        if (snapshot == null) {
            return collect(flowId, learner, evidence);
        }
        try {
            Payload payload = json.readValue(snapshot.payload, Payload.class);
            if (payload.version() != Payload.CURRENT) {
                LOG.infof("Transfer %s: kept results are of an older version; asking the sources again", flowId);
                return collect(flowId, learner, evidence);
            }
            parsed.put(flowId, new Parsed(snapshot.createdAt, payload));
            return new LearnerResults(learner, payload.institutions(), payload.missing());
        } catch (JsonProcessingException e) {
            LOG.warnf("Transfer %s: kept results are unreadable (%s); asking the sources again", flowId,
                    e.getClass().getSimpleName());
            return collect(flowId, learner, evidence);
        }
    }

    /**
     * The live registers that could not be read when this flow's results were collected (by their names as people
     * read them): the credentials they gave last are the ones offered. Read from the parsed snapshot of the step.
     */
    public List<String> staleRegisters(String flowId) {
        Parsed recent = parsed.get(flowId);
        if (recent != null) {
            return recent.payload().staleRegisters();
        }
        ResultSnapshot snapshot = find(flowId);
        if (snapshot == null) {
            return List.of();
        }
        try {
            return json.readValue(snapshot.payload, Payload.class).staleRegisters();
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** A parsed snapshot and the time it was kept; the results' records are immutable, so steps may share them. */
    private record Parsed(Instant storedAt, Payload payload) {
    }

    /** The parsed snapshots of the most recent flows of this instance, least recently used out first. */
    private final Map<String, Parsed> parsed = RecentlyUsed.map(PARSED_KEPT);

    // Enough for the flows in progress at once on one instance; each holds a learner's whole results.
    static final int PARSED_KEPT = 64;

    @Transactional
    Optional<Instant> storedAt(String flowId) {
        return ResultSnapshot.getEntityManager()
                .createQuery("select s.createdAt from ResultSnapshot s where s.flowId = :flow", Instant.class)
                .setParameter("flow", flowId).getResultStream().findFirst();
    }

    @Transactional
    ResultSnapshot find(String flowId) {
        return ResultSnapshot.findById(flowId);
    }

    @Transactional
    void store(String flowId, LearnerResults fresh, List<String> staleRegisters) {
        parsed.remove(flowId);
        String payload;
        try {
            payload = json.writeValueAsString(new Payload(Payload.CURRENT, fresh.institutions(), fresh.missing(),
                    staleRegisters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Results cannot be kept", e);
        }
        // Microseconds, as the databases keep them. The parsed copy is made from the stored JSON on the next step, not
        // from these objects, so that every step, on any instance, works from exactly what was stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ResultSnapshot snapshot = ResultSnapshot.findById(flowId);
        if (snapshot == null) {
            snapshot = new ResultSnapshot();
            snapshot.flowId = flowId;
            snapshot.payload = payload;
            snapshot.createdAt = now;
            snapshot.persist();
        } else {
            snapshot.payload = payload;
            snapshot.createdAt = now;
        }
    }
}
