package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

/**
 * Every configured language has every text: a key missing from a bundle would silently show English there.
 * Texts left identical to English are listed in the test output, so a fallback is always visible.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Texts that are the same in every language: names, codes, units. */
    private static final Set<String> SAME_EVERYWHERE = Set.of("app_name", "pdf_column_code", "pdf_column_status");

    /** The bundles: {@code msg} ({@link Messages}) and {@code more} ({@link MoreMessages}, docs/adr/0701). */
    private static final Map<String, Class<?>> BUNDLES = Map.of("msg", Messages.class, "more", MoreMessages.class);

    @Test
    void everyConfiguredLanguageHasItsOwnBundleWithExactlyTheEnglishKeys() throws IOException {
        for (String name : BUNDLES.keySet()) {
            everyLanguageHasExactlyTheEnglishKeys(name);
        }
    }

    private void everyLanguageHasExactlyTheEnglishKeys(String name) throws IOException {
        Properties english = bundle(name, "en");
        List<String> problems = new ArrayList<>();
        assertEquals(List.of("en", "nb", "nn", "se"), Languages.all().stream().map(Locale::getLanguage).toList(),
                "the four languages of the portal, in menu order");
        for (Locale language : Languages.all()) {
            Properties own = bundle(name, language.getLanguage());
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(own.stringPropertyNames());
            Set<String> extra = new TreeSet<>(own.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            if (!missing.isEmpty()) {
                problems.add(name + "_" + language + " lacks " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(name + "_" + language + " has keys English lacks " + extra);
            }
            Set<String> untranslated = new TreeSet<>();
            for (String key : own.stringPropertyNames()) {
                String text = own.getProperty(key);
                if (text.isBlank()) {
                    problems.add(language + ": " + key + " is blank");
                }
                if (english.containsKey(key) && !placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    problems.add(language + ": " + key + " has placeholders " + placeholders(text) + ", English has "
                            + placeholders(english.getProperty(key)));
                }
                if (!"en".equals(language.getLanguage()) && text.equals(english.getProperty(key))
                        && !SAME_EVERYWHERE.contains(key)) {
                    untranslated.add(key);
                }
            }
            if (!untranslated.isEmpty()) {
                // Visible, not failing: some texts are rightly the same (a product name, "PDF", "ECTS").
                System.out.println("[bundles] " + language + ": " + untranslated.size()
                        + " texts identical to English: " + untranslated);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyMessageOfTheInterfaceIsInTheEnglishBundleAndNoKeyIsUnused() throws IOException {
        for (Map.Entry<String, Class<?>> bundle : BUNDLES.entrySet()) {
            everyMessageIsInTheEnglishBundle(bundle.getKey(), bundle.getValue());
        }
        Set<String> inBoth = new TreeSet<>(bundle("msg", "en").stringPropertyNames());
        inBoth.retainAll(bundle("more", "en").stringPropertyNames());
        assertTrue(inBoth.isEmpty(), "a key is in one bundle only: " + inBoth);
    }

    private void everyMessageIsInTheEnglishBundle(String name, Class<?> messages) throws IOException {
        Properties english = bundle(name, "en");
        Set<String> declared = new TreeSet<>();
        for (Method method : messages.getMethods()) {
            if (method.isAnnotationPresent(Message.class)) {
                declared.add(method.getName());
            }
        }
        Set<String> undeclared = new TreeSet<>(english.stringPropertyNames());
        undeclared.removeAll(declared);
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(english.stringPropertyNames());
        assertTrue(missing.isEmpty(), name + ": declared but without English text: " + missing);
        assertTrue(undeclared.isEmpty(), name + ": texts no message declares (the build cannot check them): " + undeclared);
    }

    @Test
    void theTextsOutsideTemplatesComeFromTheSameBundleInEveryLanguage() {
        for (Locale language : Languages.all()) {
            TextBundle texts = TextBundle.of(language);
            String page = texts.get("pdf_page", "page", 2, "pages", 5);
            assertTrue(page.contains("2") && page.contains("5") && !page.contains("{"), language + ": " + page);
            assertNotNull(texts.get("language_name"));
        }
        assertEquals("Davvisámegiella", TextBundle.of(Locale.forLanguageTag("se")).get("language_name"));
        assertEquals("Norsk nynorsk", TextBundle.of(Locale.forLanguageTag("nn")).get("language_name"));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Properties bundle(String name, String language) throws IOException {
        String path = "messages/" + name + "_" + language + ".properties";
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "a bundle for the configured language " + language + " (" + path + ")");
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
