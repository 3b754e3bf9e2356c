package org.edurecords.ncp.receiving;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The receivers' API with OAuth2 access tokens (client credentials) of the identity provider, the test one
 * (OidcWiremockTestResource): the token's client is the receiver, a token of no receiver's client, without the
 * scope, expired, of another issuer, audience or key is refused, an unreachable provider is a 503, and the static
 * token keeps working beside them.
 */
@QuarkusTest
@TestProfile(ReceivingProfile.class)
class ReceiverApiOAuthTest {

    /** As {@code %test.ncp.receivers.test-case-office.oauth-client-id} and the receiver-api tenant's settings. */
    static final String CLIENT = "test-case-office-client";
    static final String ISSUER = "https://server.example.com";
    static final String AUDIENCE = "https://ncp.receiving.example.org/api/receiver";
    static final String SCOPE = "ncp.receiver";

    @OidcWireMock
    WireMockServer provider;

    /** A client credentials access token as the provider issues it: its client in {@code azp}, the API's scope. */
    private static Map<String, Object> claims(String client) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", "service-account-" + client);
        claims.put("azp", client);
        claims.put("scope", "profile " + SCOPE);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(300).getEpochSecond());
        return claims;
    }

    /** Signed by the test provider's key (kid 1), as OidcWiremockTestResource signs its tokens. */
    private static String token(Map<String, Object> claims) {
        return builder(claims).jws().keyId("1").sign("privateKey.jwk");
    }

    private static JwtClaimsBuilder builder(Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.claims();
        claims.forEach(builder::claim);
        return builder;
    }

    private static Response create(String token, String caseReference) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("caseReference", caseReference, "person", ApplicantJourney.ANNA, "profile",
                        "bachelor-degree"))
                .post(ReceiverRequestResource.PATH);
    }

    private static void assertRefused(int status, String code, Response response) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(status, response.jsonPath().getInt("status"));
        assertEquals(code, response.jsonPath().getString("error"));
        assertFalse(response.asString().contains("Exception"), response.asString());
    }

    @Test
    void aClientCredentialsTokenCreatesAndReadsTheReceiversRequest() {
        String token = token(claims(CLIENT));
        Response created = create(token, "OAUTH-1");
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.jsonPath().getString("id");
        assertEquals("waiting", created.jsonPath().getString("status"));

        Response read = given().header("Authorization", "Bearer " + token).get(ReceiverRequestResource.PATH + "/" + id);
        assertEquals(200, read.statusCode(), read.asString());
        assertEquals("OAUTH-1", read.jsonPath().getString("caseReference"));
        // The same receiver as its static token: that one reads the request too.
        Response byStaticToken = ApplicantJourney.api().get(ReceiverRequestResource.PATH + "/" + id);
        assertEquals(200, byStaticToken.statusCode());
        assertEquals("OAUTH-1", byStaticToken.jsonPath().getString("caseReference"));
    }

    @Test
    void withoutAnAzpClaimTheClientIdClaimNamesTheClient() {
        Map<String, Object> claims = claims(CLIENT);
        claims.remove("azp");
        claims.put("client_id", CLIENT);
        Response created = create(token(claims), "OAUTH-client-id");
        assertEquals(201, created.statusCode(), created.asString());
    }

    @Test
    void aValidTokenOfNoReceiversClientIsForbidden() {
        assertRefused(403, "client_unknown", create(token(claims("someone-elses-client")), "OAUTH-unknown"));
        Map<String, Object> noClient = claims(CLIENT);
        noClient.remove("azp");
        assertRefused(403, "client_unknown", create(token(noClient), "OAUTH-no-client"));
    }

    @Test
    void aTokenWithoutTheRequiredScopeIsForbidden() {
        Map<String, Object> claims = claims(CLIENT);
        claims.put("scope", "profile email ncp.receiver.read");
        Response refused = create(token(claims), "OAUTH-scope");
        assertRefused(403, "insufficient_scope", refused);
        assertEquals("Bearer realm=\"ncp-receiver\", error=\"insufficient_scope\", scope=\"ncp.receiver\"",
                refused.header("WWW-Authenticate"));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Map<String, Object> claims = claims(CLIENT);
        claims.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
        claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        Response refused = create(token(claims), "OAUTH-expired");
        assertRefused(401, "token_invalid", refused);
        assertEquals("Bearer realm=\"ncp-receiver\", error=\"invalid_token\"", refused.header("WWW-Authenticate"));
    }

    @Test
    void aTokenOfAnotherIssuerAudienceOrKeyIsUnauthorized() throws Exception {
        Map<String, Object> otherIssuer = claims(CLIENT);
        otherIssuer.put("iss", "https://idp.evil.example.com");
        assertRefused(401, "token_invalid", create(token(otherIssuer), "OAUTH-issuer"));

        Map<String, Object> otherAudience = claims(CLIENT);
        otherAudience.put("aud", "https://another-service.example.org");
        assertRefused(401, "token_invalid", create(token(otherAudience), "OAUTH-audience"));
        // The provider's access token for the citizen login's client is not one for this API either.
        assertRefused(401, "token_invalid",
                create(OidcWiremockTestResource.getAccessToken("alice", java.util.Set.of("user")), "OAUTH-login"));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey otherKey = generator.generateKeyPair().getPrivate();
        String forged = builder(claims(CLIENT)).jws().keyId("1").sign(otherKey);
        Response refused = create(forged, "OAUTH-forged");
        assertRefused(401, "token_invalid", refused);
        assertEquals("Bearer realm=\"ncp-receiver\", error=\"invalid_token\"", refused.header("WWW-Authenticate"));

        String[] parts = token(claims(CLIENT)).split("\\.");
        assertRefused(401, "token_invalid", create(parts[0] + "." + parts[1] + ".", "OAUTH-unsigned"));
    }

    @Test
    void whileTheProviderCannotBeReachedTheAnswerIs503() {
        // A key the service does not know yet makes it fetch the provider's keys again; that fetch fails.
        StubMapping down = provider.stubFor(get(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/certs"))
                .atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try {
            String token = builder(claims(CLIENT)).jws().keyId("rotated-key").sign("privateKeyWithoutKid.jwk");
            Response unavailable = create(token, "OAUTH-down");
            assertRefused(503, "idp_unavailable", unavailable);
            assertEquals("30", unavailable.header("Retry-After"));
        } finally {
            provider.removeStub(down);
        }
    }

    @Test
    void aPathNamedAfterTheTenantIsNotAuthenticatedByIt() {
        // quarkus-oidc would pick a tenant for a path segment equal to its id; the pages keep the default tenant,
        // which ignores a bearer token: the applicant's page of an unknown request, not the tenant's 401.
        Response page = given().header("Authorization", "Bearer " + token(claims("someone-elses-client")) + "x")
                .get("/receive/" + ReceiverAccess.OAUTH_TENANT);
        assertEquals(404, page.statusCode(), page.asString());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    }

    @Test
    void theStaticTokenStillWorksAndAWrongOneIsUnauthorized() {
        Response created = create(ReceivingProfile.TOKEN, "OAUTH-static");
        assertEquals(201, created.statusCode(), created.asString());
        Response wrong = create(ReceivingProfile.TOKEN + "x", "OAUTH-static-wrong");
        assertRefused(401, "token_invalid", wrong);
        assertEquals("Bearer realm=\"ncp-receiver\", error=\"invalid_token\"", wrong.header("WWW-Authenticate"));
        Response none = given().contentType(ContentType.JSON).body("{}").post(ReceiverRequestResource.PATH);
        assertRefused(401, "token_invalid", none);
        assertEquals("Bearer realm=\"ncp-receiver\"", none.header("WWW-Authenticate"));
    }
}
