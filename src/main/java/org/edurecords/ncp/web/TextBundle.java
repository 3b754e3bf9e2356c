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
 * The message bundle ({@code messages/msg_<lang>.properties}, the files behind {@link Messages}) for code that
 * renders outside a template: the PDF transcript and the exports. The same files, the same keys, the same
 * fallback to English as the pages; placeholders are the message's parameter names, e.g. {@code {page}}.
 */
public final class TextBundle {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, Properties> FILES = new ConcurrentHashMap<>();

    private final Properties texts;
    private final Properties english;
    private final Locale locale;

    private TextBundle(Locale locale) {
        this.locale = locale;
        this.english = file("en");
        Properties own = file(locale.getLanguage());
        this.texts = own == null ? english : own;
    }

    public static TextBundle of(Locale locale) {
        return new TextBundle(locale == null ? Languages.ENGLISH : locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of a key, its {@code {name}} placeholders replaced by the values given as name, value pairs. */
    public String get(String key, Object... nameValuePairs) {
        String text = texts.getProperty(key);
        if (text == null) {
            text = english.getProperty(key);
        }
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

    private static Properties file(String language) {
        return FILES.computeIfAbsent(language, TextBundle::read);
    }

    private static Properties read(String language) {
        String path = "messages/msg_" + language + ".properties";
        try (InputStream in = TextBundle.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "en".equals(language) ? new Properties() : null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
