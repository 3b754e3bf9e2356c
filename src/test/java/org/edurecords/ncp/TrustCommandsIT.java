package org.edurecords.ncp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The verifier and the conformance kit started from the packaged application with the documented class path. */
class TrustCommandsIT {

    private static final String CLASS_PATH = "target/quarkus-app/app/*" + java.io.File.pathSeparator
            + "target/quarkus-app/lib/main/*";

    private record Run(int exit, String output) {
    }

    private static Run run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", CLASS_PATH, mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        return new Run(process.exitValue(), output);
    }

    @Test
    void verifyCommandReportsAnUnsignedDocument() throws Exception {
        Run run = run("org.edurecords.ncp.verify.VerifyCommand", "--xml-file", "src/test/resources/trust/unsigned-elmo.xml",
                "--certificate", "keys-example/ncp-example.cert.pem", "--birth-date", "1999-02-03");
        assertEquals(1, run.exit(), run.output());
        JsonNode json = new ObjectMapper().readTree(run.output());
        assertEquals("INVALID", json.get("verdict").asText());
        assertEquals("PASS", json.at("/steps/3/verdict").asText(), "schema step: " + json.at("/steps/3"));
        assertTrue(json.at("/steps/4/message").asText().contains("not signed"), run.output());
    }

    @Test
    void conformanceKitWritesItsReportsEvenWhenTheNcpIsUnreachable() throws Exception {
        Path dir = Files.createTempDirectory("conformance");
        Run run = run("org.edurecords.ncp.conformance.ConformanceKitCommand", "--ncp", "http://127.0.0.1:9/emrex",
                "--report-dir", dir.toString());
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("Result:   FAILED"), run.output());
        assertTrue(Files.readString(dir.resolve("TEST-emrex-conformance.xml")).contains("tests=\"55\""));
        assertEquals(2, run("org.edurecords.ncp.conformance.ConformanceKitCommand", "--bogus").exit());
    }
}
