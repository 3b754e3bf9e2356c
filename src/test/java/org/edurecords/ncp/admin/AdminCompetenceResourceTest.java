package org.edurecords.ncp.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.edurecords.ncp.competence.Credential;
import org.edurecords.ncp.competence.CredentialDetails;
import org.edurecords.ncp.competence.CredentialKind;
import org.edurecords.ncp.competence.CredentialStatus;
import org.edurecords.ncp.competence.Credentials;
import org.edurecords.ncp.support.AdminApi;

/**
 * A register imports credentials of every kind over HTTP: what is stored is read back through the store's reader,
 * the same content again changes nothing, each wrong entry is named with its position and the others still go in,
 * and a later status change is kept in the credential's history.
 */
@QuarkusTest
class AdminCompetenceResourceTest {

    /** A person of these tests only, added by the first import that names them; the demo learners stay as they are. */
    private static final String PERSON = "31129912345";
    private static final String NEW_PERSON = "\"nationalIdentifier\":\"" + PERSON
            + "\",\"givenNames\":\"Ola\",\"familyName\":\"Import\",\"birthDate\":\"1999-12-31\"";

    @Inject
    Credentials credentials;

    @Test
    void everyKindIsImportedOnceAndReadBackWithItsOwnAttributes() {
        String body = """
                {"source":"test-registers","credentials":[
                 {"sourceKey":"US-1",%1$s,"kind":"upper-secondary",
                  "title":{"nb":"Kompetansebevis","en":"Certificate of competence"},
                  "issuer":{"name":"Vestland fylkeskommune","country":"no"},"issuedOn":"2016-06-20",
                  "details":{"programme":{"nb":"Helse- og oppvekstfag"},"subjects":[
                    {"code":"HSF1001","title":{"nb":"Helsefremmende arbeid"},"grade":"5","scale":"1-6","hours":140,"assessment":"overall"},
                    {"code":"KRO1017","title":{"nb":"Kroppsøving"},"grade":"passed","scale":"pass-fail"}]}},
                 {"sourceKey":"JM-1",%1$s,"kind":"vocational","title":{"en":"Craft certificate, cook"},
                  "issuer":{"name":"Vestland fylkeskommune"},"issuedOn":"2018-06-01",
                  "details":{"trade":{"en":"Cook"},"examiningBoard":"Prøvenemnda for kokkfaget","county":"Vestland"}},
                 {"sourceKey":"LIC-1",%1$s,"kind":"licence","title":{"en":"Boat licence"},
                  "issuer":{"name":"Sjøfartsdirektoratet"},"number":"B-77","validFrom":"2019-05-01",
                  "details":{"categories":[{"category":"Båtførerbevis","validFrom":"2019-05-01"}]}},
                 {"sourceKey":"AUT-1",%1$s,"kind":"authorisation","title":{"en":"Authorisation as nurse"},
                  "issuer":{"name":"Helsedirektoratet"},"number":"123","validFrom":"2021-01-01","validTo":"2023-12-31",
                  "details":{"profession":{"en":"Nurse"},"scheme":"HPR"}},
                 {"sourceKey":"REC-1",%1$s,"kind":"recognition","title":{"en":"Recognition"},
                  "issuer":{"name":"HK-dir"},"issuedOn":"2022-02-02","number":"22/1",
                  "details":{"foreignQualification":{"en":"Master of Arts, Lund University"},"foreignCountry":"SE",
                   "decision":{"en":"Equivalent to a Norwegian master's degree"},"equivalence":"master","creditsGranted":120}}
                ]}""".formatted(NEW_PERSON);
        JsonPath first = post("/admin/competence/import", body, 200).jsonPath();
        assertEquals(5, first.getInt("created"), first.prettify());
        assertEquals(0, first.getInt("rejected"));
        JsonPath again = post("/admin/competence/import", body, 200).jsonPath();
        assertEquals(5, again.getInt("unchanged"), "the same content again changes nothing: " + again.prettify());
        assertEquals(0, again.getInt("created") + again.getInt("updated"));

        List<Credential> imported = java.util.stream.Stream.of("US-1", "JM-1", "LIC-1", "AUT-1", "REC-1")
                .map(key -> credentials.find("test-registers", key).orElseThrow()).toList();
        assertEquals(List.of(CredentialKind.UPPER_SECONDARY, CredentialKind.VOCATIONAL, CredentialKind.LICENCE,
                CredentialKind.AUTHORISATION, CredentialKind.RECOGNITION), imported.stream().map(Credential::kind).toList());
        CredentialDetails.UpperSecondary diploma = imported.get(0).details(CredentialDetails.UpperSecondary.class);
        assertEquals("pass-fail", diploma.subjects().get(1).scale());
        assertEquals(140, diploma.subjects().get(0).hours());
        assertEquals("NO", imported.get(0).issuerCountry(), "the country code is stored in capitals");
        Credential authorisation = imported.get(3);
        assertEquals(CredentialStatus.VALID, authorisation.status());
        assertEquals(CredentialStatus.EXPIRED, authorisation.statusOn(LocalDate.of(2024, 1, 1)),
                "a valid authorisation past its end is expired");
        assertEquals(LocalDate.of(2024, 1, 1), authorisation.statusSinceOn(LocalDate.of(2024, 1, 1)));
        assertEquals(0, new java.math.BigDecimal("120").compareTo(
                imported.get(4).details(CredentialDetails.Recognition.class).creditsGranted()));
    }

