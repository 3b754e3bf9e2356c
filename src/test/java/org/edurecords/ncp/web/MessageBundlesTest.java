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
 * Every configured language has every text of every bundle in {@code messages/}: a key missing from a bundle would
 * silently show English there. Texts left identical to English are listed in the test output, so a fallback is
 * always visible.
 */
class MessageBundlesTest {

    /**
     * The bundles, and the interface that declares each for the templates (null: read only through TextBundle).
     * Qute 3.33 cannot generate a bundle of more than 300 messages (ADR 0006), hence more than one.
     */
    private static final Map<String, Class<?>> BUNDLES = Map.of("msg", Messages.class, "vmsg", VerificationMessages.class,
            "more", MoreMessages.class, "pdf", Object.class, "profile", Object.class, "rcv",
            ReceivingMessages.class, "cw", CaseWorkerMessages.class, "comp", CompetenceMessages.class);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Texts that are the same in every language: names, codes, units. */
    private static final Set<String> SAME_EVERYWHERE = Set.of("app_name", "pdf_column_code", "pdf_column_status");

    @Test
    void theBundlesAreAllTheFilesOfTheFolder() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of(getClass().getClassLoader().getResource("messages").toURI());
        Set<String> found = new TreeSet<>();
        try (var files = java.nio.file.Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).forEach(found::add);
        }
        Set<String> expected = new TreeSet<>();
        for (String bundle : BUNDLES.keySet()) {
            for (Locale language : Languages.all()) {
                expected.add(bundle + "_" + language.getLanguage() + ".properties");
            }
        }
        assertEquals(expected, found, "one file per bundle and configured language, nothing else");
    }

    @Test
    void everyConfiguredLanguageHasItsOwnBundleWithExactlyTheEnglishKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(BUNDLES.keySet())) {
            check(name, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(String name, List<String> problems) throws IOException {
        Properties english = bundle(name, "en");
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
                System.out.println("[bundles] " + name + "_" + language + ": " + untranslated.size()
                        + " texts identical to English: " + untranslated);
            }
        }
    }

    @Test
    void everyMessageOfTheInterfacesIsInTheEnglishBundleAndNoKeyIsUndeclared() throws IOException {
        for (Map.Entry<String, Class<?>> bundle : BUNDLES.entrySet()) {
            if (bundle.getValue() != Object.class) {
                checkDeclared(bundle.getKey(), bundle.getValue());
            }
        }
    }

    private static void checkDeclared(String name, Class<?> messages) throws IOException {
        Properties english = bundle(name, "en");
        assertTrue(english.size() <= 300, name + " has " + english.size() + " messages; Qute 3.33 fails above 300");
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
            String page = TextBundle.of("pdf", language).get("pdf_page", "page", 2, "pages", 5);
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
