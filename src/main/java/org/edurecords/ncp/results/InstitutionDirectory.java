package org.edurecords.ncp.results;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.edurecords.ncp.results.store.InstitutionEntity;
import org.edurecords.ncp.results.store.InstitutionNameEntity;

/**
 * The institution directory: identifiers and names per language, and names over time. An institution
 * that was renamed or merged keeps, on a result, the name it had when the result was achieved.
 */
@ApplicationScoped
public class InstitutionDirectory {

    @Transactional
    public Optional<Institution> bySchac(String schac) {
        if (schac == null) {
            return Optional.empty();
        }
        return InstitutionEntity.<InstitutionEntity>find("schac", schac).firstResultOptional()
                .map(InstitutionEntity::toRecord);
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
    @Transactional
    public Optional<Institution> renamedTo(Institution shown) {
        if (shown == null || shown.schac() == null || shown.name().isEmpty()) {
            return Optional.empty();
        }
        Optional<Institution> current = bySchac(shown.schac());
        if (current.isEmpty() || shown.name().equals(current.get().name())) {
            return Optional.empty();
        }
        // Shown under one of its former names, as asOf names it (today's name where the former one lacks a language).
        boolean earlierName = InstitutionNameEntity.<InstitutionNameEntity>list("institutionId", current.get().id())
                .stream().anyMatch(former -> former.name().orElse(current.get().name()).equals(shown.name()));
        return earlierName ? current : Optional.empty();
    }
}
