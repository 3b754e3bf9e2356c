package org.edurecords.ncp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The EMREG list as the registry consumer reads it: EMREG 1.0 entries, EMREG 2.0 entries, and entries of both. */
class EmregListTest {

    private static String pem() throws Exception {
        return Files.readString(Path.of("keys-example/ncp-example.cert.pem"), StandardCharsets.US_ASCII)
                .replace("\r", "").replace("\n", "\\n");
    }

    private static String props(String extra) {
        return "\"emreg2Props\":{\"authorizationUrl\":\"https://emp.example.se/oauth2/authorize\","
                + "\"tokenUrl\":\"https://emp.example.se/oauth2/token\",\"resourceUrl\":\"https://emp.example.se/results\""
                + extra + "}";
    }

    @Test
    void anEmreg2EntryIsKnownByItsAuthorizationUrlAndOffersEmrex2Only() throws Exception {
        String json = "{\"emps\":[{\"name\":\"SE-EMP\",\"country\":{\"isoCode\":\"se\",\"singleFetch\":true},"
                + "\"institutions\":[{\"name\":\"Uppsala\"},\"Lund\"],\"publicKey\":\"" + pem() + "\","
                + props(",\"supportedDataFormats\":[{\"name\":\"elmo\",\"version\":\"1.7\"}]") + "}]}";
        EmregList list = EmregList.parse(json.getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(List.of(), list.skipped());
        RegistryEntry entry = list.entries().get(0);
        assertEquals("SE-EMP", entry.acronym());
        assertEquals("SE", entry.countryCode());
        assertEquals(List.of("Uppsala", "Lund"), entry.institutions());
        assertEquals("https://emp.example.se/oauth2/authorize", entry.url());
        assertEquals("https://emp.example.se/oauth2/token", entry.emrex2().tokenUrl());
        assertEquals("https://emp.example.se/results", entry.emrex2().resourceUrl());
        assertEquals(1, entry.certificates().size());
        assertFalse(entry.offersEmrex1());
    }

    @Test
    void anEntryOfBothOffersBoth() throws Exception {
        String json = "{\"ncps\":[{\"acronym\":\"BOTH\",\"countryCode\":\"NO\",\"url\":\"https://ncp.example.no/emrex\","
                + "\"pubKey\":\"" + pem() + "\"," + props("") + "}, {\"acronym\":\"OLD\",\"countryCode\":\"DK\","
                + "\"url\":\"https://ncp.example.dk/emrex\",\"pubKey\":\"" + pem() + "\"}]}";
        EmregList list = EmregList.parse(json.getBytes(StandardCharsets.UTF_8), "test");
        RegistryEntry both = list.entries().get(0);
        assertEquals("https://ncp.example.no/emrex", both.url());
        assertTrue(both.offersEmrex1());
        assertEquals("https://emp.example.se/oauth2/authorize", both.emrex2().authorizationUrl());
        RegistryEntry old = list.entries().get(1);
        assertNull(old.emrex2());
        assertTrue(old.offersEmrex1());
    }

    @Test
    void incompleteEmrex2EndpointsOrNoElmoLeaveTheEntryOut() throws Exception {
        String json = "{\"emps\":[{\"name\":\"NO-TOKEN\",\"publicKey\":\"" + pem() + "\",\"emreg2Props\":{"
                + "\"authorizationUrl\":\"https://a.example/authorize\",\"resourceUrl\":\"https://a.example/results\"}},"
                + "{\"name\":\"ELM-ONLY\",\"publicKey\":\"" + pem() + "\","
                + props(",\"supportedDataFormats\":[{\"name\":\"elm\",\"version\":\"3\"}]") + "},"
                + "{\"name\":\"NOT-A-URL\",\"publicKey\":\"" + pem() + "\",\"emreg2Props\":{"
                + "\"authorizationUrl\":\"javascript:alert(1)\",\"tokenUrl\":\"https://a.example/t\","
                + "\"resourceUrl\":\"https://a.example/r\"}}]}";
        EmregList list = EmregList.parse(json.getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(List.of(), list.entries());
        assertEquals(3, list.skipped().size(), list.skipped().toString());
        assertTrue(list.skipped().get(0).contains("tokenUrl"), list.skipped().get(0));
        assertTrue(list.skipped().get(1).contains("elmo"), list.skipped().get(1));
        assertTrue(list.skipped().get(2).contains("authorizationUrl"), list.skipped().get(2));
    }

    @Test
    void theDataFormatsOfAnEntryAreKnownByNameAndVersion() throws Exception {
        String json = "{\"emps\":[{\"name\":\"WITH-COMPETENCE\",\"publicKey\":\"" + pem() + "\","
                + props(",\"supportedDataFormats\":[{\"name\":\"elmo\",\"version\":\"1.7\"},"
                        + "{\"name\":\"competence\",\"version\":\"1.0\",\"schemaUrl\":\"https://emp.example.se/schemas/"
                        + "competence-evidence-1.0.schema.json\"},{\"version\":\"9\"}],"
                        + "\"availableEvidenceTypes\":[\"licences\",\"authorisations\"]") + "},"
                + "{\"name\":\"OTHER-VERSION\",\"publicKey\":\"" + pem() + "\","
                + props(",\"supportedDataFormats\":[{\"name\":\"elmo\"},{\"name\":\"competence\",\"version\":\"2.0\"}]")
                + "},{\"name\":\"ELMO-ONLY\",\"publicKey\":\"" + pem() + "\","
                + props(",\"supportedDataFormats\":[{\"name\":\"elmo\",\"version\":\"1.7\"}]") + "},"
                + "{\"name\":\"NONE-LISTED\",\"publicKey\":\"" + pem() + "\"," + props("") + "}]}";
        EmregList list = EmregList.parse(json.getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(List.of(), list.skipped());
        RegistryEntry.Emrex2 with = list.entries().get(0).emrex2();
        assertEquals(List.of(new RegistryEntry.DataFormat("elmo", "1.7"), new RegistryEntry.DataFormat("competence",
                "1.0")), with.dataFormats(), "a format without a name is left out");
        assertTrue(with.offers("competence", "1.0"));
        assertFalse(with.offers("competence", "1.1"));
        RegistryEntry.Emrex2 other = list.entries().get(1).emrex2();
        assertEquals(new RegistryEntry.DataFormat("elmo", null), other.dataFormats().get(0));
        assertFalse(other.offers("competence", "1.0"), "another version of the format is not this one");
        assertFalse(list.entries().get(2).emrex2().offers("competence", "1.0"));
        assertEquals(List.of(), list.entries().get(3).emrex2().dataFormats(), "none listed: ELMO alone");
        assertFalse(list.entries().get(3).emrex2().offers("competence", "1.0"));
    }
}
