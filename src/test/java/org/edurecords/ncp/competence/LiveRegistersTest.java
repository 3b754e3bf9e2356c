package org.edurecords.ncp.competence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.InjectWireMock;
import org.edurecords.ncp.support.WireMockResource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A register that serves credentials live (WireMock plays it): asked at each visit of the owner's page, of a share
 * link's selection and at a transfer's login, its answer kept as an import of the person's, a later status change
 * kept in the history, and the last answer shown when the register fails or is slow.
 */
@QuarkusTest
@TestProfile(LiveRegistersTest.Profile.class)
class LiveRegistersTest {

    private static final String PATH = "/hpr/credentials";
    private static final String CARLA = "24089467890";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Register.class));
        }
    }

    public static class Register extends WireMockResource {
        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
            server.start();
            return Map.of("ncp.competence.live.hpr-live.url", server.baseUrl() + PATH,
                    "ncp.competence.live.hpr-live.token", "register-token",
                    "ncp.competence.live.hpr-live.name", "Health personnel register",
                    "ncp.competence.live.hpr-live.timeout", "PT1S");
        }
    }

    @InjectWireMock
    WireMockServer register;

    @TestHTTPResource("/")
    java.net.URL base;

    @BeforeEach
    void reset() {
        register.resetAll();
    }

    private static String authorisation(String nationalIdentifier, String status, String since) {
        return "{\"sourceKey\":\"HPR-555\",\"nationalIdentifier\":\"" + nationalIdentifier + "\",\"kind\":\"authorisation\","
                + "\"title\":{\"en\":\"Authorisation as nurse\",\"nb\":\"Autorisasjon som sykepleier\"},"
                + "\"issuer\":{\"name\":\"Helsedirektoratet\",\"country\":\"NO\",\"id\":\"983544622\"},"
                + "\"issuedOn\":\"2020-02-01\",\"number\":\"555\",\"validFrom\":\"2020-02-01\",\"status\":\"" + status
                + "\",\"statusSince\":\"" + since + "\",\"details\":{\"profession\":{\"en\":\"Nurse\",\"nb\":\"Sykepleier\"},"
                + "\"scheme\":\"HPR\"}}";
    }

    private void answers(String body) {
        register.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static Element nurse(FlowClient carla) {
        Response page = carla.get("/my-results?lang=en");
        assertEquals(200, page.statusCode());
        Document html = FlowClient.html(page);
        return html.select("article.credential").stream().filter(a -> a.text().contains("Authorisation as nurse"))
                .findFirst().orElse(null);
    }

    @Test
    void theRegistersAnswerIsShownAndItsLaterStatusChangeKeptInTheHistory() {
        FlowClient carla = new FlowClient().portalLogin("carla");
        answers("{\"credentials\":[" + authorisation(CARLA, "valid", "2020-02-01") + "]}");
        Element nurse = nurse(carla);
        assertNotNull(nurse, "the live register's authorisation is on the page");
        assertTrue(nurse.selectFirst(".credential-status").text().contains("Valid"), nurse.text());
        register.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer register-token"))
                .withRequestBody(equalToJson("{\"nationalIdentifier\":\"" + CARLA + "\"}")));

        answers("{\"credentials\":[" + authorisation(CARLA, "suspended", "2026-11-01") + "]}");
        nurse = nurse(carla);
        assertTrue(nurse.hasClass("not-current"), nurse.outerHtml());
        JsonPath evidence = carla.get("/my-results/competence.json").jsonPath();
        assertEquals(List.of("valid", "suspended"),
                evidence.getList("credentials.find { it.number == '555' }.history.status"));

        // A register that fails, or is slower than its timeout, leaves what it said last.
        register.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertTrue(nurse(carla).hasClass("not-current"));
        Document stale = FlowClient.html(carla.get("/my-results?lang=en"));
        assertTrue(stale.select("#unreachable li").eachText().contains(
                "Health personnel register: could not be read just now; the credentials it gave last are shown"),
                "the page says the register's answer is the last one: " + stale.select("#unreachable").text());
        register.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{\"credentials\":[]}")));
        assertNotNull(nurse(carla), "a slow register is given up on; the last answer stays");
        register.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<html>")));
        assertNotNull(nurse(carla), "an answer that is not the JSON changes nothing");

        // Its answer is the whole truth of that register about this person: what it no longer gives is gone.
        answers("{\"credentials\":[]}");
        assertNull(nurse(carla));
        // The recognition decision of another register is untouched.
        assertTrue(FlowClient.html(carla.get("/my-results?lang=en")).text().contains("General recognition"));
    }

    @Test
    void aTransfersPagesSayWhichRegisterCouldNotBeReadAndOfferItsLastAnswer() {
        // EMREX 2.0 without a scope offers credentials outside ELMO; EMREX 1.0 to another receiver never does.
        String notice = "Health personnel register: could not be read just now; the credentials it gave last are shown";
        answers("{\"credentials\":[" + authorisation(CARLA, "valid", "2020-02-01") + "]}");
        Emrex2Client fresh = new Emrex2Client(base.toString()).startAndLogin("carla", "demo");
        Document selection = FlowClient.html(fresh.browser.get(fresh.flowPath + "/select?lang=en"));
        assertTrue(selection.select("#credential-choices").text().contains("Authorisation as nurse"),
                selection.select("main").text());
        assertFalse(selection.select("#unreachable li").eachText().contains(notice), selection.select("#unreachable").text());

        register.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        Emrex2Client stale = new Emrex2Client(base.toString()).startAndLogin("carla", "demo");
        selection = FlowClient.html(stale.browser.get(stale.flowPath + "/select?lang=en"));
        assertTrue(selection.select("#unreachable li").eachText().contains(notice), selection.select("#unreachable").text());
        List<String> nurse = selection.select("#credential-choices p.choice").stream()
                .filter(p -> p.text().contains("Authorisation as nurse"))
                .map(p -> p.selectFirst("input[name=credential]").attr("value")).toList();
        assertEquals(1, nurse.size(), "the register's last answer is still offered");
        stale.browser.post(stale.flowPath + "/select", Map.of("credential", nurse)).then().statusCode(303);
        Document preview = FlowClient.html(stale.browser.get(stale.flowPath + "/preview?lang=en"));
        assertTrue(preview.select("#unreachable li").eachText().contains(notice), "the preview says so too");
        assertTrue(preview.select("#competence").text().contains("Authorisation as nurse"), preview.text());
        // The notice is the flow's: with the register back, the pages still say what was asked when.
        answers("{\"credentials\":[" + authorisation(CARLA, "valid", "2020-02-01") + "]}");
        assertTrue(FlowClient.html(stale.browser.get(stale.flowPath + "/preview?lang=en")).select("#unreachable li")
                .eachText().contains(notice));
    }

    @Test
    void aShareLinksSelectionAsksTheRegisterAndItsPreviewSaysWhenItCouldNotBeRead() {
        String notice = "Health personnel register: could not be read just now; the credentials it gave last are shown";
        FlowClient carla = new FlowClient().portalLogin("carla");
        answers("{\"credentials\":[" + authorisation(CARLA, "valid", "2020-02-01") + "]}");
        // Straight to the selection, without the owner's page: the register is asked there too.
        Document selection = FlowClient.html(carla.get("/my-results/share?lang=en"));
        List<String> nurse = selection.select("#credential-choices p.choice").stream()
                .filter(p -> p.text().contains("Authorisation as nurse"))
                .map(p -> p.selectFirst("input[name=credential]").attr("value")).toList();
        assertEquals(1, nurse.size(), selection.select("main").text());
        assertFalse(selection.select("#unreachable li").eachText().contains(notice));
        register.verify(1, postRequestedFor(urlEqualTo(PATH)));

        register.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        selection = FlowClient.html(carla.get("/my-results/share?lang=en"));
        assertTrue(selection.select("#unreachable li").eachText().contains(notice),
                selection.select("#unreachable").text());
        assertTrue(selection.select("#credential-choices").text().contains("Authorisation as nurse"),
                "the register's last answer is still offered");
        Response preview = carla.post("/my-results/share/preview?lang=en", Map.of("credential", nurse));
        assertEquals(200, preview.statusCode(), preview.asString());
        Document page = FlowClient.html(preview);
        assertTrue(page.select("#unreachable li").eachText().contains(notice), "the preview says so too");
        assertTrue(page.select("#competence").text().contains("Authorisation as nurse"), page.text());
        // The preview works from what the selection asked: the register is not asked again for it.
        register.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void anAnswerAboutSomeoneElseOrWithAWrongCredentialPutsNothingWrongOnThePage() {
        FlowClient carla = new FlowClient().portalLogin("carla");
        // The register may write another identity number: its answer is still taken as about the person asked for,
        // never about the person whose number it wrote. A credential that breaks the rules is refused.
        String wrong = "{\"sourceKey\":\"HPR-9\",\"kind\":\"authorisation\",\"title\":{\"en\":\"No issuer\"},"
                + "\"details\":{\"profession\":{\"en\":\"X\"}}}";
        answers("{\"credentials\":[" + authorisation("17049812345", "valid", "2020-02-01") + "," + wrong + "]}");
        assertNotNull(nurse(carla));
        assertTrue(!FlowClient.html(carla.get("/my-results?lang=en")).text().contains("No issuer"));
        FlowClient anna = new FlowClient().portalLogin("anna");
        answers("{\"credentials\":[]}");
        assertTrue(!FlowClient.html(anna.get("/my-results?lang=en")).text().contains("Authorisation as nurse"),
                "anna never gets carla's authorisation");
    }
}
