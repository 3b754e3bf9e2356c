package org.edurecords.ncp.results;

import java.time.LocalDate;

/**
 * The person whose results are shared. Names and birth date come from the identity
 * provider or the learner register, never from anything typed in a form.
 *
 * @param citizenship ISO 3166-1 alpha-2 code, or null when unknown
 * @param nationalIdentifier null when unknown
 * @param esi European Student Identifier ({@code urn:schac:personalUniqueCode:int:esi:...}), or null
 */
public record Learner(long id, String givenNames, String familyName, LocalDate birthDate,
        String nationalIdentifier, String citizenship, String esi) {

    public Learner(long id, String givenNames, String familyName, LocalDate birthDate, String nationalIdentifier,
            String citizenship) {
        this(id, givenNames, familyName, birthDate, nationalIdentifier, citizenship, null);
    }

    public String fullName() {
        return givenNames + " " + familyName;
    }
}
