package org.edurecords.ncp.registry;

import org.edurecords.ncp.signing.Certificates;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.support.ElmoChecks;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** This NCP's registry entries as an operator registers them. */
@QuarkusTest
class RegistryResourceTest {

    @Test
    void emregEntryCarriesTheSigningCertificateAsPem() throws Exception {
        Response response = given().get("/emreg");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/json"));
        JsonPath json = response.jsonPath();
        assertEquals("EDU-NCP", json.getString("acronym"));
        assertEquals("NO", json.getString("countryCode"));
        assertEquals("http://localhost:" + io.restassured.RestAssured.port + "/emrex", json.getString("url"));
        assertEquals(List.of("All"), json.getList("institutions"));
        String pem = json.getString("pubKey");
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        List<X509Certificate> certs = Certificates.parsePem(pem);
        assertEquals(List.of(ElmoChecks.exampleCertificate()), certs);
        // Exactly the five EMREG fields: the gateway's schema forbids others.
        assertEquals(5, json.getMap("$").size());
    }

    @Test
    void emreg2EntryPublishesTheThreeUrlsTheFormatsAndEveryCertificate() throws Exception {
        Response response = given().get("/emreg2");
        assertEquals(200, response.statusCode());
        JsonPath json = response.jsonPath();
        String base = "http://localhost:" + io.restassured.RestAssured.port;
        assertEquals(base + "/oauth2/authorize", json.getString("emreg2Props.authorizationUrl"));
        assertEquals(base + "/oauth2/token", json.getString("emreg2Props.tokenUrl"));
        assertEquals(base + "/results", json.getString("emreg2Props.resourceUrl"));
        assertEquals(List.of("elmo", "userinfo", "pdf_metadata", "pdf", "competence"),
                json.getList("emreg2Props.supportedDataFormats.name"));
        assertEquals("1.7", json.getString("emreg2Props.supportedDataFormats[0].version"));
        assertEquals("1.0", json.getString("emreg2Props.supportedDataFormats[4].version"));
        assertEquals(List.of("higher-education-results", "upper-secondary-results", "vocational-results", "licences",
                "authorisations", "recognition-decisions"), json.getList("emreg2Props.availableEvidenceTypes.name"));
        // The schema of the evidence format is where the entry says, and is the one in schemas/.
        String schemaUrl = json.getString("emreg2Props.supportedDataFormats[4].schemaUrl");
        Response schema = given().get(schemaUrl.substring(base.length()));
        assertEquals(200, schema.statusCode());
        assertTrue(schema.contentType().startsWith("application/schema+json"), schema.contentType());
        assertArrayEquals(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("schemas/competence-evidence-1.0.schema.json")), schema.asByteArray());
        assertEquals("NO", json.getString("country.isoCode"));
        assertEquals(true, json.getBoolean("country.singleFetch"));
        assertEquals(List.of("All"), json.getList("institutions.name"));
        assertEquals(List.of(ElmoChecks.exampleCertificate()), Certificates.parsePem(json.getString("publicKey")));
        Response ping = given().get(json.getString("emreg2Props.pingUrl").substring(base.length()));
        assertEquals(200, ping.statusCode());
        assertEquals("UP", ping.jsonPath().getString("status"));
    }

    @Test
    void ewpManifestEntryCarriesBase64DerCertificates() throws Exception {
        Response response = given().get("/emreg/ewp-manifest-entry.xml");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/xml"));
        Document doc = SecureXml.parse(response.asByteArray());
        Element root = doc.getDocumentElement();
        assertEquals(OwnRegistryEntry.EWP_NAMESPACE, root.getNamespaceURI());
        assertEquals("emrex-data-access-point", root.getLocalName());
        assertEquals("1.0.0", root.getAttribute("version"));
        assertEquals("http://localhost:" + io.restassured.RestAssured.port + "/emrex", text(root, "url"));
        assertEquals("NO", text(root, "country-code"));
        NodeList certs = root.getElementsByTagNameNS(OwnRegistryEntry.EWP_NAMESPACE, "certificate");
        assertEquals(1, certs.getLength());
        String b64 = certs.item(0).getTextContent();
        assertTrue(b64.matches("[A-Za-z0-9+/]+=*"), "single-line base64, no PEM armour");
        assertEquals(ElmoChecks.exampleCertificate(), Certificates.parse(Base64.getDecoder().decode(b64)).get(0));
        assertTrue(new String(response.asByteArray(), StandardCharsets.UTF_8).startsWith("<?xml"));
    }

    @Test
    void knownNcpsIncludeThisOneWhenNoRegistryIsConfigured() {
        JsonPath json = given().get("/api/registry").then().statusCode(200).extract().jsonPath();
        assertEquals("none", json.getString("status.source"));
        assertEquals(1, json.getList("ncps").size());
        assertEquals("self", json.getString("ncps[0].origin"));
        assertEquals(Certificates.sha256(ElmoChecks.exampleCertificate()), json.getString("ncps[0].certificates[0].sha256"));
        assertTrue(json.getBoolean("ncps[0].certificates[0].selfSigned"));
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagNameNS(OwnRegistryEntry.EWP_NAMESPACE, name).item(0).getTextContent();
    }
}
