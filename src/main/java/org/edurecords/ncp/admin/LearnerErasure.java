package org.edurecords.ncp.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.edurecords.ncp.results.store.LearningOpportunityEntity;
import org.jboss.logging.Logger;

/**
 * Removes a learner and everything stored about them from the register, in one transaction: results with all
 * their details, import records, EMREX flows (with their result snapshots), demo account, and through the
 * schema's cascades identifiers, portal sessions, share links (with snapshots, views, grants) and the
 * disclosure ledger. Nothing is left that names or describes the person.
 */
@ApplicationScoped
public class LearnerErasure {

    private static final Logger LOG = Logger.getLogger(LearnerErasure.class);

    /** The learner's rows beyond their results, children before parents; the rest goes by cascade. */
    private static final List<String[]> STATEMENTS = List.of(
            new String[] {"imports", "delete from result_import where learner_id = ?1"},
            new String[] {"credentials", "delete from credential where learner_id = ?1"},
            new String[] {"emrexFlows", "delete from emrex_session where learner_id = ?1"},
            new String[] {null, "delete from demo_account where learner_id = ?1"},
            new String[] {"shareLinks", "delete from share_link where learner_id = ?1"},
            new String[] {"ledgerRows", "delete from disclosure_event where learner_id = ?1"},
            new String[] {null, "delete from learner where id = ?1"});

    @Inject
    EntityManager entityManager;

    /** @return rows removed per kind (results, imports, EMREX flows, share links, ledger rows) */
    @Transactional
    public Map<String, Integer> erase(long learnerId) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("results", LearningOpportunityEntity.deleteWithDetails(learnerId, null));
        for (String[] statement : STATEMENTS) {
            int rows = entityManager.createNativeQuery(statement[1]).setParameter(1, learnerId).executeUpdate();
            if (statement[0] != null) {
                removed.put(statement[0], rows);
            }
        }
        // The learner's database id only: the person's identifiers and names are what was just removed.
        LOG.infof("Learner %d erased from the register: %s", learnerId, removed);
        return removed;
    }
}
