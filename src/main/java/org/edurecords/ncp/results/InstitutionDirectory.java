package org.edurecords.ncp.results;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.edurecords.ncp.results.store.InstitutionEntity;
import org.edurecords.ncp.results.store.InstitutionNameEntity;

/**
 * The institution directory: identifiers and names per language, and names over time. An institution
 * that was renamed or merged keeps, on a result, the name it had when the result was achieved.
 */
@ApplicationScoped
public class InstitutionDirectory {

    /**
     * How long an institution read from the directory is used without asking the database again. The directory
     * changes only with a migration or an operator's SQL, and every page of a flow asks for each institution shown;
     * an institution not found is never kept, so one added is found at once.
     */
    static final Duration KEPT_FOR = Duration.ofMinutes(1);

    private record Kept<T>(T value, long readAt) {

        boolean fresh() {
            return System.nanoTime() - readAt < KEPT_FOR.toNanos();
        }
    }

    private final Map<String, Kept<Institution>> bySchac = new ConcurrentHashMap<>();
    private final Map<Long, Kept<List<LocalizedText>>> formerNames = new ConcurrentHashMap<>();

    public Optional<Institution> bySchac(String schac) {
        if (schac == null) {
            return Optional.empty();
        }
        Kept<Institution> kept = bySchac.get(schac);
        if (kept != null && kept.fresh()) {
            return Optional.of(kept.value());
        }
        Optional<Institution> found = QuarkusTransaction.joiningExisting().call(() -> InstitutionEntity
                .<InstitutionEntity>find("schac", schac).firstResultOptional().map(InstitutionEntity::toRecord));
        found.ifPresent(institution -> bySchac.put(schac, new Kept<>(institution, System.nanoTime())));
        return found;
    }

    @Transactional
    public List<Institution> all() {
        return InstitutionEntity.<InstitutionEntity>listAll().stream().map(InstitutionEntity::toRecord)
                .sorted(Comparator.comparing(Institution::schac)).toList();
    }

    /** The institution as it was named on the given day; its current name when no history says otherwise. */
    @Transactional
    public Institution asOf(Institution current, LocalDate day) {
        if (day == null) {
            return current;
        }
        // The newest name that had already been taken by that day and had not yet been replaced.
        Optional<InstitutionNameEntity> then = InstitutionNameEntity.<InstitutionNameEntity>find(
                "institutionId = ?1 and validFrom <= ?2 and (validUntil is null or validUntil > ?2) order by validFrom desc",
                current.id(), day).firstResultOptional();
        // A language the former name lacks keeps today's name in that language rather than none.
        return then.map(name -> new Institution(current.id(), current.schac(), current.erasmus(), current.country(),
                name.name().orElse(current.name()), current.url(), current.pic())).orElse(current);
    }

    /** The results with the institution named as it was when its newest result was achieved. */
    public InstitutionResults namedAsAchieved(InstitutionResults results) {
        LocalDate newest = results.allOpportunities().stream().map(lo -> lo.result().date())
                .filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null);
        Institution named = asOf(results.institution(), newest);
        return named == results.institution() ? results : results.named(named);
    }

    /**
     * Today's name of an institution shown under an earlier name (before a merger or a renaming), or empty
     * when the name shown is the current one. Looked up by SCHAC code, so it works for kept snapshots too.
     */
    public Optional<Institution> renamedTo(Institution shown) {
        if (shown == null || shown.schac() == null || shown.name().isEmpty()) {
            return Optional.empty();
        }
        Optional<Institution> current = bySchac(shown.schac());
        if (current.isEmpty() || shown.name().equals(current.get().name())) {
            return Optional.empty();
        }
        boolean earlierName = formerNames(current.get()).contains(shown.name());
        return earlierName ? current : Optional.empty();
    }

    /** Its former names as {@link #asOf} shows them: today's name in a language a former name lacks. */
    private List<LocalizedText> formerNames(Institution current) {
        Kept<List<LocalizedText>> kept = formerNames.get(current.id());
        if (kept != null && kept.fresh()) {
            return kept.value();
        }
        List<LocalizedText> names = QuarkusTransaction.joiningExisting().call(() -> InstitutionNameEntity
                .<InstitutionNameEntity>list("institutionId", current.id()).stream()
                .map(former -> former.name().orElse(current.name())).toList());
        formerNames.put(current.id(), new Kept<>(names, System.nanoTime()));
        return names;
    }
}
