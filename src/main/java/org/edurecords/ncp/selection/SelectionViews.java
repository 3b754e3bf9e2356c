package org.edurecords.ncp.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.edurecords.ncp.results.AcademicTerm;
import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;
import org.edurecords.ncp.web.Formats;

/**
 * Turns results into what the selection and preview pages show, and a submitted form back into the
 * set of selected results. Only offered results can ever be selected, whatever the form contains.
 */
@ApplicationScoped
public class SelectionViews {

    /** Which results a student may choose: passed ones, or everything when they ask to see all. */
    public boolean offered(LearningOpportunity lo, boolean showAll) {
        return showAll || lo.result().status() == ResultStatus.PASSED;
    }

    public List<InstitutionView> selectionPage(LearnerResults results, Set<Long> checked, boolean showAll,
            Locale locale) {
        List<InstitutionView> views = new ArrayList<>();
        for (InstitutionResults institution : results.institutions()) {
            List<ResultRow> rows = new ArrayList<>();
            for (LearningOpportunity root : institution.roots()) {
                addRows(root, 0, checked, showAll, locale, rows);
            }
            boolean anyOffered = rows.stream().anyMatch(ResultRow::offered);
            views.add(new InstitutionView(institution.institution().id(), institution.institution().name(locale), rows,
                    Formats.credits(institution.totalCredits(), locale), anyOffered));
        }
        return views;
    }

    /** The preview shows the pruned tree: exactly the nodes that will be in the document. */
    public List<InstitutionView> previewPage(LearnerResults selected, Locale locale) {
        List<InstitutionView> views = new ArrayList<>();
        for (InstitutionResults institution : selected.institutions()) {
            List<ResultRow> rows = new ArrayList<>();
            for (LearningOpportunity root : institution.roots()) {
                addRows(root, 0, Set.of(), true, locale, rows);
            }
            views.add(new InstitutionView(institution.institution().id(), institution.institution().name(locale), rows,
                    Formats.credits(institution.totalCredits(), locale), true));
        }
        return views;
    }

    /**
     * The selection a form asks for: ticked results plus everything offered under a ticked
     * "whole institution" or "whole degree" box, restricted to what was offered.
     */
    public Set<Long> selectionFrom(LearnerResults results, List<String> ticked, List<String> wholeInstitutions,
            List<String> wholeGroups, boolean showAll) {
        Set<Long> offered = new HashSet<>();
        Set<Long> requested = new LinkedHashSet<>();
        Set<String> institutions = new HashSet<>(wholeInstitutions);
        Set<String> groups = new HashSet<>(wholeGroups);
        for (InstitutionResults institution : results.institutions()) {
            boolean wholeInstitution = institutions.contains(String.valueOf(institution.institution().id()));
            for (LearningOpportunity root : institution.roots()) {
                collect(root, wholeInstitution, groups, showAll, offered, requested);
            }
        }
        for (String id : ticked) {
            try {
                requested.add(Long.valueOf(id));
            } catch (NumberFormatException e) {
                // A tampered value selects nothing.
            }
        }
        requested.retainAll(offered);
        return requested;
    }

    private void collect(LearningOpportunity lo, boolean whole, Set<String> groups, boolean showAll, Set<Long> offered,
            Set<Long> requested) {
        boolean wholeHere = whole || groups.contains(String.valueOf(lo.id()));
        if (offered(lo, showAll)) {
            offered.add(lo.id());
            if (wholeHere) {
                requested.add(lo.id());
            }
        }
        for (LearningOpportunity child : lo.children()) {
            collect(child, wholeHere, groups, showAll, offered, requested);
        }
    }

    private void addRows(LearningOpportunity lo, int depth, Set<Long> checked, boolean showAll, Locale locale,
            List<ResultRow> rows) {
        rows.add(new ResultRow(lo.id(), depth, lo.code(), lo.title(locale), lo.type(),
                Formats.date(lo.result().date(), locale), lo.result().grade() == null ? "" : lo.result().grade(),
                Formats.credits(lo.result().ectsCredits(), locale), lo.result().status().elmoValue(),
                offered(lo, showAll), checked.contains(lo.id()), !lo.children().isEmpty(), details(lo.result(), locale)));
        for (LearningOpportunity child : lo.children()) {
            addRows(child, depth + 1, checked, showAll, locale, rows);
        }
    }

    /** The fields ELMO carries beyond the table columns, so that the preview shows what is sent. */
    static ResultRow.Details details(ResultInstance result, Locale locale) {
        AcademicTerm term = result.academicTerm();
        String termTitle = term == null ? null : term.title().in(locale);
        String levels = result.levels().stream()
                .map(level -> (nullToEmpty(level.type()) + " " + nullToEmpty(level.value())).strip())
                .filter(text -> !text.isEmpty())
                .collect(Collectors.joining(", "));
        String language = result.languageOfInstruction() == null || result.languageOfInstruction().isBlank() ? ""
                : Locale.forLanguageTag(result.languageOfInstruction().strip()).getDisplayLanguage(locale);
        return new ResultRow.Details(nullToEmpty(termTitle), levels, language,
                Formats.credits(result.engagementHours(), locale));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    /** The institutions that could not be read, localized, for the notice above the selection. */
    public List<UnreachableView> unreachable(List<Completeness> missing, Locale locale) {
        return missing.stream().map(m -> new UnreachableView(m.name(locale), m.reasonKey())).toList();
    }
}
