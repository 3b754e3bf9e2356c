package org.edurecords.ncp.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.results.store.LearnerEntity;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.InstitutionElmo;
import org.edurecords.ncp.support.LogCapture;
import org.junit.jupiter.api.Test;

/** The admin import API over HTTP: valid and invalid JSON and ELMO, re-imports, and calls without the token. */
@QuarkusTest
class AdminImportResourceTest {

    static final String TOKEN = org.edurecords.ncp.support.AdminApi.TOKEN;

    @Inject
    ResultService results;

    private static Response post(String path, String contentType, String body) {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(contentType + "; charset=UTF-8")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path);
    }

    private static String batch(String nin, String grade, String type) {
        return """
                {"institution": "uio.no",
                 "gradingSchemes": [{"localId": "AF", "descriptionEn": "A to E pass, F fail."}],
                 "learners": [{
                   "nationalIdentifier": "%s", "givenNames": "Dora", "familyName": "Dahl",
                   "birthDate": "2000-02-29", "citizenship": "NO",
                   "results": [{
                     "code": "B-INF", "type": "Degree Programme", "titleEn": "Bachelor's programme in Informatics",
                     "titleNb": "Bachelorprogram i informatikk", "start": "2019-08-15", "status": "in-progress",
                     "parts": [
                       {"code": "IN1000", "type": "%s", "titleEn": "Introduction to Programming",
                        "date": "2019-12-10", "status": "passed", "grade": "%s", "credits": 10.0, "gradingScheme": "AF"},
                       {"code": "IN1010", "type": "Course", "titleEn": "Object-Oriented Programming",
                        "date": "2020-06-05", "status": "passed", "grade": "A", "credits": 10, "gradingScheme": "AF"}
                     ]}]
                 }]}
                """.formatted(nin, type, grade);
    }

    private LearnerResults storedFor(String nin) {
        LearnerEntity learner = QuarkusTransaction.requiringNew().call(
                () -> LearnerEntity.<LearnerEntity>find("nationalIdentifier", nin).firstResult());
        return results.resultsOf(learner.toRecord());
    }

    private static List<LearningOpportunity> flat(LearnerResults r, String schac) {
        return r.institutions().stream().filter(i -> i.institution().schac().equals(schac))
                .flatMap(i -> i.allOpportunities().stream()).toList();
    }

    @Test
    void jsonImportStoresTheTreeAndAReImportIsIdempotent() {
        String nin = "20000200001";
        JsonPath first = post("/admin/import/json", "application/json", batch(nin, "B", "Course"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, first.getInt("accepted"));
        assertEquals("CREATED", first.getString("learners[0].outcome"));
        assertEquals(3, first.getInt("learners[0].results"));
        assertEquals("learners[0] (*******0001)", first.getString("learners[0].learner"), "identifier is masked");

        List<LearningOpportunity> stored = flat(storedFor(nin), "uio.no");
        assertEquals(List.of("B-INF", "IN1000", "IN1010"), stored.stream().map(LearningOpportunity::code).toList());
        assertEquals("B", stored.get(1).result().grade());
        assertEquals(0, stored.get(1).result().ectsCredits().compareTo(new java.math.BigDecimal("10")));

        JsonPath again = post("/admin/import/json", "application/json", batch(nin, "B", "Course"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("UNCHANGED", again.getString("learners[0].outcome"));
        assertEquals(1, again.getInt("unchanged"));
        List<Long> idsAfterReimport = flat(storedFor(nin), "uio.no").stream().map(LearningOpportunity::id).toList();
        assertEquals(stored.stream().map(LearningOpportunity::id).toList(), idsAfterReimport, "nothing was rewritten");

        JsonPath changed = post("/admin/import/json", "application/json", batch(nin, "A", "Course"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("REPLACED", changed.getString("learners[0].outcome"));
        List<LearningOpportunity> replaced = flat(storedFor(nin), "uio.no");
        assertEquals(3, replaced.size(), "replaced, not added");
        assertEquals("A", replaced.get(1).result().grade());
    }

    @Test
    void invalidEntriesAreRejectedWithReasonsAndStoreNothing() {
        String nin = "20000200002";
        JsonPath report = post("/admin/import/json", "application/json", batch(nin, "B", "Lecture"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, report.getInt("accepted"));
        assertEquals(1, report.getInt("rejected"));
        assertEquals("REJECTED", report.getString("learners[0].outcome"));
        List<String> problems = report.getList("learners[0].problems");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("results[0].parts[0].type: must be one of"), problems.get(0));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> LearnerEntity.count("nationalIdentifier", nin)));

        JsonPath missing = post("/admin/import/json", "application/json",
                "{\"institution\":\"uio.no\",\"learners\":[{\"results\":[{\"type\":\"Course\"}]}]}")
                .then().statusCode(200).extract().jsonPath();
        List<String> reasons = missing.getList("learners[0].problems");
        assertTrue(reasons.contains("nationalIdentifier is required"), reasons.toString());
        assertTrue(reasons.contains("results[0].code: required, at most 128 characters"), reasons.toString());
        assertTrue(reasons.contains("results[0].status: must be one of passed, failed, in-progress"), reasons.toString());
    }

    @Test
    void malformedBodiesAndUnknownInstitutionsAreClearJsonErrors() {
        Response notJson = post("/admin/import/json", "application/json", "{\"institution\": ");
        assertEquals(400, notJson.statusCode());
        assertEquals("body_invalid", notJson.jsonPath().getString("error"));
        assertTrue(notJson.jsonPath().getString("message").startsWith("The body is not the JSON import format"));

        Response unknown = post("/admin/import/json", "application/json", "{\"institution\":\"nowhere.example\",\"learners\":[]}");
        assertEquals(422, unknown.statusCode());
        assertEquals("institution_unknown", unknown.jsonPath().getString("error"));
        assertEquals("Institution 'nowhere.example' is not in the institution directory", unknown.jsonPath().getString("message"));

        Response noInstitution = post("/admin/import/elmo", "application/xml", "<elmo/>");
        assertEquals(400, noInstitution.statusCode());
        assertTrue(noInstitution.contentType().startsWith("application/json"));
    }

    @Test
    void elmoImportStoresOneLearnersResultsAndRejectsUnsafeOrForeignDocuments() {
        String nin = "20000200003";
        String valid = InstitutionElmo.valid("ntnu.no", "NTNU", nin, "TDT4100", "Object-Oriented Programming");
        JsonPath report = post("/admin/import/elmo?institution=ntnu.no", "application/xml", valid)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("elmo", report.getString("format"));
        assertEquals("CREATED", report.getString("learners[0].outcome"), report.prettify());
        List<LearningOpportunity> stored = flat(storedFor(nin), "ntnu.no");
        assertEquals(List.of("TDT4100"), stored.stream().map(LearningOpportunity::code).toList());
        assertEquals("B", stored.get(0).result().grade());

        assertEquals("UNCHANGED", post("/admin/import/elmo?institution=ntnu.no", "application/xml", valid)
                .then().statusCode(200).extract().jsonPath().getString("learners[0].outcome"));

        JsonPath xxe = post("/admin/import/elmo?institution=ntnu.no", "application/xml", InstitutionElmo.xxe())
                .then().statusCode(200).extract().jsonPath();
        assertEquals("REJECTED", xxe.getString("learners[0].outcome"));
        assertTrue(xxe.getString("learners[0].problems[0]").contains("DOCTYPE"), xxe.prettify());

        JsonPath foreign = post("/admin/import/elmo?institution=uio.no", "application/xml", valid)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("REJECTED", foreign.getString("learners[0].outcome"));
        assertEquals("a report is issued by [ntnu.no], not by uio.no", foreign.getString("learners[0].problems[0]"));
        assertFalse(storedFor(nin).institutions().stream().map(InstitutionResults::institution)
                .anyMatch(i -> i.schac().equals("uio.no")));
    }

    @Test
    void everyLanguageTheSourceGivesIsKeptAndPagesChooseByTheFallbackChain() {
        String json = """
                {"institution": "uio.no",
                 "gradingSchemes": [{"localId": "AF", "descriptions": {"en": "A to E pass, F fail.", "se": "A-E dohkkehuvvon"}}],
                 "learners": [{
                   "nationalIdentifier": "20010300010", "givenNames": "Ivar", "familyName": "Ness",
                   "identifiers": [{"scheme": "feide", "value": "ivar@uio.no"}],
                   "results": [{"code": "STK1000", "type": "Course", "date": "2022-06-01", "status": "passed",
                     "grade": "B", "credits": 10, "gradingScheme": "AF",
                     "titles": {"en": "Introductory Statistics", "nn": "Innføring i statistikk", "se": "Statistihka vuođđu"}},
                    {"code": "STK2000", "type": "Course", "date": "2022-12-01", "status": "passed", "credits": 10,
                     "titleNb": "Anvendt statistikk", "titles": {"de": "Angewandte Statistik"}}]
                 }]}
                """;
        JsonPath report = post("/admin/import/json", "application/json", json).then().statusCode(200).extract().jsonPath();
        assertEquals("CREATED", report.getString("learners[0].outcome"), report.prettify());
        Map<String, LearningOpportunity> stored = flat(storedFor("20010300010"), "uio.no").stream()
                .collect(java.util.stream.Collectors.toMap(LearningOpportunity::code, lo -> lo));
        assertEquals(java.util.Map.of("en", "Introductory Statistics", "nn", "Innføring i statistikk", "se",
                "Statistihka vuođđu"), stored.get("STK1000").title().asMap());
        assertEquals(java.util.Map.of("nb", "Anvendt statistikk", "de", "Angewandte Statistik"),
                stored.get("STK2000").title().asMap());

        String csv = "national_identifier,code,type,title_nb,title_se,status,credits\n"
                + "20010300010,SAM1000,Course,Samisk språk,Sámegiella,passed,10\n";
        assertEquals("CREATED", postCsv("hvl.no", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath().getString("learners[0].outcome"));
        assertEquals(java.util.Map.of("nb", "Samisk språk", "se", "Sámegiella"),
                flat(storedFor("20010300010"), "hvl.no").get(0).title().asMap());

        String elmo = InstitutionElmo.valid("ntnu.no", "NTNU", "20010300010", "TDT4100", "Object-Oriented Programming")
                .replace("<title xml:lang=\"en\">Object-Oriented Programming</title>",
                        "<title xml:lang=\"en\">Object-Oriented Programming</title>"
                                + "<title xml:lang=\"nn-NO\">Objektorientert programmering</title><title>Olio-ohjelmointi</title>");
        assertEquals("CREATED", post("/admin/import/elmo?institution=ntnu.no", "application/xml", elmo)
                .then().statusCode(200).extract().jsonPath().getString("learners[0].outcome"));
        assertEquals(java.util.Map.of("en", "Object-Oriented Programming", "nn", "Objektorientert programmering", "und",
                "Olio-ohjelmointi"), flat(storedFor("20010300010"), "ntnu.no").get(0).title().asMap());

        // The pages: Sámi where the source has it, else bokmål or nynorsk, else English, else what there is.
        org.edurecords.ncp.support.FlowClient browser = new org.edurecords.ncp.support.FlowClient();
        browser.get("/?lang=se");
        assertEquals(303, browser.get("/my-results/login/header", Map.of("eppn", "ivar@uio.no", "givenName", "Ivar",
                "sn", "Ness")).statusCode());
        List<String> sami = org.edurecords.ncp.support.FlowClient.html(browser.get("/my-results")).select("td.title")
                .eachText();
        assertTrue(sami.containsAll(List.of("Statistihka vuođđu", "Anvendt statistikk", "Sámegiella",
                "Objektorientert programmering")), sami.toString());
        browser.get("/?lang=en");
        List<String> english = org.edurecords.ncp.support.FlowClient.html(browser.get("/my-results")).select("td.title")
                .eachText();
        assertTrue(english.containsAll(List.of("Introductory Statistics", "Anvendt statistikk", "Samisk språk",
                "Object-Oriented Programming")), english.toString());

        JsonPath badTag = post("/admin/import/json", "application/json", json.replace("\"se\": \"Statistihka", "\"s e\": \"Statistihka")
                .replace("20010300010", "20010300011")).then().statusCode(200).extract().jsonPath();
        assertEquals("REJECTED", badTag.getString("learners[0].outcome"));
        assertTrue(badTag.getString("learners[0].problems[0]").contains("is not a language tag"), badTag.prettify());
    }

    @Test
    void callsWithoutTheRightTokenAreRefused() {
        Response none = given().contentType("application/json").body(batch("20000200004", "B", "Course"))
                .post("/admin/import/json");
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"ncp-admin\"", none.header("WWW-Authenticate"));
        assertEquals("token_invalid", none.jsonPath().getString("error"));
        assertEquals("A valid admin token is required", none.jsonPath().getString("message"));

        Response wrong = given().header("Authorization", "Bearer " + TOKEN + "x").contentType("application/xml")
                .body("<elmo/>").post("/admin/import/elmo?institution=uio.no");
        assertEquals(401, wrong.statusCode());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> LearnerEntity.count("nationalIdentifier",
                "20000200004")));
    }

    @Test
    void openApiDescribesTheImportApi() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertTrue(paths.containsKey("/admin/import/json"), paths.keySet().toString());
        assertTrue(paths.containsKey("/admin/import/elmo"));
    }

    // --- the tabular format ---------------------------------------------------------------------

    private static Response postCsv(String institution, byte[] body) {
        return given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8").body(body)
                .post("/admin/import/csv?institution=" + institution);
    }

    @Test
    void csvFromANorwegianSpreadsheetBuildsTheTreeAndRegistersTheFeideId() {
        // Semicolon separated, decimal comma, byte order mark: what a spreadsheet saves as "CSV UTF-8" here.
        String csv = "\uFEFFnational_identifier;given_names;family_name;birth_date;feide;code;parent_code;type;title_en;"
                + "title_nb;date;status;grade;credits;grading_scheme;grading_scheme_en\n"
                + "20010300001;Eve;Ås;2001-03-01;eve@uio.no;B-MUS;;Degree Programme;Bachelor's programme in Musicology;"
                + "Bachelorprogram i musikkvitenskap;;in-progress;;;;\n"
                + "20010300001;;;;;MUS1000;B-MUS;Course;Music history;Musikkhistorie;2021-12-10;passed;B;7,5;AF;"
                + "A to E pass, F fail.\n"
                + "20010300001;;;;;MUS1001;B-MUS;Course;Harmony;Harmonilære;2022-06-01;passed;A;7,5;AF;\n";
        JsonPath report = postCsv("uio.no", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("csv", report.getString("format"));
        assertEquals("CREATED", report.getString("learners[0].outcome"), report.prettify());
        assertEquals(3, report.getInt("learners[0].results"));

        LearnerResults stored = storedFor("20010300001");
        InstitutionResults uio = stored.institutions().stream().filter(i -> i.institution().schac().equals("uio.no"))
                .findFirst().orElseThrow();
        assertEquals(1, uio.roots().size());
        LearningOpportunity degree = uio.roots().get(0);
        assertEquals("B-MUS", degree.code());
        assertEquals(List.of("MUS1000", "MUS1001"), degree.children().stream().map(LearningOpportunity::code).toList());
        assertEquals(0, new java.math.BigDecimal("7.5").compareTo(degree.children().get(0).result().ectsCredits()));
        assertEquals("Musikkhistorie", degree.children().get(0).title().exactly("nb"));

        assertEquals("UNCHANGED", postCsv("uio.no", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath().getString("learners[0].outcome"));

        // The Feide id from the file is what a login through the SAML proxy presents.
        org.edurecords.ncp.support.FlowClient browser = new org.edurecords.ncp.support.FlowClient();
        Response login = browser.get("/my-results/login/header",
                Map.of("eppn", "eve@uio.no", "givenName", "Eve", "sn", "As"));
        assertEquals(303, login.statusCode(), login.asString());
        org.jsoup.nodes.Document page = org.edurecords.ncp.support.FlowClient.html(browser.get("/my-results"));
        assertEquals("Eve Ås", page.getElementById("learner-name").text());
        assertTrue(page.text().contains("Music history"), page.text());
    }

    @Test
    void csvRowsWithProblemsRejectOnlyTheirLearnerAndNameTheRow() {
        String csv = "national_identifier,given_names,family_name,code,parent_code,type,title_en,status,date,credits\n"
                + "20010300002,Finn,Fjell,B-X,,Degree Programme,Bachelor X,in-progress,,\n"
                + "20010300002,,,X1,B-Y,Course,Course X1,passed,2021-13-01,5\n"
                + "20010300003,Gro,Gran,G1,,Course,Course G1,passed,2021-06-01,5\n"
                + "20010300003,,,G1,,Course,Course G1 again,passed,2021-06-01,five\n"
                + "20010300004,Hans,Holm,H1,,Course,Course H1,passed,2021-06-01,5\n";
        JsonPath report = postCsv("uio.no", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("accepted"));
        assertEquals(2, report.getInt("rejected"));
        List<String> finn = report.getList("learners[0].problems");
        assertTrue(finn.contains("row 3: parent_code B-Y is not a code of this learner"), finn.toString());
        List<String> gro = report.getList("learners[1].problems");
        assertTrue(gro.contains("row 5: code G1 appears twice for this learner"), gro.toString());
        assertEquals("CREATED", report.getString("learners[2].outcome"));
        assertEquals("Course H1", flat(storedFor("20010300004"), "uio.no").get(0).title().exactly("en"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
                () -> LearnerEntity.count("nationalIdentifier", "20010300002")), "a rejected new learner is not created");
    }

    @Test
    void unreadableCsvIsRefusedWithAClearJsonError() {
        Response missing = postCsv("uio.no", "national_identifier,code,title_en\n1,2,3\n".getBytes());
        assertEquals(400, missing.statusCode());
        assertTrue(missing.jsonPath().getString("message").contains("[type, status]"), missing.asString());

        Response misspelt = postCsv("uio.no",
                "national_identifier,code,type,title_en,status,credit\n1,2,Course,t,passed,5\n".getBytes());
        assertEquals(400, misspelt.statusCode());
        assertTrue(misspelt.jsonPath().getString("message").startsWith("Unknown columns [credit]"), misspelt.asString());

        byte[] latin1 = "national_identifier,code,type,title_en,status\n12345,K1,Course,Kurs på norsk,passed\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response notUtf8 = postCsv("uio.no", latin1);
        assertEquals(400, notUtf8.statusCode());
        assertTrue(notUtf8.jsonPath().getString("message").contains("UTF-8"));

        assertEquals(422, postCsv("nowhere.example", "national_identifier,code,type,title_en,status\n".getBytes())
                .statusCode());
        given().contentType("text/csv").body("x").post("/admin/import/csv?institution=uio.no").then().statusCode(401);
    }

    @Test
    void anIdentifierOfAnotherLearnerIsRefused() {
        String first = batch("20010300005", "B", "Course").replace("\"citizenship\": \"NO\",",
                "\"citizenship\": \"NO\", \"identifiers\": [{\"scheme\": \"feide\", \"value\": \"ida@uio.no\"}],");
        assertEquals("CREATED", post("/admin/import/json", "application/json", first).then().statusCode(200).extract()
                .jsonPath().getString("learners[0].outcome"));
        String second = batch("20010300006", "B", "Course").replace("\"citizenship\": \"NO\",",
                "\"citizenship\": \"NO\", \"identifiers\": [{\"scheme\": \"feide\", \"value\": \"ida@uio.no\"},"
                        + " {\"scheme\": \"esi\", \"value\": \"not-an-esi\"}],");
        JsonPath refused = post("/admin/import/json", "application/json", second).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("REJECTED", refused.getString("learners[0].outcome"));
        assertEquals(List.of("identifiers[1].value: an ESI starts with urn:schac:personalUniqueCode:"),
                refused.getList("learners[0].problems"));
        String third = batch("20010300006", "B", "Course").replace("\"citizenship\": \"NO\",",
                "\"citizenship\": \"NO\", \"identifiers\": [{\"scheme\": \"feide\", \"value\": \"ida@uio.no\"}],");
        JsonPath taken = post("/admin/import/json", "application/json", third).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("identifiers[0]: already belongs to another learner"), taken.getList("learners[0].problems"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"[1]", "\"uio.no\"", "{\"institution\": \"uio.no\", \"learners\": {}}",
            "{\"institution\": \"uio.no\", \"learners\": [{\"birthDate\": \"x\"}]}",
            "{\"institution\": \"uio.no\", \"learners\": [{\"results\": [{\"credits\": \"ten\"}]}]}",
            "{\"institution\": [\"uio.no\"]}", "{\"institution\": ", ""})
    void aBodyThatIsNotTheImportFormatSaysWhereWithoutNamingJavaTypes(String body) {
        try (LogCapture log = LogCapture.start()) {
            Response refused = post("/admin/import/json", "application/json", body);
            Answers.assertJson(refused, 400);
            Answers.assertOneWarning(log);
        }
    }

    @Test
    void theJsonErrorNamesTheFieldAndWhatItShouldBe() {
        String date = post("/admin/import/json", "application/json",
                "{\"institution\": \"uio.no\", \"learners\": [{\"birthDate\": \"x\"}]}").jsonPath().getString("message");
        assertTrue(date.contains("learners[0].birthDate") && date.contains("YYYY-MM-DD"), date);
        String list = post("/admin/import/json", "application/json", "{\"institution\": \"uio.no\", \"learners\": {}}")
                .jsonPath().getString("message");
        assertTrue(list.contains("learners") && list.contains("list"), list);
        String credits = post("/admin/import/json", "application/json",
                "{\"institution\": \"uio.no\", \"learners\": [{\"results\": [{\"credits\": \"ten\"}]}]}")
                .jsonPath().getString("message");
        assertTrue(credits.contains("learners[0].results[0].credits") && credits.contains("number"), credits);
    }

    @Test
    void aCsvHeaderCannotForgeALogLine() {
        byte[] csv = ("national_identifier,code,type,title_en,status,\"x\r\n2026-01-01 00:00:00,000 ERROR [forged] pwned\"\n"
                + "1,2,Course,t,passed,5\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (LogCapture log = LogCapture.start()) {
            Response refused = postCsv("uio.no", csv);
            Answers.assertJson(refused, 400);
            assertTrue(refused.jsonPath().getString("message").startsWith("Unknown columns"), refused.asString());
            Answers.assertOneWarning(log);
            for (String line : log.lines()) {
                assertFalse(line.contains("\n") || line.contains("\r"), line);
            }
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("x\\r\\n2026-01-01")), log.lines().toString());
        }
    }

    @Test
    void frameworkRefusalsOfTheAdminApiAreTheProductsJson() {
        Answers.assertJson(given().header("Authorization", "Bearer " + TOKEN).contentType("text/plain").body("{}")
                .post("/admin/import/json"), 415);
        Answers.assertJson(given().header("Authorization", "Bearer " + TOKEN).accept("text/csv")
                .contentType("application/json").body("{}").post("/admin/import/json"), 406);
        Answers.assertJson(given().header("Authorization", "Bearer " + TOKEN).get("/admin/import/json"), 405);
    }

    @Test
    void onlyACallWithTheTokenMaySendAnImportLargerThanAPagesForm() {
        byte[] large = ("national_identifier,code,type,title_en,status\n" + "1,2,Course,t,passed\n".repeat(4000))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (LogCapture log = LogCapture.start()) {
            Answers.assertJson(given().contentType("text/csv").body(large).post("/admin/import/csv?institution=uio.no"),
                    413);
            Answers.assertOneWarning(log);
        }
        Answers.assertJson(given().header("Authorization", "Bearer wrong").contentType("text/csv").body(large)
                .post("/admin/import/csv?institution=uio.no"), 413);
        // 2 MB: more than the server's former 1 MiB cap, well under the import limit.
        String padded = "{\"institution\": \"uio.no\", \"learners\": [], \"comment\": \"" + "x".repeat(2_000_000) + "\"}";
        JsonPath report = post("/admin/import/json", "application/json", padded).then().statusCode(200).extract().jsonPath();
        assertEquals(0, report.getInt("accepted"));
    }
}
