package org.edurecords.ncp.receiving;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.edurecords.ncp.web.PageContext;

/**
 * Where an EMREX 2.0 provider redirects the applicant back to ({@code GET /receive/callback/{receiver}}, the
 * redirect URI registered for the receiver): {@code code} and {@code state}, or {@code error} and {@code state}.
 * The state, single-use and bound to one trip, is what authorises it; the answer is the page an EMREX 1.0 answer
 * gets.
 */
@Path(ReceiverClients.CALLBACK_PATH + "{receiver}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ApplicantCallbackResource {

    @Inject
    ReceiverRequests requests;

    @Inject
    ApplicantResource pages;

    @Inject
    PageContext page;

    @GET
    public Response redirected(@PathParam("receiver") String receiver, @QueryParam("state") String state,
            @QueryParam("code") String code, @QueryParam("error") String error,
            @QueryParam("error_description") String description) {
        ReceiverRequests.Arrived arrived = requests.arriveWithCode(receiver, state, code, error, description);
        if (arrived.arrival() == ReceiverRequests.Arrival.UNKNOWN) {
            return page.html(ApplicantResource.Templates.unknown(), 404);
        }
        return page.html(pages.arrived(arrived), 200);
    }
}
