package org.edurecords.ncp.competence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edurecords.ncp.results.LocalizedText;

/** A learner's credentials as the store holds them, with their status history; the one reader of the store. */
@ApplicationScoped
public class Credentials {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    /** Every credential of the learner: by kind (in the order of {@link CredentialKind}), newest first. */
    @Transactional
    public List<Credential> of(long learnerId) {
        List<CredentialEntity> rows = CredentialEntity.list("learnerId", learnerId);
        if (rows.isEmpty()) {
            return List.of();
        }
        // every credential's history in one statement, not one per credential
        Map<String, List<CredentialStatusChangeEntity>> histories = CredentialStatusChangeEntity
                .<CredentialStatusChangeEntity>list("credentialId in (select c.id from CredentialEntity c"
                        + " where c.learnerId = ?1) order by credentialId, recordedAt", learnerId)
                .stream().collect(Collectors.groupingBy(c -> c.credentialId));
        List<Credential> all = new ArrayList<>();
        for (CredentialEntity row : rows) {
            all.add(toRecord(row, histories.getOrDefault(row.id, List.of())));
        }
        all.sort(Comparator.comparing(Credential::kind)
                .thenComparing(Credential::issuedOn, Comparator.nullsLast(Comparator.reverseOrder())));
        return all;
    }

    /** One credential by the register's key. */
    @Transactional
    public Optional<Credential> find(String source, String sourceKey) {
        return CredentialEntity.<CredentialEntity>find("source = ?1 and sourceKey = ?2", source, sourceKey)
                .firstResultOptional().map(row -> toRecord(row,
                        CredentialStatusChangeEntity.list("credentialId = ?1 order by recordedAt", row.id)));
    }

    /** One credential as the store holds it now, by its id; empty when it is no longer there. */
    @Transactional
    public Optional<Credential> byId(String id) {
        CredentialEntity row = id == null ? null : CredentialEntity.findById(id);
        return row == null ? Optional.empty()
                : Optional.of(toRecord(row, CredentialStatusChangeEntity.list("credentialId = ?1 order by recordedAt", id)));
    }

    /**
     * The credentials of an evidence document as it was made (a share link's snapshot): the status each had then,
     * the details read into their kind's record.
     */
    public List<Credential> fromEvidence(CompetenceEvidence evidence) {
        List<Credential> all = new ArrayList<>();
        for (CompetenceEvidence.Item item : evidence.credentials()) {
            CredentialKind kind = CredentialKind.of(item.kind()).orElseThrow(
                    () -> new IllegalStateException("evidence with an unknown kind " + item.kind()));
            CompetenceEvidence.CredentialIssuer issuer = item.issuer();
            List<Credential.StatusChange> history = item.history() == null ? List.of() : item.history().stream()
                    .map(h -> new Credential.StatusChange(CredentialStatus.of(h.status()).orElse(CredentialStatus.VALID),
                            h.since(), h.reason(), null)).toList();
            all.add(new Credential(item.id(), null, null, kind, LocalizedText.fromMap(item.title()), issuer.name(),
                    issuer.country(), issuer.id(), item.issuedOn(), item.number(), item.validFrom(), item.validTo(),
                    CredentialStatus.of(item.status()).orElse(CredentialStatus.VALID), item.statusSince(),
                    json.convertValue(item.details(), CredentialDetails.typeOf(kind)), history));
        }
        return all;
    }

    Credential toRecord(CredentialEntity row, List<CredentialStatusChangeEntity> changes) {
        CredentialKind kind = CredentialKind.of(row.kind).orElseThrow(
                () -> new IllegalStateException("credential " + row.id + " has an unknown kind"));
        List<Credential.StatusChange> history = changes.stream().map(c -> new Credential.StatusChange(
                CredentialStatus.of(c.status).orElse(CredentialStatus.VALID), c.since, c.reason, c.recordedAt)).toList();
        try {
            return new Credential(row.id, row.source, row.sourceKey, kind, LocalizedText.fromMap(json.readValue(row.title, TEXTS)), row.issuerName,
                    row.issuerCountry, row.issuerId, row.issuedOn, row.number, row.validFrom, row.validTo,
                    CredentialStatus.of(row.status).orElse(CredentialStatus.VALID), row.statusSince,
                    json.readValue(row.details, CredentialDetails.typeOf(kind)), history);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credential " + row.id + " has unreadable stored JSON", e);
        }
    }
}
