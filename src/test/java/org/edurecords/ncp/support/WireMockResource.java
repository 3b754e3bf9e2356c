package org.edurecords.ncp.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A WireMock server a test resource starts; tests receive it in a field marked {@link InjectWireMock}. */
public abstract class WireMockResource implements QuarkusTestResourceLifecycleManager {

    protected WireMockServer server;

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
