package org.edurecords.ncp.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.api.Test;

/** The CSRF cookie is never sent cross-site and carries a signature, so a token planted in the browser is refused. */
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
    void aTokenPlantedInTheCookieAndTheFormIsRefused() {
        // Double submit alone accepts any value that is the same in cookie and form: a sibling site that can set
        // cookies for this domain could then post forms. A signed cookie must come from this service.
        Response forged = given().redirects().follow(false).cookie("ncp-csrf", "AAAAAAAAAAAAAAAAAAAAAA")
                .contentType("application/x-www-form-urlencoded")
                .formParam(FlowClient.CSRF_FIELD, "AAAAAAAAAAAAAAAAAAAAAA")
                .formParam("username", "anna").formParam("password", "demo")
                .post("/my-results/login/demo");
        assertEquals(400, forged.statusCode(), forged.asString());
        assertTrue(forged.asString().contains("did not come from this service"), forged.asString());
    }

    @Test
    void theTokenOfARealPageIsAccepted() {
        FlowClient browser = new FlowClient();
        browser.get("/my-results");
        Response login = browser.post("/my-results/login/demo", java.util.Map.of("username", "anna", "password", "demo"));
        assertEquals(303, login.statusCode(), login.asString());
    }
}
