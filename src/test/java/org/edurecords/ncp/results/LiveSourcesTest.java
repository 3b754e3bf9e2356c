package org.edurecords.ncp.results;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.edurecords.ncp.elmo.CompletenessExtension;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.InjectWireMock;
import org.edurecords.ncp.support.InstitutionElmo;
import org.edurecords.ncp.support.TestInstitutions;
import org.edurecords.ncp.support.WireMockInstitutions;
import org.edurecords.ncp.support.LiveSourcesProfile;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.NodeList;

/**
 * Live institution endpoints (WireMock) next to the embedded store: fast, slow beyond the timeout,
 * failing and malicious answers, each checked on the selection page and in the signed ELMO.
 */
@QuarkusTest
@TestProfile(LiveSourcesProfile.class)
class LiveSourcesTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn";
    private static final String ANNA = WireMockInstitutions.ANNA;
    private static final String FAST = WireMockInstitutions.FAST;
    private static final String SLOW = WireMockInstitutions.SLOW;
    private static final String BROKEN = WireMockInstitutions.BROKEN;

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    SourceGuards guards;

    @Inject
    SourceBulkheads bulkheads;

    private static boolean warm;

    @BeforeEach
    void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            TestInstitutions.ensure(101, "fast.example.org", "Fast University", "Raske universitet");
            TestInstitutions.ensure(102, "slow.example.org", "Slow University College", "Langsomme høgskole");
            TestInstitutions.ensure(103, "broken.example.org", "Broken Institute", "Ødelagte institutt");
        });
        if (!warm) {
            // The first fan-outs load and compile the HTTP client, fault tolerance, XML and page code; on a busy
            // machine that alone can exceed the slow source's 1 s timeout. The tests measure a running service,
            // so a few transfers warm it up once.
            wireMock.resetAll();
            allValid(0);
            for (int i = 0; i < 8; i++) {
                loggedIn().selectionPage();
            }
            warm = true;
        }
        wireMock.resetAll();
        guards.resetAll();
    }
    private void stub(String path, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder elmo(String schac, String name, String code, String title) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody(InstitutionElmo.valid(schac, name, ANNA, code, title));
    }

    private void allValid(int delayMillis) {
        stub(FAST, elmo("fast.example.org", "Fast University", "F-101", "Fast Course").withFixedDelay(delayMillis));
        stub(SLOW, elmo("slow.example.org", "Slow University College", "S-201", "Slow Course").withFixedDelay(delayMillis));
        stub(BROKEN, elmo("broken.example.org", "Broken Institute", "B-301", "Broken Course").withFixedDelay(delayMillis));
    }

    private static DemoFlow loggedIn() {
        DemoFlow flow = new DemoFlow("live-" + System.nanoTime(), RETURN_URL).start();
        Response login = flow.login("anna", "demo");
        assertEquals(303, login.statusCode(), login.asString());
        return flow;
    }

    /** Anna's upper-secondary school, whose results come from the credentials' store after every source's. */
    private static final String SCHOOL = "Oslo katedralskole, Oslo kommune";
    private static final String SCHOOL_NUMBER = "974590018";

    private static List<String> institutionsOn(Document page) {
        return page.select("fieldset.institution legend").eachText();
    }

    private static Map<String, String> unreachableOn(Document page) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Element item : page.select("#unreachable li")) {
            String[] parts = item.text().split(": ", 2);
            reasons.put(parts[0], parts[1]);
        }
        return reasons;
    }

    /** Selects everything offered, confirms, and returns the checked ELMO document. */
    private static org.w3c.dom.Document sendAll(DemoFlow flow, Document selection) {
        List<String> institutions = selection.select("input[name=institution]").eachAttr("value");
        flow.select(Map.of("institution", institutions)).then().statusCode(303);
        Map<String, String> fields = DemoFlow.answerFields(flow.confirm(), RETURN_URL);
        assertEquals("NCP_OK", fields.get("returnCode"));
        return ElmoChecks.parse(ElmoChecks.decodeAndCheck(fields.get("elmo")));
    }

    private static Map<String, String> completenessIn(org.w3c.dom.Document elmo) {
        NodeList roots = elmo.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "completeness");
        assertEquals(1, roots.getLength(), "one completeness element");
        Map<String, String> statuses = new LinkedHashMap<>();
        NodeList institutions = elmo.getElementsByTagNameNS(CompletenessExtension.NAMESPACE, "institution");
        for (int i = 0; i < institutions.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) institutions.item(i);
            statuses.put(e.getAttribute("schac"), e.getAttribute("status"));
        }
        statuses.put("#complete", ((org.w3c.dom.Element) roots.item(0)).getAttribute("complete"));
        return statuses;
    }

    private static List<String> issuersIn(org.w3c.dom.Document elmo) {
        NodeList ids = elmo.getElementsByTagNameNS("https://github.com/emrex-eu/elmo-schemas/tree/v1", "issuer");
        return java.util.stream.IntStream.range(0, ids.getLength())
                .mapToObj(i -> ((org.w3c.dom.Element) ids.item(i)).getElementsByTagNameNS("*", "identifier").item(0)
                        .getTextContent())
                .toList();
    }

    @Test
    void allSourcesHealthyGivesEveryInstitutionAndACompleteDocument() {
        allValid(0);
        DemoFlow flow = loggedIn();
        Document selection = FlowClient.html(flow.selectionPage());
        assertNull(selection.selectFirst("#unreachable"), "no notice when every source answered");
        assertEquals(List.of("Broken Institute", "Fast University", "Norwegian University of Science and Technology",
                "Slow University College", "University of Oslo", SCHOOL), institutionsOn(selection));
        assertTrue(selection.text().contains("Fast Course"));

        org.w3c.dom.Document elmo = sendAll(flow, selection);
        // The school is named by its organisation number: it has no SCHAC code.
        assertEquals(List.of(SCHOOL_NUMBER, "broken.example.org", "fast.example.org", "ntnu.no", "slow.example.org",
                "uio.no"), issuersIn(elmo).stream().sorted().toList());
        Map<String, String> completeness = completenessIn(elmo);
        assertEquals("true", completeness.get("#complete"));
        assertEquals("complete", completeness.get("fast.example.org"));
        // The bearer token configured for the fast source is sent; the others send none.
        wireMock.verify(1, getRequestedFor(urlEqualTo(FAST))
                .withHeader("Authorization", equalTo("Bearer " + org.edurecords.ncp.support.WireMockInstitutions.FAST_TOKEN)));
        assertFalse(wireMock.findAll(getRequestedFor(urlEqualTo(SLOW))).get(0).containsHeader("Authorization"));
    }

    @Test
    void sourcesAreAskedInParallelNotOneAfterAnother() {
        // Each answer takes 0.6 s. Asked one after another, each request would arrive only after the
        // previous one was answered; in parallel, all arrive before the first answer is sent.
        allValid(600);
        loggedIn();
        List<Long> arrivals = Stream.of(FAST, SLOW, BROKEN)
                .map(path -> wireMock.findAll(getRequestedFor(urlEqualTo(path))))
                .peek(requests -> assertEquals(1, requests.size()))
                .map(requests -> requests.get(0).getLoggedDate().getTime())
                .sorted().toList();
        assertTrue(arrivals.get(2) - arrivals.get(0) < 600,
                "all three sources were asked before the first one answered: " + arrivals);
    }

    @Test
    void slowSourceTimesOutAndFailingSourceIsRetriedOnceWithoutHoldingUpThePage() {
        stub(FAST, elmo("fast.example.org", "Fast University", "F-101", "Fast Course"));
        stub(SLOW, elmo("slow.example.org", "Slow University College", "S-201", "Slow Course").withFixedDelay(20_000));
        stub(BROKEN, aResponse().withStatus(500).withBody("Internal error"));

        DemoFlow flow = new DemoFlow("live-" + System.nanoTime(), RETURN_URL).start();
        // The slow source's timeout (1 s) bounds the wait: were the page waiting for its 20 s answer,
        // this login would hit the client's 10 s socket timeout and fail.
        Response login = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 10_000)))
                .redirects().follow(false).cookies(flow.client.cookies())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(FlowClient.CSRF_FIELD, flow.client.csrfToken())
                .formParam("username", "anna").formParam("password", "demo")
                .post(flow.flowPath + "/login");
        assertEquals(303, login.statusCode(), login.asString());
        flow.client.restoreCookies(login.getCookies()); // the login renews the flow cookie

        Document selection = FlowClient.html(flow.selectionPage());
        assertEquals(Map.of("Slow University College", "did not answer in time",
                "Broken Institute", "not available at the moment"), unreachableOn(selection));
        assertEquals(List.of("Fast University", "Norwegian University of Science and Technology", "University of Oslo",
                SCHOOL), institutionsOn(selection));
        // A server error is retried once (ncp.sources.retries=1); a timeout is not retried.
        wireMock.verify(2, getRequestedFor(urlEqualTo(BROKEN)));
        wireMock.verify(1, getRequestedFor(urlEqualTo(SLOW)));

        org.w3c.dom.Document elmo = sendAll(flow, selection);
        assertEquals(List.of(SCHOOL_NUMBER, "fast.example.org", "ntnu.no", "uio.no"),
                issuersIn(elmo).stream().sorted().toList());
        Map<String, String> completeness = completenessIn(elmo);
        assertEquals("false", completeness.get("#complete"));
        assertEquals("timed-out", completeness.get("slow.example.org"));
        assertEquals("unavailable", completeness.get("broken.example.org"));
        assertEquals("complete", completeness.get("fast.example.org"));
    }

    /** Twenty students log in at the same moment; each answer is the time from the login to the selection page. */
    private static List<Long> twentyAtOnce(java.util.function.Consumer<Document> check) throws Exception {
        List<DemoFlow> flows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            flows.add(new DemoFlow("together-" + i + "-" + System.nanoTime(), RETURN_URL).start());
        }
        ExecutorService students = Executors.newFixedThreadPool(flows.size());
        CountDownLatch together = new CountDownLatch(1);
        try {
            List<Future<Long>> millis = new ArrayList<>();
            for (DemoFlow flow : flows) {
                millis.add(students.submit(() -> {
                    together.await();
                    long started = System.nanoTime();
                    Response login = flow.login("anna", "demo");
                    assertEquals(303, login.statusCode(), login.asString());
                    Document selection = FlowClient.html(flow.selectionPage());
                    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    check.accept(selection);
                    return took;
                }));
            }
            together.countDown();
            List<Long> took = new ArrayList<>();
            for (Future<Long> one : millis) {
                took.add(one.get(60, TimeUnit.SECONDS));
            }
            return took;
        } finally {
            students.shutdownNow();
        }
    }

    @Test
    void oneTricklingInstitutionNeverHoldsUpTwentyStudentsLoggingInAtOnce() throws Exception {
        // The same burst with every institution healthy first: the service under test is a running one, whose
        // code for twenty parallel logins has been compiled.
        allValid(0);
        twentyAtOnce(page -> assertTrue(institutionsOn(page).contains("Fast University")));
        wireMock.resetAll();

        stub(FAST, elmo("fast.example.org", "Fast University", "F-101", "Fast Course"));
        stub(BROKEN, elmo("broken.example.org", "Broken Institute", "B-301", "Broken Course"));
        // Headers at once, then the body a few bytes at a time over a minute.
        stub(SLOW, elmo("slow.example.org", "Slow University College", "S-201", "Slow Course")
                .withChunkedDribbleDelay(200, 60_000));
        List<Long> took = twentyAtOnce(selection -> {
            assertEquals(List.of("Broken Institute", "Fast University", "Norwegian University of Science and Technology",
                    "University of Oslo", SCHOOL), institutionsOn(selection));
            assertEquals(java.util.Set.of("Slow University College"), unreachableOn(selection).keySet());
        });
        // The slow source's timeout (1 s) plus two seconds for twenty logins reading their results at once on two
        // cores, late in a long test run; the trickle itself would take a minute.
        assertTrue(took.stream().allMatch(ms -> ms <= 3000), "from the login to the selection page, in ms: " + took);

        // The slow source was asked by at most its share of the threads at once, and every call has ended.
        assertTrue(wireMock.findAll(getRequestedFor(urlEqualTo(SLOW))).size() <= 20);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bulkheads.active("http-slow") > 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(0, bulkheads.active("http-slow"), "no thread still reads the slow answer");
        // Its timeouts counted as failures: the circuit is open, and the next student does not wait for it.
        assertEquals("OPEN", readiness().get("http-slow"));
        long started = System.nanoTime();
        Document next = FlowClient.html(loggedIn().selectionPage());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 1000);
        assertEquals(Map.of("Slow University College", "not available at the moment"), unreachableOn(next));
    }

    @Test
    void connectionResetMarksTheInstitutionUnavailable() {
        allValid(0);
        stub(BROKEN, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        Document selection = FlowClient.html(loggedIn().selectionPage());
        assertEquals(Map.of("Broken Institute", "not available at the moment"), unreachableOn(selection));
        assertTrue(institutionsOn(selection).contains("Fast University"));
        assertTrue(institutionsOn(selection).contains("Slow University College"));
    }

    static Stream<Arguments> maliciousAnswers() {
        byte[] huge = new byte[50 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] start = "<?xml version=\"1.0\"?><elmo xmlns=\"https://github.com/emrex-eu/elmo-schemas/tree/v1\">"
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, huge, 0, start.length);
        return Stream.of(
                Arguments.of("external entity (XXE)", aResponse().withStatus(200).withBody(InstitutionElmo.xxe())),
                Arguments.of("billion laughs", aResponse().withStatus(200).withBody(InstitutionElmo.billionLaughs())),
                Arguments.of("50 MB body", aResponse().withStatus(200).withBody(huge)),
                Arguments.of("2 MB body without a declared length", aResponse().withStatus(200)
                        .withBody(Arrays.copyOf(huge, 2 * 1024 * 1024)).withChunkedDribbleDelay(8, 50)),
                Arguments.of("malformed XML", aResponse().withStatus(200).withBody("<elmo><learner></elmo>")),
                Arguments.of("well-formed but not ELMO", aResponse().withStatus(200).withBody("<html><body>Login</body></html>")),
                Arguments.of("another learner's results", aResponse().withStatus(200).withBody(InstitutionElmo.valid(
                        "broken.example.org", "Broken Institute", "01010112345", "B-301", "Broken Course"))),
                Arguments.of("another institution's results", aResponse().withStatus(200).withBody(InstitutionElmo.valid(
                        "fast.example.org", "Fast University", ANNA, "F-999", "Smuggled Course"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maliciousAnswers")
    void maliciousOrInvalidAnswerIsRejectedWithoutAffectingTheOthers(String label, ResponseDefinitionBuilder answer) {
        allValid(0);
        stub(BROKEN, answer);
        DemoFlow flow = loggedIn();
        Document selection = FlowClient.html(flow.selectionPage());
        assertEquals(Map.of("Broken Institute", "sent data that could not be used"), unreachableOn(selection), label);
        assertFalse(selection.text().contains("root:"), "no file content leaks");
        assertFalse(selection.text().contains("Smuggled Course"));
        assertTrue(selection.text().contains("Fast Course"), "the other sources are unaffected");
        assertTrue(selection.text().contains("Slow Course"));
        // Invalid data is not retried: it would only come again.
        wireMock.verify(1, getRequestedFor(urlEqualTo(BROKEN)));

        org.w3c.dom.Document elmo = sendAll(flow, selection);
        assertEquals("invalid-data", completenessIn(elmo).get("broken.example.org"));
        assertFalse(issuersIn(elmo).contains("broken.example.org"));
    }

    @Test
    void norwegianPageNamesTheReasonInBokmal() {
        allValid(0);
        stub(BROKEN, aResponse().withStatus(503));
        DemoFlow flow = loggedIn();
        Document page = FlowClient.html(flow.client.get(flow.flowPath + "/select?lang=nb"));
        assertEquals("Vi fikk ikke kontakt med alle utdanningsinstitusjonene", page.selectFirst("#unreachable h2").text());
        assertEquals(Map.of("Ødelagte institutt", "er ikke tilgjengelig for øyeblikket"), unreachableOn(page));
    }

    @Test
    void repeatedFailuresOpenTheCircuitSoTheInstitutionIsNoLongerCalled() {
        allValid(0);
        stub(BROKEN, aResponse().withStatus(500));
        loggedIn();
        loggedIn();
        // Four failed attempts (two logins, one retry each) open the circuit.
        wireMock.verify(4, getRequestedFor(urlEqualTo(BROKEN)));
        assertEquals("OPEN", readiness().get("http-broken"));

        Document selection = FlowClient.html(loggedIn().selectionPage());
        wireMock.verify(4, getRequestedFor(urlEqualTo(BROKEN)));
        assertEquals(Map.of("Broken Institute", "not available at the moment"), unreachableOn(selection));
        assertTrue(selection.text().contains("Fast Course"));
        assertEquals("CLOSED", readiness().get("http-fast"));
    }

    @Test
    void metricsCountSourceFailuresAndLatency() {
        allValid(0);
        stub(BROKEN, aResponse().withStatus(200).withBody(InstitutionElmo.xxe()));
        loggedIn();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ncp_source_failures_total{reason=\"invalid-data\",source=\"http-broken\"}"), metrics);
        assertTrue(metrics.contains("ncp_source_latency_seconds_count{outcome=\"complete\",source=\"http-fast\"}"));
        assertTrue(metrics.contains("ncp_source_latency_seconds_count{outcome=\"complete\",source=\"embedded\"}"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readiness() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().statusCode(200).extract()
                .jsonPath().getList("checks");
        for (Map<String, Object> check : checks) {
            if ("result-sources".equals(check.get("name"))) {
                assertEquals("UP", check.get("status"));
                return (Map<String, String>) check.get("data");
            }
        }
        throw new AssertionError("no result-sources check in " + checks);
    }
}
