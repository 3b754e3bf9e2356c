package org.edurecords.ncp.portal;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.edurecords.ncp.auth.Identity;
import org.edurecords.ncp.auth.LoginContext;
import org.edurecords.ncp.auth.LoginFailure;
import org.edurecords.ncp.auth.LoginPurpose;
import org.edurecords.ncp.auth.PortalSessions;
import org.edurecords.ncp.auth.StudentLogins;
import org.edurecords.ncp.web.PageContext;
import org.jboss.logging.Logger;

/** The portal as the purpose of a login: a login starts a portal session and shows My results. */
@ApplicationScoped
public class PortalLogin implements LoginPurpose {

    private static final Logger LOG = Logger.getLogger(PortalLogin.class);

    @Inject
    PortalSessions sessions;

    @Inject
    StudentLogins logins;

    @Inject
    PageContext page;

    @Override
    public String id() {
        return PORTAL;
    }

    @Override
    public String loginPath(LoginContext context) {
        return "/my-results/login";
    }

    @Override
    public Response guard(LoginContext context, Supplier<Response> step) {
        return step.get();
    }

    @Override
    public Response page(LoginContext context, String problemKey, String username, int status) {
        return page.html(PortalResource.Templates.login(logins.forPortal(), logins.demoEnabled(), problemKey,
                username == null ? "" : username), status);
    }

    @Override
    public Response unavailable(LoginContext context, int status) {
        return page.html(PortalResource.Templates.login(logins.forPortal(), logins.demoEnabled(),
                null, ""), status);
    }

    @Override
    public Response untrusted(LoginContext context, LoginFailure failure) {
        return page(context, failure.kind().messageKey(), "", 403);
    }

    @Override
    public Response demoRefused(LoginContext context, String username) {
        return page(context, "login_failed", username, 401);
    }

    @Override
    public Response identified(LoginContext context, Identity identity, Optional<Long> learnerId, String idTokenHint) {
        String token = sessions.start(context.cookie(PortalSessions.COOKIE), learnerId.orElse(null), identity,
                idTokenHint);
        return Response.seeOther(URI.create("/my-results")).cookie(sessions.cookie(token))
                .header("Cache-Control", "no-store").build();
    }

    @Override
    public Response failed(LoginContext context, LoginFailure failure) {
        LOG.infof("Portal login failed (%s)", failure.kind());
        return page(context, failure.kind().messageKey(), "", 401);
    }
}