    @Test
    void wrongEntriesAreNamedByPositionAndTheOthersGoIn() {
        String body = """
                {"source":"test-problems","credentials":[
                 {"sourceKey":"OK-1",%1$s,"kind":"licence","title":{"en":"Licence"},
                  "issuer":{"name":"Issuer"},"details":{"categories":[{"category":"B"}]}},
                 {"sourceKey":"BAD-KIND",%1$s,"kind":"diploma","title":{"en":"x"},"issuer":{"name":"I"},"details":{}},
                 {"sourceKey":"BAD-GRADE",%1$s,"kind":"upper-secondary","title":{"en":"x"},"issuer":{"name":"I"},
                  "details":{"subjects":[{"code":"A","grade":"7","scale":"1-6"},{"code":"B","grade":"A","scale":"pass-fail"}]}},
                 {"sourceKey":"BAD-FIELD",%1$s,"kind":"authorisation","title":{"en":"x"},"issuer":{"name":"I"},
                  "details":{"profession":{"en":"Nurse"},"colour":"blue"}},
                 {"sourceKey":"BAD-DATES",%1$s,"kind":"authorisation","title":{"en":"x"},"issuer":{"name":"I"},
                  "validFrom":"2020-01-01","validTo":"2019-01-01","status":"lost","details":{"profession":{"en":"Nurse"}}},
                 {"sourceKey":"NOBODY","nationalIdentifier":"99999999999","kind":"licence","title":{"en":"x"},"issuer":{"name":"I"},
                  "details":{"categories":[{"category":"B"}]}}
                ]}""".formatted(NEW_PERSON);
        JsonPath report = post("/admin/competence/import", body, 200).jsonPath();
        assertEquals(1, report.getInt("created"), report.prettify());
        assertEquals(5, report.getInt("rejected"));
        assertEquals("credentials[1] (BAD-KIND)", report.getString("credentials[1].credential"));
        assertTrue(report.getString("credentials[1].problems[0]").startsWith("kind must be"), report.prettify());
        List<String> grades = report.getList("credentials[2].problems");
        assertEquals(2, grades.size(), grades.toString());
        assertTrue(grades.get(0).contains("details.subjects[0].grade") && grades.get(1).contains("details.subjects[1].grade"),
                grades.toString());
        assertTrue(report.getString("credentials[3].problems[0]").contains("colour"), report.prettify());
        List<String> dates = report.getList("credentials[4].problems");
        assertTrue(dates.contains("validTo is before validFrom") && dates.stream().anyMatch(p -> p.startsWith("status")),
                dates.toString());
        assertTrue(report.getString("credentials[5].problems[0]").contains("not in the register"), report.prettify());
        assertFalse(report.prettify().contains("99999999999"), "the report never repeats a national identifier");

        Response notJson = post("/admin/competence/import", "{\"source\":", 400);
        assertEquals("body_invalid", notJson.jsonPath().getString("error"));
        assertEquals("source_missing", post("/admin/competence/import", "{\"credentials\":[]}", 400).jsonPath()
                .getString("error"));
        Response noToken = given().contentType(ContentType.JSON).body("{}").post("/admin/competence/import");
        assertEquals(401, noToken.statusCode());
    }

