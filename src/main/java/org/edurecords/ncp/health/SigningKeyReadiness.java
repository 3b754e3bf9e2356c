package org.edurecords.ncp.health;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyStore;

/**
 * Ready only with a signing key loaded whose certificate stays valid for the configured minimum
 * (30 days by default), so that the key is renewed before receivers start refusing documents.
 */
@Readiness
@ApplicationScoped
public class SigningKeyReadiness implements HealthCheck {

    @Inject
    SigningKeyStore keys;

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("signing-key");
        SigningKey key = keys.current();
        if (key == null) {
            return response.down().withData("problem", "no signing key loaded").build();
        }
        X509Certificate certificate = key.certificate();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant mustLastUntil = clock.instant().plus(config.operations().certificateMinimumValidity());
        response.withData("notAfter", notAfter.toString())
                .withData("serial", certificate.getSerialNumber().toString(16));
        if (notAfter.isBefore(mustLastUntil)) {
            return response.down().withData("problem", "the signing certificate expires within "
                    + config.operations().certificateMinimumValidity().toDays() + " days").build();
        }
        return response.up().build();
    }
}
