package org.edurecords.ncp.receiving;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads competence evidence (format {@code competence} 1.0, {@code schemas/competence-evidence-1.0.schema.json}) as
 * a provider served it, strictly: every rule of the schema is checked here (and dates and times are real ones), so
 * that what is read is exactly what the format says, and anything else is refused with the JSON path of the first
 * problem. Written against the schema rather than validated by it at run time (ADR 0863); {@code
 * CompetenceReaderTest} holds the two to the same verdicts.
 */
final class CompetenceReader {

    /** The person the evidence is about. */
    record Learner(String givenNames, String familyName, String birthDate) {
    }

    /** What the evidence says: its learner and credentials ({@code c1}, {@code c2}, ... in its order). */
    record Evidence(Learner learner, List<ReceivedResults.Credential> credentials) {
    }

    /** The evidence is not of the format; the message names the JSON path. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ONE_TO_SIX = Pattern.compile("[1-6]");
    private static final Set<String> KINDS = Set.of("upper-secondary", "vocational", "licence", "authorisation",
            "recognition");
    private static final Set<String> STATUSES = Set.of("valid", "suspended", "revoked", "expired");
    private static final Set<String> ASSESSMENTS = Set.of("overall", "exam", "written-exam", "oral-exam",
            "practical-exam");

    private CompetenceReader() {
    }

    static Evidence read(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Malformed("$: not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed("$: not readable: " + e.getMessage());
        }
        object(root, "$", Set.of("format", "version", "issuedAt", "issuer", "learner", "credentials"), Set.of());
        if (!"competence".equals(root.get("format").asText(null)) || !root.get("format").isTextual()) {
            throw new Malformed("$.format: must be \"competence\"");
        }
        if (!"1.0".equals(root.get("version").asText(null)) || !root.get("version").isTextual()) {
            throw new Malformed("$.version: must be \"1.0\", was " + root.get("version"));
        }
        dateTime(root.get("issuedAt"), "$.issuedAt");
        JsonNode issuer = root.get("issuer");
        object(issuer, "$.issuer", Set.of("name", "url"), Set.of());
        nonEmpty(issuer.get("name"), "$.issuer.name");
        text(issuer.get("url"), "$.issuer.url");
        JsonNode learner = root.get("learner");
        object(learner, "$.learner", Set.of("givenNames", "familyName"), Set.of("birthDate"));
        String givenNames = text(learner.get("givenNames"), "$.learner.givenNames");
        String familyName = text(learner.get("familyName"), "$.learner.familyName");
        String birthDate = date(learner.get("birthDate"), "$.learner.birthDate");
        JsonNode list = root.get("credentials");
        if (!list.isArray()) {
            throw new Malformed("$.credentials: must be a list");
        }
        List<ReceivedResults.Credential> credentials = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            credentials.add(credential(list.get(i), "$.credentials[" + i + "]", "c" + (i + 1)));
        }
        return new Evidence(new Learner(givenNames, familyName, birthDate), credentials);
    }

    private static ReceivedResults.Credential credential(JsonNode node, String at, String id) throws Malformed {
        object(node, at, Set.of("id", "kind", "title", "issuer", "status", "details"),
                Set.of("issuedOn", "number", "validFrom", "validTo", "statusSince", "history"));
        String providerId = text(node.get("id"), at + ".id");
        String kind = oneOf(node.get("kind"), at + ".kind", KINDS);
        Map<String, String> title = texts(node.get("title"), at + ".title");
        JsonNode issuer = node.get("issuer");
        object(issuer, at + ".issuer", Set.of("name"), Set.of("country", "id"));
        String issuerName = nonEmpty(issuer.get("name"), at + ".issuer.name");
        String country = country(issuer.get("country"), at + ".issuer.country");
        String issuerId = text(issuer.get("id"), at + ".issuer.id");
        String status = oneOf(node.get("status"), at + ".status", STATUSES);
        List<ReceivedResults.StatusChange> history = new ArrayList<>();
        JsonNode changes = node.get("history");
        if (changes != null) {
            if (!changes.isArray()) {
                throw new Malformed(at + ".history: must be a list");
            }
            for (int i = 0; i < changes.size(); i++) {
                String path = at + ".history[" + i + "]";
                JsonNode change = changes.get(i);
                object(change, path, Set.of("status"), Set.of("since", "reason"));
                history.add(new ReceivedResults.StatusChange(oneOf(change.get("status"), path + ".status", STATUSES),
                        date(change.get("since"), path + ".since"), text(change.get("reason"), path + ".reason")));
            }
        }
        JsonNode details = node.get("details");
        details(kind, details, at + ".details");
        return new ReceivedResults.Credential(id, providerId, kind, title,
                new ReceivedResults.CredentialIssuer(issuerName, country, issuerId),
                date(node.get("issuedOn"), at + ".issuedOn"), text(node.get("number"), at + ".number"),
                date(node.get("validFrom"), at + ".validFrom"), date(node.get("validTo"), at + ".validTo"), status,
                date(node.get("statusSince"), at + ".statusSince"), history, details);
    }

    /** The kind's own attributes, as the schema's part of that kind says. */
    private static void details(String kind, JsonNode details, String at) throws Malformed {
        switch (kind) {
            case "upper-secondary" -> {
                object(details, at, Set.of("subjects"), Set.of("programme"));
                optionalTexts(details.get("programme"), at + ".programme");
                JsonNode subjects = nonEmptyList(details.get("subjects"), at + ".subjects");
                for (int i = 0; i < subjects.size(); i++) {
                    String path = at + ".subjects[" + i + "]";
                    JsonNode subject = subjects.get(i);
                    object(subject, path, Set.of(), Set.of("code", "title", "grade", "scale", "hours", "assessment"));
                    if (!subject.has("code") && !subject.has("title")) {
                        throw new Malformed(path + ": needs a code or a title");
                    }
                    text(subject.get("code"), path + ".code");
                    optionalTexts(subject.get("title"), path + ".title");
                    String scale = subject.has("scale") ? oneOf(subject.get("scale"), path + ".scale",
                            Set.of("1-6", "pass-fail")) : null;
                    String grade = text(subject.get("grade"), path + ".grade");
                    // "exempt" on either scale: a subject the learner was exempted from (ADR 0873).
                    if (grade != null && !"exempt".equals(grade) && ("pass-fail".equals(scale)
                            ? !Set.of("passed", "failed").contains(grade) : !ONE_TO_SIX.matcher(grade).matches())) {
                        throw new Malformed(path + ".grade: '" + grade + "' is no grade of the "
                                + (scale == null ? "1-6" : scale) + " scale");
                    }
                    JsonNode hours = subject.get("hours");
                    if (hours != null && (!hours.isIntegralNumber() || hours.asLong() < 0)) {
                        throw new Malformed(path + ".hours: must be a whole number of at least 0, was " + hours);
                    }
                    if (subject.has("assessment")) {
                        oneOf(subject.get("assessment"), path + ".assessment", ASSESSMENTS);
                    }
                }
            }
            case "vocational" -> {
                object(details, at, Set.of("trade"), Set.of("examiningBoard", "county"));
                texts(details.get("trade"), at + ".trade");
                text(details.get("examiningBoard"), at + ".examiningBoard");
                text(details.get("county"), at + ".county");
            }
            case "licence" -> {
                object(details, at, Set.of("categories"), Set.of());
                JsonNode categories = nonEmptyList(details.get("categories"), at + ".categories");
                for (int i = 0; i < categories.size(); i++) {
                    String path = at + ".categories[" + i + "]";
                    JsonNode category = categories.get(i);
                    object(category, path, Set.of("category"), Set.of("validFrom", "validTo", "restrictions"));
                    nonEmpty(category.get("category"), path + ".category");
                    date(category.get("validFrom"), path + ".validFrom");
                    date(category.get("validTo"), path + ".validTo");
                    JsonNode restrictions = category.get("restrictions");
                    if (restrictions != null) {
                        if (!restrictions.isArray()) {
                            throw new Malformed(path + ".restrictions: must be a list of texts");
                        }
                        for (int r = 0; r < restrictions.size(); r++) {
                            text(restrictions.get(r), path + ".restrictions[" + r + "]");
                        }
                    }
                }
            }
            case "authorisation" -> {
                object(details, at, Set.of("profession"), Set.of("scheme"));
                texts(details.get("profession"), at + ".profession");
                text(details.get("scheme"), at + ".scheme");
            }
            default -> {
                object(details, at, Set.of("foreignQualification", "decision"),
                        Set.of("foreignCountry", "equivalence", "creditsGranted"));
                texts(details.get("foreignQualification"), at + ".foreignQualification");
                texts(details.get("decision"), at + ".decision");
                country(details.get("foreignCountry"), at + ".foreignCountry");
                text(details.get("equivalence"), at + ".equivalence");
                JsonNode credits = details.get("creditsGranted");
                if (credits != null && (!credits.isNumber() || credits.decimalValue().signum() < 0)) {
                    throw new Malformed(at + ".creditsGranted: must be a number of at least 0, was " + credits);
                }
            }
        }
    }

