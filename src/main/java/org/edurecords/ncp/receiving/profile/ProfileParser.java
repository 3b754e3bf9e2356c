package org.edurecords.ncp.receiving.profile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edurecords.ncp.receiving.profile.RequirementProfile.All;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Any;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Condition;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Credits;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Filters;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Grade;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Passed;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Qualification;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Selection;
import org.edurecords.ncp.results.LocalizedText;

/**
 * Reads one profile file and checks everything in it before anything is used: every problem is reported with the
 * file, the JSON path ({@code $.require.all[1].credits.atLeast}) and what is wrong.
 */
public final class ProfileParser {

    static final int MAX_DEPTH = 16;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ISCED = Pattern.compile("\\d{1,4}");
    private static final Set<String> TOP = Set.of("id", "version", "receivers", "title", "require");
    private static final Set<String> KINDS = Set.of("all", "any", "qualification", "credits", "passed", "grade",
            "credential");
    private static final Set<String> FILTERS = Set.of("issuerCountries", "issuerInRegistry", "achievedFrom",
            "achievedTo");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "qualification", Set.of("minEqfLevel"),
            "credits", Set.of("atLeast", "scheme", "iscedCodes", "courseCodes"),
            "passed", Set.of("codes", "titlePatterns", "minCount"),
            "grade", Set.of("codes", "titlePatterns", "atLeast", "minCount"),
            "credential", Set.of("kind", "licenceCategory", "profession", "scheme", "equivalence", "issuerCountry"));
    /** The filters of {@code credential} that only one kind has. */
    private static final Map<String, String> CREDENTIAL_FILTER_KIND = Map.of("licenceCategory", "licence",
            "profession", "authorisation", "scheme", "authorisation", "equivalence", "recognition");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private ProfileParser(String source) {
        this.source = source;
    }

    /** The profile in {@code json}, read from {@code source} (a file name, for messages). */
    public static RequirementProfile parse(String source, String json) {
        ProfileParser parser = new ProfileParser(source);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProfileException(List.of(source + ": not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            throw new ProfileException(List.of(source + ": could not be read: " + e.getMessage()));
        }
        RequirementProfile profile = parser.profile(root);
        if (!parser.problems.isEmpty()) {
            throw new ProfileException(parser.problems);
        }
        return profile;
    }

    private void problem(String path, String what) {
        problems.add(source + ": " + path + ": " + what);
    }

    private RequirementProfile profile(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("$", "a profile is a JSON object");
            return null;
        }
        unknownKeys(root, "$", TOP, "a profile has only " + sorted(TOP));
        String id = null;
        JsonNode idNode = root.get("id");
        if (idNode == null) {
            problem("$.id", "missing (the profile's name, e.g. \"bachelor-degree\")");
        } else if (!idNode.isTextual() || !ID.matcher(idNode.asText()).matches()) {
            problem("$.id", "must be lower case letters, digits and dashes, at most 64, was " + idNode);
        } else {
            id = idNode.asText();
        }
        int version = 0;
        JsonNode versionNode = root.get("version");
        if (versionNode == null) {
            problem("$.version", "missing (1 for a new profile)");
        } else if (!versionNode.canConvertToInt() || !versionNode.isIntegralNumber() || versionNode.asInt() < 1) {
            problem("$.version", "must be a whole number of at least 1, was " + versionNode);
        } else {
            version = versionNode.asInt();
        }
        List<String> receivers = new ArrayList<>();
        JsonNode receiversNode = root.get("receivers");
        if (receiversNode == null) {
            problem("$.receivers", "missing (receiver ids, or [\"*\"] for every receiver)");
        } else {
            receivers = strings(receiversNode, "$.receivers");
            if (receiversNode.isArray() && receiversNode.isEmpty()) {
                problem("$.receivers", "is empty (receiver ids, or [\"*\"] for every receiver)");
            }
        }
        Map<String, String> title = title(root.get("title"));
        Condition require = null;
        JsonNode requireNode = root.get("require");
        if (requireNode == null) {
            problem("$.require", "missing (the condition the results must meet)");
        } else {
            require = condition(requireNode, "$.require", 0);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new RequirementProfile(id, version, receivers, title, require, source);
    }

    private Map<String, String> title(JsonNode node) {
        Map<String, String> title = new LinkedHashMap<>();
        if (node == null) {
            problem("$.title", "missing (the profile's name per language, at least \"en\")");
            return title;
        }
        if (!node.isObject()) {
            problem("$.title", "must be an object of language tag to text");
            return title;
        }
        List<String> languages = LocalizedText.serviceLanguages();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = "$.title." + field.getKey();
            if (!languages.contains(field.getKey())) {
                problem(path, "unknown language '" + field.getKey() + "', not one of " + languages);
            } else if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                problem(path, "must be a text that is not blank");
            } else {
                title.put(field.getKey(), field.getValue().asText().trim());
            }
        }
        if (!node.has("en")) {
            problem("$.title", "lacks English (\"en\"), the language every reader falls back to");
        }
        return title;
    }

    private Condition condition(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            problem(path, "conditions are nested more than " + MAX_DEPTH + " deep");
            return null;
        }
        if (!node.isObject()) {
            problem(path, "a condition is an object with one key, one of " + sorted(KINDS));
            return null;
        }
        if (node.size() != 1) {
            problem(path, "a condition has exactly one key (one of " + sorted(KINDS) + "), this one has "
                    + node.size() + (node.size() == 0 ? "" : ": " + keys(node)));
            return null;
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        String at = path + "." + kind;
        if (!KINDS.contains(kind)) {
            problem(at, "unknown kind '" + kind + "', not one of " + sorted(KINDS));
            return null;
        }
        if (kind.equals("all") || kind.equals("any")) {
            if (!body.isArray() || body.isEmpty()) {
                problem(at, "must be a list of at least one condition");
                return null;
            }
            List<Condition> conditions = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                conditions.add(condition(body.get(i), at + "[" + i + "]", depth + 1));
            }
            if (conditions.contains(null)) {
                return null;
            }
            return kind.equals("all") ? new All(conditions) : new Any(conditions);
        }
        if (!body.isObject()) {
            problem(at, "must be an object of the condition's options");
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>(OPTIONS.get(kind));
        if (kind.equals("credential")) {
            // A credential has no result date and no registry institution: the common filters are the results'.
            unknownKeys(body, at, allowed, "'credential' takes " + sorted(allowed));
            int before = problems.size();
            Condition credential = credential(body, at);
            return problems.size() == before ? credential : null;
        }
        allowed.addAll(FILTERS);
        unknownKeys(body, at, allowed, "'" + kind + "' takes " + sorted(allowed));
        int before = problems.size();
        Filters filters = filters(body, at);
        Condition condition = switch (kind) {
            case "qualification" -> new Qualification(optionalInt(body, at, "minEqfLevel", 1, 8), filters);
            case "credits" -> credits(body, at, filters);
            case "passed" -> new Passed(selection(body, at, kind), minCount(body, at), filters);
            default -> grade(body, at, filters);
        };
        return problems.size() == before ? condition : null;
    }

    private Condition credential(JsonNode body, String at) {
        JsonNode kindNode = body.get("kind");
        String kind = null;
        if (kindNode == null) {
            problem(at + ".kind", "missing (one of " + String.join(", ", RequirementProfile.Credential.KINDS) + ")");
        } else if (!kindNode.isTextual() || !RequirementProfile.Credential.KINDS.contains(kindNode.asText())) {
            problem(at + ".kind", "must be one of " + String.join(", ", RequirementProfile.Credential.KINDS) + ", was "
                    + kindNode);
        } else {
            kind = kindNode.asText();
        }
        for (Map.Entry<String, String> only : CREDENTIAL_FILTER_KIND.entrySet()) {
            if (body.has(only.getKey()) && kind != null && !kind.equals(only.getValue())) {
                problem(at + "." + only.getKey(), "applies to kind " + only.getValue() + " only, not " + kind);
            }
        }
        String category = optionalText(body, at, "licenceCategory");
        Pattern profession = null;
        String professionText = optionalText(body, at, "profession");
        if (professionText != null) {
            try {
                profession = Pattern.compile(professionText, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                problem(at + ".profession", "not a regular expression: " + e.getDescription() + " near position "
                        + e.getIndex());
            }
        }
        String scheme = optionalText(body, at, "scheme");
        String equivalence = optionalText(body, at, "equivalence");
        String country = optionalText(body, at, "issuerCountry");
        if (country != null && !COUNTRY.matcher(country).matches()) {
            problem(at + ".issuerCountry", "an ISO 3166-1 alpha-2 code in capitals (\"NO\"), was '" + country + "'");
        }
        return new RequirementProfile.Credential(kind, category, profession, scheme, equivalence, country);
    }

    private String optionalText(JsonNode body, String at, String key) {
        JsonNode node = body.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(at + "." + key, "must be a text that is not blank, was " + node);
            return null;
        }
        return node.asText().trim();
    }

    private Credits credits(JsonNode body, String at, Filters filters) {
        BigDecimal atLeast = null;
        JsonNode node = body.get("atLeast");
        if (node == null) {
            problem(at + ".atLeast", "missing (the number of credits required)");
        } else if (!node.isNumber()) {
            problem(at + ".atLeast", "must be a number, was " + node);
        } else if (node.decimalValue().signum() < 0) {
            problem(at + ".atLeast", "must not be negative, was " + node);
        } else {
            atLeast = node.decimalValue();
        }
        String scheme = "ECTS";
        JsonNode schemeNode = body.get("scheme");
        if (schemeNode != null) {
            if (!schemeNode.isTextual() || schemeNode.asText().isBlank()) {
                problem(at + ".scheme", "must be the name of a credit scheme, e.g. \"ECTS\"");
            } else {
                scheme = schemeNode.asText().trim();
            }
        }
        List<String> isced = optionalStrings(body, at, "iscedCodes");
        for (int i = 0; i < isced.size(); i++) {
            if (!ISCED.matcher(isced.get(i)).matches()) {
                problem(at + ".iscedCodes[" + i + "]", "an ISCED-F code or its start is 1 to 4 digits, was '"
                        + isced.get(i) + "'");
            }
        }
        List<String> courses = optionalStrings(body, at, "courseCodes");
        return new Credits(atLeast == null ? BigDecimal.ZERO : atLeast, scheme, isced, courses, filters);
    }

    private Grade grade(JsonNode body, String at, Filters filters) {
        Selection selection = selection(body, at, "grade");
        int minCount = minCount(body, at);
        JsonNode node = body.get("atLeast");
        String atLeast = null;
        if (node == null) {
            problem(at + ".atLeast", "missing (the lowest grade that meets it: a letter A-E, a number 2-6 or \"passed\")");
        } else if (!node.isTextual() && !node.isIntegralNumber()) {
            problem(at + ".atLeast", "must be a grade (a letter A-E, a number 2-6 or \"passed\"), was " + node);
        } else if (GradeScales.threshold(node.asText()).isEmpty()) {
            problem(at + ".atLeast", "'" + node.asText() + "' is no passing grade of a known scale (a letter A-E, "
                    + "a number 2-6 or \"passed\")");
        } else {
            atLeast = node.asText().trim();
        }
        return new Grade(selection, atLeast, minCount, filters);
    }

    private Selection selection(JsonNode body, String at, String kind) {
        List<String> codes = optionalStrings(body, at, "codes");
        List<String> texts = optionalStrings(body, at, "titlePatterns");
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                patterns.add(Pattern.compile(texts.get(i), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                problem(at + ".titlePatterns[" + i + "]", "not a regular expression: " + e.getDescription()
                        + " near position " + e.getIndex());
            }
        }
        if (codes.isEmpty() && texts.isEmpty() && !body.has("codes") && !body.has("titlePatterns")) {
            problem(at, "'" + kind + "' needs \"codes\" or \"titlePatterns\" to select results");
        }
        return new Selection(codes, patterns);
    }

    private int minCount(JsonNode body, String at) {
        Integer count = optionalInt(body, at, "minCount", 1, 10_000);
        return count == null ? 1 : count;
    }

    private Filters filters(JsonNode body, String at) {
        Set<String> countries = new LinkedHashSet<>();
        List<String> given = optionalStrings(body, at, "issuerCountries");
        for (int i = 0; i < given.size(); i++) {
            if (!COUNTRY.matcher(given.get(i)).matches()) {
                problem(at + ".issuerCountries[" + i + "]", "an ISO 3166-1 alpha-2 code in capitals (\"NO\"), was '"
                        + given.get(i) + "'");
            } else {
                countries.add(given.get(i));
            }
        }
        boolean inRegistry = false;
        JsonNode registry = body.get("issuerInRegistry");
        if (registry != null) {
            if (!registry.isBoolean() || !registry.asBoolean()) {
                problem(at + ".issuerInRegistry", "can only be true (leave it out for any issuer), was " + registry);
            } else {
                inRegistry = true;
            }
        }
        LocalDate from = date(body, at, "achievedFrom");
        LocalDate to = date(body, at, "achievedTo");
        if (from != null && to != null && from.isAfter(to)) {
            problem(at + ".achievedTo", "is before achievedFrom (" + from + ")");
        }
        return new Filters(countries, inRegistry, from, to);
    }

    private LocalDate date(JsonNode body, String at, String key) {
        JsonNode node = body.get(key);
        if (node == null) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return LocalDate.parse(node.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(at + "." + key, "must be an ISO date (YYYY-MM-DD), was " + node);
        return null;
    }

    private Integer optionalInt(JsonNode body, String at, String key, int min, int max) {
        JsonNode node = body.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(at + "." + key, "must be a whole number, was " + node);
            return null;
        }
        if (node.asInt() < 0) {
            problem(at + "." + key, "must not be negative, was " + node);
            return null;
        }
        if (node.asInt() < min || node.asInt() > max) {
            problem(at + "." + key, "must be from " + min + " to " + max + ", was " + node);
            return null;
        }
        return node.asInt();
    }

    private List<String> optionalStrings(JsonNode body, String at, String key) {
        JsonNode node = body.get(key);
        return node == null ? List.of() : strings(node, at + "." + key);
    }

    private List<String> strings(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (!node.isArray()) {
            problem(path, "must be a list of texts");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                problem(path + "[" + i + "]", "must be a text that is not blank, was " + item);
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    private void unknownKeys(JsonNode node, String path, Set<String> allowed, String hint) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(path + "." + key, "unknown key; " + hint);
            }
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", new java.util.TreeSet<>(names));
    }
}
