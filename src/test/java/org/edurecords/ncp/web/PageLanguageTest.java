package org.edurecords.ncp.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which language a page speaks, and that it speaks it throughout: the browser's Accept-Language is honoured, a choice
 * in the menu is remembered, and no page shows a message key or another language's texts.
 */
@QuarkusTest
class PageLanguageTest {

    private static final Pattern KEY = Pattern.compile("\\b[a-z]+(?:_[a-zA-Z]+){1,5}\\b");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nn-NO,nn;q=0.9,en;q=0.5 | nn",
            "se-NO, nb;q=0.8 | se",
            "no | nb",
            "nb-NO | nb",
            "de-DE, fr;q=0.8 | en",
            "nb;q=0, nn;q=0.5 | nn",
            "en-GB | en",
            ";;;,q= | en" })
    void theBrowsersLanguageIsHonoured(String acceptLanguage, String served) {
        Response home = given().header("Accept-Language", acceptLanguage).get("/");
        assertEquals(200, home.statusCode());
        Document page = Jsoup.parse(home.asString());
        assertEquals(served, page.selectFirst("html").attr("lang"), acceptLanguage);
        assertEquals(served, page.selectFirst("nav.languages a[aria-current]").attr("lang"));
    }

    @Test
    void aChoiceInTheMenuIsRememberedOverTheBrowsersLanguage() {
        FlowClient browser = new FlowClient();
        Response chosen = browser.get("/?lang=se", Map.of("Accept-Language", "en"));
        assertEquals("se", chosen.getCookie("ncp-lang"));
        Document later = FlowClient.html(browser.get("/my-results", Map.of("Accept-Language", "en")));
        assertEquals("se", later.selectFirst("html").attr("lang"));
        assertEquals("Davvisámegiella", later.selectFirst("nav.languages a[aria-current]").text());
    }

    @ParameterizedTest
    @ValueSource(strings = { "nb", "nn", "se" })
    void noPageShowsAKeyOrFallsBackToEnglish(String language) throws Exception {
        Map<String, Document> english = walk("en");
        Map<String, Document> translated = walk(language);
        Properties bundle = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("messages/msg_en.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Document> page : translated.entrySet()) {
            Document doc = page.getValue();
            String text = doc.body().text();
            if (!language.equals(doc.selectFirst("html").attr("lang"))) {
                problems.add(page.getKey() + ": html lang is " + doc.selectFirst("html").attr("lang"));
            }
            Matcher key = KEY.matcher(text);
            while (key.find()) {
                if (bundle.containsKey(key.group())) {
                    problems.add(page.getKey() + ": shows the key " + key.group());
                }
            }
            if (text.contains("{") || text.contains("}")) {
                problems.add(page.getKey() + ": an unfilled placeholder in \"" + text + "\"");
            }
            // A paragraph or heading that reads the same as on the English page is a text that fell back.
            List<String> same = new ArrayList<>();
            List<String> englishTexts = english.get(page.getKey()).select("main h1, main h2, main p, main label, main button")
                    .eachText();
            for (String own : doc.select("main h1, main h2, main p, main label, main button").eachText()) {
                if (own.length() > 12 && englishTexts.contains(own) && !own.matches(".*\\d{4}.*")) {
                    same.add(own);
                }
            }
            if (!same.isEmpty()) {
                problems.add(page.getKey() + ": the same as in English: " + same);
            }
        }
        System.out.println("[languages] " + language + ": " + translated.size() + " pages checked");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertNotEquals(english.get("home").select("h1").text(), translated.get("home").select("h1").text());
    }

    /** The pages a student and an owner see, in one language. */
    private static Map<String, Document> walk(String language) {
        Map<String, Document> pages = new LinkedHashMap<>();
        DemoFlow flow = new DemoFlow("language-" + language, "https://client.example.org/return").start();
        flow.client.get("/?lang=" + language);
        pages.put("home", FlowClient.html(flow.client.get("/")));
        pages.put("login", FlowClient.html(flow.client.get(flow.flowPath + "/login")));
        flow.login("anna", "demo");
        Document select = FlowClient.html(flow.selectionPage());
        pages.put("select", select);
        Response preview = flow.select(Map.of("lo", select.select("input[name=lo]").eachAttr("value").subList(0, 3)));
        pages.put("preview", FlowClient.html(flow.client.get(flow.flowPath + "/preview")));
        assertFalse(preview.statusCode() >= 400, "selected");

        FlowClient owner = new FlowClient();
        owner.get("/?lang=" + language);
        pages.put("portal login", FlowClient.html(owner.get("/my-results")));
        owner.post("/my-results/login/demo", Map.of("username", "anna", "password", "demo"));
        pages.put("my results", FlowClient.html(owner.get("/my-results")));
        pages.put("share", FlowClient.html(owner.get("/my-results/share")));
        pages.put("links", FlowClient.html(owner.get("/my-results/links")));
        pages.put("ledger", FlowClient.html(owner.get("/my-results/ledger")));
        pages.put("not found", FlowClient.html(owner.get("/no-such-page")));
        return pages;
    }
}
