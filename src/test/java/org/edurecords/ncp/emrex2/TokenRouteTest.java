package org.edurecords.ncp.emrex2;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.FrozenClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /oauth2/token}: the client assertion, the code's bindings and PKCE, each refusal with its status. */
@QuarkusTest
class TokenRouteTest {

    @TestHTTPResource("/")
    java.net.URL base;

    FrozenClock clock;

    @BeforeEach
    void freeze() {
        clock = FrozenClock.install();
    }

    private Emrex2Client client() {
        return new Emrex2Client(base.toString());
    }

    private String tokenUrl() {
        return base.toString().replaceAll("/$", "") + "/oauth2/token";
    }

    @Test
    void aGoodRequestGetsAShortLivedBearerToken() {
        Emrex2Client client = client();
        Response token = client.token(client.consent("anna", "demo"));
        assertEquals(200, token.statusCode(), token.asString());
        assertEquals("no-store", token.header("Cache-Control"));
        assertEquals("Bearer", token.jsonPath().getString("token_type"));
        assertTrue(token.jsonPath().getInt("expires_in") <= 300);
        assertEquals("higher-education-results upper-secondary-results vocational-results licences authorisations"
                + " recognition-decisions", token.jsonPath().getString("scope"));
        assertTrue(token.jsonPath().getString("access_token").length() >= 43);
    }

    @Test
    void anEcClientSignsWithEs256() {
        Emrex2Client client = new Emrex2Client(base.toString(), Emrex2Client.EC_CLIENT_ID,
                Emrex2Client.EC_REDIRECT_URI, Emrex2Client.EC_KEY);
        Response token = client.token(client.consent("anna", "demo"));
        assertEquals(200, token.statusCode(), token.asString());
    }

    @Test
    void rsaClientsMaySignWithPs256ButNotWithHs256() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        Response ps256 = client.token(code, client.verifier, Emrex2Client.assertion(client.claims(clock.instant())
                .build(), client.key, com.nimbusds.jose.JWSAlgorithm.PS256));
        assertEquals(200, ps256.statusCode(), ps256.asString());
        Emrex2Client other = client();
        String otherCode = other.consent("anna", "demo");
        // An HMAC "signature" keyed with the public key is the classic algorithm confusion: refused.
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String claims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                other.claims(clock.instant()).build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertError(other.token(otherCode, other.verifier, header + "." + claims + ".c2lnbmF0dXJl"), 401,
                "invalid_client");
    }

    @Test
    void aCodeUsedTwiceIsRefusedAndWhatTheFirstUseGaveIsRevoked() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        String access = client.token(code).jsonPath().getString("access_token");
        assertEquals(200, Emrex2Client.results(access, "").statusCode());
        assertError(client.token(code), 400, "invalid_grant");
        assertEquals(401, Emrex2Client.results(access, "").statusCode(), "the first token is revoked");
    }

    @Test
    void aWrongVerifierIsRefusedAndDoesNotSpendTheCode() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        assertError(client.token(code, client.verifier.substring(1) + "x", client.assertion()), 400, "invalid_grant");
        assertError(client.token(code, "short", client.assertion()), 400, "invalid_grant");
        assertEquals(200, client.token(code).statusCode(), "the real client still redeems it");
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        clock.advance(Duration.ofSeconds(61));
        assertError(client.token(code), 400, "invalid_grant");
    }

    @Test
    void aCodeOfAnotherClientOrRedirectIsRefused() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        Emrex2Client other = new Emrex2Client(base.toString(), Emrex2Client.EC_CLIENT_ID,
                Emrex2Client.EC_REDIRECT_URI, Emrex2Client.EC_KEY);
        assertError(other.token(code, client.verifier, other.assertion()), 400, "invalid_grant");
        Map<String, String> form = form(client, code, client.assertion());
        form.put("redirect_uri", "https://emc.example.org/other");
        assertError(Emrex2Client.tokenForm(form), 400, "invalid_grant");
    }

    @Test
    void assertionsThatDoNotProveTheClientAreRefusedWith401() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        Instant now = clock.instant();
        assertError(client.token(code, client.verifier, Emrex2Client.assertion(client.claims(now).build(),
                Emrex2Client.privateKey(Emrex2Client.OTHER_KEY))), 401, "invalid_client");
        assertError(client.token(code, client.verifier, Emrex2Client.assertion(client.claims(now)
                .audience("https://elsewhere.example/oauth2/token").build(), client.key)), 401, "invalid_client");
        assertError(client.token(code, client.verifier, Emrex2Client.assertion(client.claims(now)
                .expirationTime(Date.from(now.minusSeconds(60))).build(), client.key)), 401, "invalid_client");
        assertError(client.token(code, client.verifier, Emrex2Client.assertion(client.claims(now)
                .expirationTime(Date.from(now.plusSeconds(3600))).build(), client.key)), 401, "invalid_client");
        assertError(client.token(code, client.verifier, Emrex2Client.assertion(client.claims(now)
                .subject("someone-else").build(), client.key)), 401, "invalid_client");
        assertError(client.token(code, client.verifier, Emrex2Client.assertion(client.claims(now).jwtID(null)
                .build(), client.key)), 401, "invalid_client");
        assertError(client.token(code, client.verifier, "not.a.jwt"), 401, "invalid_client");
        assertEquals(200, client.token(code).statusCode(), "none of those spent the code");
    }

    @Test
    void theIssuerUrlIsAcceptedAsAudience() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        String issuer = base.toString().replaceAll("/$", "");
        assertEquals(200, client.token(code, client.verifier, Emrex2Client.assertion(client.claims(clock.instant())
                .audience(issuer).build(), client.key)).statusCode());
    }

    @Test
    void aReplayedAssertionIsRefused() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        String assertion = client.assertion();
        assertEquals(200, client.token(code, client.verifier, assertion).statusCode());
        Emrex2Client second = client();
        String secondCode = second.consent("anna", "demo");
        assertError(second.token(secondCode, second.verifier, assertion), 401, "invalid_client");
    }

    @Test
    void anUnknownClientIs400InvalidClient() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        assertError(client.token(code, client.verifier, Emrex2Client.assertion(client.claims(clock.instant())
                .issuer("nobody").subject("nobody").build(), client.key)), 400, "invalid_client");
    }

    @Test
    void malformedRequestsAreInvalidRequestOrUnsupportedGrantType() {
        Emrex2Client client = client();
        String code = client.consent("anna", "demo");
        Map<String, String> missing = form(client, code, client.assertion());
        missing.remove("code_verifier");
        assertError(Emrex2Client.tokenForm(missing), 400, "invalid_request");
        Map<String, String> type = form(client, code, client.assertion());
        type.put("client_assertion_type", "urn:other");
        assertError(Emrex2Client.tokenForm(type), 400, "invalid_request");
        Map<String, String> grant = form(client, code, client.assertion());
        grant.put("grant_type", "password");
        assertError(Emrex2Client.tokenForm(grant), 400, "unsupported_grant_type");
        assertError(given().contentType("application/json").body("{}").post("/oauth2/token"), 400,
                "invalid_request");
        Response get = given().get("/oauth2/token");
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.header("Allow"));
        assertEquals(200, client.token(code).statusCode(), "none of those spent the code");
    }

    private static Map<String, String> form(Emrex2Client client, String code, String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", client.redirectUri);
        form.put("code_verifier", client.verifier);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        return form;
    }

    static void assertError(Response response, int status, String error) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(error, response.jsonPath().getString("error"), response.asString());
        assertTrue(response.contentType().startsWith("application/json"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertNull(response.jsonPath().getString("access_token"));
    }
}
