package org.edurecords.ncp.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** What every refusal must look like: the product's page or JSON, its status, one WARN line, no class names. */
public final class Answers {

    private static final Pattern JAVA_CLASS = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|io|com|net)\\.[a-z0-9_]+(?:\\.[A-Za-z0-9_$]+)+|Exception\\b");

    private Answers() {
    }

    /** A form POST whose body is sent byte for byte as given (a String, bytes or a stream), in this language. */
    public static RequestSpecification rawForm(String language) {
        return RestAssured.given().redirects().follow(false).header("Accept-Language", language)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)))
                .contentType("application/x-www-form-urlencoded");
    }

    /** A POST without a body and without a content type, as {@code fetch(url, {method: "POST"})} sends it. */
    public static HttpResponse<String> postWithoutContentType(String path, String language) {
        return send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A POST whose body is sent in chunks, without a declared length, as a streaming client sends it. */
    public static HttpResponse<String> postChunked(String path, String contentType, byte[] body, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Content-Type", contentType).header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Properties bundle(String language) {
        Properties messages = new Properties();
        try (InputStream in = Answers.class.getResourceAsStream("/messages/msg_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }

    /** The product's HTML page (not the framework's), in the language asked for, with the bundle's text. */
    public static Document assertPage(Response response, int status, String language, String messageKey) {
        return assertPage(response.statusCode(), response.contentType(), response.asString(), status, language,
                messageKey);
    }

    /** The same for an answer of the JDK's HTTP client. */
    public static Document assertPage(HttpResponse<String> response, int status, String language, String messageKey) {
        return assertPage(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), status, language, messageKey);
    }

    private static Document assertPage(int actualStatus, String contentType, String body, int status, String language,
            String messageKey) {
        assertEquals(status, actualStatus, body);
        assertTrue(contentType.startsWith("text/html"), contentType);
        assertNoClassNames(body);
        Document page = Jsoup.parse(body);
        assertEquals(language, page.selectFirst("html").attr("lang"), body);
        assertNotNull(page.selectFirst("header.site"), "the product's layout: " + body);
        if (messageKey != null) {
            String text = bundle(language).getProperty(messageKey);
            assertNotNull(text, messageKey);
            assertTrue(page.text().contains(text), "page says '" + text + "': " + page.text());
        }
        return page;
    }

    /** The product's JSON error: {@code {"status": ..., "error": ..., "message": ...}}. */
    public static void assertJson(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertNoClassNames(response.asString());
        assertEquals(status, response.jsonPath().getInt("status"), response.asString());
        assertFalse(response.jsonPath().getString("error").isBlank());
        assertFalse(response.jsonPath().getString("message").isBlank());
        assertNull(response.jsonPath().get("details"), "not the framework's error body");
    }

    public static void assertNoClassNames(String body) {
        assertFalse(body.contains("Error id"), body);
        assertFalse(JAVA_CLASS.matcher(body).find(), "names a Java class: " + body);
    }

    /** One WARN line for the refusal, nothing at ERROR, no stack trace. */
    public static void assertOneWarning(LogCapture log) {
        List<LogRecord> records = log.warningsAndAbove();
        assertEquals(1, records.size(), () -> "one WARN line: " + records.stream().map(r -> r.getLevel() + " "
                + r.getLoggerName() + " " + LogCapture.formatted(r)).toList());
        LogRecord record = records.get(0);
        assertEquals("WARN", record.getLevel().getName(), LogCapture.formatted(record));
        assertNull(record.getThrown(), "no stack trace");
        assertFalse(LogCapture.formatted(record).contains("\n"), LogCapture.formatted(record));
    }
}
