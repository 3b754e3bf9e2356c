package org.edurecords.ncp.democlient;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.ErrorAnswers;
import org.edurecords.ncp.web.RequestLimits;

/**
 * Where the demo client receives answers. Like any EMREX client's return URL, it is posted to from
 * the contact point's page, so it is a plain route outside the CSRF-protected REST layer.
 */
@ApplicationScoped
public class DemoClientReturnRoute {

    public static final String PATH = "/demo-client/return";

    @Inject
    NcpConfig config;

    @Inject
    DemoClientService client;

    @Inject
    RequestLimits limits;

    @Inject
    ErrorAnswers answers;

    void register(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.limitFor(PATH, null));
        router.route(HttpMethod.POST, PATH).handler(body).blockingHandler(this::receive, false);
    }

    void receive(RoutingContext ctx) {
        if (!config.demo().clientEnabled()) {
            answers.refuse(ctx, 404, "the demo client is off", null);
            return;
        }
        answers.servePage(ctx, "Demo client failed to process an answer", locale -> {
            var form = ctx.request().formAttributes();
            ReceivedAnswer answer = client.receive(form.get("sessionId"), form.get("returnCode"),
                    form.get("returnMessage"), form.get("elmo"));
            return new ErrorAnswers.Page(200, DemoClientResource.Templates.result(answer).setLocale(locale).render());
        });
    }
}
