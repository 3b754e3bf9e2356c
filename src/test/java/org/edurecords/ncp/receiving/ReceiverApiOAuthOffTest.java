package org.edurecords.ncp.receiving;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The shipped default: access tokens off and the receiver-api tenant without a provider, as in production before an
 * operator sets it up. The service starts, the static token works, and a valid access token is not even looked at.
 */
@QuarkusTest
// The receivers' profile of that test ships the access tokens off; sharing it saves a service start.
@TestProfile(org.edurecords.ncp.emrex.EmpCodesAndKnownReceiversTest.Profile.class)
class ReceiverApiOAuthOffTest {

    @Test
    void theStaticTokenWorksAndAnAccessTokenIsUnauthorized() {
        Map<String, Object> body = Map.of("caseReference", "OAUTH-off", "person", ApplicantJourney.ANNA, "profile",
                "bachelor-degree");
        Response created = ApplicantJourney.api().contentType(ContentType.JSON).body(body)
                .post(ReceiverRequestResource.PATH);
        assertEquals(201, created.statusCode(), created.asString());

        Map<String, Object> claims = new java.util.HashMap<>(Map.of("iss", "https://server.example.com", "aud",
                ReceiverApiOAuthTest.AUDIENCE, "azp", ReceiverApiOAuthTest.CLIENT, "scope", ReceiverApiOAuthTest.SCOPE,
                "exp", java.time.Instant.now().plusSeconds(300).getEpochSecond()));
        io.smallrye.jwt.build.JwtClaimsBuilder builder = io.smallrye.jwt.build.Jwt.claims();
        claims.forEach(builder::claim);
        Response refused = given().header("Authorization", "Bearer " + builder.jws().keyId("1").sign("privateKey.jwk"))
                .contentType(ContentType.JSON).body(body).post(ReceiverRequestResource.PATH);
        assertEquals(401, refused.statusCode(), refused.asString());
        assertEquals("token_invalid", refused.jsonPath().getString("error"));
    }
}
