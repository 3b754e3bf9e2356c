package org.edurecords.ncp.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * People the test OIDC provider (OidcWiremockTestResource) can log in, each with the claims a real
 * provider would release. Typing the person's name on the provider's login form selects them; any
 * other name gets the provider's default token (user "alice", with no person identifier).
 */
public final class MockIdentityProvider {

    public static final String CLIENT_ID = "quarkus-web-app";

    /** Anna of the demo register, identified by her national identity number as ID-porten would. */
    public static final Map<String, String> ANNA = Map.of("pid", "17049812345", "given_name", "Anna Kristine",
            "family_name", "Sørbø-Łukasiewicz", "birthdate", "1998-04-17");

    /** A real person to the provider, unknown to the learner register. */
    public static final Map<String, String> STRANGER = Map.of("pid", "24068899999", "given_name", "Kari",
            "family_name", "Nordmann", "birthdate", "1988-06-24");

    private final WireMockServer server;
    private final List<StubMapping> stubs = new ArrayList<>();

    public MockIdentityProvider(WireMockServer server) {
        this.server = server;
    }

    public MockIdentityProvider person(String username, Map<String, String> claims) {
        String code = "code-for-" + username;
        stubs.add(server.stubFor(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(username)).atPriority(1)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)
                        .withTransformers("response-template"))));
        String idToken = OidcWiremockTestResource.getIdToken(username, CLIENT_ID, claims);
        String accessToken = OidcWiremockTestResource.getAccessToken(username, Set.of("user"));
        stubs.add(server.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("code=" + code)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                                + "\"id_token\":\"" + idToken + "\"}"))));
        return this;
    }

    /** A person whose login reaches the provider, but whose code the token endpoint cannot redeem (provider down). */
    public MockIdentityProvider tokenEndpointDownFor(String username) {
        String code = "code-for-" + username;
        stubs.add(server.stubFor(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(username)).atPriority(1)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)
                        .withTransformers("response-template"))));
        stubs.add(server.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("code=" + code)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("maintenance"))));
        return this;
    }

    /** Path of the provider's end_session endpoint, as {@code %test.ncp.auth.oidc.end-session-url} names it. */
    public static final String END_SESSION_PATH = "/auth/realms/quarkus/protocol/openid-connect/logout";

    /** The provider's end_session endpoint: a page saying the person is logged out there too. */
    public MockIdentityProvider endSession() {
        stubs.add(server.stubFor(get(urlPathEqualTo(END_SESSION_PATH)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody("<!DOCTYPE html><html><head><title>Logged out</title></head><body>"
                                + "<h1 id=\"provider-logged-out\">Logged out at the provider</h1></body></html>"))));
        return this;
    }

    public void reset() {
        stubs.forEach(server::removeStub);
        stubs.clear();
    }
}
