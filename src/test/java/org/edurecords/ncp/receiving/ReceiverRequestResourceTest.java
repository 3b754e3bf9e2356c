package org.edurecords.ncp.receiving;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.edurecords.ncp.verify.DetachedSignature;
import org.edurecords.ncp.registry.EmregList;
import org.edurecords.ncp.support.FrozenClock;
import org.edurecords.ncp.support.InjectWireMock;

/** The case systems' API over HTTP: requests, their validation, reading, cancelling, and the webhook's delivery. */
@QuarkusTest
@TestProfile(ReceivingProfile.class)
class ReceiverRequestResourceTest {

    @InjectWireMock
    WireMockServer caseSystem;

    @Inject
    WebhookOutbox outbox;

    @Inject
    ReceiverRequests requests;

    @Test
    void refusesCallsWithoutTheReceiversToken() {
        Response none = given().contentType(ContentType.JSON).body("{}").post(ReceiverRequestResource.PATH);
        assertEquals(401, none.statusCode());
        assertEquals("token_invalid", none.jsonPath().getString("error"));
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));
        Response wrong = given().header("Authorization", "Bearer " + ReceivingProfile.TOKEN + "x")
                .get(ReceiverRequestResource.PATH + "/anything");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.contentType().startsWith("application/json"), wrong.contentType());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON | {nope | body_invalid",
        "no case reference | {\"person\":{\"givenNames\":\"A\",\"familyName\":\"B\",\"birthDate\":\"2000-01-01\"},\"profile\":\"bachelor-degree\"} | caseReference_missing",
        "no person | {\"caseReference\":\"c\",\"profile\":\"bachelor-degree\"} | person_missing",
        "no family name | {\"caseReference\":\"c\",\"person\":{\"givenNames\":\"A\",\"birthDate\":\"2000-01-01\"},\"profile\":\"bachelor-degree\"} | person_familyName_missing",
        "bad birth date | {\"caseReference\":\"c\",\"person\":{\"givenNames\":\"A\",\"familyName\":\"B\",\"birthDate\":\"01.01.2000\"},\"profile\":\"bachelor-degree\"} | person_birthDate_invalid",
        "unknown profile | {\"caseReference\":\"c\",\"person\":{\"givenNames\":\"A\",\"familyName\":\"B\",\"birthDate\":\"2000-01-01\"},\"profile\":\"no-such\"} | profile_unknown",
        "unknown version | {\"caseReference\":\"c\",\"person\":{\"givenNames\":\"A\",\"familyName\":\"B\",\"birthDate\":\"2000-01-01\"},\"profile\":\"bachelor-degree\",\"profileVersion\":99} | profile_unknown",
        "return URL elsewhere | {\"caseReference\":\"c\",\"person\":{\"givenNames\":\"A\",\"familyName\":\"B\",\"birthDate\":\"2000-01-01\"},\"profile\":\"bachelor-degree\",\"returnUrl\":\"https://evil.example.com/\"} | returnUrl_host",
        "plain http return URL | {\"caseReference\":\"c\",\"person\":{\"givenNames\":\"A\",\"familyName\":\"B\",\"birthDate\":\"2000-01-01\"},\"profile\":\"bachelor-degree\",\"returnUrl\":\"http://case.example.org/\"} | returnUrl_invalid",
    })
    void refusesAWrongRequestNamingTheField(String what, String body, String code) {
        Response refused = ApplicantJourney.api().contentType(ContentType.JSON).body(body)
                .post(ReceiverRequestResource.PATH);
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals(code, refused.jsonPath().getString("error"));
        assertFalse(refused.asString().contains("Exception"), "no stack trace or exception name: " + refused.asString());
    }

    @Test
    void aNewRequestIsWaitingWithTheApplicantsLink() {
        Response created = ApplicantJourney.api().contentType(ContentType.JSON).body(Map.of("caseReference", "C-1",
                "person", ApplicantJourney.ANNA, "profile", "bachelor-degree")).post(ReceiverRequestResource.PATH);
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith(ReceiverRequestResource.PATH + "/" + id));
        String link = created.jsonPath().getString("applicantUrl");
        assertTrue(link.startsWith(ReceivingProfile.PUBLIC_URL) && link.endsWith("/receive/" + id), link);
        assertEquals("waiting", created.jsonPath().getString("status"));
        assertEquals("bachelor-degree", created.jsonPath().getString("profile.id"));
        assertEquals(1, created.jsonPath().getInt("profile.version"), "the latest version when none is named");

        JsonPath read = ApplicantJourney.api().get(ReceiverRequestResource.PATH + "/" + id).jsonPath();
        assertEquals("C-1", read.getString("caseReference"));
        assertEquals("waiting", read.getString("status"));
        assertEquals(List.of(), read.getList("answers"));
        assertNull(read.get("evaluation"));

        Response unknown = ApplicantJourney.api().get(ReceiverRequestResource.PATH + "/no-such-request");
        assertEquals(404, unknown.statusCode());
        assertEquals("request_unknown", unknown.jsonPath().getString("error"));
    }

    @Test
    void aCancelledRequestCanNoLongerBeAnswered() {
        ApplicantJourney journey = new ApplicantJourney().create("C-cancel", ApplicantJourney.ANNA, "bachelor-degree");
        Map<String, String> trip = journey.choose(journey.thisNcp());
        Response cancelled = ApplicantJourney.api().contentType(ContentType.JSON).body("{}")
                .post(ReceiverRequestResource.PATH + "/" + journey.requestId + "/cancel");
        assertEquals(200, cancelled.statusCode(), cancelled.asString());
        assertEquals("cancelled", cancelled.jsonPath().getString("status"));

        Response page = journey.applicant.get(journey.applicantPath);
        assertEquals(410, page.statusCode());
        assertNotNull(org.jsoup.Jsoup.parse(page.asString()).selectFirst("#request-closed"));
        // An answer that arrives afterwards finds no open trip.
        Map<String, String> late = new HashMap<>(trip);
        late.remove("returnUrl");
        late.put("returnCode", "NCP_CANCEL");
        late.put("returnMessage", "");
        late.put("elmo", "");
        assertEquals(404, journey.answer(late).statusCode());
        assertEquals("cancelled", journey.read().getString("status"));
    }

    @Test
    void aRequestExpiresAfterItsLifetimeAndIsDeletedAfterTheRetention() {
        FrozenClock clock = FrozenClock.install();
        ApplicantJourney journey = new ApplicantJourney().create("C-retention", ApplicantJourney.ANNA, "bachelor-degree");
        clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertEquals("waiting", journey.read().getString("status"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("expired", journey.read().getString("status"), "ncp.receiving.request-lifetime is P14D");
        assertEquals(410, journey.applicant.get(journey.applicantPath).statusCode());

        clock.advance(Duration.ofDays(76));
        requests.purge();
        assertEquals(404, ApplicantJourney.api().get(ReceiverRequestResource.PATH + "/" + journey.requestId)
                .statusCode(), "deleted 90 days after it was made (ncp.receiving.retention)");
        assertEquals(404, journey.applicant.get(journey.applicantPath).statusCode());
    }

    @Test
    void theApiIsDescribedInTheOpenApiDocument() {
        String openapi = given().get("/q/openapi?format=json").asString();
        assertTrue(openapi.contains("\"/api/receiver/requests\""), "the requests API is documented");
        assertTrue(openapi.contains("/api/receiver/requests/{id}/answers/{answer}/document"));
        assertTrue(openapi.contains("receiverToken"), "with its bearer token");
    }

    @Test
    void theWebhookIsRetriedUntilTheCaseSystemTakesItAndEveryAttemptIsVisible() throws Exception {
        FrozenClock clock = FrozenClock.install();
        String caseReference = "C-webhook-" + System.nanoTime();
        caseSystem.stubFor(post(urlEqualTo(ReceivingProfile.WEBHOOK_PATH)).withRequestBody(containing(caseReference))
                .inScenario(caseReference).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        caseSystem.stubFor(post(urlEqualTo(ReceivingProfile.WEBHOOK_PATH)).withRequestBody(containing(caseReference))
                .inScenario(caseReference).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        caseSystem.stubFor(post(urlEqualTo(ReceivingProfile.WEBHOOK_PATH)).withRequestBody(containing(caseReference))
                .inScenario(caseReference).whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(204)));

        ApplicantJourney journey = new ApplicantJourney().create(caseReference, ApplicantJourney.ANNA, "bachelor-degree");
        Response arrived = journey.answer(journey.fetchHere("anna"));
        assertEquals(200, arrived.statusCode(), arrived.asString());
        JsonPath evaluated = journey.read();
        assertEquals("evaluated", evaluated.getString("status"));
        assertEquals("pending", evaluated.getString("webhook[0].state"));

        outbox.deliverDue();
        assertEquals(List.of(500), attempts(journey));
        outbox.deliverDue();
        assertEquals(List.of(500), attempts(journey), "not again before the first wait (30 s) is over");
        clock.advance(Duration.ofSeconds(30));
        outbox.deliverDue();
        assertEquals(List.of(500, 503), attempts(journey));
        clock.advance(Duration.ofSeconds(59));
        outbox.deliverDue();
        assertEquals(List.of(500, 503), attempts(journey), "the second wait is twice the first");
        clock.advance(Duration.ofSeconds(1));
        outbox.deliverDue();
        assertEquals(List.of(500, 503, 204), attempts(journey));
        JsonPath delivered = journey.read();
        assertEquals("delivered", delivered.getString("webhook[0].state"));
        outbox.deliverDue();
        assertEquals(3, delivered.getList("webhook[0].attempts").size());

        List<LoggedRequest> posts = caseSystem.findAll(postRequestedFor(urlEqualTo(ReceivingProfile.WEBHOOK_PATH))
                .withRequestBody(containing(caseReference)));
        assertEquals(3, posts.size(), "nothing posted after it was taken");
        String key = delivered.getString("webhook[0].idempotencyKey");
        for (LoggedRequest post : posts) {
            assertEquals(key, post.getHeader("Idempotency-Key"), "the same key on every attempt");
            assertEquals(new String(posts.get(0).getBody(), StandardCharsets.UTF_8),
                    new String(post.getBody(), StandardCharsets.UTF_8), "the same body on every attempt");
        }
        // The signature, checked with the JDK alone against the certificate of our registry entry.
        byte[] body = posts.get(2).getBody();
        DetachedSignature.Verdict verdict = DetachedSignature.verify(posts.get(2).getHeader("X-Signature"), body,
                registryCertificates());
        assertTrue(verdict.valid(), verdict.describe());
        JsonPath payload = new JsonPath(new String(body, StandardCharsets.UTF_8));
        assertEquals("request.evaluated", payload.getString("event"));
        assertEquals(journey.requestId, payload.getString("request.id"));
        assertEquals(delivered.getString("outcome"), payload.getString("request.outcome"));
        assertEquals(delivered.getString("evaluation.outcome"), payload.getString("request.evaluation.outcome"));
    }

    @Test
    void aCaseSystemThatAnswersTooLateIsTriedAgainAfterTheWait() {
        FrozenClock clock = FrozenClock.install();
        String caseReference = "C-slow-" + System.nanoTime();
        // The first time the case system takes longer than ncp.receiving.webhook-timeout (PT1S in the profile).
        caseSystem.stubFor(post(urlEqualTo(ReceivingProfile.WEBHOOK_PATH)).withRequestBody(containing(caseReference))
                .inScenario(caseReference).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(204).withFixedDelay(2500)).willSetStateTo("slow once"));
        caseSystem.stubFor(post(urlEqualTo(ReceivingProfile.WEBHOOK_PATH)).withRequestBody(containing(caseReference))
                .inScenario(caseReference).whenScenarioStateIs("slow once")
                .willReturn(aResponse().withStatus(204)));

        ApplicantJourney journey = new ApplicantJourney().create(caseReference, ApplicantJourney.ANNA, "bachelor-degree");
        assertEquals(200, journey.answer(journey.fetchHere("anna")).statusCode());
        Instant firstAttempt = clock.instant();
        outbox.deliverDue();
        JsonPath timedOut = journey.read();
        assertEquals("pending", timedOut.getString("webhook[0].state"), "not given up after one slow answer");
        assertNull(timedOut.get("webhook[0].attempts[0].status"), "no status: no answer came in time");
        String error = timedOut.getString("webhook[0].attempts[0].error");
        assertNotNull(error);
        assertTrue(error.contains("timed out") && error.contains("1000 ms"), error);
        long waited = timedOut.getLong("webhook[0].attempts[0].durationMs");
        assertTrue(waited >= 1000 && waited < 2500, "the attempt ended at the timeout, not the answer: " + waited);
        assertEquals(firstAttempt.plusSeconds(30), Instant.parse(timedOut.getString("webhook[0].nextAttemptAt")),
                "the next attempt after the first wait (webhook-first-backoff)");

        outbox.deliverDue();
        assertEquals(1, journey.read().getList("webhook[0].attempts").size(), "not again before the wait is over");
        clock.advance(Duration.ofSeconds(30));
        outbox.deliverDue();
        JsonPath delivered = journey.read();
        assertEquals("delivered", delivered.getString("webhook[0].state"));
        assertEquals(java.util.Arrays.asList(null, 204), delivered.getList("webhook[0].attempts.status"));
        assertNull(delivered.get("webhook[0].attempts[1].error"));
        List<LoggedRequest> posts = caseSystem.findAll(postRequestedFor(urlEqualTo(ReceivingProfile.WEBHOOK_PATH))
                .withRequestBody(containing(caseReference)));
        assertEquals(2, posts.size());
        assertEquals(posts.get(0).getHeader("Idempotency-Key"), posts.get(1).getHeader("Idempotency-Key"),
                "the slow attempt and the delivery carry the same key: the case system can drop the second");
    }

    private static List<Integer> attempts(ApplicantJourney journey) {
        return journey.read().getList("webhook[0].attempts.status", Integer.class);
    }

    private static List<X509Certificate> registryCertificates() throws Exception {
        byte[] own = given().get("/emreg").asByteArray();
        byte[] list = ("{\"ncps\":[" + new String(own, StandardCharsets.UTF_8) + "]}").getBytes(StandardCharsets.UTF_8);
        return EmregList.parse(list, "test").entries().get(0).certificates();
    }
}
