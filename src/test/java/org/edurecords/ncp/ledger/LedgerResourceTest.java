package org.edurecords.ncp.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.edurecords.ncp.support.CauseChain;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The owner's disclosure ledger: what EMREX answers record, what the portal page and the exports show,
 * who may see it, and retention.
 */
@QuarkusTest
class LedgerResourceTest {

    private static final String RETURN_URL = "https://admissions.example.edu/emrex/return?case=42";

    @Inject
    DisclosureLedger ledger;

    @Inject
    LedgerRetention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void emrexAnswersAreRecordedAndShownToTheOwnerNewestFirst() {
        FlowClient owner = portal("anna");
        int before = rows(owner).size();

        DemoFlow sent = new DemoFlow("ledger-ok-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, sent.login("anna", "demo").statusCode());
        sent.select(Map.of("lo", List.of("113", "121"))).then().statusCode(303);
        DemoFlow.answerFields(sent.confirm(), RETURN_URL);

        DemoFlow cancelled = new DemoFlow("ledger-cancel-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, cancelled.login("anna", "demo").statusCode());
        DemoFlow.answerFields(cancelled.cancel(), RETURN_URL);

        // A flow cancelled before login concerns nobody known: it is not in anyone's ledger.
        DemoFlow anonymous = new DemoFlow("ledger-anon-" + System.nanoTime(), RETURN_URL).start();
        DemoFlow.answerFields(anonymous.cancel(), RETURN_URL);

        List<Element> rows = rows(owner);
        assertEquals(before + 2, rows.size(), "one row per answer about anna");
        Element cancelRow = rows.get(0);
        Element okRow = rows.get(1);
        assertEquals("ledger_kind_EMREX_TRANSFER", cancelRow.attr("data-kind"));
        assertTrue(cancelRow.text().contains("Cancelled, nothing sent"), cancelRow.text());
        assertEquals("Test client (admissions.example.edu)", cancelRow.selectFirst(".recipient-host").text());
        assertTrue(cancelRow.select("ul.disclosed li").isEmpty());

        assertTrue(okRow.text().contains("Results sent"), okRow.text());
        assertEquals("Test client (admissions.example.edu)", okRow.selectFirst(".recipient-host").text());
        List<String> disclosed = okRow.select("ul.disclosed li").eachText();
        // The two courses and the ancestors that the document carries with them.
        assertTrue(disclosed.size() >= 2, disclosed.toString());
        assertNotNull(okRow.selectFirst("time[datetime]"));
        Instant recorded = Instant.parse(okRow.selectFirst("time").attr("datetime"));
        assertTrue(Duration.between(recorded, Instant.now()).abs().toMinutes() < 5);
    }

    @Test
    void norwegianPageNamesTheEventsInNorwegian() {
        FlowClient owner = portal("anna");
        DemoFlow sent = new DemoFlow("ledger-nb-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, sent.login("anna", "demo").statusCode());
        DemoFlow.answerFields(sent.cancel(), RETURN_URL);
        Response page = owner.get("/my-results/ledger?lang=nb");
        Document html = FlowClient.html(page);
        assertEquals("nb", html.selectFirst("html").attr("lang"));
        assertEquals("Utleveringer av resultatene mine", html.selectFirst("h1").text());
        assertTrue(html.selectFirst("#ledger tbody tr").text().contains("Avbrutt, ingenting sendt"));
    }

    @Test
    void ownerExportsTheLedgerAsJsonAndCsv() throws Exception {
        FlowClient owner = portal("anna");
        DemoFlow sent = new DemoFlow("ledger-export-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, sent.login("anna", "demo").statusCode());
        sent.select(Map.of("lo", List.of("136"))).then().statusCode(303);
        DemoFlow.answerFields(sent.confirm(), RETURN_URL);

        Response json = owner.get("/my-results/ledger/export.json");
        assertEquals(200, json.statusCode());
        assertTrue(json.contentType().startsWith("application/json"));
        assertTrue(json.header("Content-Disposition").startsWith("attachment; filename=\"disclosure-ledger-"));
        assertEquals("no-store", json.header("Cache-Control"));
        JsonPath document = json.jsonPath();
        assertEquals("Anna", document.getString("learner.givenNames").split(" ")[0]);
        assertNotNull(Instant.parse(document.getString("generatedAt")));
        Map<String, Object> newest = document.getMap("events[0]");
        assertEquals("EMREX_TRANSFER", newest.get("kind"));
        assertEquals("Test client (admissions.example.edu)", newest.get("recipient"));
        assertEquals("NCP_OK", newest.get("returnCode"));
        assertNotNull(newest.get("documentId"));
        List<Map<String, Object>> results = document.getList("events[0].results");
        assertTrue(results.stream().anyMatch(r -> Integer.valueOf(136).equals(r.get("id"))), results.toString());
        int events = document.getList("events").size();

        Response csv = owner.get("/my-results/ledger/export.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.contentType().startsWith("text/csv"));
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("\uFEFF"), "byte order mark for spreadsheet programs");
        List<Map<String, String>> all = csvRows(body, ',');
        assertEquals(events, all.size(), "the same disclosures in both formats");
        assertEquals(List.of("Time", "What happened", "Recipient", "EMREX return code", "Share link", "Document", "Label",
                "Number of results", "Results"), List.copyOf(all.get(0).keySet()));
        Map<String, String> first = all.get(0);
        assertEquals("NCP_OK", first.get("EMREX return code"));
        assertEquals("EMREX transfer", first.get("What happened"));
        assertEquals(String.valueOf(results.size()), first.get("Number of results"));
        assertFalse(first.get("Results").isBlank());
        // The time of the JSON event, in the service's time zone with its offset.
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(first.get("Time"));
        Instant utc = Instant.parse((String) newest.get("time"));
        assertEquals(utc.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), time.toInstant());
        assertEquals(java.time.ZoneId.of("Europe/Oslo").getRules().getOffset(utc), time.getOffset());
    }

    @Test
    void theNorwegianCsvSeparatesWithSemicolonsInNorwegian() throws Exception {
        FlowClient owner = portal("anna");
        DemoFlow sent = new DemoFlow("ledger-csv-nb-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, sent.login("anna", "demo").statusCode());
        sent.select(Map.of("lo", List.of("136"))).then().statusCode(303);
        DemoFlow.answerFields(sent.confirm(), RETURN_URL);

        Response csv = owner.get("/my-results/ledger/export.csv?lang=nb");
        assertEquals(200, csv.statusCode());
        assertEquals("nb", csv.header("Content-Language"));
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("\uFEFF"), "byte order mark: spreadsheet programs then read æ, ø and å");
        String header = body.substring(1, body.indexOf('\n'));
        assertEquals(9, header.split(";").length, header);
        assertFalse(header.contains(","), header);
        List<Map<String, String>> all = csvRows(body, ';');
        assertEquals(List.of("Tidspunkt", "Hva skjedde", "Mottaker", "EMREX-returkode", "Delingslenke", "Dokument",
                "Merkelapp", "Antall resultater", "Resultater"), List.copyOf(all.get(0).keySet()));
        Map<String, String> first = all.get(0);
        assertEquals("EMREX-overføring", first.get("Hva skjedde"), first.toString());
        assertEquals("NCP_OK", first.get("EMREX-returkode"));
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(first.get("Tidspunkt"));
        assertEquals(java.time.ZoneId.of("Europe/Oslo").getRules().getOffset(time.toInstant()), time.getOffset());
        // A comma inside a cell (the results' titles) needs no quoting with this separator; a semicolon would.
        assertEquals(all.size(), csvRows(new String(owner.get("/my-results/ledger/export.csv?lang=en").asByteArray(),
                StandardCharsets.UTF_8), ',').size(), "the same rows in both languages");
    }

    private static List<Map<String, String>> csvRows(String body, char separator) throws java.io.IOException {
        assertTrue(body.startsWith("\uFEFF"));
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> lines = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(separator)).readValues(body.substring(1))) {
            return lines.readAll();
        }
    }

    @Test
    void eachOwnerSeesOnlyTheirOwnLedger() {
        // bjorn has no results: an EMREX request answers NO_RESULTS, and that is recorded for him.
        DemoFlow asked = new DemoFlow("ledger-bjorn-" + System.nanoTime(), RETURN_URL).start();
        DemoFlow.answerFields(asked.login("bjorn", "demo"), RETURN_URL);
        DemoFlow sent = new DemoFlow("ledger-anna-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, sent.login("anna", "demo").statusCode());
        sent.select(Map.of("lo", List.of("113"))).then().statusCode(303);
        DemoFlow.answerFields(sent.confirm(), RETURN_URL);

        FlowClient bjorn = portal("bjorn");
        List<Element> rows = rows(bjorn);
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.text().contains("No results found, nothing sent")),
                "bjorn sees only his own requests, never anna's transfers");
        JsonPath export = bjorn.get("/my-results/ledger/export.json").jsonPath();
        // NCP_NO_RESULTS, and EMREX2_NO_RESULTS where an EMREX 2.0 client asked for him.
        assertTrue(export.getList("events.returnCode", String.class).stream().allMatch(c -> c.endsWith("_NO_RESULTS")),
                export.prettify());
    }

