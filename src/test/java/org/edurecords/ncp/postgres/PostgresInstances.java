package org.edurecords.ncp.postgres;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.edurecords.ncp.support.PostgresDatabase;

/**
 * Two NCP instances on one PostgreSQL database. Quarkus runs one application at a time in a test JVM, so
 * the instances are two test profiles run one after the other (A before B: Quarkus orders profile tests by
 * profile name) against the same embedded server; see docs/adr/0202.
 */
public final class PostgresInstances {

    private PostgresInstances() {
    }

    /** db-kind is fixed at build time; a test profile re-augments the application, so it can switch it. */
    static Map<String, String> postgres(String name) {
        // One public URL for both, as behind one load balancer: an EMREX 2.0 client assertion names it as audience.
        return Map.of("quarkus.datasource.db-kind", "postgresql", "ncp.name", name,
                "ncp.public-url", PUBLIC_URL, "ncp.public-url-follows-port", "false");
    }

    public static class InstanceA implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return postgres("EMREX NCP instance A");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabase.class));
        }
    }

    public static class InstanceB implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return postgres("EMREX NCP instance B");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabase.class));
        }
    }

    /** What instance A leaves for instance B: the browser state of a flow it started (JVM-wide). */
    static final String HANDOFF_FLOW = "edurecords.test.handoff.flow";
    static final String HANDOFF_COOKIES = "edurecords.test.handoff.cookies";
    /** An EMREX 2.0 access token issued by instance A, a client assertion A accepted, a 2.0 flow A started. */
    static final String HANDOFF_TOKEN = "edurecords.test.handoff.emrex2.token";
    static final String HANDOFF_ASSERTION = "edurecords.test.handoff.emrex2.assertion";
    static final String HANDOFF_EMREX2_FLOW = "edurecords.test.handoff.emrex2.flow";
    static final String HANDOFF_EMREX2_COOKIES = "edurecords.test.handoff.emrex2.cookies";
    static final String PUBLIC_URL = "https://ncp.example.org";
}
