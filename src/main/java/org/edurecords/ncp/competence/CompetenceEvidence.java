package org.edurecords.ncp.competence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.edurecords.ncp.results.Learner;

/**
 * The JSON evidence format of credentials ({@code competence}, version 1.0; schema
 * {@code schemas/competence-evidence-1.0.schema.json}, docs/competence.md): what a person's credentials are, as this
 * service knows them at {@code issuedAt}, with each credential's status on that day and its history. Licences,
 * authorisations and recognition decisions are not learning results and travel in this format, not in ELMO (ADR
 * 0870). The one builder of it for every caller.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompetenceEvidence(String format, String version, Instant issuedAt, Issuer issuer, Person learner,
        List<Item> credentials) {

    public static final String FORMAT = "competence";
    public static final String VERSION = "1.0";

    /** The service that gives the evidence. */
    public record Issuer(String name, String url) {
    }

    /** The person, without identity numbers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String givenNames, String familyName, LocalDate birthDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialIssuer(String name, String country, String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String status, LocalDate since, String reason) {
    }

    /** One credential: the facts every kind has, its status on the day of the evidence, and its kind's details. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String kind, Map<String, String> title, CredentialIssuer issuer, LocalDate issuedOn,
            String number, LocalDate validFrom, LocalDate validTo, String status, LocalDate statusSince,
            List<Status> history, Object details) {
    }

    public static CompetenceEvidence of(Learner learner, List<Credential> credentials, Instant now, LocalDate today,
            String serviceName, String serviceUrl) {
        List<Item> items = credentials.stream().map(c -> new Item(c.id(), c.kind().word(), c.title().asMap(),
                new CredentialIssuer(c.issuerName(), c.issuerCountry(), c.issuerId()), c.issuedOn(), c.number(),
                c.validFrom(), c.validTo(), c.statusOn(today).word(), c.statusSinceOn(today),
                c.history().stream().map(h -> new Status(h.status().word(), h.since(), h.reason())).toList(),
                c.details())).toList();
        return new CompetenceEvidence(FORMAT, VERSION, now, new Issuer(serviceName, serviceUrl),
                new Person(learner.givenNames(), learner.familyName(), learner.birthDate()), items);
    }
}
