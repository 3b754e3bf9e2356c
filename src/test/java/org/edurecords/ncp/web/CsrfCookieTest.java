package org.edurecords.ncp.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.api.Test;

/**
 * The CSRF cookie is never sent with requests from other sites (production also gives it the {@code __Host-}
 * prefix, checked with the packaged jar in {@code PackagedApplicationIT}).
 */
@QuarkusTest
class CsrfCookieTest {

    @Test
    void theCookieIsStrictAndHttpOnly() {
        Response page = given().get("/my-results");
        String setCookie = page.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("ncp-csrf="))
                .findFirst().orElse(null);
        assertNotNull(setCookie, page.headers().toString());
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), setCookie);
    }

    @Test
    void theTokenOfARealPageIsAccepted() {
        FlowClient browser = new FlowClient();
        browser.get("/my-results");
        Response login = browser.post("/my-results/login/demo", java.util.Map.of("username", "anna", "password", "demo"));
        assertEquals(303, login.statusCode(), login.asString());
    }
}
