package org.edurecords.ncp.selection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.results.AcademicTerm;
import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionDirectory;
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

    private static final String DEGREE_PROGRAMME = "Degree Programme";

    @Inject
    InstitutionDirectory directory;

    /** Which results a student may choose: passed ones, or everything when they ask to see all. */
    public boolean offered(LearningOpportunity lo, boolean showAll) {
        return showAll || lo.result().status() == ResultStatus.PASSED;
    }

    public List<InstitutionView> selectionPage(LearnerResults results, Set<Long> checked, boolean showAll,
            Locale locale) {
        List<InstitutionView> views = new ArrayList<>();
        for (InstitutionResults institution : results.institutions()) {
            String language = commonLanguage(institution, locale);
            List<ResultRow> rows = new ArrayList<>();
            for (LearningOpportunity root : institution.roots()) {
                addRows(root, institution.institution().id(), 0, checked, showAll, language.isEmpty(), locale, rows);
            }
            boolean anyOffered = rows.stream().anyMatch(r -> r.offered() || r.groupSelectable());
            List<Long> passed = passedIds(institution.roots());
            boolean allChecked = !passed.isEmpty() && checked.containsAll(passed);
            views.add(new InstitutionView(institution.institution().id(), institution.institution().name(locale),
                    currentName(institution.institution(), locale), rows,
                    Formats.credits(institution.totalCredits(), locale), anyOffered, language, allChecked));
        }
        return views;
    }

    /** The preview shows the pruned tree: exactly the nodes that will be in the document. */
    public List<InstitutionView> previewPage(LearnerResults selected, Locale locale) {
        List<InstitutionView> views = new ArrayList<>();
        for (InstitutionResults institution : selected.institutions()) {
            String language = commonLanguage(institution, locale);
            List<ResultRow> rows = new ArrayList<>();
            for (LearningOpportunity root : institution.roots()) {
                addRows(root, institution.institution().id(), 0, Set.of(), true, language.isEmpty(), locale, rows);
            }
            views.add(new InstitutionView(institution.institution().id(), institution.institution().name(locale),
                    currentName(institution.institution(), locale), rows,
                    Formats.credits(institution.totalCredits(), locale), true, language, false));
        }
        return views;
    }

    /** How many results (without parts of their own) are ticked, and their credits: the selection page's total. */
    public SelectionSummary summary(LearnerResults results, Set<Long> checked, Locale locale) {
        int count = 0;
        BigDecimal credits = BigDecimal.ZERO;
        for (InstitutionResults institution : results.institutions()) {
            for (LearningOpportunity lo : institution.allOpportunities()) {
                if (lo.children().isEmpty() && checked.contains(lo.id())) {
                    count++;
                    if (lo.result().ectsCredits() != null) {
                        credits = credits.add(lo.result().ectsCredits());
                    }
                }
            }
        }
        return new SelectionSummary(count, Formats.credits(credits, locale));
    }

    /** The same total for a pruned selection: every result without parts in it, and their credits. */
    public SelectionSummary summary(LearnerResults selected, Locale locale) {
        int count = 0;
        BigDecimal credits = BigDecimal.ZERO;
        for (InstitutionResults institution : selected.institutions()) {
            count += (int) institution.allOpportunities().stream()
                    .filter(lo -> lo.children().isEmpty() && lo.parts() == null).count();
            credits = credits.add(institution.totalCredits());
        }
        return new SelectionSummary(count, Formats.credits(credits, locale));
    }

    /** The selection a form of the selection page asks for, see {@link #selectionFrom(LearnerResults, Form)}. */
    public Set<Long> selectionFrom(LearnerResults results, List<String> ticked, List<String> wholeInstitutions,
            List<String> wholeGroups, boolean showAll) {
        return selectionFrom(results, new Form(ticked, wholeInstitutions, wholeGroups, List.of(), List.of(), showAll));
    }

    /**
     * What the selection page sent.
     *
     * @param ticked the results ticked one by one ({@code lo})
     * @param institutions the institutions whose "select all" box is ticked
     * @param groups the results with parts whose box is ticked ({@code group})
     * @param shownInstitutions the institutions whose box the page showed ticked
     * @param shownGroups the results with parts whose box the page showed ticked
     */
    public record Form(List<String> ticked, List<String> institutions, List<String> groups,
            List<String> shownInstitutions, List<String> shownGroups, boolean showAll) {

        public Form {
            ticked = ticked == null ? List.of() : ticked;
            institutions = institutions == null ? List.of() : institutions;
            groups = groups == null ? List.of() : groups;
            shownInstitutions = shownInstitutions == null ? List.of() : shownInstitutions;
            shownGroups = shownGroups == null ? List.of() : shownGroups;
        }
    }

    /**
     * The selection a form asks for, restricted to what was offered. A box for many results (an institution, a
     * result with parts) acts on what changed: ticked now and not before, it adds all passed results under it
     * (never failed or unfinished ones: those only when ticked one by one); ticked before and not now, it removes
     * everything under it; ticked before and still, the results ticked one by one count. This works without
     * JavaScript, and a student who unticks one course of a ticked degree gets exactly that.
     * A result with parts is selected itself when all its passed parts are.
     */
    public Set<Long> selectionFrom(LearnerResults results, Form form) {
        Set<Long> offered = new HashSet<>();
        Set<Long> requested = new LinkedHashSet<>();
        for (String id : form.ticked()) {
            try {
                requested.add(Long.valueOf(id));
            } catch (NumberFormatException e) {
                // A tampered value selects nothing.
            }
        }
        Set<String> institutions = new HashSet<>(form.institutions());
        Set<String> shownInstitutions = new HashSet<>(form.shownInstitutions());
        Set<String> groups = new HashSet<>(form.groups());
        Set<String> shownGroups = new HashSet<>(form.shownGroups());
        for (InstitutionResults institution : results.institutions()) {
            String key = String.valueOf(institution.institution().id());
            List<LearningOpportunity> all = institution.allOpportunities();
            all.stream().filter(lo -> offered(lo, form.showAll())).forEach(lo -> offered.add(lo.id()));
            boolean now = institutions.contains(key);
            boolean before = shownInstitutions.contains(key);
            if (now && !before) {
                all.stream().filter(lo -> lo.passed() || (lo.children().size() > 0 && offered(lo, form.showAll())))
                        .forEach(lo -> requested.add(lo.id()));
            } else if (!now && before) {
                all.forEach(lo -> requested.remove(lo.id()));
            }
            for (LearningOpportunity lo : all) {
                if (lo.children().isEmpty()) {
                    continue;
                }
                String group = String.valueOf(lo.id());
                boolean groupNow = groups.contains(group);
                boolean groupBefore = shownGroups.contains(group);
                if (groupNow && !groupBefore) {
                    requested.add(lo.id());
                    lo.flatten().stream().filter(LearningOpportunity::passed).forEach(part -> requested.add(part.id()));
                } else if (!groupNow && groupBefore) {
                    lo.flatten().forEach(part -> requested.remove(part.id()));
                } else if (groupNow) {
                    requested.add(lo.id());
                }
            }
        }
        requested.retainAll(offered);
        // Whole: a result with parts whose passed parts are all selected is selected itself.
        for (InstitutionResults institution : results.institutions()) {
            for (LearningOpportunity lo : institution.allOpportunities()) {
                if (!lo.children().isEmpty() && offered.contains(lo.id())) {
                    List<Long> passed = passedIds(lo.children());
                    if (!passed.isEmpty() && requested.containsAll(passed)) {
                        requested.add(lo.id());
                    }
                }
            }
        }
        return requested;
    }

    private static List<Long> passedIds(List<LearningOpportunity> roots) {
        List<Long> ids = new ArrayList<>();
        for (LearningOpportunity root : roots) {
            root.flatten().stream().filter(LearningOpportunity::passed)
                    .filter(lo -> lo.children().isEmpty()).forEach(lo -> ids.add(lo.id()));
        }
        return ids;
    }

    private void addRows(LearningOpportunity lo, long institution, int depth, Set<Long> checked, boolean showAll,
            boolean withLanguage, Locale locale, List<ResultRow> rows) {
        boolean group = !lo.children().isEmpty();
        List<Long> passedParts = group ? passedIds(lo.children()) : List.of();
        boolean groupChecked = group && (passedParts.isEmpty() ? checked.contains(lo.id())
                : checked.containsAll(passedParts));
        boolean partial = lo.partial();
        rows.add(new ResultRow(lo.id(), institution, depth, lo.code(), lo.title(locale), lo.type(),
                Formats.date(lo.result().date(), locale),
                Formats.grade(lo.result().grade(), lo.result().gradingSchemeId(), locale),
                Formats.credits(lo.shownCredits(), locale), lo.result().status().elmoValue(),
                offered(lo, showAll), checked.contains(lo.id()), group, details(lo.result(), withLanguage, locale),
                lo.passed(), plain(lo.result().ectsCredits()), depth == 0 && DEGREE_PROGRAMME.equals(lo.type()),
                groupChecked, group && (offered(lo, showAll) || !passedParts.isEmpty()),
                partial ? lo.parts().included() : -1, partial ? lo.parts().total() : -1));
        for (LearningOpportunity child : lo.children()) {
            addRows(child, institution, depth + 1, checked, showAll, withLanguage, locale, rows);
        }
    }

    private static String plain(BigDecimal credits) {
        return credits == null ? "" : credits.toPlainString();
    }

    /** The language of instruction when every result of the institution has the same one; empty otherwise. */
    static String commonLanguage(InstitutionResults institution, Locale locale) {
        Set<String> languages = institution.allOpportunities().stream()
                .map(lo -> nullToEmpty(lo.result().languageOfInstruction()).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        if (languages.size() != 1 || languages.contains("")) {
            return "";
        }
        return language(languages.iterator().next(), locale);
    }

    private static String language(String code, Locale locale) {
        return code == null || code.isBlank() ? "" : Locale.forLanguageTag(code.strip()).getDisplayLanguage(locale);
    }

    /** Today's name of an institution shown under the name it had then; empty when it was not renamed. */
    private String currentName(Institution institution, Locale locale) {
        return directory.renamedTo(institution).map(now -> now.name(locale)).orElse("");
    }

    /** The fields ELMO carries beyond the table columns, so that the preview shows what is sent. */
    static ResultRow.Details details(ResultInstance result, boolean withLanguage, Locale locale) {
        AcademicTerm term = result.academicTerm();
        String termTitle = term == null ? null : term.title().in(locale);
        String levels = result.levels().stream()
                .map(level -> (nullToEmpty(level.type()) + " " + nullToEmpty(level.value())).strip())
                .filter(text -> !text.isEmpty())
                .collect(Collectors.joining(", "));
        String language = withLanguage ? language(result.languageOfInstruction(), locale) : "";
        return new ResultRow.Details(nullToEmpty(termTitle), levels, language,
                Formats.credits(result.engagementHours(), locale));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    /** The institutions that could not be read, localized, for the notice above the selection. */
    public List<UnreachableView> unreachable(List<Completeness> missing, Locale locale) {
        return unreachable(missing, List.of(), locale);
    }

    /**
     * The same notice with the live registers that could not be read just now: what each gave last is shown, and
     * the notice says so (the portal's page and the transfer's pages alike).
     */
    public List<UnreachableView> unreachable(List<Completeness> missing, List<String> staleRegisters, Locale locale) {
        List<UnreachableView> notice = new ArrayList<>(
                missing.stream().map(m -> new UnreachableView(m.name(locale), m.reasonKey())).toList());
        staleRegisters.forEach(name -> notice.add(new UnreachableView(name, "source_reason_register_stale")));
        return List.copyOf(notice);
    }
}
