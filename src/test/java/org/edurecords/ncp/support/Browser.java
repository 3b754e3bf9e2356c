package org.edurecords.ncp.support;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.htmlunit.BrowserVersion;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;

/** A real form-submitting browser without JavaScript, as a student with scripts off would use the service. */
public final class Browser {

    private Browser() {
    }

    public static WebClient open() {
        WebClient browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setRedirectEnabled(true);
        return browser;
    }

    /** The cross-site POST an EMREX client's page makes to our entry point. */
    public static HtmlPage startTransfer(WebClient browser, URL root, String sessionId, String returnUrl) throws Exception {
        WebRequest request = new WebRequest(new URL(root, "/emrex"), HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("sessionId", sessionId),
                new NameValuePair("returnUrl", returnUrl)));
        return browser.getPage(request);
    }

    /** The fields of the auto-submitting answer form, read as the receiving client would get them. */
    public static Map<String, String> answerFields(HtmlPage page) {
        DomElement form = page.getElementById("emrex-answer");
        if (form == null) {
            throw new AssertionError("no EMREX answer form on " + page.getUrl() + ":\n" + page.asNormalizedText());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (DomElement input : form.getElementsByTagName("input")) {
            fields.put(input.getAttribute("name"), input.getAttribute("value"));
        }
        return fields;
    }
}
