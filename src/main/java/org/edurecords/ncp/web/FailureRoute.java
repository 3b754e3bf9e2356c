package org.edurecords.ncp.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The failures that never reach a REST resource or a route's own handling (a body the body handler cannot
 * decode, a route that fails): the product's page or JSON instead of the framework's error answer. Login
 * challenges and other security failures, and failures after the answer started, stay with the framework.
 */
@ApplicationScoped
public class FailureRoute {

    @Inject
    ErrorAnswers answers;

    void register(@Observes Router router) {
        // After the failure handlers of particular paths (auth/OidcFailureRoute), before the framework's own,
        // which is the last route of all.
        router.route().order(Integer.MAX_VALUE - 1).failureHandler(this::failed);
    }

    void failed(RoutingContext ctx) {
        if (!answers.answerFailure(ctx)) {
            ctx.next();
        }
    }
}
