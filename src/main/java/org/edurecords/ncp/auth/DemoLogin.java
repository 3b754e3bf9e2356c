package org.edurecords.ncp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/** Username/password login against the demo accounts. Switched off outside the demo profile. */
@ApplicationScoped
public class DemoLogin implements LoginMethod {

    private static final Logger LOG = Logger.getLogger(DemoLogin.class);

    @Inject
    NcpConfig config;

    @Override
    public String id() {
        return "demo";
    }

    @Override
    public boolean enabled() {
        return config.demo().loginEnabled();
    }

    @Override
    public String loginPath(String flowId) {
        return "/emrex/flow/" + flowId + "/login";
    }

    @Transactional
    public Optional<AuthenticatedStudent> authenticate(String username, String password) {
        if (!enabled()) {
            LOG.warn("Demo login attempted while it is disabled");
            return Optional.empty();
        }
        if (username == null || password == null) {
            return Optional.empty();
        }
        DemoAccount account = DemoAccount.findById(username.trim().toLowerCase(java.util.Locale.ROOT));
        if (account == null || !MessageDigest.isEqual(account.password.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedStudent(id(), account.learnerId));
    }
}
