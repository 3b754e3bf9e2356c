package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Help, privacy, accessibility and contact pages: in both languages, linked from the footer of every page, and
 * stating what the configuration really says. The start page's integration links and the demo login's accounts.
 */
@QuarkusTest
class InfoPagesTest {

    private static final List<String> FOOTER = List.of("/help", "/privacy", "/accessibility", "/contact");

    @Inject
    NcpConfig config;

    @Inject
    PublicUrl publicUrl;

    @Inject
    EntityManager entityManager;

    @Test
    void everyStatementAnswersInEnglishAndBokmal() {
        Map<String, List<String>> titles = Map.of(
                "/help", List.of("Help and questions", "Hjelp og spørsmål"),
                "/privacy", List.of("Privacy statement", "Personvernerklæring"),
                "/accessibility", List.of("Accessibility statement", "Tilgjengelighetserklæring"),
                "/contact", List.of("Contact", "Kontakt"));
        titles.forEach((path, names) -> {
            for (int i = 0; i < 2; i++) {
                String lang = i == 0 ? "en" : "nb";
                Response response = new FlowClient().get(path + "?lang=" + lang);
                assertEquals(200, response.statusCode(), path);
                assertTrue(response.contentType().startsWith("text/html"), path);
                Document page = FlowClient.html(response);
                assertEquals(lang, page.selectFirst("html").attr("lang"), path);
                assertEquals(names.get(i), page.selectFirst("h1").text(), path + " " + lang);
            }
        });
    }

    @Test
    void theFooterOfEveryPageLinksTheStatements() {
        FlowClient visitor = new FlowClient();
        List<String> pages = List.of("/", "/help", "/privacy", "/accessibility", "/contact", "/my-results",
                "/no-such-page", "/s/" + "x".repeat(32), "/demo-client");
        for (String path : pages) {
            assertFooter(visitor.get(path), path);
            assertFooter(visitor.get(path + (path.contains("?") ? "&" : "?") + "lang=nb"), path + " (nb)");
        }
        FlowClient owner = new FlowClient();
        owner.get("/my-results");
        assertEquals(303, owner.post("/my-results/login/demo", Map.of("username", "anna", "password", "demo"))
                .statusCode());
        for (String path : List.of("/my-results", "/my-results/links", "/my-results/ledger", "/my-results/share")) {
            assertFooter(owner.get(path), path);
        }
    }

    @Test
    void thePrivacyStatementStatesTheConfiguredRetention() {
        long days = config.ledger().retention().toDays();
        Document english = FlowClient.html(new FlowClient().get("/privacy?lang=en"));
        Element ledger = english.getElementById("privacy-ledger");
        assertEquals(String.valueOf(days), ledger.attr("data-days"));
        assertTrue(ledger.text().contains(days + " days"), ledger.text());
        String text = english.text();
        long idle = config.auth().session().idleTimeout().toMinutes();
        long absolute = config.auth().session().absoluteTimeout().toHours();
        assertTrue(text.contains("after " + idle + " minutes without use and at the latest " + absolute + " hours"), text);
        assertTrue(text.contains("deleted " + config.operations().sessionRetention().toHours() + " hours after"), text);
        assertTrue(text.contains("at most " + config.sharing().maxValidity().toDays() + " days"), text);
        assertTrue(config.sharing().snapshotRetention().isZero());
        assertTrue(english.getElementById("privacy-snapshots").text().contains("deleted at once"));
        assertNotNull(english.selectFirst("a[href=/my-results/ledger]"), "how to get the ledger");
        assertTrue(text.contains("erase"), text);
        assertEquals(config.contact().email().orElseThrow(), english.getElementById("contact-email").text());

        Document norwegian = FlowClient.html(new FlowClient().get("/privacy?lang=nb"));
        assertTrue(norwegian.getElementById("privacy-ledger").text().contains(days + " dager"));
    }

    @Test
    void accessibilityAndContactNameWhatTheyShould() {
        Document statement = FlowClient.html(new FlowClient().get("/accessibility?lang=nb"));
        assertTrue(statement.getElementById("a11y-status").text().contains("WCAG 2.1 nivå AA"));
        assertTrue(statement.getElementById("a11y-authority").text().contains("Digdir"));
        assertEquals("https://www.uutilsynet.no/", statement.getElementById("a11y-uutilsynet").attr("href"));
        assertTrue(statement.select("#a11y-limitations li").size() >= 2);
        assertNotNull(statement.getElementById("contact-email"), "how to report: the operator's address");

        Document contact = FlowClient.html(new FlowClient().get("/contact?lang=nb"));
        assertEquals(config.contact().name().get("nb"), contact.getElementById("contact-name").text());
        assertEquals("mailto:" + config.contact().email().orElseThrow(),
                contact.getElementById("contact-email").attr("href"));
        Document english = FlowClient.html(new FlowClient().get("/contact?lang=en"));
        assertEquals(config.contact().name().get("en"), english.getElementById("contact-name").text());
    }

    @Test
    void theStartPageShowsThePublicEndpointAndLinksTheIntegrationGuide() {
        Document home = FlowClient.html(new FlowClient().get("/"));
        assertEquals(publicUrl.base() + "/emrex", home.getElementById("emrex-endpoint").text());
        String guide = home.getElementById("integration-guide").attr("href");
        Response answer = new FlowClient().get(guide);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        assertTrue(answer.asString().startsWith("# Integrating an EMREX client"));
        assertTrue(FlowClient.html(new FlowClient().get("/help")).getElementById("help-endpoint").text()
                .equals(publicUrl.base() + "/emrex"));
    }

    @Test
    void theDemoLoginNamesEveryDemoLearnerFromTheDemoData() {
        @SuppressWarnings("unchecked")
        List<Object[]> accounts = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select d.username, d.password from demo_account d join learner l on l.id = d.learner_id")
                .getResultList());
        assertTrue(accounts.size() >= 3, "anna, bjorn and carla at least");
        Document login = FlowClient.html(new FlowClient().get("/my-results"));
        List<Element> items = login.select("ul.demo-accounts li");
        Set<String> shown = items.stream().map(li -> li.attr("data-username")).collect(Collectors.toSet());
        assertEquals(accounts.stream().map(a -> (String) a[0]).collect(Collectors.toSet()), shown);
        for (Object[] account : accounts) {
            Element item = login.selectFirst("ul.demo-accounts li[data-username=" + account[0] + "]");
            assertEquals("user " + account[0] + ", password " + account[1], item.text());
        }
        assertTrue(login.select("ul.demo-accounts").text().contains("carla"), "the partial-results learner too");
    }

    private static void assertFooter(Response response, String path) {
        Document page = FlowClient.html(response);
        Element footer = page.selectFirst("footer.site nav");
        assertNotNull(footer, path + " has the footer's links (status " + response.statusCode() + ")");
        assertEquals(FOOTER, footer.select("a").eachAttr("href"), path);
        assertTrue(footer.select("a").stream().noneMatch(a -> a.text().isBlank()), path);
    }
}
