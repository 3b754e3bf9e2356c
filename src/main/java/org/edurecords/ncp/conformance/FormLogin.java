package org.edurecords.ncp.conformance;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * Logs in through the first form on the page that has a password field: the text (or e-mail) field of that
 * form gets the user name, the password field the password, every other field (CSRF tokens, hidden state)
 * is sent as the page set it.
 */
public class FormLogin implements LoginStep {

    @Override
    public KitBrowser.Page login(KitBrowser browser, KitBrowser.Page loginPage, String username, String password)
            throws IOException {
        Element form = loginPage.html().select("form").stream()
                .filter(f -> f.selectFirst("input[type=password]") != null).findFirst()
                .orElseThrow(() -> new IOException("no form with a password field on " + loginPage.url()));
        List<Map.Entry<String, String>> fields = Forms.fields(form);
        Element user = form.selectFirst("input[type=text], input[type=email], input:not([type])");
        Element pass = form.selectFirst("input[type=password]");
        Forms.set(fields, user == null ? "username" : user.attr("name"), username);
        Forms.set(fields, pass.attr("name"), password);
        return browser.submit(loginPage, form, fields);
    }
}
