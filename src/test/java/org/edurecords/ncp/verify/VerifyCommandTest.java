package org.edurecords.ncp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.support.TestSigning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line verifier: same JSON as the API, exit code by verdict. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validWireValueWithATrustedCertificateExitsZero() throws Exception {
        Path value = dir.resolve("elmo.txt");
        Files.writeString(value, TransferEncoding.encode(TestSigning.signedByProfile()) + "\n");
        int exit = run("--elmo-file", value.toString(), "--certificate", "keys-example/ncp-example.cert.pem",
                "--given-names", "Åse Marit", "--family-name", "Kvamme-Ødegård", "--birth-date", "1999-02-03");
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("VALID", json.get("verdict").asText());
        assertEquals("MATCH", json.at("/learnerMatch/verdict").asText());
        assertEquals("10", json.at("/summary/totals/credits").asText());
        assertEquals(1, json.at("/summary/totals/passed").asInt());
    }

    @Test
    void decodedXmlSignedByAnotherKeyExitsOne() throws Exception {
        Path xml = dir.resolve("elmo.xml");
        Files.write(xml, TestSigning.signedByProfile());
        Path registry = dir.resolve("emreg.json");
        Files.writeString(registry, "{\"ncps\":[{\"acronym\":\"OTHER\",\"countryCode\":\"SE\",\"url\":\"https://o.example/\","
                + "\"pubKey\":\"" + Certificates.toPem(TestSigning.foreignKey().certificate())
                        .replace("\n", "\\n") + "\"}]}");
        assertEquals(1, run("--xml-file", xml.toString(), "--registry", registry.toString()));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("INVALID", json.get("verdict").asText());
        assertTrue(json.toString().contains("not in the registry"), json.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("--elmo-file", "x.txt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--registry or --certificate")
                || err.toString(StandardCharsets.UTF_8).contains("x.txt"));
        assertEquals(2, run("--regsitry", "a.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option: --regsitry"));
    }
}
