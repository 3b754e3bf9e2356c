package org.edurecords.ncp.auth;

import java.time.LocalDate;

/**
 * What an identity provider vouched for at login. Names and birth date are present only when the
 * deployment asks the provider for them; the learner register stays the source of the ELMO learner.
 *
 * @param method the login method that produced it ({@code oidc}, {@code header}, {@code demo})
 * @param scheme identifier scheme understood by the learner register ({@code nin}, {@code feide}, ...)
 */
public record Identity(String method, String scheme, String identifier, String givenNames, String familyName,
        LocalDate birthDate) {

    /** Given and family name as the provider released them, or null when it released none. */
    public String displayName() {
        String name = ((givenNames == null ? "" : givenNames) + " " + (familyName == null ? "" : familyName)).trim();
        return name.isEmpty() ? null : name;
    }

    /** For logs: method and scheme only, never the identifier or names. */
    @Override
    public String toString() {
        return "Identity[" + method + ", " + scheme + "]";
    }
}
