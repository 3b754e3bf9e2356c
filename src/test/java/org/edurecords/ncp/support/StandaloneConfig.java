package org.edurecords.ncp.support;

import java.time.Duration;
import java.util.Map;

import org.edurecords.ncp.config.NcpConfig;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The typed NCP configuration outside Quarkus (unit tests, benchmarks): defaults plus the given values. */
public final class StandaloneConfig {

    private StandaloneConfig() {
    }

    public static NcpConfig ncp(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(NcpConfig.class)
                // Quarkus reads durations such as "30M"; plain SmallRye needs its converter for that.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "standalone", 500))
                .build()
                .getConfigMapping(NcpConfig.class);
    }
}
