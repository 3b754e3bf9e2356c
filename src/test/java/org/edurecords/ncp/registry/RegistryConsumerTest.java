package org.edurecords.ncp.registry;

import org.edurecords.ncp.signing.Certificates;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.SharedConformance;
import org.edurecords.ncp.support.TestSigning;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.NodeList;

/** Consuming an external registry (WireMock): cache, refresh, outages, both list keys, key rollover. */
@QuarkusTest
@TestProfile(RegistryConsumerTest.WithRegistry.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryConsumerTest {

    public static class WithRegistry implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RegistryWireMock.class));
        }
    }


    @Inject
    KnownNcps known;

    private static List<String> acronyms(JsonPath json) {
        return json.getList("ncps.acronym", String.class);
    }

    @Test
    @Order(1)
    void registryDownAtStartupMeansTheCachedCopyIsUsed() {
        JsonPath json = given().get("/api/registry").then().statusCode(200).extract().jsonPath();
        assertTrue(json.getString("status.loadedFrom").startsWith("cache"), json.prettify());
        assertEquals("HTTP status 503", json.getString("status.lastError"));
        assertEquals(List.of("EDU-NCP", "CACHED"), acronyms(json));
    }

    @Test
    @Order(2)
    void refreshReadsNcpsAndEmpsAndLeavesOutBrokenEntries() throws Exception {
        String body = "{\"countries\":[],\"ncps\":["
                + RegistryWireMock.entry("NCP-A", "fi", "https://a.example.fi/ncp/", TestSigning.newKey("CN=A"))
                + ",{\"acronym\":\"BROKEN\",\"url\":\"https://broken.example/\",\"pubKey\":\"not a certificate\"}"
                + "],\"emps\":["
                + RegistryWireMock.entry("EMP-B", "PL", "https://b.example.pl/emrex", TestSigning.newKey("CN=B"))
                + "]}";
        RegistryWireMock.server.stubFor(get(urlEqualTo(RegistryWireMock.PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        assertTrue(known.refresh());
        JsonPath json = given().get("/api/registry").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("EDU-NCP", "NCP-A", "EMP-B"), acronyms(json));
        assertEquals("FI", json.getString("ncps[1].countryCode"));
        assertEquals(1, json.getList("status.skipped").size());
        assertTrue(json.getString("status.skipped[0]").contains("pubKey is not a PEM certificate"));
        assertEquals(body, Files.readString(RegistryWireMock.CACHE, StandardCharsets.UTF_8), "cache holds the good copy");
    }

    @Test
    @Order(3)
    void outageAndGarbageKeepTheLastGoodCopy() {
        RegistryWireMock.server.stubFor(get(urlEqualTo(RegistryWireMock.PATH)).willReturn(aResponse().withStatus(500)));
        assertFalse(known.refresh());
        RegistryWireMock.server.stubFor(get(urlEqualTo(RegistryWireMock.PATH))
                .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertFalse(known.refresh());
        RegistryWireMock.server.stubFor(get(urlEqualTo(RegistryWireMock.PATH))
                .willReturn(aResponse().withStatus(200).withBody("{\"countries\":[]}")));
        assertFalse(known.refresh());
        JsonPath json = given().get("/api/registry").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("EDU-NCP", "NCP-A", "EMP-B"), acronyms(json));
        assertTrue(json.getString("status.lastError").contains("no 'ncps' or 'emps'"), json.getString("status.lastError"));
        assertTrue(json.getString("status.loadedFrom").startsWith("http://"));
    }

    @Test
    @Order(4)
    void nextCertificateIsPublishedAfterTheSigningOne() throws Exception {
        String pem = given().get("/emreg").then().statusCode(200).extract().jsonPath().getString("pubKey");
        assertEquals(List.of(ElmoChecks.exampleCertificate(), RegistryWireMock.NEXT.certificate()),
                Certificates.parsePem(pem));
        NodeList certs = SecureXml.parse(given().get("/emreg/ewp-manifest-entry.xml").asByteArray())
                .getElementsByTagNameNS(OwnRegistryEntry.EWP_NAMESPACE, "certificate");
        assertEquals(2, certs.getLength());
        assertEquals(Certificates.toBase64Der(RegistryWireMock.NEXT.certificate()), certs.item(1).getTextContent());
    }

    @Test
    @Order(5)
    void legacyFinnishAnswerVerifiesWithTheRegistryCertificateOnlyAsWeak() throws Exception {
        Path fixtures = SharedConformance.elmoFolderOrSkip("legacy answer through the registry").resolve("examples");
        String body = RegistryWireMock.list("ncps", "{\"acronym\":\"CSC\",\"countryCode\":\"FI\","
                + "\"url\":\"https://emrex.csc.example/ncp\",\"institutions\":[\"All\"],\"pubKey\":"
                + RegistryWireMock.quote(Files.readString(fixtures.resolve("fi-smp_csc-cert.crt"))) + "}");
        RegistryWireMock.server.stubFor(get(urlEqualTo(RegistryWireMock.PATH))
                .willReturn(aResponse().withStatus(200).withBody(body)));
        assertTrue(known.refresh());
        String wire = Files.readString(fixtures.resolve("fi-smp_elmo_vastaus_base64_gzipped.txt")).strip();
        JsonPath json = given().contentType("application/json").body(Map.of("elmo", wire, "ncp", "CSC"))
                .post("/api/verify").then().statusCode(200).extract().jsonPath();
        assertEquals("CSC", json.getString("signature.verifiedBy.acronym"), json.prettify());
        assertTrue(json.getBoolean("signature.weakAlgorithm"));
        assertEquals("WARN", json.getString("steps.find { it.name == 'signature-algorithms' }.verdict"));
        assertEquals("FAIL", json.getString("steps.find { it.name == 'schema' }.verdict"));
        assertFalse(json.getBoolean("valid"));
    }
}