    @Test
    void withoutALoginTheLedgerAndItsExportsLeadToTheLogin() {
        FlowClient stranger = new FlowClient();
        for (String path : List.of("/my-results/ledger", "/my-results/ledger/export.json",
                "/my-results/ledger/export.csv")) {
            Response response = stranger.get(path);
            assertEquals(303, response.statusCode(), path);
            assertTrue(response.header("Location").endsWith("/my-results"), path);
            assertFalse(response.asString().contains("EMREX_TRANSFER"));
        }
    }

    @Test
    void recordingRequiresTheTransactionOfTheDisclosure() {
        Disclosure disclosure = Disclosure.emrexTransfer(1L, "x.example", "NCP_OK", null, List.of(), null);
        assertThrows(RuntimeException.class, () -> ledger.record(disclosure),
                "a ledger row outside the disclosure's transaction could be stored without (or after) the disclosure");
    }

    @Test
    void retentionDeletesOnlyRowsOlderThanTheRetention() {
        DemoFlow recent = new DemoFlow("ledger-recent-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, recent.login("carla", "demo").statusCode());
        DemoFlow.answerFields(recent.cancel(), RETURN_URL);
        long recentId = ledger.forLearner(learnerOf("carla")).get(0).id;
        // Eleven years ago: beyond the default retention of ten years. Ledger rows cannot be changed, so the test
        // inserts an old one (with an id the sequence never gives).
        long oldId = -System.nanoTime();
        Instant elevenYearsAgo = Instant.now().minus(Duration.ofDays(11 * 366));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into disclosure_event (id, learner_id, occurred_at, kind, recipient, return_code)"
                        + " values (?1, ?2, ?3, 'EMREX_TRANSFER', 'old.example.org', 'NCP_CANCEL')")
                .setParameter(1, oldId).setParameter(2, learnerOf("carla")).setParameter(3, elevenYearsAgo)
                .executeUpdate());

