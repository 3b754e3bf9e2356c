package org.edurecords.ncp.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edurecords.ncp.competence.CompetenceEvidence;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.LocalizedText;

/**
 * One result as the ledger remembers it: enough to tell the owner what was disclosed after the result
 * itself has changed or gone.
 *
 * @param institution SCHAC code of the issuing institution, or the name of an issuer that has none
 * @param id the result's id in this NCP's register (the ELMO local id)
 * @param code the institution's code of the learning opportunity, or null
 * @param title the title an English reader sees (by the fallback chain: English, else the first the source gave)
 */
public record DisclosedResult(String institution, long id, String code, String title) {

    /**
     * The credentials of an evidence document, named by issuer, kind and title: a credential has no result id, so
     * {@code id} is 0 and {@code code} is its kind.
     */
    public static List<DisclosedResult> of(CompetenceEvidence evidence) {
        return evidence.credentials().stream().map(c -> new DisclosedResult(c.issuer().name(), 0, c.kind(),
                LocalizedText.fromMap(c.title()).in(Locale.ENGLISH))).toList();
    }

    /** Every learning opportunity of a selection, ancestors included, in document order. */
    public static List<DisclosedResult> of(LearnerResults selected) {
        List<DisclosedResult> all = new ArrayList<>();
        for (InstitutionResults institution : selected.institutions()) {
            // An issuer outside higher education (a school, a county) has no SCHAC code: its name stands for it.
            String issuer = institution.institution().schac() != null ? institution.institution().schac()
                    : institution.institution().name(Locale.ENGLISH);
            for (LearningOpportunity opportunity : institution.allOpportunities()) {
                String title = opportunity.title(Locale.ENGLISH);
                all.add(new DisclosedResult(issuer, opportunity.id(), opportunity.code(), title));
            }
        }
        return all;
    }
}
