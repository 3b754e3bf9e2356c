package org.edurecords.ncp.competence;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.edurecords.ncp.results.store.LearnerEntity;
import org.edurecords.ncp.web.JsonProblems;

/**
 * Imports credentials from a register (docs/competence.md): each credential on its own, in its own transaction, so
 * that one wrong entry does not stop the others. The register's key ({@code source}, {@code sourceKey}) makes it
 * idempotent: the same content again changes nothing, other content updates the credential, and a new status is
 * added to its history.
 */
@ApplicationScoped
public class CredentialImports {

    private static final Logger LOG = Logger.getLogger(CredentialImports.class);
    private static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    private static final Set<String> SCALES = Set.of("1-6", "pass-fail");
    private static final Set<String> PASS_FAIL = Set.of("passed", "failed");
    private static final Set<String> ASSESSMENTS = Set.of("overall", "exam", "written-exam", "oral-exam",
            "practical-exam");

    @Schema(description = "Credentials of one register for any number of learners")
    public record Batch(
            @Schema(description = "The register, as this service names it", example = "vigo") String source,
            List<Entry> credentials) {
    }

    @Schema(description = "One credential")
    public record Entry(
            @Schema(description = "The register's own key of the credential", example = "VM-2017-000123") String sourceKey,
            @Schema(description = "National identity number; learners are matched on it") String nationalIdentifier,
            @Schema(description = "Needed only when the learner is not yet in the register") String givenNames,
            String familyName,
            LocalDate birthDate,
            @Schema(enumeration = {"upper-secondary", "vocational", "licence", "authorisation", "recognition"}) String kind,
            @Schema(description = "Title by language tag", example = "{\"nb\": \"Vitnemål\", \"en\": \"Diploma\"}")
            Map<String, String> title,
            Issuer issuer,
            LocalDate issuedOn,
            @Schema(description = "Its number at the issuer (licence, authorisation, decision)") String number,
            LocalDate validFrom,
            LocalDate validTo,
            @Schema(enumeration = {"valid", "suspended", "revoked", "expired"}, defaultValue = "valid") String status,
            @Schema(description = "Since when the status holds") LocalDate statusSince,
            String statusReason,
            @Schema(description = "The kind's own attributes (docs/competence.md)") JsonNode details) {
    }

    public record Issuer(@Schema(example = "Oslo kommune, Oslo katedralskole") String name,
            @Schema(example = "NO") String country,
            @Schema(description = "Its identifier, e.g. an organisation number") String id) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public record EntryOutcome(@Schema(example = "credentials[0] (VM-2017-000123)") String credential, Outcome outcome,
            List<String> problems) {
    }

    public record Report(String source, int created, int updated, int unchanged, int rejected,
            List<EntryOutcome> credentials) {
    }

    /** A status change a register reports for a credential it issued. */
    public record StatusUpdate(@Schema(enumeration = {"valid", "suspended", "revoked", "expired"}) String status,
            LocalDate since, String reason) {
    }

    /** A problem with a request as a whole: the admin API answers it with its status and code. */
    public static final class ImportProblem extends org.edurecords.ncp.web.ApiProblem {
        private static final long serialVersionUID = 1L;

        ImportProblem(int status, String code, String message) {
            super(status, code, message);
        }
    }

    /** The reader of the kinds' details: an unknown field is a mistake the register should hear of. */
    private ObjectMapper strict;
    private ObjectMapper canonical;

    // Built after injection, not in field initialisers: the bean's client proxy runs those too (ADR 0881).
    @PostConstruct
    void buildMappers() {
        strict = JsonMapper.builder().findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        canonical = JsonMapper.builder().findAndAddModules()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public Report importBatch(Batch batch) {
        String source = source(batch.source());
        List<Entry> entries = batch.credentials() == null ? List.of() : batch.credentials();
        List<Labelled> labelled = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            labelled.add(new Labelled("credentials[" + i + "]" + (entry == null || entry.sourceKey() == null ? ""
                    : " (" + clip(entry.sourceKey(), 40) + ")"), entry, List.of()));
        }
        return importEntries(source, labelled);
    }

    /** An entry with the name the report gives it, and the problems found before it was an entry (CSV rows). */
    record Labelled(String label, Entry entry, List<String> problems) {
    }

    /** The tabular format ({@link CredentialCsv}): rows turned into entries, one validation and one store for both. */
    public Report importCsv(String sourceName, byte[] body) {
        String source = source(sourceName);
        try {
            return importEntries(source, CredentialCsv.parse(body, strict));
        } catch (CredentialCsv.UnreadableCsvException e) {
            throw new ImportProblem(400, "body_invalid", e.getMessage());
        }
    }

