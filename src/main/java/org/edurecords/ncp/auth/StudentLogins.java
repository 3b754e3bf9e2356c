package org.edurecords.ncp.auth;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The login methods switched on in this deployment and the one step they share: turning an
 * identity into a learner of the register.
 */
@ApplicationScoped
public class StudentLogins {

    @Inject
    OidcLogin oidc;

    @Inject
    HeaderLogin header;

    @Inject
    DemoLogin demo;

    @Inject
    LearnerDirectory directory;

    /** Redirect-based logins for an EMREX flow, in the order they are offered. */
    public List<LoginLink> forFlow(String flowId) {
        return redirectMethods().map(m -> new LoginLink(m.id(), m.displayName(), m.loginPath(flowId))).toList();
    }

    /** Redirect-based logins for a direct visit to the portal. */
    public List<LoginLink> forPortal() {
        return redirectMethods().map(m -> new LoginLink(m.id(), m.displayName(), m.portalLoginPath())).toList();
    }

    public boolean demoEnabled() {
        return demo.enabled();
    }

    /** The learner this identity belongs to; empty when the register does not know the person. */
    public Optional<Long> learnerFor(Identity identity) {
        return directory.learnerFor(identity);
    }

    private Stream<LoginMethod> redirectMethods() {
        return Stream.<LoginMethod>of(oidc, header).filter(LoginMethod::enabled);
    }
}
