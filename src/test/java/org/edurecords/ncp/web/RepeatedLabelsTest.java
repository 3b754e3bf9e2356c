package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code label:} gives, in every language of the service, the same text as the generated {@code msg:} bundle for the
 * keys the result tables repeat on each row, by name and by a key computed in the template.
 */
@QuarkusTest
class RepeatedLabelsTest {

    private static final List<String> KEYS = List.of("col_code", "col_date", "col_grade", "col_credits", "col_status",
            "detail_term", "detail_level", "detail_language", "select_group_programme", "select_group_part",
            "status_passed", "status_failed", "status_in_progress");

    @Inject
    Engine engine;

    @Test
    void aLabelIsTheBundlesTextInEveryLanguage() {
        for (String key : KEYS) {
            Template byName = engine.parse("{label:" + key + "}|{msg:" + key + "}");
            Template computed = engine.parse("{label:of(key)}|{msg:message(key)}");
            for (Locale locale : Languages.all()) {
                String[] named = byName.instance().setLocale(locale).render().split("\\|");
                String[] ofKey = computed.data("key", key).setLocale(locale).render().split("\\|");
                assertFalse(named[1].isBlank() || named[1].equals(key), key + " in " + locale + ": " + named[1]);
                assertEquals(named[1], named[0], key + " in " + locale);
                assertEquals(ofKey[1], ofKey[0], key + " computed, in " + locale);
                assertEquals(named[1], ofKey[0], key + " computed, in " + locale);
            }
        }
    }

    @Test
    void languagesDoNotShareTheirTexts() {
        Template template = engine.parse("{label:col_grade}");
        assertEquals("Grade", template.instance().setLocale(Languages.ENGLISH).render());
        assertEquals("Karakter", template.instance().setLocale(Languages.BOKMAL).render());
    }
}
