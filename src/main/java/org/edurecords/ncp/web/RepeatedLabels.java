package org.edurecords.ncp.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code {label:key}}, or {@code {label:of(expression)}} for a key computed per row: a text without parameters of the
 * page's language, for what a page repeats on every row of a table (the column names that each cell carries for a
 * phone's layout, a result's status). The same texts as {@code msg:}, read from the bundle files once per language
 * and key. Inside a loop, a namespace is found at once, where a name from an enclosing section ({@code {#let}}, an
 * outer loop) is looked for through every value resolver at each level first.
 */
@EngineConfiguration
public class RepeatedLabels implements NamespaceResolver {

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    @Override
    public String getNamespace() {
        return "label";
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        Locale locale = locale(context.getAttribute(TemplateInstance.LOCALE));
        if ("of".equals(context.getName()) && context.getParams().size() == 1) {
            return context.evaluate(context.getParams().get(0)).thenApply(key -> text(locale, String.valueOf(key)));
        }
        return CompletedStage.of(text(locale, context.getName()));
    }

    private static String text(Locale locale, String key) {
        return TEXTS.computeIfAbsent(locale.getLanguage() + ':' + key, k -> Texts.byKey(locale, key));
    }

    private static Locale locale(Object attribute) {
        if (attribute instanceof Locale locale) {
            return locale;
        }
        if (attribute instanceof String tag) {
            return Locale.forLanguageTag(tag);
        }
        return Languages.fallback();
    }
}
