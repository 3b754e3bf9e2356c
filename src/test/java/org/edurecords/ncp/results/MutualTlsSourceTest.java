package org.edurecords.ncp.results;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.InjectWireMock;
import org.edurecords.ncp.support.InstitutionElmo;
import org.edurecords.ncp.support.TestInstitutions;
import org.edurecords.ncp.support.MutualTlsInstitution;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A live source behind mutual TLS: our client certificate opens it; without one the handshake fails. */
@QuarkusTest
@TestProfile(MutualTlsSourceTest.Profile.class)
class MutualTlsSourceTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MutualTlsInstitution.class));
        }
    }

    private static final String ANNA = "17049812345";

    @InjectWireMock
    WireMockServer institution;

    @Test
    void theClientCertificateOpensTheEndpointAndNoCertificateLeavesItUnreachable() {
        QuarkusTransaction.requiringNew().run(() -> {
            TestInstitutions.ensure(201, "secure.example.org", "Secure University", "Sikre universitet");
            TestInstitutions.ensure(202, "nocert.example.org", "Certificate-less College", "Sertifikatløse høgskole");
        });
        institution.stubFor(get(urlEqualTo("/secure/elmo/" + ANNA)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml")
                .withBody(InstitutionElmo.valid("secure.example.org", "Secure University", ANNA, "SEC-1", "Secure Course"))));

        DemoFlow flow = new DemoFlow("mtls-" + System.nanoTime(), "https://client.example.org/r").start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        Document selection = FlowClient.html(flow.selectionPage());

        assertTrue(selection.select("fieldset.institution legend").eachText().contains("Secure University"),
                selection.text());
        assertTrue(selection.text().contains("Secure Course"), "results fetched over mutual TLS are offered");
        assertTrue(selection.select("#unreachable li").eachText().stream()
                .anyMatch(item -> item.startsWith("Certificate-less College")),
                "without a client certificate the handshake fails and the institution is named as unreachable");
        // Only the source with the certificate got through the handshake to the endpoint.
        institution.verify(1, getRequestedFor(urlEqualTo("/secure/elmo/" + ANNA)));
    }
}
