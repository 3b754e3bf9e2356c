package org.edurecords.ncp.emrex2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.edurecords.ncp.config.NcpConfig;
import org.junit.jupiter.api.Test;

/** The draft's limits on code and token lifetimes refuse to start the service when exceeded. */
class Emrex2LifetimesTest {

    private static NcpConfig.Emrex2 lifetimes(String code, String token) {
        return new NcpConfig.Emrex2() {
            @Override
            public Optional<List<String>> clientRegistry() {
                return Optional.empty();
            }

            @Override
            public Duration clientRegistryRefresh() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration codeLifetime() {
                return Duration.parse(code);
            }

            @Override
            public Duration tokenLifetime() {
                return Duration.parse(token);
            }

            @Override
            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }
        };
    }

    @Test
    void theDefaultsAndTheLimitsThemselvesPass() {
        assertEquals(List.of(), Tokens.lifetimeProblems(lifetimes("PT60S", "PT300S")));
        assertEquals(List.of(), Tokens.lifetimeProblems(lifetimes("PT10S", "PT60S")));
    }

    @Test
    void longerOrEmptyLifetimesAreRefused() {
        assertEquals(List.of("ncp.emrex2.code-lifetime must be more than 0 and at most 60 seconds",
                "ncp.emrex2.token-lifetime must be more than 0 and at most 300 seconds"),
                Tokens.lifetimeProblems(lifetimes("PT61S", "PT10M")));
        assertEquals(List.of("ncp.emrex2.code-lifetime must be more than 0 and at most 60 seconds"),
                Tokens.lifetimeProblems(lifetimes("PT0S", "PT300S")));
    }
}
