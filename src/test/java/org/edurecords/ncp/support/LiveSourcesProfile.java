package org.edurecords.ncp.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The demo with three more institutions whose live endpoints are WireMock stubs. */
public class LiveSourcesProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockInstitutions.class));
    }
}
