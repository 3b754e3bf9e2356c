package org.edurecords.ncp.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message bundles ({@code messages/<bundle>_<lang>.properties}) for code that renders outside a template: the
 * PDF transcript ({@code pdf}), e-mails and exports. The same folder, format and fallback to English as the pages'
 * bundles ({@code msg}, which {@link Messages} declares); placeholders are names in braces, e.g. {@code {page}}.
 */
public final class TextBundle {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, Properties> FILES = new ConcurrentHashMap<>();

    private final Properties texts;
    private final Properties english;
    private final Locale locale;

    private TextBundle(String bundle, Locale locale) {
        this.locale = locale;
        this.english = file(bundle, "en");
        Properties own = file(bundle, locale.getLanguage());
        this.texts = own == null ? english : own;
    }

    /** The pages' bundle, {@code msg}. */
    public static TextBundle of(Locale locale) {
        return of("msg", locale);
    }

    public static TextBundle of(String bundle, Locale locale) {
        return new TextBundle(bundle, locale == null ? Languages.ENGLISH : locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of a key as written (English when this language lacks it), or null when the bundle has no such key. */
    public String find(String key) {
        String text = texts.getProperty(key);
        return text == null ? english.getProperty(key) : text;
    }

    /** The text of a key, its {@code {name}} placeholders replaced by the values given as name, value pairs. */
    public String get(String key, Object... nameValuePairs) {
        String text = find(key);
        if (text == null) {
            throw new IllegalArgumentException("No message " + key);
        }
        if (nameValuePairs.length == 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group();
            for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
                if (matcher.group(1).equals(nameValuePairs[i])) {
                    replacement = String.valueOf(nameValuePairs[i + 1]);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Properties file(String bundle, String language) {
        return FILES.computeIfAbsent(bundle + "_" + language, TextBundle::read);
    }

    private static Properties read(String name) {
        String path = "messages/" + name + ".properties";
        boolean english = name.endsWith("_en");
        try (InputStream in = TextBundle.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return english ? new Properties() : null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
