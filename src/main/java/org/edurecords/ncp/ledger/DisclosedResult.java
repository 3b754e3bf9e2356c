package org.edurecords.ncp.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;

/**
 * One result as the ledger remembers it: enough to tell the owner what was disclosed after the result
 * itself has changed or gone.
 *
 * @param institution SCHAC code of the issuing institution
 * @param id the result's id in this NCP's register (the ELMO local id)
 * @param code the institution's code of the learning opportunity, or null
 * @param title the title an English reader sees (by the fallback chain: English, else the first the source gave)
 */
public record DisclosedResult(String institution, long id, String code, String title) {

    /** Every learning opportunity of a selection, ancestors included, in document order. */
    public static List<DisclosedResult> of(LearnerResults selected) {
        List<DisclosedResult> all = new ArrayList<>();
        for (InstitutionResults institution : selected.institutions()) {
            for (LearningOpportunity opportunity : institution.allOpportunities()) {
                String title = opportunity.title(Locale.ENGLISH);
                all.add(new DisclosedResult(institution.institution().schac(), opportunity.id(), opportunity.code(),
                        title));
            }
        }
        return all;
    }
}
