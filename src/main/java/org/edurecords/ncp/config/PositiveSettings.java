package org.edurecords.ncp.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start when a limit or a rate that must count something is zero or negative. A check of its own instead
 * of bean-validation annotations on {@link NcpConfig}: the validator's start-up cost was out of all proportion to
 * these few numbers (docs/adr/0880).
 */
@ApplicationScoped
public class PositiveSettings {

    @Inject
    NcpConfig config;

    void check(@Observes StartupEvent event) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    /** The settings that are not positive, each as {@code name must be positive, is value}. */
    public static List<String> problems(NcpConfig config) {
        NcpConfig.RateLimit rates = config.rateLimit();
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("ncp.rate-limit.max-addresses", rates.maxAddresses());
        values.put("ncp.rate-limit.flow-creation.per-minute", rates.flowCreation().perMinute());
        values.put("ncp.rate-limit.flow-creation.burst", rates.flowCreation().burst());
        values.put("ncp.rate-limit.login.per-minute", rates.login().perMinute());
        values.put("ncp.rate-limit.login.burst", rates.login().burst());
        values.put("ncp.rate-limit.share-creation.per-minute", rates.shareCreation().perMinute());
        values.put("ncp.rate-limit.share-creation.burst", rates.shareCreation().burst());
        values.put("ncp.rate-limit.share-email.per-minute", rates.shareEmail().perMinute());
        values.put("ncp.rate-limit.share-email.burst", rates.shareEmail().burst());
        values.put("ncp.sharing.link-attempt-limit", config.sharing().linkAttemptLimit());
        values.put("ncp.sharing.max-emails-per-link", config.sharing().maxEmailsPerLink());
        List<String> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value <= 0) {
                problems.add(name + " must be positive, is " + value);
            }
        });
        return problems;
    }
}
