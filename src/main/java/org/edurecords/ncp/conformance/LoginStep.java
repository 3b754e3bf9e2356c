package org.edurecords.ncp.conformance;

import java.io.IOException;

/**
 * How the kit logs a student in at the NCP under test. Built in: {@link FormLogin} (a plain username and
 * password form, which is also how this project's demo login works). Other NCPs (SAML, OpenID Connect with a
 * test IdP) plug in their own implementation with {@code --login class:com.example.MyLogin}.
 */
public interface LoginStep {

    /**
     * @param browser   the student's browser, with the NCP's cookies
     * @param loginPage the page the entry redirected to
     * @return the page after a successful (or refused) login, redirects followed
     */
    KitBrowser.Page login(KitBrowser browser, KitBrowser.Page loginPage, String username, String password)
            throws IOException;
}