    @Test
    void aStatusChangeIsKeptInTheHistoryAndAnUnknownKeyIs404() {
        post("/admin/competence/import", """
                {"source":"test-status","credentials":[{"sourceKey":"AUT-9",%s,
                 "kind":"authorisation","title":{"en":"Authorisation as electrician"},"issuer":{"name":"DSB"},
                 "validFrom":"2020-01-01","details":{"profession":{"en":"Electrician"}}}]}""".formatted(NEW_PERSON), 200);
        Response revoked = post("/admin/competence/test-status/AUT-9/status",
                "{\"status\":\"revoked\",\"since\":\"2024-03-01\",\"reason\":\"Supervisory decision\"}", 200);
        assertEquals("UPDATED", revoked.jsonPath().getString("outcome"));
        assertEquals("UNCHANGED", post("/admin/competence/test-status/AUT-9/status",
                "{\"status\":\"revoked\",\"since\":\"2024-03-01\"}", 200).jsonPath().getString("outcome"));

        Credential c = credentials.find("test-status", "AUT-9").orElseThrow();
        assertEquals(CredentialStatus.REVOKED, c.status());
        assertEquals(List.of(CredentialStatus.VALID, CredentialStatus.REVOKED),
                c.history().stream().map(Credential.StatusChange::status).toList());
        assertEquals("Supervisory decision", c.history().get(1).reason());
        assertEquals(LocalDate.of(2024, 3, 1), c.history().get(1).since());

        assertEquals("credential_unknown", post("/admin/competence/test-status/NO-SUCH/status",
                "{\"status\":\"revoked\"}", 404).jsonPath().getString("error"));
        assertEquals("status_invalid", post("/admin/competence/test-status/AUT-9/status",
                "{\"status\":\"lost\"}", 400).jsonPath().getString("error"));
    }

    @Test
    void theTabularFormatHasARowPerSubjectOrCategoryAndNamesTheRowsOfAProblem() {
        String csv = String.join("\n",
                "source_key;national_identifier;given_names;family_name;birth_date;kind;title_nb;title_en;issuer_name;"
                        + "issued_on;number;subject_code;subject_title_nb;grade;scale;hours;assessment;category;"
                        + "category_valid_from;restrictions",
                "CSV-VM;" + PERSON + ";Ola;Import;1999-12-31;upper-secondary;Vitnemål;Diploma;Bergen katedralskole;"
                        + "2018-06-20;;ENG1007;Engelsk;6;1-6;140;overall;;;",
                "CSV-VM;" + PERSON + ";;;;;;;;;;KRO1019;Kroppsøving;passed;pass-fail;;overall;;;",
                "CSV-FK;" + PERSON + ";;;;licence;Førerkort;Driving licence;Statens vegvesen;2019-01-02;12345;;;;;;;B;"
                        + "2019-01-02;01.06 78",
                "CSV-FK;" + PERSON + ";;;;;;;;;;;;;;;;BE;2020-03-04;",
                "CSV-BAD;" + PERSON + ";;;;licence;Førerkort;;Statens vegvesen;02.01.2019;;;;;;;;B;;",
                ";" + PERSON + ";;;;licence;x;;y;;;;;;;;;B;;");
        Response response = given().header("Authorization", "Bearer " + AdminApi.TOKEN).contentType("text/csv")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/admin/competence/import/csv?source=test-csv");
        assertEquals(200, response.statusCode(), response.asString());
        JsonPath report = response.jsonPath();
        assertEquals(2, report.getInt("created") + report.getInt("unchanged"), report.prettify());
        assertEquals(2, report.getInt("rejected"), report.prettify());
        assertEquals("row 7", report.getString("credentials[0].credential"));
        assertEquals("rows 2-3 (CSV-VM)", report.getString("credentials[1].credential"));
        assertEquals("rows 4-5 (CSV-FK)", report.getString("credentials[2].credential"));
        assertEquals("row 6 (CSV-BAD)", report.getString("credentials[3].credential"));
        assertEquals(List.of("row 6: issued_on is not a date (YYYY-MM-DD)"), report.getList("credentials[3].problems"));

        CredentialDetails.UpperSecondary diploma = credentials.find("test-csv", "CSV-VM").orElseThrow()
                .details(CredentialDetails.UpperSecondary.class);
        assertEquals(List.of("ENG1007", "KRO1019"), diploma.subjects().stream().map(CredentialDetails.Subject::code).toList());
        assertEquals("passed", diploma.subjects().get(1).grade());
        CredentialDetails.Licence licence = credentials.find("test-csv", "CSV-FK").orElseThrow()
                .details(CredentialDetails.Licence.class);
        assertEquals(List.of("B", "BE"), licence.categories().stream().map(CredentialDetails.LicenceCategory::category).toList());
        assertEquals(List.of("01.06", "78"), licence.categories().get(0).restrictions());
        assertEquals(LocalDate.of(2020, 3, 4), licence.categories().get(1).validFrom());

        Response unknownColumn = given().header("Authorization", "Bearer " + AdminApi.TOKEN).contentType("text/csv")
                .body("source_key,national_identifier,kind,issuer_name,colour\nK,1,licence,I,blue")
                .post("/admin/competence/import/csv?source=test-csv");
        assertEquals(400, unknownColumn.statusCode());
        assertTrue(unknownColumn.jsonPath().getString("message").contains("colour"), unknownColumn.asString());
    }

    private static Response post(String path, String body, int status) {
        Response response = given().header("Authorization", "Bearer " + AdminApi.TOKEN).contentType(ContentType.JSON)
                .body(body).post(path);
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return response;
    }
}
