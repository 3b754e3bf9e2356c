package org.edurecords.ncp.results;

import java.time.LocalDate;

/**
 * The person whose results are shared. Names and birth date come from the identity
 * provider or the learner register, never from anything typed in a form.
 *
 * @param citizenship ISO 3166-1 alpha-2 code, or null when unknown
 * @param nationalIdentifier null when unknown
 */
public record Learner(long id, String givenNames, String familyName, LocalDate birthDate,
        String nationalIdentifier, String citizenship) {

    public String fullName() {
        return givenNames + " " + familyName;
    }
}
