package org.edurecords.ncp.conformance;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Element;

/** What a browser would send for an HTML form, and how the kit tells forms apart. */
final class Forms {

    private Forms() {
    }

    /** Named fields in document order; checkboxes and radios only when checked, as a browser does. */
    static List<Map.Entry<String, String>> fields(Element form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type").toLowerCase(Locale.ROOT);
            if (type.equals("submit") || type.equals("button") || type.equals("image") || type.equals("reset")
                    || input.hasAttr("disabled")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            String value = input.tagName().equals("textarea") ? input.text()
                    : (type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("value") ? "on"
                    : input.attr("value");
            fields.add(new SimpleEntry<>(input.attr("name"), value));
        }
        return fields;
    }

    static void set(List<Map.Entry<String, String>> fields, String name, String value) {
        fields.removeIf(f -> f.getKey().equals(name));
        fields.add(new SimpleEntry<>(name, value));
    }

    /** Every checkbox ticked: the kit sends all results it is offered. */
    static List<Map.Entry<String, String>> allTicked(Element form) {
        List<Map.Entry<String, String>> fields = fields(form);
        for (Element box : form.select("input[type=checkbox][name]")) {
            if (!box.hasAttr("checked") && !box.hasAttr("disabled")) {
                fields.add(new SimpleEntry<>(box.attr("name"), box.hasAttr("value") ? box.attr("value") : "on"));
            }
        }
        return fields;
    }

    /** Cancel, abort, log out: forms that end a transfer without results. */
    static boolean isCancel(Element form) {
        String words = (form.attr("action") + " " + form.attr("id") + " " + form.attr("class") + " "
                + form.select("button, input[type=submit]").text() + " "
                + form.select("input[type=submit]").eachAttr("value")).toLowerCase(Locale.ROOT);
        return words.contains("cancel") || words.contains("avbryt") || words.contains("abort")
                || words.contains("logout") || words.contains("log out") || words.contains("peruuta");
    }

    /** The EMREX answer form: it posts to the client's return URL. */
    static Element answerForm(KitBrowser.Page page, String returnUrl) {
        for (Element form : page.html().select("form")) {
            if (returnUrl.equals(form.attr("action"))) {
                return form;
            }
        }
        return null;
    }
}
