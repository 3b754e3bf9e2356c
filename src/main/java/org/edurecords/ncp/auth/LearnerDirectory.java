package org.edurecords.ncp.auth;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Maps an authenticated identity to a learner of the register through the identifiers the result
 * sources understand: national identity number, Feide id / eduPersonPrincipalName, ESI.
 */
@ApplicationScoped
public class LearnerDirectory {

    /** Scheme of the national identity number, also matched against the learner's own column. */
    public static final String NATIONAL_IDENTIFIER = "nin";

    @Inject
    EntityManager entityManager;

    @Transactional
    public Optional<Long> learnerFor(Identity identity) {
        List<?> rows = entityManager
                .createNativeQuery("select learner_id from learner_identifier where scheme = ?1 and identifier = ?2")
                .setParameter(1, identity.scheme())
                .setParameter(2, identity.identifier())
                .getResultList();
        if (rows.isEmpty() && NATIONAL_IDENTIFIER.equals(identity.scheme())) {
            rows = entityManager.createNativeQuery("select id from learner where national_identifier = ?1")
                    .setParameter(1, identity.identifier())
                    .getResultList();
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }
}
