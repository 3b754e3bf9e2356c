package org.edurecords.ncp.admin;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.edurecords.ncp.elmo.ElmoReader;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.store.GradingSchemeEntity;
import org.edurecords.ncp.results.store.InstitutionEntity;
import org.edurecords.ncp.results.store.LearnerEntity;
import org.edurecords.ncp.results.store.LearningOpportunityEntity;
import org.edurecords.ncp.web.LogSafe;
import org.jboss.logging.Logger;

/**
 * Imports results into the embedded store. Each learner is imported on their own, in their own
 * transaction: a bad entry is rejected with reasons and never stops the others. Importing the same
 * content again changes nothing; different content replaces the learner's results at that institution.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Set<String> TYPES = Set.of("Degree Programme", "Module", "Course", "Class");
    private static final Set<String> STATUSES = Set.of("passed", "failed", "in-progress");
    /** Identifier schemes an import may register (nin is the national identifier itself). */
    static final Set<String> IDENTIFIER_SCHEMES = Set.of("feide", "eppn", "esi");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ElmoReader elmoReader;

    @Inject
    Clock clock;

    /** The institution is not in the directory: nothing can be imported. */
    public static final class UnknownInstitutionException extends Exception {

        private static final long serialVersionUID = 1L;

        public UnknownInstitutionException(String schac) {
            super("Institution '" + schac + "' is not in the institution directory");
        }
    }

    public ImportReport importJson(ImportFormat.Batch batch) throws UnknownInstitutionException {
        InstitutionEntity institution = institution(batch.institution());
        List<ImportFormat.Scheme> schemes = batch.gradingSchemes() == null ? List.of() : batch.gradingSchemes();
        List<String> schemeProblems = checkSchemes(schemes);
        List<ImportFormat.LearnerEntry> learners = batch.learners() == null ? List.of() : batch.learners();
        List<ImportReport.LearnerOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            String label = label(i, learners.get(i) == null ? null : learners.get(i).nationalIdentifier());
            if (!schemeProblems.isEmpty()) {
                outcomes.add(new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0, schemeProblems));
            } else {
                outcomes.add(importLearner(institution.id, label, learners.get(i), schemes, "json"));
            }
        }
        return report(institution.schac, "json", outcomes);
    }

    /** The tabular format ({@link CsvResults}): one row per result, any number of learners. */
    public ImportReport importCsv(String schac, byte[] csv)
            throws UnknownInstitutionException, CsvResults.UnreadableCsvException {
        InstitutionEntity institution = institution(schac);
        CsvResults.Parsed parsed = CsvResults.parse(csv);
        List<String> schemeProblems = checkSchemes(parsed.gradingSchemes());
        List<ImportReport.LearnerOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < parsed.learners().size(); i++) {
            CsvResults.LearnerRows rows = parsed.learners().get(i);
            String label = label(i, rows.nationalIdentifier());
            List<String> problems = new ArrayList<>(rows.problems());
            problems.addAll(schemeProblems);
            outcomes.add(problems.isEmpty()
                    ? importLearner(institution.id, label, rows.entry(), parsed.gradingSchemes(), "csv")
                    : new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0, problems));
        }
        return report(institution.schac, "csv", outcomes);
    }

    /** An ELMO document for one learner; its reports must be issued by the named institution. */
    public ImportReport importElmo(String schac, byte[] xml) throws UnknownInstitutionException {
        InstitutionEntity institution = institution(schac);
        ElmoReader.ElmoContent content;
        try {
            content = elmoReader.read(xml, schac);
        } catch (ElmoReader.InvalidElmoException e) {
            return report(institution.schac, "elmo", List.of(new ImportReport.LearnerOutcome(label(0, null),
                    ImportReport.Outcome.REJECTED, 0, List.of(e.getMessage()))));
        }
        ElmoReader.LearnerPart learner = content.learner();
        String label = label(0, learner.nationalIdentifier());
        List<ImportFormat.Result> results = new ArrayList<>();
        List<ImportFormat.Scheme> schemes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ElmoReader.ReportPart part : content.reports()) {
            if (!part.issuerSchac().isEmpty() && !part.issuerSchac().contains(institution.schac)) {
                problems.add("a report is issued by " + part.issuerSchac() + ", not by " + institution.schac);
            }
            part.roots().forEach(root -> results.add(fromElmo(root)));
            for (GradingScheme scheme : part.gradingSchemes()) {
                schemes.add(new ImportFormat.Scheme(scheme.localId(), scheme.description()));
            }
        }
        if (!problems.isEmpty()) {
            return report(institution.schac, "elmo",
                    List.of(new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0, problems)));
        }
        ImportFormat.LearnerEntry entry = new ImportFormat.LearnerEntry(learner.nationalIdentifier(),
                learner.givenNames(), learner.familyName(), learner.birthDate(), learner.citizenship(), results);
        List<String> schemeProblems = checkSchemes(schemes);
        ImportReport.LearnerOutcome outcome = schemeProblems.isEmpty()
                ? importLearner(institution.id, label, entry, schemes, "elmo")
                : new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0, schemeProblems);
        return report(institution.schac, "elmo", List.of(outcome));
    }

    private InstitutionEntity institution(String schac) throws UnknownInstitutionException {
        Optional<InstitutionEntity> found = schac == null ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> InstitutionEntity.<InstitutionEntity>find("schac",
                        schac.trim().toLowerCase(Locale.ROOT)).firstResultOptional());
        return found.orElseThrow(() -> new UnknownInstitutionException(schac));
    }

    private ImportReport.LearnerOutcome importLearner(long institutionId, String label, ImportFormat.LearnerEntry entry,
            List<ImportFormat.Scheme> schemes, String format) {
        List<String> problems = check(entry);
        if (!problems.isEmpty()) {
            return new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0, problems);
        }
        String hash = hash(entry, schemes);
        int count = count(entry.results());
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(institutionId, label, entry, schemes, format, hash,
                    count));
        } catch (RuntimeException e) {
            // Never the content in the log: only which entry failed and how.
            LOG.warnf(e, "Import of %s for institution %d failed", LogSafe.of(label), institutionId);
            return new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0,
                    List.of("could not be stored; the service log has the reason"));
        }
    }

    private ImportReport.LearnerOutcome store(long institutionId, String label, ImportFormat.LearnerEntry entry,
            List<ImportFormat.Scheme> schemes, String format, String hash, int count) {
        LearnerEntity learner = LearnerEntity.<LearnerEntity>find("nationalIdentifier", entry.nationalIdentifier().trim())
                .firstResultOptional().orElse(null);
        List<String> taken = identifiersOfOthers(entry, learner == null ? null : learner.id);
        if (!taken.isEmpty()) {
            return new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0, taken);
        }
        if (learner == null) {
            if (blank(entry.givenNames()) || blank(entry.familyName())) {
                return new ImportReport.LearnerOutcome(label, ImportReport.Outcome.REJECTED, 0,
                        List.of("the learner is not in the register, so givenNames and familyName are required"));
            }
            learner = new LearnerEntity();
            learner.id = nextId();
            learner.nationalIdentifier = entry.nationalIdentifier().trim();
            learner.givenNames = entry.givenNames().trim();
            learner.familyName = entry.familyName().trim();
            learner.birthDate = entry.birthDate();
            learner.citizenship = blank(entry.citizenship()) ? null : entry.citizenship().trim().toUpperCase(Locale.ROOT);
            learner.persist();
        }
        long learnerId = learner.id;
        storeIdentifiers(entry, learnerId);
        Optional<ResultImportEntity> last = ResultImportEntity.<ResultImportEntity>find(
                "learnerId = ?1 and institutionId = ?2 order by importedAt desc, id desc", learnerId, institutionId)
                .firstResultOptional();
        if (last.isPresent() && last.get().contentHash.equals(hash)) {
            return new ImportReport.LearnerOutcome(label, ImportReport.Outcome.UNCHANGED, count, List.of());
        }
        long existing = LearningOpportunityEntity.deleteWithDetails(learnerId, institutionId);
        for (ImportFormat.Scheme scheme : schemes) {
            GradingSchemeEntity gs = GradingSchemeEntity.<GradingSchemeEntity>find("institutionId = ?1 and localId = ?2",
                    institutionId, scheme.localId()).firstResultOptional().orElse(null);
            if (gs == null) {
                gs = new GradingSchemeEntity();
                gs.id = nextId();
                gs.institutionId = institutionId;
                gs.localId = scheme.localId();
                gs.persist();
                gs.storeDescriptions(scheme.description());
            }
        }
        int order = 0;
        for (ImportFormat.Result result : entry.results()) {
            persist(result, learnerId, institutionId, null, ++order);
        }
        ResultImportEntity record = new ResultImportEntity();
        record.id = nextId();
        record.institutionId = institutionId;
        record.learnerId = learnerId;
        record.contentHash = hash;
        record.format = format;
        record.opportunities = count;
        record.importedAt = clock.instant();
        record.persist();
        return new ImportReport.LearnerOutcome(label,
                existing == 0 && last.isEmpty() ? ImportReport.Outcome.CREATED : ImportReport.Outcome.REPLACED, count,
                List.of());
    }

    /** Identifiers of the entry that the register already gives to another learner. */
    private List<String> identifiersOfOthers(ImportFormat.LearnerEntry entry, Long learnerId) {
        List<String> problems = new ArrayList<>();
        List<ImportFormat.LearnerId> ids = entry.identifiers() == null ? List.of() : entry.identifiers();
        for (int i = 0; i < ids.size(); i++) {
            List<?> owners = em.createNativeQuery(
                    "select learner_id from learner_identifier where scheme = ?1 and identifier = ?2")
                    .setParameter(1, ids.get(i).scheme().trim()).setParameter(2, ids.get(i).value().trim())
                    .getResultList();
            if (!owners.isEmpty() && (learnerId == null || ((Number) owners.get(0)).longValue() != learnerId)) {
                problems.add("identifiers[" + i + "]: already belongs to another learner");
            }
        }
        return problems;
    }

    /** Adds identifiers not yet registered; existing ones of this learner stay (a login may still use them). */
    private void storeIdentifiers(ImportFormat.LearnerEntry entry, long learnerId) {
        for (ImportFormat.LearnerId id : entry.identifiers() == null ? List.<ImportFormat.LearnerId>of()
                : entry.identifiers()) {
            String scheme = id.scheme().trim();
            String value = id.value().trim();
            long known = ((Number) em.createNativeQuery(
                    "select count(*) from learner_identifier where scheme = ?1 and identifier = ?2")
                    .setParameter(1, scheme).setParameter(2, value).getSingleResult()).longValue();
            if (known == 0) {
                em.createNativeQuery("insert into learner_identifier (scheme, identifier, learner_id) values (?1, ?2, ?3)")
                        .setParameter(1, scheme).setParameter(2, value).setParameter(3, learnerId).executeUpdate();
            }
        }
    }

    private void persist(ImportFormat.Result result, long learnerId, long institutionId, Long parentId, int order) {
        LearningOpportunityEntity lo = new LearningOpportunityEntity();
        lo.id = nextId();
        lo.learnerId = learnerId;
        lo.institutionId = institutionId;
        lo.parentId = parentId;
        lo.sortOrder = order;
        lo.code = result.code().trim();
        lo.type = result.type();
        lo.startDate = result.start();
        lo.resultDate = result.date();
        lo.status = result.status();
        lo.grade = blank(result.grade()) ? null : result.grade().trim();
        lo.ectsCredits = result.credits();
        lo.gradingSchemeLocalId = blank(result.gradingScheme()) ? null : result.gradingScheme().trim();
        lo.languageOfInstruction = blank(result.language()) ? null : result.language().trim();
        lo.persist();
        // The titles' rows refer to the opportunity's row: written after it.
        em.flush();
        lo.storeTitles(result.title());
        if (result.parts() != null) {
            int childOrder = 0;
            for (ImportFormat.Result part : result.parts()) {
                persist(part, learnerId, institutionId, lo.id, ++childOrder);
            }
        }
    }

    private long nextId() {
        return ((Number) em.createNativeQuery("select nextval('import_id_seq')").getSingleResult()).longValue();
    }

    // --- validation ----------------------------------------------------------------------------

    private static List<String> check(ImportFormat.LearnerEntry entry) {
        List<String> problems = new ArrayList<>();
        if (entry == null) {
            return List.of("empty entry");
        }
        if (blank(entry.nationalIdentifier())) {
            problems.add("nationalIdentifier is required");
        } else if (!entry.nationalIdentifier().trim().matches("[0-9A-Za-z-]{4,64}")) {
            problems.add("nationalIdentifier must be 4 to 64 letters, digits or hyphens");
        }
        if (!blank(entry.citizenship()) && !entry.citizenship().trim().matches("[A-Za-z]{2}")) {
            problems.add("citizenship must be an ISO 3166-1 alpha-2 code");
        }
        List<ImportFormat.LearnerId> ids = entry.identifiers() == null ? List.of() : entry.identifiers();
        for (int i = 0; i < ids.size(); i++) {
            ImportFormat.LearnerId id = ids.get(i);
            if (id == null || id.scheme() == null || !IDENTIFIER_SCHEMES.contains(id.scheme().trim())) {
                problems.add("identifiers[" + i + "].scheme: must be one of " + IDENTIFIER_SCHEMES.stream().sorted().toList());
            } else if (blank(id.value()) || id.value().trim().length() > 256) {
                problems.add("identifiers[" + i + "].value: required, at most 256 characters");
            } else if (id.scheme().trim().equals("esi") && !id.value().trim().startsWith("urn:schac:personalUniqueCode:")) {
                problems.add("identifiers[" + i + "].value: an ESI starts with urn:schac:personalUniqueCode:");
            }
        }
        if (entry.results() == null || entry.results().isEmpty()) {
            problems.add("results must not be empty");
        } else {
            for (int i = 0; i < entry.results().size(); i++) {
                check(entry.results().get(i), "results[" + i + "]", problems, 0);
            }
        }
        return problems;
    }

    private static void check(ImportFormat.Result r, String path, List<String> problems, int depth) {
        if (r == null) {
            problems.add(path + ": empty result");
            return;
        }
        if (depth > 8) {
            problems.add(path + ": nested deeper than 8 levels");
            return;
        }
        if (blank(r.code()) || r.code().length() > 128) {
            problems.add(path + ".code: required, at most 128 characters");
        }
        if (r.type() == null || !TYPES.contains(r.type())) {
            problems.add(path + ".type: must be one of " + TYPES.stream().sorted().toList());
        }
        LocalizedText title = r.title();
        if (title.isEmpty()) {
            problems.add(path + ".titles: at least one title is required");
        }
        checkTexts(title, 1000, path + ".titles", problems);
        if (r.status() == null || !STATUSES.contains(r.status())) {
            problems.add(path + ".status: must be one of passed, failed, in-progress");
        }
        if (r.credits() != null && (r.credits().signum() < 0 || r.credits().compareTo(new BigDecimal("99999")) > 0)) {
            problems.add(path + ".credits: must be between 0 and 99999");
        }
        if (r.grade() != null && r.grade().length() > 64) {
            problems.add(path + ".grade: at most 64 characters");
        }
        if (r.start() != null && r.date() != null && r.date().isBefore(r.start())) {
            problems.add(path + ".date: before start");
        }
        if (r.parts() != null) {
            for (int i = 0; i < r.parts().size(); i++) {
                check(r.parts().get(i), path + ".parts[" + i + "]", problems, depth + 1);
            }
        }
    }

    /** Language tags a text may be given in: a BCP 47 primary language subtag ("nn", "se", "smj"). */
    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[a-z]{2,3}");

    private static void checkTexts(LocalizedText texts, int maxLength, String path, List<String> problems) {
        for (LangText text : texts.all()) {
            if (!LANGUAGE_TAG.matcher(text.language()).matches()) {
                problems.add(path + ": '" + LogSafe.of(text.language()) + "' is not a language tag such as en, nb, nn or se");
            } else if (text.text().length() > maxLength) {
                problems.add(path + "." + text.language() + ": at most " + maxLength + " characters");
            }
        }
    }

    private static List<String> checkSchemes(List<ImportFormat.Scheme> schemes) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < schemes.size(); i++) {
            ImportFormat.Scheme s = schemes.get(i);
            if (s == null || blank(s.localId()) || s.description().isEmpty()) {
                problems.add("gradingSchemes[" + i + "]: localId and a description are required");
            } else {
                checkTexts(s.description(), 4000, "gradingSchemes[" + i + "].descriptions", problems);
            }
        }
        return problems;
    }

    // --- helpers -------------------------------------------------------------------------------

    private static ImportFormat.Result fromElmo(LearningOpportunity lo) {
        List<ImportFormat.Result> parts = lo.children().stream().map(ImportService::fromElmo).toList();
        var r = lo.result();
        return new ImportFormat.Result(lo.code(), lo.type(), null, null, lo.title().asMap(), r.start(), r.date(),
                r.status().elmoValue(), r.grade(), r.ectsCredits(), r.gradingSchemeId(), r.languageOfInstruction(),
                parts.isEmpty() ? null : parts);
    }

    private String hash(ImportFormat.LearnerEntry entry, List<ImportFormat.Scheme> schemes) {
        try {
            byte[] canonical = json.writeValueAsBytes(List.of(entry.results(), schemes));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(List<ImportFormat.Result> results) {
        int n = 0;
        if (results != null) {
            for (ImportFormat.Result r : results) {
                n += 1 + count(r.parts());
            }
        }
        return n;
    }

    private static String label(int index, String nationalIdentifier) {
        String masked = nationalIdentifier == null || nationalIdentifier.length() < 4 ? "?"
                : "*".repeat(Math.max(0, nationalIdentifier.length() - 4))
                        + nationalIdentifier.substring(nationalIdentifier.length() - 4);
        return "learners[" + index + "] (" + masked + ")";
    }

    private static ImportReport report(String schac, String format, List<ImportReport.LearnerOutcome> outcomes) {
        int accepted = 0;
        int unchanged = 0;
        int rejected = 0;
        for (ImportReport.LearnerOutcome o : outcomes) {
            switch (o.outcome()) {
                case CREATED, REPLACED -> accepted++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
        }
        LOG.infof("Import for %s (%s): %d accepted, %d unchanged, %d rejected", schac, format, accepted, unchanged,
                rejected);
        return new ImportReport(schac, format, accepted, unchanged, rejected, outcomes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
