package org.edurecords.ncp.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How to drive one EMREX 2.0 data provider (EMP) through the 2.0 checklist.
 *
 * @param emreg2Url         optional: the EMP's EMREG 2.0 entry; its endpoints and certificates are used when the
 *                          URLs below are not given
 * @param authorizeUrl      the authorization endpoint, or null (from the entry)
 * @param tokenUrl          the token endpoint, or null (from the entry); also the assertion's {@code aud}
 * @param resultsUrl        the resource endpoint, or null (from the entry)
 * @param emregUrl          optional: the EMP's EMREX 1.0 EMREG entry, whose certificates are trusted too
 * @param certificates      optional: PEM files of certificates to trust
 * @param clientId          the registered client id
 * @param clientKey         the client's private key, PKCS#8 PEM (RSA: RS256, EC P-256: ES256)
 * @param redirectUri       the client's registered redirect URI (the kit never calls it; it reads the redirect)
 * @param login             how the student logs in
 * @param username          a student with results
 * @param password          that student's password
 * @param noResultsUsername optional: a student without results (the 204 check)
 * @param noResultsPassword that student's password
 * @param codeLifetime      how long the EMP's codes live (the expired-code check waits a second longer)
 * @param skipSlow          skip the checks that wait for a code and a token to expire
 * @param waiter            how time passes for those checks
 * @param clock             the time the kit's client assertions carry
 * @param allowHttp         a local EMP without TLS: the https check is skipped instead of failed
 * @param reportDir         where the summary and JUnit XML go, or null
 */
public record Emrex2Options(String emreg2Url, URI authorizeUrl, URI tokenUrl, URI resultsUrl, String emregUrl,
        List<String> certificates, String clientId, Path clientKey, String redirectUri, LoginStep login,
        String username, String password, String noResultsUsername, String noResultsPassword, Duration codeLifetime,
        boolean skipSlow, Waiter waiter, Clock clock, boolean allowHttp, Path reportDir) {

    public Emrex2Options {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        login = login == null ? new FormLogin() : login;
        codeLifetime = codeLifetime == null ? Duration.ofSeconds(60) : codeLifetime;
        waiter = waiter == null ? Waiter.sleeping() : waiter;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** The same run with other endpoints (read from the registry entry). */
    Emrex2Options withEndpoints(URI authorize, URI token, URI results) {
        return new Emrex2Options(emreg2Url, authorize, token, results, emregUrl, certificates, clientId, clientKey,
                redirectUri, login, username, password, noResultsUsername, noResultsPassword, codeLifetime, skipSlow,
                waiter, clock, allowHttp, reportDir);
    }
}
