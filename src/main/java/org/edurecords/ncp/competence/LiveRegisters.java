package org.edurecords.ncp.competence;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.results.Learner;
import org.jboss.logging.Logger;

/**
 * Registers that serve credentials live (the HTTP source type of credentials, docs/competence.md): when a person
 * opens their page, starts choosing a share link or logs in to a transfer, each is asked for their credentials, and
 * its answer is imported for them as any import is (one validation, idempotent by content, a status change kept in
 * the history) and replaces what that register gave them before. A register that cannot be read leaves the
 * credentials it gave last; the person still sees them, and the log says which register failed. Everything else (a
 * link's recipient, later steps) reads the store only.
 */
@ApplicationScoped
public class LiveRegisters {

    private static final Logger LOG = Logger.getLogger(LiveRegisters.class);
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    /** A register's answer: the person's credentials in the import format ({@link CredentialImports.Entry}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(List<CredentialImports.Entry> credentials) {
    }

    @Inject
    NcpConfig config;

    @Inject
    CredentialImports imports;

    @Inject
    ObjectMapper json;

    // Built after injection, not in a field initialiser: the bean's client proxy runs those too (ADR 0881).
    private HttpClient client;

    @PostConstruct
    void openClient() {
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(java.time.Duration.ofSeconds(3)).build();
    }

    /**
     * Asks every live register now and keeps what each says about this person.
     *
     * @return the registers that could not be read this time, by their names as people read them
     */
    public List<String> refresh(Learner learner) {
        Map<String, NcpConfig.LiveRegister> registers = config.competence().live();
        List<String> failed = new ArrayList<>();
        if (registers.isEmpty() || learner.nationalIdentifier() == null) {
            return failed;
        }
        registers.forEach((source, register) -> {
            try {
                List<CredentialImports.Entry> entries = ask(register, learner.nationalIdentifier());
                // Whatever the register writes, its answer is about this person only.
                List<CredentialImports.Entry> own = entries.stream().filter(Objects::nonNull)
                        .map(e -> forPerson(e, learner.nationalIdentifier())).toList();
                CredentialImports.Report report = imports.importBatch(new CredentialImports.Batch(source, own));
                int deleted = imports.keepOnly(source, learner.id(),
                        own.stream().map(CredentialImports.Entry::sourceKey).filter(Objects::nonNull).toList());
                if (report.rejected() > 0) {
                    LOG.warnf("Live register %s: %d of its credentials for a learner were refused: %s", source,
                            report.rejected(), report.credentials().stream()
                                    .filter(o -> o.outcome() == CredentialImports.Outcome.REJECTED)
                                    .map(o -> o.credential() + " " + o.problems()).toList());
                }
                LOG.debugf("Live register %s: %d created, %d updated, %d deleted", source, report.created(),
                        report.updated(), deleted);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Live register %s could not be read (%s); the credentials it gave last are shown", source,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                failed.add(register.name().orElse(source));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(register.name().orElse(source));
            }
        });
        return failed;
    }

    private List<CredentialImports.Entry> ask(NcpConfig.LiveRegister register, String nationalIdentifier)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(register.url().strip()))
                .timeout(register.timeout()).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(Map.of("nationalIdentifier", nationalIdentifier))));
        register.token().filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<java.io.InputStream> answer = client.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (java.io.InputStream in = answer.body()) {
            // A person's credentials are small; a register that sends more is not read to the end.
            body = in.readNBytes(MAX_ANSWER_BYTES + 1);
        }
        if (answer.statusCode() == 404) {
            // The register knows nothing of this person (any more).
            return List.of();
        }
        if (answer.statusCode() != 200) {
            throw new IOException("it answered " + answer.statusCode());
        }
        if (body.length > MAX_ANSWER_BYTES) {
            throw new IOException("its answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        Answer read;
        try {
            read = json.readValue(body, Answer.class);
        } catch (IOException e) {
            throw new IOException("its answer is not the expected JSON");
        }
        if (read == null || read.credentials() == null) {
            throw new IOException("its answer has no credentials list");
        }
        return read.credentials();
    }

    private static CredentialImports.Entry forPerson(CredentialImports.Entry e, String nationalIdentifier) {
        return new CredentialImports.Entry(e.sourceKey(), nationalIdentifier, null, null, null, e.kind(), e.title(),
                e.issuer(), e.issuedOn(), e.number(), e.validFrom(), e.validTo(), e.status(), e.statusSince(),
                e.statusReason(), e.details());
    }
}
