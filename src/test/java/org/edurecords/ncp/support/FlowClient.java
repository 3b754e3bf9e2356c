package org.edurecords.ncp.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A minimal browser for protocol-level tests: keeps cookies, never follows redirects on its own,
 * and sends the CSRF token of the last page with every form, as a browser submitting our forms does.
 */
public class FlowClient {

    public static final String CSRF_FIELD = "csrf-token";

    private final Map<String, String> cookies = new HashMap<>();
    private final String forwardedFor;
    private String csrfToken;

    public FlowClient() {
        this(null);
    }

    private FlowClient(String forwardedFor) {
        this.forwardedFor = forwardedFor;
    }

    /**
     * A browser at another client address: every request carries it in {@code X-Forwarded-For}, which counts only
     * in a test profile that trusts the loopback address as a proxy (see {@code LimitsProfile}).
     */
    public static FlowClient from(String address) {
        return new FlowClient(address);
    }

    /** This browser logged in to My results with the demo login (password {@code demo}); asserts the redirect. */
    public FlowClient portalLogin(String username) {
        get("/my-results"); // the login page gives the CSRF token the form carries
        Response login = post("/my-results/login/demo", Map.of("username", username, "password", "demo"));
        org.junit.jupiter.api.Assertions.assertEquals(303, login.statusCode(), login.asString());
        return this;
    }

    /** The cross-site entry POST an EMREX client's page makes; no cookie of ours is sent with it. */
    public Response enter(Map<String, ?> form) {
        Response response = forwarded(given()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form).post("/emrex");
        remember(response);
        return response;
    }

    public Response get(String path) {
        Response response = spec().get(path);
        remember(response);
        Document page = Jsoup.parse(response.asString());
        Element token = page.selectFirst("input[name=" + CSRF_FIELD + "]");
        if (token != null) {
            csrfToken = token.attr("value");
        }
        return response;
    }

    /** A GET with extra request headers, e.g. the attribute headers a SAML service provider adds. */
    public Response get(String path, Map<String, String> headers) {
        Response response = spec().headers(headers).get(path);
        remember(response);
        return response;
    }

    public Response post(String path, Map<String, ?> form) {
        RequestSpecification spec = spec().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (csrfToken != null) {
            spec.formParam(CSRF_FIELD, csrfToken);
        }
        form.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                spec.formParam(name, list.toArray());
            } else {
                spec.formParam(name, value);
            }
        });
        Response response = spec.post(path);
        remember(response);
        return response;
    }

    public void forgetCookie(String name) {
        cookies.remove(name);
    }

    /** The cookies this browser holds, for a request made with other settings (e.g. a socket timeout). */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** Continues as a browser that already holds these cookies (e.g. a flow handed to another instance). */
    public void restoreCookies(Map<String, String> saved) {
        cookies.putAll(saved);
    }

    public String csrfToken() {
        return csrfToken;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private RequestSpecification spec() {
        return forwarded(given()).redirects().follow(false).cookies(cookies);
    }

    private RequestSpecification forwarded(RequestSpecification spec) {
        return forwardedFor == null ? spec : spec.header("X-Forwarded-For", forwardedFor);
    }

    private void remember(Response response) {
        cookies.putAll(response.getCookies());
    }

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    /**
     * What the verification page says of a downloaded file, uploaded by a new browser as a person would: the
     * verdict's {@code data-outcome} ({@code VALID}, ...).
     */
    public static String verificationOutcome(String filename, byte[] document) {
        FlowClient checker = new FlowClient();
        checker.get("/verification");
        Response checked = given().cookies(checker.cookies()).multiPart(CSRF_FIELD, checker.csrfToken())
                .multiPart("document", filename, document).post("/verification");
        if (checked.statusCode() != 200) {
            throw new AssertionError("the verification page answered " + checked.statusCode() + ": " + checked.asString());
        }
        return html(checked).getElementById("verdict").attr("data-outcome");
    }
}
