package org.edurecords.ncp.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import org.edurecords.ncp.competence.Credential;
import org.edurecords.ncp.competence.Credentials;
import org.edurecords.ncp.results.Deadline;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.support.StatementCounter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The store's readers take a fixed number of statements per learner, however many institutions, credentials and
 * status changes the learner has: a query per row would grow with the national registry's data.
 */
@QuarkusTest
class StoreStatementsTest {

    /** The demo learner anna, who has several credentials with a status history. */
    private static final long ANNA = 1;

    @Inject
    EmbeddedResultSource source;

    @Inject
    Credentials credentials;

    @Inject
    ResultService results;

    @Inject
    EntityManager em;

    @Test
    void aLearnersResultsTakeTheSameStatementsWhateverTheirInstitutions() {
        // the demo learners with the most and the fewest institutions in the store
        List<Object[]> byInstitutions = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select learner_id, count(distinct institution_id) n from learning_opportunity group by learner_id"
                        + " order by n desc, learner_id", Object[].class).getResultList());
        Learner most = results.findLearner(((Number) byInstitutions.get(0)[0]).longValue()).orElseThrow();
        Learner fewest = results.findLearner(((Number) byInstitutions.get(byInstitutions.size() - 1)[0]).longValue())
                .orElseThrow();
        List<InstitutionResults>[] read = new List[2];

        int mostStatements = StatementCounter.during(() -> read[0] = source.fetch(most, deadline()));
        int fewestStatements = StatementCounter.during(() -> read[1] = source.fetch(fewest, deadline()));

        assertTrue(read[0].size() > read[1].size() && !read[1].isEmpty(),
                "the demo data has learners with more and fewer institutions: " + read[0].size() + " and "
                        + read[1].size());
        assertTrue(read[0].stream().allMatch(i -> !i.institution().name().isEmpty() && !i.gradingSchemes().isEmpty()),
                "every institution is read with its name and grading schemes");
        assertEquals(fewestStatements, mostStatements,
                "the same statements for " + read[0].size() + " institutions as for " + read[1].size());
    }

    @Test
    void credentialsAndTheirHistoriesAreTwoStatements() {
        long withHistory = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(distinct credential_id) from credential_status_change where credential_id in"
                        + " (select id from credential where learner_id = ?1)").setParameter(1, ANNA)
                .getSingleResult()).longValue());
        assertTrue(withHistory > 1, "anna has several credentials with a history: " + withHistory);

        List<Credential>[] read = new List[1];
        int statements = StatementCounter.during(() -> read[0] = credentials.of(ANNA));

        assertEquals(withHistory, read[0].stream().filter(c -> !c.history().isEmpty()).count());
        assertEquals(2, statements, "the learner's credentials, then every history at once");
    }

    private static Deadline deadline() {
        return Deadline.after(System.nanoTime(), Duration.ofSeconds(30));
    }
}
