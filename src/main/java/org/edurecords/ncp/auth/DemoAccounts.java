package org.edurecords.ncp.auth;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.qute.TemplateData;
import org.edurecords.ncp.config.NcpConfig;

/**
 * The demo accounts as the demo login's hint names them, read from the demo data (never a list written into a
 * page). Empty while the demo login is off. Available in templates as {@code inject:demoAccounts}.
 */
@ApplicationScoped
@Named("demoAccounts")
public class DemoAccounts {

    /**
     * One demo account: its user name and its password (public: a demo's). Not the learner's name: a login page
     * shows nothing of a learner (a flow whose login answer was lost comes back to it).
     */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
    public record Account(String username, String password) {
    }

    @Inject
    NcpConfig config;

    @Inject
    EntityManager entityManager;

    @Transactional
    public List<Account> getList() {
        if (!config.demo().loginEnabled()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("select d.username, d.password"
                + " from demo_account d join learner l on l.id = d.learner_id order by d.username", Object[].class)
                .getResultList();
        return rows.stream().map(r -> new Account((String) r[0], (String) r[1])).toList();
    }
}
