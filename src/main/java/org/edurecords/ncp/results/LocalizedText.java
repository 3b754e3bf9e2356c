package org.edurecords.ncp.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One text in every language a source gave it (a title, a name, a description): language tag → text,
 * in the order the source gave them. Readers get the text for their language by a fallback chain
 * ({@link #in(Locale)}); the ELMO document and the exports write all of them.
 *
 * @param texts one entry per language, none blank, languages lower case (BCP 47 primary tags, e.g. {@code nn})
 */
public record LocalizedText(List<LangText> texts) {

    public static final LocalizedText EMPTY = new LocalizedText(List.of());

    /** BCP 47 "undetermined": a source text that names no language (ELMO allows a title without xml:lang). */
    public static final String UNDETERMINED = "und";

    /**
     * Languages a reader of the key's language understands next, before English. Nynorsk and bokmål readers read
     * each other's written standard; North Sámi readers in Norway read Norwegian. A language not listed here falls
     * back straight to English, then to whatever the source had.
     */
    private static final Map<String, List<String>> RELATED = Map.of(
            "nb", List.of("no", "nn"),
            "no", List.of("nb", "nn"),
            "nn", List.of("no", "nb"),
            "se", List.of("nb", "no", "nn"));

    public LocalizedText {
        List<LangText> clean = new ArrayList<>();
        if (texts != null) {
            for (LangText text : texts) {
                add(clean, text == null ? null : text.language(), text == null ? null : text.text());
            }
        }
        texts = List.copyOf(clean);
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(List.of(new LangText(language, text)));
    }

    /** Pairs of language and text, e.g. {@code of("en", "Physics", "nb", "Fysikk")}; blank texts are left out. */
    public static LocalizedText of(String... languageTextPairs) {
        if (languageTextPairs.length % 2 != 0) {
            throw new IllegalArgumentException("language and text come in pairs");
        }
        List<LangText> texts = new ArrayList<>();
        for (int i = 0; i < languageTextPairs.length; i += 2) {
            texts.add(new LangText(languageTextPairs[i], languageTextPairs[i + 1]));
        }
        return new LocalizedText(texts);
    }

    @JsonCreator
    public static LocalizedText fromMap(Map<String, String> byLanguage) {
        List<LangText> texts = new ArrayList<>();
        if (byLanguage != null) {
            byLanguage.forEach((language, text) -> texts.add(new LangText(language, text)));
        }
        return new LocalizedText(texts);
    }

    /** As JSON: {@code {"en": "Physics", "nb": "Fysikk"}}, in the source's order. */
    @JsonValue
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (LangText text : texts) {
            map.put(text.language(), text.text());
        }
        return map;
    }

    /** This text with one more language; a language already present keeps its text. */
    public LocalizedText with(String language, String text) {
        List<LangText> more = new ArrayList<>(texts);
        more.add(new LangText(language, text));
        return new LocalizedText(more);
    }

    /** This text with every language of the other one that it lacks. */
    public LocalizedText orElse(LocalizedText other) {
        if (other == null) {
            return this;
        }
        List<LangText> more = new ArrayList<>(texts);
        more.addAll(other.texts);
        return new LocalizedText(more);
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** The text in exactly this language, or null. */
    public String exactly(String language) {
        if (language == null) {
            return null;
        }
        String wanted = language.toLowerCase(Locale.ROOT);
        for (LangText text : texts) {
            if (text.language().equals(wanted)) {
                return text.text();
            }
        }
        return null;
    }

    /** The text for a reader of this language: the language itself, related ones, English, then the first given. */
    public String in(Locale locale) {
        for (String language : chain(locale)) {
            String text = exactly(language);
            if (text != null) {
                return text;
            }
        }
        return texts.isEmpty() ? null : texts.get(0).text();
    }

    /** The language {@link #in(Locale)} answers in, or null when there is no text. */
    public String languageFor(Locale locale) {
        for (String language : chain(locale)) {
            if (exactly(language) != null) {
                return language;
            }
        }
        return texts.isEmpty() ? null : texts.get(0).language();
    }

    /** Every text, in the source's order. */
    public List<LangText> all() {
        return texts;
    }

    /** The languages a reader of this locale is served in, best first (English always last). */
    public static List<String> chain(Locale locale) {
        List<String> chain = new ArrayList<>();
        String language = locale == null ? "en" : locale.getLanguage();
        chain.add(language);
        for (String related : RELATED.getOrDefault(language, List.of())) {
            if (!chain.contains(related)) {
                chain.add(related);
            }
        }
        if (!chain.contains("en")) {
            chain.add("en");
        }
        return chain;
    }

    private static void add(List<LangText> all, String language, String text) {
        if (text == null || text.isBlank() || language == null || language.isBlank()) {
            return;
        }
        // A region or script says nothing the pages choose by: "nb-NO" is "nb"; the first of "en-GB"/"en-US" wins.
        String primary = Locale.forLanguageTag(language.trim()).getLanguage();
        String tag = primary.isEmpty() ? UNDETERMINED : primary;
        for (LangText present : all) {
            if (present.language().equals(tag)) {
                return;
            }
        }
        all.add(new LangText(tag, text));
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