    private Report importEntries(String source, List<Labelled> entries) {
        List<EntryOutcome> outcomes = new ArrayList<>();
        for (Labelled item : entries) {
            Entry entry = item.entry();
            String label = item.label();
            List<String> problems = new ArrayList<>(item.problems());
            Object details = entry == null || !problems.isEmpty() ? null : check(entry, problems);
            if (entry == null && problems.isEmpty()) {
                problems.add("not a credential (null)");
            }
            if (!problems.isEmpty()) {
                outcomes.add(new EntryOutcome(label, Outcome.REJECTED, problems));
                continue;
            }
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> store(source, entry, details, problems));
                outcomes.add(new EntryOutcome(label, problems.isEmpty() ? outcome : Outcome.REJECTED, problems));
            } catch (RuntimeException e) {
                // Two imports of one credential at once: the unique key refused the second; sending it again settles it.
                LOG.warnf("Credential import %s of %s failed: %s", org.edurecords.ncp.web.LogSafe.of(label), source,
                        e.toString());
                outcomes.add(new EntryOutcome(label, Outcome.REJECTED,
                        List.of("could not be stored now (" + e.getClass().getSimpleName() + "); send it again")));
            }
        }
        Report report = new Report(source, count(outcomes, Outcome.CREATED), count(outcomes, Outcome.UPDATED),
                count(outcomes, Outcome.UNCHANGED), count(outcomes, Outcome.REJECTED), outcomes);
        LOG.infof("Credential import from %s: %d created, %d updated, %d unchanged, %d rejected", source,
                report.created(), report.updated(), report.unchanged(), report.rejected());
        return report;
    }

    /**
     * A live register's answer is the whole truth of that register about one person: their credentials of
     * {@code source} that it no longer gives are deleted, with their history (the database cascades).
     *
     * @return how many were deleted
     */
    @jakarta.transaction.Transactional
    public int keepOnly(String source, long learnerId, java.util.Collection<String> sourceKeys) {
        List<CredentialEntity> rows = CredentialEntity.list("source = ?1 and learnerId = ?2", source, learnerId);
        int deleted = 0;
        for (CredentialEntity row : rows) {
            if (!sourceKeys.contains(row.sourceKey)) {
                em.createNativeQuery("delete from credential where id = ?1").setParameter(1, row.id).executeUpdate();
                deleted++;
            }
        }
        return deleted;
    }

    /** A register's status change of one credential: 404 when the key is unknown. */
    public Outcome changeStatus(String sourceName, String sourceKey, StatusUpdate update) {
        String source = source(sourceName);
        if (update == null) {
            throw new ImportProblem(400, "body_empty", "The body is empty");
        }
        CredentialStatus status = CredentialStatus.of(update.status()).orElseThrow(() -> new ImportProblem(400,
                "status_invalid", "status must be valid, suspended, revoked or expired"));
        return QuarkusTransaction.requiringNew().call(() -> {
            CredentialEntity row = CredentialEntity.<CredentialEntity>find("source = ?1 and sourceKey = ?2", source,
                    sourceKey).firstResult();
            if (row == null) {
                throw new ImportProblem(404, "credential_unknown", "No credential with that key from " + source);
            }
            if (row.status.equals(status.word()) && java.util.Objects.equals(row.statusSince, update.since())) {
                return Outcome.UNCHANGED;
            }
            Instant now = clock.instant();
            row.status = status.word();
            row.statusSince = update.since() == null ? LocalDate.ofInstant(now, java.time.ZoneOffset.UTC) : update.since();
            row.updatedAt = now;
            history(row, update.reason(), now);
            LOG.infof("Credential %s of %s: status %s", row.id, source, row.status);
            return Outcome.UPDATED;
        });
    }

    private static String source(String source) {
        if (source == null || source.isBlank()) {
            throw new ImportProblem(400, "source_missing", "source (the register) is required");
        }
        if (!source.strip().matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ImportProblem(400, "source_invalid", "source is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return source.strip();
    }

    /** The problems of an entry, and its details read into the kind's record. */
    private Object check(Entry e, List<String> problems) {
        required(e.sourceKey(), "sourceKey", 128, problems);
        required(e.nationalIdentifier(), "nationalIdentifier", 64, problems);
        CredentialKind kind = CredentialKind.of(e.kind()).orElse(null);
        if (kind == null) {
            problems.add("kind must be upper-secondary, vocational, licence, authorisation or recognition");
        }
        if (!hasText(e.title())) {
            problems.add("title needs at least one text (by language tag)");
        } else if (e.title().keySet().stream().anyMatch(tag -> tag == null || !tag.matches(LANGUAGE_TAG))) {
            problems.add("title: the keys are language tags (en, nb, nn, se, ...)");
        }
        if (e.issuer() == null || e.issuer().name() == null || e.issuer().name().isBlank()) {
            problems.add("issuer.name is required");
        } else if (e.issuer().country() != null && !e.issuer().country().strip().matches("[A-Za-z]{2}")) {
            problems.add("issuer.country is an ISO 3166-1 alpha-2 code");
        }
        if (e.validFrom() != null && e.validTo() != null && e.validTo().isBefore(e.validFrom())) {
            problems.add("validTo is before validFrom");
        }
        if (e.status() != null && CredentialStatus.of(e.status()).isEmpty()) {
            problems.add("status must be valid, suspended, revoked or expired");
        }
        if (kind == null) {
            return null;
        }
        if (e.details() == null || !e.details().isObject()) {
            problems.add("details (an object with the attributes of a " + kind.word() + " credential) is required");
            return null;
        }
        Object details;
        try {
            details = strict.treeToValue(e.details(), CredentialDetails.typeOf(kind));
        } catch (JsonProcessingException ex) {
            problems.add("details: " + JsonProblems.describe(ex));
            return null;
        }
        switch (kind) {
            case UPPER_SECONDARY -> checkSubjects((CredentialDetails.UpperSecondary) details, problems);
            case VOCATIONAL -> {
                if (!hasText(((CredentialDetails.Vocational) details).trade())) {
                    problems.add("details.trade needs at least one text");
                }
            }
            case LICENCE -> {
                List<CredentialDetails.LicenceCategory> categories = ((CredentialDetails.Licence) details).categories();
                if (categories == null || categories.isEmpty()) {
                    problems.add("details.categories lists at least one category");
                } else {
                    for (int i = 0; i < categories.size(); i++) {
                        CredentialDetails.LicenceCategory c = categories.get(i);
                        if (c == null || c.category() == null || c.category().isBlank()) {
                            problems.add("details.categories[" + i + "].category is required");
                        } else if (c.validFrom() != null && c.validTo() != null && c.validTo().isBefore(c.validFrom())) {
                            problems.add("details.categories[" + i + "]: validTo is before validFrom");
                        }
                    }
                }
            }
            case AUTHORISATION -> {
                if (!hasText(((CredentialDetails.Authorisation) details).profession())) {
                    problems.add("details.profession needs at least one text");
                }
            }
            case RECOGNITION -> {
                CredentialDetails.Recognition r = (CredentialDetails.Recognition) details;
                if (!hasText(r.foreignQualification())) {
                    problems.add("details.foreignQualification needs at least one text");
                }
                if (!hasText(r.decision())) {
                    problems.add("details.decision needs at least one text");
                }
                if (r.foreignCountry() != null && !r.foreignCountry().matches("[A-Z]{2}")) {
                    problems.add("details.foreignCountry is an ISO 3166-1 alpha-2 code in capitals");
                }
                if (r.creditsGranted() != null && r.creditsGranted().compareTo(BigDecimal.ZERO) < 0) {
                    problems.add("details.creditsGranted is not negative");
                }
            }
        }
        return details;
    }

    private static void checkSubjects(CredentialDetails.UpperSecondary diploma, List<String> problems) {
        if (diploma.subjects() == null || diploma.subjects().isEmpty()) {
            problems.add("details.subjects lists at least one subject");
            return;
        }
        for (int i = 0; i < diploma.subjects().size(); i++) {
            CredentialDetails.Subject s = diploma.subjects().get(i);
            String at = "details.subjects[" + i + "]";
            if (s == null || (s.code() == null && !hasText(s.title()))) {
                problems.add(at + " needs a code or a title");
                continue;
            }
            String scale = s.scale() == null ? "1-6" : s.scale();
            if (!SCALES.contains(scale)) {
                problems.add(at + ".scale must be 1-6 or pass-fail");
            } else if (s.grade() != null && !s.exempt() && "1-6".equals(scale) && !s.grade().strip().matches("[1-6]")) {
                problems.add(at + ".grade must be 1 to 6, or exempt, on the 1-6 scale");
            } else if (s.grade() != null && !s.exempt() && "pass-fail".equals(scale)
                    && !PASS_FAIL.contains(s.grade().strip())) {
                problems.add(at + ".grade must be passed, failed or exempt on the pass-fail scale");
            }
            if (s.hours() != null && s.hours() < 0) {
                problems.add(at + ".hours is not negative");
            }
            if (s.assessment() != null && !ASSESSMENTS.contains(s.assessment())) {
                problems.add(at + ".assessment must be one of " + new java.util.TreeSet<>(ASSESSMENTS));
            }
        }
    }

    private Outcome store(String source, Entry e, Object details, List<String> problems) {
        String key = e.sourceKey().strip();
        LearnerEntity learner = LearnerEntity.<LearnerEntity>find("nationalIdentifier", e.nationalIdentifier().strip())
                .firstResult();
        if (learner == null) {
            if (e.givenNames() == null || e.familyName() == null || e.birthDate() == null) {
                problems.add("the learner is not in the register; give givenNames, familyName and birthDate to add them");
                return Outcome.REJECTED;
            }
            learner = new LearnerEntity();
            learner.id = ((Number) em.createNativeQuery("select nextval('import_id_seq')").getSingleResult()).longValue();
            learner.givenNames = e.givenNames().strip();
            learner.familyName = e.familyName().strip();
            learner.birthDate = e.birthDate();
            learner.nationalIdentifier = e.nationalIdentifier().strip();
            learner.persist();
        }
        CredentialStatus status = CredentialStatus.of(e.status()).orElse(CredentialStatus.VALID);
        String title = write(e.title());
        String detailsJson = write(details);
        String hash = org.edurecords.ncp.web.SecretTokens.sha256Hex(write(List.of(e.kind().strip(), e.title(), e.issuer(), String.valueOf(e.issuedOn()),
                String.valueOf(e.number()), String.valueOf(e.validFrom()), String.valueOf(e.validTo()), status.word(),
                String.valueOf(e.statusSince()), details)));
        Instant now = clock.instant();
        CredentialEntity row = CredentialEntity.<CredentialEntity>find("source = ?1 and sourceKey = ?2", source, key)
                .firstResult();
        Outcome outcome;
        if (row == null) {
            row = new CredentialEntity();
            row.id = UUID.randomUUID().toString();
            row.source = source;
            row.sourceKey = key;
            row.learnerId = learner.id;
            row.importedAt = now;
            outcome = Outcome.CREATED;
        } else if (row.learnerId != learner.id) {
            problems.add("this sourceKey belongs to another learner's credential");
            return Outcome.REJECTED;
        } else if (row.contentHash.equals(hash)) {
            return Outcome.UNCHANGED;
        } else {
            outcome = Outcome.UPDATED;
        }
        boolean newStatus = outcome == Outcome.CREATED || !row.status.equals(status.word())
                || !java.util.Objects.equals(row.statusSince, e.statusSince());
        row.kind = CredentialKind.of(e.kind()).orElseThrow().word();
        row.title = title;
        row.issuerName = e.issuer().name().strip();
        row.issuerCountry = e.issuer().country() == null ? null : e.issuer().country().strip().toUpperCase(java.util.Locale.ROOT);
        row.issuerId = e.issuer().id();
        row.issuedOn = e.issuedOn();
        row.number = e.number();
        row.validFrom = e.validFrom();
        row.validTo = e.validTo();
        row.status = status.word();
        row.statusSince = e.statusSince();
        row.details = detailsJson;
        row.contentHash = hash;
        row.updatedAt = now;
        if (outcome == Outcome.CREATED) {
            row.persist();
        }
        if (newStatus) {
            history(row, e.statusReason(), now);
        }
        return outcome;
    }

    private static void history(CredentialEntity row, String reason, Instant now) {
        CredentialStatusChangeEntity change = new CredentialStatusChangeEntity();
        change.id = UUID.randomUUID().toString();
        change.credentialId = row.id;
        change.status = row.status;
        change.since = row.statusSince;
        change.reason = reason == null || reason.isBlank() ? null : clip(reason.strip(), 1000);
        change.recordedAt = now;
        change.persist();
    }

    private String write(Object value) {
        try {
            return canonical.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasText(Map<String, String> texts) {
        return texts != null && texts.values().stream().anyMatch(t -> t != null && !t.isBlank());
    }

    private static void required(String value, String field, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else if (value.length() > max) {
            problems.add(field + " has more than " + max + " characters");
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static int count(List<EntryOutcome> outcomes, Outcome outcome) {
        return (int) outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
