package org.edurecords.ncp.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import org.jboss.logging.Logger;

/**
 * The only writer and reader of the disclosure ledger. {@link #record} must run inside the transaction of
 * the disclosure it records (it refuses to run without one), so a disclosure and its record are stored
 * together or not at all, and both before anything is sent to the recipient.
 */
@ApplicationScoped
public class DisclosureLedger {

    private static final Logger LOG = Logger.getLogger(DisclosureLedger.class);
    private static final TypeReference<List<DisclosedResult>> RESULTS = new TypeReference<>() {
    };

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Records a disclosure at the current time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisclosureEvent record(Disclosure disclosure) {
        return record(disclosure, clock.instant());
    }

    /** Records a disclosure at the time the caller stored for the same event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisclosureEvent record(Disclosure disclosure, Instant occurredAt) {
        DisclosureEvent event = new DisclosureEvent();
        event.learnerId = disclosure.learnerId();
        event.occurredAt = occurredAt;
        event.kind = disclosure.kind();
        event.recipient = disclosure.recipient();
        event.returnCode = disclosure.returnCode();
        event.shareLinkId = disclosure.shareLinkId();
        event.documentId = disclosure.documentId();
        event.label = disclosure.label();
        event.reference = disclosure.reference();
        event.results = disclosure.results().isEmpty() ? null : toJson(disclosure.results());
        event.persist();
        // Flushed here so that a failing insert fails the disclosure, not a later commit after the answer is out.
        DisclosureEvent.flush();
        LOG.debugf("Ledger: %s recorded for learner %d", disclosure.kind(), disclosure.learnerId());
        return event;
    }

    /** The learner's ledger, newest first. */
    @Transactional
    public List<DisclosureEvent> forLearner(long learnerId) {
        return DisclosureEvent.list("learnerId", Sort.descending("occurredAt", "id"), learnerId);
    }

    /** The results an EMREX transfer disclosed with this signed document (empty when there is no such row). */
    @Transactional
    public List<DisclosedResult> resultsOfDocument(String documentId) {
        if (documentId == null) {
            return List.of();
        }
        return DisclosureEvent.<DisclosureEvent>find("documentId = ?1 and kind = ?2", documentId,
                DisclosureKind.EMREX_TRANSFER).firstResultOptional().map(this::resultsOf).orElse(List.of());
    }

    public List<DisclosedResult> resultsOf(DisclosureEvent event) {
        if (event.results == null || event.results.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(event.results, RESULTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Ledger row " + event.id + " has unreadable results", e);
        }
    }

    private String toJson(List<DisclosedResult> results) {
        try {
            return json.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Disclosed results cannot be written as JSON", e);
        }
    }
}
