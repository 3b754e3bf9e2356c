package org.edurecords.ncp.competence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.web.PublicUrl;

/**
 * The JSON evidence of credentials as every caller issues it (the owner's copy, a share link, an EMREX 2.0
 * consent): this service named as its issuer, each status as it stands on today's date in the service's time zone.
 */
@ApplicationScoped
public class CompetenceDocuments {

    @Inject
    NcpConfig config;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** The day on which a credential's status is read: today where the service is. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.timeZone()));
    }

    /** The evidence's exact bytes, to be signed and kept as they are. */
    public byte[] evidence(Learner learner, List<Credential> credentials) {
        try {
            return json.writeValueAsBytes(CompetenceEvidence.of(learner, credentials, clock.instant(), today(),
                    config.name(), publicUrl.base()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The evidence of credentials cannot be written", e);
        }
    }

    /** Evidence bytes read back. */
    public CompetenceEvidence read(String evidence) {
        try {
            return json.readValue(evidence, CompetenceEvidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Kept evidence of credentials is unreadable", e);
        }
    }
}
