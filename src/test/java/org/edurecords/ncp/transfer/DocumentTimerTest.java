package org.edurecords.ncp.transfer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.edurecords.ncp.support.DemoFlow;
import org.junit.jupiter.api.Test;

/**
 * {@code ncp.document.build} times every signed document, whoever asks for it: one more per confirmed transfer;
 * {@code ncp.document.build.cpu} adds the CPU time of the same build.
 */
@QuarkusTest
class DocumentTimerTest {

    private static double count(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(
                line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not registered"));
    }

    @Test
    void everyConfirmedTransferIsTimedAsAWhole() {
        double documents = count("ncp_document_build_seconds_count");
        double signatures = count("ncp_sign_time_seconds_count");
        double cpu = count("ncp_document_build_cpu_seconds_total");
        DemoFlow flow = new DemoFlow("timer-" + System.nanoTime(), "https://client.example.org/return").start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        flow.select(Map.of("lo", List.of("113"))).then().statusCode(303);
        DemoFlow.answerFields(flow.confirm(), "https://client.example.org/return");
        assertEquals(documents + 1, count("ncp_document_build_seconds_count"));
        assertEquals(signatures + 1, count("ncp_sign_time_seconds_count"));
        assertTrue(count("ncp_document_build_seconds_sum") >= count("ncp_sign_time_seconds_sum"),
                "the whole document takes at least as long as its XML signature");
        double cpuOfThisDocument = count("ncp_document_build_cpu_seconds_total") - cpu;
        assertTrue(cpuOfThisDocument > 0 && cpuOfThisDocument < 5, "CPU seconds of one document: " + cpuOfThisDocument);
    }
}
