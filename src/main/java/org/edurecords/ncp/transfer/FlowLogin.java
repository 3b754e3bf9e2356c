package org.edurecords.ncp.transfer;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.edurecords.ncp.auth.Identity;
import org.edurecords.ncp.auth.LoginContext;
import org.edurecords.ncp.auth.LoginFailure;
import org.edurecords.ncp.auth.LoginPurpose;
import org.edurecords.ncp.auth.StudentLogins;
import org.jboss.logging.Logger;

/**
 * A transfer as the purpose of a login, the same for EMREX 1.0 and 2.0: the login may run while the flow is open,
 * in the browser that started it, and not yet logged in; a login error ends the transfer with an error answer to
 * the receiver; a person the register does not know gets "no results".
 */
@ApplicationScoped
public class FlowLogin implements LoginPurpose {

    private static final Logger LOG = Logger.getLogger(FlowLogin.class);

    @Inject
    FlowSteps steps;

    @Inject
    TransferFlowService flows;

    @Inject
    StudentLogins logins;

    @Override
    public String id() {
        return FLOW;
    }

    @Override
    public String loginPath(LoginContext context) {
        return "/emrex/flow/" + context.ref() + "/login";
    }

    private static String secret(LoginContext context) {
        return context.cookie(TransferFlowResource.FLOW_COOKIE);
    }

    @Override
    public Response guard(LoginContext context, Supplier<Response> step) {
        return steps.withOpenFlow(context.ref(), secret(context), session -> {
            if (session.state != EmrexSession.State.RECEIVED) {
                return steps.redirectToStep(session);
            }
            return step.get();
        });
    }

    @Override
    public Response page(LoginContext context, String problemKey, String username, int status) {
        return session(context).map(s -> steps.loginPage(s, problemKey, status))
                .orElseGet(() -> steps.problem("flow_problem_unknownFlow", 404));
    }

    @Override
    public Response unavailable(LoginContext context, int status) {
        return steps.problem("flow_problem_loginUnavailable", status);
    }

    @Override
    public Response untrusted(LoginContext context, LoginFailure failure) {
        return steps.problem(failure.kind().messageKey(), 403);
    }

    @Override
    public Response demoRefused(LoginContext context, String username) {
        EmrexSession session = session(context).orElseThrow();
        return steps.page(TransferFlowResource.Templates.login(session.id, steps.receiver(session), true, true,
                username, logins.forFlow(session.id), null), 401);
    }

    @Override
    public Response identified(LoginContext context, Identity identity, Optional<Long> learnerId, String idTokenHint) {
        return steps.loggedIn(session(context).orElseThrow(), identity.method(), learnerId);
    }

    @Override
    public Response failed(LoginContext context, LoginFailure failure) {
        return steps.finish(session(context).orElseThrow(), Outcome.ERROR, failure.getMessage());
    }

    @Override
    public String startAttempt(LoginContext context) {
        return flows.startLoginAttempt(context.ref());
    }

    /** Cancel or error at the identity provider ends the transfer, if it is the answer to this browser's login. */
    @Override
    public Response providerError(LoginContext context, String reason, String attempt) {
        EmrexSession session = session(context).orElseThrow();
        if (!flows.isLoginAttempt(session, attempt)) {
            // Not the answer to a login this browser started (a link, a reload of an old address): the transfer
            // goes on, and the student may log in again or cancel.
            LOG.warnf("Transfer %s: a login error without the token of the login that was started; flow kept open",
                    session.id);
            return steps.loginPage(session, "flow_notice_loginNotCompleted", 200);
        }
        if ("cancelled".equals(reason)) {
            LOG.infof("Transfer %s: login cancelled at the identity provider", session.id);
            return steps.finish(session, Outcome.CANCEL, "");
        }
        if ("unavailable".equals(reason)) {
            LOG.infof("Transfer %s: the login with the identity provider could not be completed", session.id);
            return steps.finish(session, Outcome.ERROR,
                    "The student's identity provider could not be reached or did not complete the login.");
        }
        LOG.infof("Transfer %s: the identity provider answered with an error", session.id);
        return steps.finish(session, Outcome.ERROR,
                "The student's identity provider reported an error; no login took place.");
    }

    private Optional<EmrexSession> session(LoginContext context) {
        return flows.find(context.ref());
    }
}