        assertTrue(retention.purge() >= 1);

        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(DisclosureEvent.findById(oldId));
            assertNotNull(DisclosureEvent.findById(recentId), "a recent row is kept");
        });
    }

    @Test
    void theDatabaseRefusesToChangeALedgerRow() {
        DemoFlow sent = new DemoFlow("ledger-guard-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, sent.login("carla", "demo").statusCode());
        DemoFlow.answerFields(sent.cancel(), RETURN_URL);
        DisclosureEvent row = ledger.forLearner(learnerOf("carla")).get(0);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery("update disclosure_event set recipient = 'forged.example.org'"
                        + " where id = ?1").setParameter(1, row.id).executeUpdate()));
        assertTrue(CauseChain.messages(refused).contains(LedgerRowsNeverChange.MESSAGE), CauseChain.messages(refused));
        assertEquals(row.recipient, ledger.forLearner(learnerOf("carla")).get(0).recipient);
    }

    @Test
    void exportCellsCannotRunAsSpreadsheetFormulas() {
        assertEquals("'=HYPERLINK(\"x\")", LedgerExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", LedgerExport.cell("+1"));
        assertEquals("'-1", LedgerExport.cell("-1"));
        assertEquals("'@SUM(A1)", LedgerExport.cell("@SUM(A1)"));
        assertEquals("Job application", LedgerExport.cell("Job application"));
        assertEquals("", LedgerExport.cell(null));
    }

    private long learnerOf(String username) {
        FlowClient client = portal(username);
        assertNotNull(client.cookie("ncp-session"));
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select learner_id from portal_session order by created_at desc")
                .setMaxResults(1).getSingleResult()).longValue());
    }

    private static FlowClient portal(String username) {
        FlowClient client = new FlowClient();
        client.get("/my-results");
        assertEquals(303, client.post("/my-results/login/demo", Map.of("username", username, "password", "demo"))
                .statusCode());
        Document results = FlowClient.html(client.get("/my-results"));
        assertNotNull(results.getElementById("ledger-link"), "the portal links to the ledger, with or without results");
        return client;
    }

    private static List<Element> rows(FlowClient owner) {
        Response page = owner.get("/my-results/ledger");
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.header("Cache-Control"));
        Document html = FlowClient.html(page);
        assertEquals("Disclosures of my results", html.selectFirst("h1").text());
        if (html.getElementById("ledger-empty") != null) {
            return List.of();
        }
        return html.select("#ledger tbody tr");
    }
}
