package org.edurecords.ncp.receiving;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.receiving.ReceiverRequests.RequestProblem;
import org.edurecords.ncp.receiving.profile.ProfileWords;
import org.edurecords.ncp.receiving.profile.RequirementProfiles;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.SecurityHeaders;

/**
 * The applicant's pages of a results request: who asks, for which case and why, and where their results are; then
 * the form that takes them to the chosen NCP. Plain forms, CSRF-protected; the auto-submit is an enhancement.
 */
@Path(ApplicantResource.PATH + "/{id}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ApplicantResource {

    public static final String PATH = "/receive";

    /** One NCP in the applicant's choice. */
    public record ProviderChoice(String url, String label, String country, boolean own) {
    }

    /** One trip so far, as the applicant sees it. */
    public record TripView(String provider, String returnCode) {
        /** What became of it, in words ({@code rcv_trip_*}). */
        public String messageKey() {
            String code = returnCode == null ? "" : returnCode;
            return code.endsWith("_OK") ? "rcv_trip_ok" : code.endsWith("_NO_RESULTS") ? "rcv_trip_no_results"
                    : code.endsWith("_CANCEL") ? "rcv_trip_cancel" : "rcv_trip_error";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(String id, String receiver, String caseReference, String purpose,
                String profileTitle, List<ProfileWords.Item> profile, List<ProviderChoice> providers,
                List<TripView> trips, boolean invalidChoice, String doneUrl);

        static native TemplateInstance redirect(ReceiverRequests.Trip trip, String provider);

        static native TemplateInstance arrived(String id, String receiver, String provider, String arrival,
                List<TripView> trips, String doneUrl);

        static native TemplateInstance closed(String receiver, String status);

        static native TemplateInstance unknown();
    }

    @Inject
    ReceiverRequests requests;

    @Inject
    KnownReceivers receivers;

    @Inject
    RequirementProfiles profiles;

    @Inject
    NcpConfig config;

    @Inject
    PageContext page;

    @GET
    public Response show(@PathParam("id") String id) {
        return page(id, false, 200);
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") String id, @FormParam("provider") String provider) {
        ReceiverRequest request = requests.find(id).orElse(null);
        if (request == null) {
            return page.html(Templates.unknown(), 404);
        }
        if (provider == null || provider.isBlank()) {
            return page(id, true, 400);
        }
        ReceiverRequests.Trip trip;
        try {
            trip = requests.start(id, provider.strip());
        } catch (RequestProblem e) {
            return e.status() == 409 ? closed(request) : page(id, true, 400);
        }
        String label = requests.providers(request.receiverId).stream().filter(p -> p.url().equals(trip.target()))
                .findFirst().map(p -> label(p)).orElse(trip.target());
        if (trip.authorizeUrl() != null) {
            // EMREX 2.0: a link to the provider's authorization URL (a navigation, which form-action does not govern).
            return page.html(Templates.redirect(trip, label), 200);
        }
        return Response.fromResponse(page.html(Templates.redirect(trip, label), 200))
                .header(SecurityHeaders.CSP, SecurityHeaders.contentSecurityPolicy(URI.create(trip.target())))
                .build();
    }

    private Response page(String id, boolean invalidChoice, int status) {
        ReceiverRequest request = requests.find(id).orElse(null);
        if (request == null) {
            return page.html(Templates.unknown(), 404);
        }
        if (!RequestStatus.of(request.status).open()) {
            return closed(request);
        }
        return page.html(view(request, invalidChoice), status);
    }

    /** The request page: also the page an applicant comes back to after each trip. */
    TemplateInstance view(ReceiverRequest request, boolean invalidChoice) {
        Locale locale = page.locale();
        var profile = profiles.find(request.receiverId, request.profileId, request.profileVersion);
        List<ProfileWords.Item> words = profile.map(p -> ProfileWords.describe(p, locale)).orElse(List.of());
        String title = profile.map(p -> ProfileWords.title(p, locale)).orElse(null);
        List<ProviderChoice> providers = requests.providers(request.receiverId).stream()
                .map(e -> new ProviderChoice(e.url(), label(e), e.countryCode(), "self".equals(e.origin()))).toList();
        List<TripView> trips = requests.answers(request.id).stream().filter(ReceiverAnswer::answered)
                .map(a -> new TripView(a.provider, a.returnCode)).toList();
        return Templates.request(request.id, receiverName(request), request.caseReference, request.purpose, title, words,
                providers, trips, invalidChoice, request.applicantReturnUrl);
    }

    /** The page after an NCP's answer came back. */
    TemplateInstance arrived(ReceiverRequests.Arrived arrived) {
        ReceiverRequest request = arrived.request();
        List<TripView> trips = requests.answers(request.id).stream().filter(ReceiverAnswer::answered)
                .map(a -> new TripView(a.provider, a.returnCode)).toList();
        return Templates.arrived(request.id, receiverName(request), arrived.provider(), arrived.arrival().name(),
                trips, request.applicantReturnUrl);
    }

    private Response closed(ReceiverRequest request) {
        return page.html(Templates.closed(receiverName(request), request.status), 410);
    }

    String receiverName(ReceiverRequest request) {
        return receivers.byId(request.receiverId).map(r -> r.name(page.locale())).orElse(request.receiverId);
    }

    private String label(RegistryEntry entry) {
        if ("self".equals(entry.origin())) {
            return config.name();
        }
        return entry.label() + (entry.countryCode() == null ? "" : " (" + entry.countryCode() + ")");
    }
}
