package org.edurecords.ncp.receiving;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;

/**
 * A case system and an applicant, over HTTP: the case system asks for results, the applicant opens the link,
 * chooses an NCP, and (for this NCP) logs in, selects everything and confirms; the answer comes back to us.
 */
final class ApplicantJourney {

    static final Map<String, String> ANNA = Map.of("givenNames", "Anna Kristine", "familyName", "Sørbø-Łukasiewicz",
            "birthDate", "1998-04-17");

    final FlowClient applicant = new FlowClient();
    String requestId;
    String applicantPath;
    /** The preview page of the last trip to this NCP, as the applicant saw it. */
    Document lastPreview;

    /** The case system's POST; returns the request id. */
    ApplicantJourney create(String caseReference, Map<String, String> person, String profile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseReference", caseReference);
        body.put("person", person);
        body.put("profile", profile);
        body.put("purpose", "Application for citizenship");
        body.put("returnUrl", "https://case.example.org/cases/" + caseReference);
        Response created = api().contentType(ContentType.JSON).body(body).post(ReceiverRequestResource.PATH);
        assertEquals(201, created.statusCode(), created.asString());
        requestId = created.jsonPath().getString("id");
        applicantPath = URI.create(created.jsonPath().getString("applicantUrl")).getPath();
        return this;
    }

    static io.restassured.specification.RequestSpecification api() {
        return given().header("Authorization", "Bearer " + ReceivingProfile.TOKEN);
    }

    JsonPath read() {
        Response read = api().get(ReceiverRequestResource.PATH + "/" + requestId);
        assertEquals(200, read.statusCode(), read.asString());
        return read.jsonPath();
    }

    /** This NCP's entry URL, as the applicant's page offers it first. */
    String thisNcp() {
        Response page = applicant.get(applicantPath);
        assertEquals(200, page.statusCode(), page.asString());
        return FlowClient.html(page).selectFirst("input[name=provider]").attr("value");
    }

    /** Opens the applicant's page and chooses an NCP; returns the form the browser then posts there. */
    Map<String, String> choose(String providerUrl) {
        Response page = applicant.get(applicantPath);
        assertEquals(200, page.statusCode(), page.asString());
        Response redirect = applicant.post(applicantPath + "/start", Map.of("provider", providerUrl));
        assertEquals(200, redirect.statusCode(), redirect.asString());
        Element form = FlowClient.html(redirect).selectFirst("form#emrex-answer");
        assertNotNull(form, "the page posts the applicant to the NCP");
        assertEquals(providerUrl, form.attr("action"));
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        assertEquals(List.of("sessionId", "returnUrl"), List.copyOf(fields.keySet()));
        return fields;
    }

    /** The whole trip to this NCP as the demo learner: login, select everything, confirm; returns the answer fields. */
    Map<String, String> fetchHere(String username) {
        return fetchHere(username, false);
    }

    /** The same; with {@code credentials} the applicant also ticks every credential this NCP offers. */
    Map<String, String> fetchHere(String username, boolean credentials) {
        Map<String, String> trip = choose(thisNcp());
        DemoFlow flow = new DemoFlow(trip.get("sessionId"), trip.get("returnUrl")).start();
        assertEquals(303, flow.login(username, "demo").statusCode());
        Document selection = FlowClient.html(flow.selectionPage());
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        form.put("lo", selection.select("input[name=lo]").eachAttr("value"));
        if (credentials) {
            form.put("credential", selection.select("input[name=credential]").eachAttr("value"));
        }
        flow.select(form).then().statusCode(303);
        lastPreview = FlowClient.html(flow.preview());
        return DemoFlow.answerFields(flow.confirm(), trip.get("returnUrl"), credentials);
    }

    /** The applicant's browser posting an NCP's answer back to us. */
    Response answer(Map<String, String> fields) {
        String path = "/receive/return/test-case-office";
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields).post(path);
    }
}