    /** An object with these required keys, these optional ones, and no other. */
    private static void object(JsonNode node, String at, Set<String> required, Set<String> optional)
            throws Malformed {
        if (node == null || !node.isObject()) {
            throw new Malformed(at + ": must be an object");
        }
        for (String key : required) {
            if (!node.has(key)) {
                throw new Malformed(at + "." + key + ": missing");
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!required.contains(key) && !optional.contains(key)) {
                throw new Malformed(at + "." + key + ": not a field of the format");
            }
        }
    }

    /** A text, or null when absent. */
    private static String text(JsonNode node, String at) throws Malformed {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Malformed(at + ": must be a text, was " + node);
        }
        return node.asText();
    }

    private static String nonEmpty(JsonNode node, String at) throws Malformed {
        String text = text(node, at);
        if (text == null || text.isEmpty()) {
            throw new Malformed(at + ": must be a text that is not empty");
        }
        return text;
    }

    private static String oneOf(JsonNode node, String at, Set<String> words) throws Malformed {
        String text = text(node, at);
        if (text == null || !words.contains(text)) {
            throw new Malformed(at + ": must be one of " + new java.util.TreeSet<>(words) + ", was " + node);
        }
        return text;
    }

    private static String country(JsonNode node, String at) throws Malformed {
        String text = text(node, at);
        if (text != null && !COUNTRY.matcher(text).matches()) {
            throw new Malformed(at + ": must be an ISO 3166-1 alpha-2 code in capitals, was " + node);
        }
        return text;
    }

    private static String date(JsonNode node, String at) throws Malformed {
        String text = text(node, at);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new Malformed(at + ": must be a date (YYYY-MM-DD), was " + node);
        }
    }

    private static void dateTime(JsonNode node, String at) throws Malformed {
        String text = text(node, at);
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Malformed(at + ": must be a date and time (RFC 3339), was " + node);
        }
    }

    private static JsonNode nonEmptyList(JsonNode node, String at) throws Malformed {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new Malformed(at + ": must be a list of at least one");
        }
        return node;
    }

    /** Texts by language tag: at least one. */
    private static Map<String, String> texts(JsonNode node, String at) throws Malformed {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new Malformed(at + ": must be an object of language tag to text, with at least one");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!LANGUAGE.matcher(field.getKey()).matches()) {
                throw new Malformed(at + "." + field.getKey() + ": not a language tag");
            }
            texts.put(field.getKey(), text(field.getValue(), at + "." + field.getKey()));
        }
        return texts;
    }

    private static void optionalTexts(JsonNode node, String at) throws Malformed {
        if (node != null) {
            texts(node, at);
        }
    }
}
