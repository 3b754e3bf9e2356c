package org.edurecords.ncp.receiving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.edurecords.ncp.emrex.Emrex1Protocol;
import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.web.ErrorAnswers;
import org.edurecords.ncp.web.RequestLimits;

/**
 * Where NCPs answer for our receivers ({@code POST /receive/return/{receiver}}): the EMREX 1.0 answer form posted
 * by the applicant's browser from the NCP's page. Like every EMREX client's return URL it is a plain route outside
 * the CSRF-protected REST layer; the {@code sessionId}, single-use and bound to one request, is what authorises it.
 */
@ApplicationScoped
public class ApplicantReturnRoute {

    static final String PATH = KnownReceivers.RECEIVING_RETURN_PATH + ":receiver";

    @Inject
    ReceiverRequests requests;

    @Inject
    ApplicantResource pages;

    @Inject
    RequestLimits limits;

    @Inject
    ErrorAnswers answers;

    void register(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false)
                .setBodyLimit(limits.limitFor(KnownReceivers.RECEIVING_RETURN_PATH + "any", null));
        router.route(HttpMethod.POST, PATH).handler(body).blockingHandler(this::receive, false);
    }

    void receive(RoutingContext ctx) {
        answers.servePage(ctx, "An answer for a results request could not be processed", locale -> {
            var form = ctx.request().formAttributes();
            ReceiverRequests.Arrived arrived = requests.arrive(ctx.pathParam("receiver"), form.get("sessionId"),
                    form.get("returnCode"), form.get("returnMessage"), form.get("elmo"),
                    form.get(Emrex1Protocol.COMPETENCE_FIELD), form.get(Emrex1Protocol.COMPETENCE_SIGNATURE_FIELD));
            if (arrived.arrival() == ReceiverRequests.Arrival.UNKNOWN) {
                return new ErrorAnswers.Page(404, ApplicantResource.Templates.unknown().setLocale(locale).render());
            }
            return new ErrorAnswers.Page(200, pages.arrived(arrived).setLocale(locale).render());
        });
    }
}
