package org.edurecords.ncp.emrex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.api.Test;

/** The configuration switches of the entry: EMP_* return codes and an allow-list of return hosts. */
@QuarkusTest
@TestProfile(EmpCodesAndAllowListTest.Profile.class)
class EmpCodesAndAllowListTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ncp.emrex.return-code-family", "EMP",
                    "ncp.emrex.allowed-return-hosts", "allowed.example.org,Second.Example.org");
        }
    }

    @Test
    void answersUseTheEmpFamily() {
        DemoFlow flow = new DemoFlow("emp", "https://allowed.example.org/return").start();
        Map<String, String> fields = DemoFlow.answerFields(flow.cancel(), "https://allowed.example.org/return");
        assertEquals("EMP_CANCEL", fields.get("returnCode"));
    }

    @Test
    void onlyAllowedReturnHostsAreAccepted() {
        assertEquals(303, new FlowClient().enter(Map.of("sessionId", "a", "returnUrl", "https://second.example.org/r"))
                .statusCode());
        assertEquals(400, new FlowClient().enter(Map.of("sessionId", "a", "returnUrl", "https://other.example.org/r"))
                .statusCode());
    }
}
