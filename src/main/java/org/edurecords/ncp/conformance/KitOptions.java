package org.edurecords.ncp.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * How to drive one NCP.
 *
 * @param entryUrl          the NCP's entry URL as the kit reaches it
 * @param registeredUrl     the URL the registry lists, when the kit reaches the NCP through another address
 * @param returnUrl         the return URL the kit sends (nothing is ever posted there; the kit reads the form)
 * @param login             the login step
 * @param username          a student with results
 * @param password          that student's password
 * @param noResultsUsername optional: a student without results (check 18)
 * @param noResultsPassword that student's password
 * @param registries        EMREG lists (URL or file) whose certificates are trusted
 * @param emregUrl          optional: the NCP's own EMREG entry (check 54); its certificates are trusted too
 * @param ewpUrl            optional: the NCP's EWP manifest entry (check 55)
 * @param givenNames        optional: the learner's expected given names (checks 26, 46)
 * @param familyName        optional: expected family name
 * @param birthDate         optional: expected birth date YYYY-MM-DD (check 47)
 * @param allowHttp         testing a local NCP without TLS: check 2 is skipped instead of failed
 * @param allowSelfSigned   test keys: a self-signed certificate does not fail check 33
 * @param identifiersAllowed the NCP is configured to send national identifiers (check 49)
 * @param reportDir         where the summary and JUnit XML go, or null
 */
public record KitOptions(URI entryUrl, String registeredUrl, String returnUrl, LoginStep login, String username,
        String password, String noResultsUsername, String noResultsPassword, List<String> registries, String emregUrl,
        String ewpUrl, String givenNames, String familyName, String birthDate, boolean allowHttp,
        boolean allowSelfSigned, boolean identifiersAllowed, Path reportDir) {

    public static final String DEFAULT_RETURN_URL = "https://conformance-client.invalid/emrex/return";

    public KitOptions {
        registries = registries == null ? List.of() : List.copyOf(registries);
        registeredUrl = registeredUrl == null ? entryUrl.toString() : registeredUrl;
        returnUrl = returnUrl == null ? DEFAULT_RETURN_URL : returnUrl;
        login = login == null ? new FormLogin() : login;
    }
}
