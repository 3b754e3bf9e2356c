package org.edurecords.ncp.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Drives one EMREX transfer step by step over HTTP, as the student's browser would. */
public class DemoFlow {

    public final FlowClient client = new FlowClient();
    public final String sessionId;
    public final String returnUrl;
    public String flowPath;

    public DemoFlow(String sessionId, String returnUrl) {
        this.sessionId = sessionId;
        this.returnUrl = returnUrl;
    }

    public DemoFlow start() {
        Response entry = client.enter(Map.of("sessionId", sessionId, "returnUrl", returnUrl));
        assertEquals(303, entry.statusCode(), entry.asString());
        String location = entry.header("Location");
        flowPath = location.substring(location.indexOf("/emrex/flow/"), location.lastIndexOf('/'));
        Response login = client.get(flowPath + "/login");
        assertEquals(200, login.statusCode());
        return this;
    }

    /** Logs in; returns the answer to the login POST (a redirect, or an answer page for no results). */
    public Response login(String username, String password) {
        return client.post(flowPath + "/login", Map.of("username", username, "password", password));
    }

    public Response selectionPage() {
        return client.get(flowPath + "/select");
    }

    public Response select(Map<String, List<String>> form) {
        return client.post(flowPath + "/select", new LinkedHashMap<>(form));
    }

    public Response preview() {
        return client.get(flowPath + "/preview");
    }

    public Response confirm() {
        Document preview = FlowClient.html(preview());
        Element version = preview.selectFirst("form[action$=/confirm] input[name=version]");
        return client.post(flowPath + "/confirm", Map.of("version", version.attr("value")));
    }

    public Response cancel() {
        return client.post(flowPath + "/cancel", Map.of());
    }

    /** The four fields of the auto-submitting answer form, after checking its shape. */
    public static Map<String, String> answerFields(Response response, String expectedAction) {
        return answerFields(response, expectedAction, false);
    }

    /**
     * The answer form's fields; with {@code withCredentials} also the two this service adds for its own receiving
     * side only ({@code competence}, {@code competenceSignature}). Any other field is a failure.
     */
    public static Map<String, String> answerFields(Response response, String expectedAction, boolean withCredentials) {
        assertEquals(200, response.statusCode(), response.asString());
        Document page = FlowClient.html(response);
        Element form = page.selectFirst("form#emrex-answer");
        assertTrue(form != null, "answer page has the EMREX form");
        assertEquals(expectedAction, form.attr("action"));
        assertEquals("post", form.attr("method").toLowerCase());
        String enctype = form.attr("enctype");
        assertTrue(enctype.isEmpty() || enctype.equals("application/x-www-form-urlencoded"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        assertEquals(withCredentials ? List.of("sessionId", "returnCode", "returnMessage", "elmo", "competence",
                "competenceSignature") : List.of("sessionId", "returnCode", "returnMessage", "elmo"),
                List.copyOf(fields.keySet()));
        return fields;
    }
}
