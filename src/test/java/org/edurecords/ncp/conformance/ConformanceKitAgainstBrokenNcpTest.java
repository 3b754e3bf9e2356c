package org.edurecords.ncp.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.edurecords.ncp.conformance.CheckResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kit against a careless NCP (WireMock): it accepts any entry, ignores the session id and answers NCP_OK
 * with garbage. The checks that must catch this do fail.
 */
class ConformanceKitAgainstBrokenNcpTest {

    private WireMockServer ncp;

    @BeforeEach
    void start() {
        ncp = new WireMockServer(wireMockConfig().dynamicPort());
        ncp.start();
        ncp.stubFor(post(urlEqualTo("/emrex")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody("<html><body><form method=post action=/login><input name=user>"
                        + "<input type=password name=pw><button>Log in</button></form></body></html>")));
        ncp.stubFor(post(urlEqualTo("/login")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><form method=post action=\"" + KitOptions.DEFAULT_RETURN_URL + "\">"
                        + "<input type=hidden name=sessionId value=fixed>"
                        + "<input type=hidden name=returnCode value=NCP_OK>"
                        + "<input type=hidden name=elmo value=\"not base64!\"></form></body></html>")));
    }

    @AfterEach
    void stop() {
        ncp.stop();
    }

    @Test
    void carelessNcpFailsTheChecksThatCatchIt() throws Exception {
        KitOptions options = new KitOptions(URI.create(ncp.baseUrl() + "/emrex"), null, null, new FormLogin(), "u", "p",
                null, null, List.of(), null, null, null, null, null, true, false, false,
                Path.of("target/conformance-broken"));
        ConformanceReport report = new ConformanceKit(options).run();
        assertFalse(report.passed());
        Map<String, Status> status = report.checks().stream()
                .collect(Collectors.toMap(CheckResult::id, CheckResult::status, (a, b) -> a));
        for (String failing : List.of("06", "07", "08", "13", "14", "16", "17", "21", "23", "24")) {
            assertEquals(Status.FAIL, status.get(failing), "check " + failing + ": " + report.summary());
        }
        assertEquals(Status.SKIPPED, status.get("25"), "nothing to parse after a failed decoding");
        assertEquals(55, report.checks().size());
    }
}
