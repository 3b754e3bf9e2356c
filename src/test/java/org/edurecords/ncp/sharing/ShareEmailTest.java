package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.SmtpServer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sending a share link by e-mail through a real SMTP server started for these tests: what arrives (language, link,
 * sender, never the code), what the ledger records, and what a bad address or a stranger's link gets.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = true)
class ShareEmailTest {

    @Inject
    DisclosureLedger ledger;

    @BeforeEach
    void emptyMailbox() throws Exception {
        SmtpServer.server().purgeEmailFromAllMailboxes();
    }

    @Test
    void theLinkArrivesInTheLinksLanguageWithTheSenderAndWithoutTheCode() throws Exception {
        FlowClient owner = ShareSteps.owner("anna");
        ShareSteps.Link link = ShareSteps.create(owner, 2, "30", "nb", "Søknad");
        Document created = FlowClient.html(owner.get("/my-results/links")); // the token of the links page's forms
        assertNotNull(created.selectFirst("a[href=/my-results/links/" + link.id() + "/email]"),
                "every active link can be sent from My links");

        Response sent = owner.post("/my-results/links/" + link.id() + "/email", Map.of("email", " Kari.Nordmann@Example.NO "));
        assertEquals(200, sent.statusCode(), sent.asString());
        Document page = FlowClient.html(sent);
        assertTrue(page.getElementById("share-email-sent").text().contains("Kari.Nordmann@example.no"), page.text());
        assertNotNull(page.getElementById("share-email-no-code"), "the page tells the owner to give the code another way");

        MimeMessage[] received = SmtpServer.server().getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("Kari.Nordmann@example.no",
                ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        assertEquals(1, mail.getAllRecipients().length);
        assertTrue(mail.getSubject().contains("har delt utdanningsresultater med deg"), mail.getSubject());
        assertTrue(mail.getSubject().startsWith("Anna Kristine Sørbø-Łukasiewicz"), mail.getSubject());
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "");
        String text = mail.getContent() instanceof String s ? s : body;
        assertTrue(text.contains(link.url()), text);
        assertTrue(text.contains("tilgangskode"), "Norwegian body: " + text);
        assertTrue(text.contains("Anna Kristine Sørbø-Łukasiewicz"), text);
        assertFalse(text.contains(link.code()), "never the access code");
        assertFalse(text.contains(link.code().replace("-", "")), "never the access code, in any spelling");
        assertFalse(body.contains(link.code()) || body.contains(link.code().replace("-", "")));
        assertFalse(text.contains("Søknad"), "the owner's label is for the owner only");
        assertFalse(text.contains("kompetansebevis"), "a link of results only mentions no credentials");

        List<DisclosureEvent> events = ShareSteps.ledger(ledger, link.id());
        DisclosureEvent emailed = events.stream().filter(e -> e.kind == DisclosureKind.LINK_EMAILED).findFirst()
                .orElseThrow(() -> new AssertionError("the ledger records the e-mail: " + events));
        assertEquals("Kari.Nordmann@example.no", emailed.recipient);
        Document ledgerPage = FlowClient.html(owner.get("/my-results/ledger"));
        Element row = ledgerPage.selectFirst("#ledger tr[data-kind=ledger_kind_LINK_EMAILED]");
        assertNotNull(row, ledgerPage.text());
        assertEquals("Sent to Kari.Nordmann@example.no", row.selectFirst(".emailed-to").text());
    }

    @Test
    void aLinkWithCredentialsSaysSoInTheMail() throws Exception {
        FlowClient dagny = ShareSteps.owner("dagny");
        ShareSteps.Link link = ShareSteps.createOfCredentials(dagny, "7", "nn");
        assertEquals(200, dagny.post("/my-results/links/" + link.id() + "/email", Map.of("email", "arbeidsgivar@example.no"))
                .statusCode());
        MimeMessage mail = SmtpServer.server().getReceivedMessages()[0];
        String text = (String) mail.getContent();
        assertTrue(text.contains("Lenkja viser òg kompetanseprov"), text);
        assertTrue(text.contains(link.url()), text);
    }

    @Test
    void anEnglishLinkIsSentInEnglishFromTheCreatedPage() throws Exception {
        FlowClient owner = ShareSteps.owner("carla");
        Response preview = ShareSteps.preview(owner, 1);
        Document previewPage = FlowClient.html(preview);
        Response created = owner.post("/my-results/share/create",
                ShareSteps.createForm(previewPage, "7", "en", ""));
        Document createdPage = FlowClient.html(created);
        Element form = createdPage.selectFirst("form.share-email");
        assertNotNull(form, "the created page offers to send the link");
        assertNotNull(createdPage.selectFirst("label[for=share-email]"));
        String code = createdPage.getElementById("share-code").text();
        String url = createdPage.getElementById("share-url").text();

        Response sent = owner.post(form.attr("action"), Map.of("email", "recipient@example.org"));
        assertEquals(200, sent.statusCode(), sent.asString());
        MimeMessage mail = SmtpServer.server().getReceivedMessages()[0];
        assertTrue(mail.getSubject().endsWith("has shared educational results with you"), mail.getSubject());
        String text = (String) mail.getContent();
        assertTrue(text.contains(url), text);
        assertTrue(text.contains("access code"), text);
        assertFalse(text.contains(code) || text.contains(code.replace("-", "")));
    }

    @Test
    void aBadAddressGetsTheFormAgainWith400AndNothingIsSentOrRecorded() {
        FlowClient owner = ShareSteps.owner("anna");
        ShareSteps.Link link = ShareSteps.create(owner, 1, "1", "en", "");
        owner.get("/my-results/links/" + link.id() + "/email");
        for (String bad : List.of("", "not-an-address", "kari@localhost", "kari@@example.org",
                "kari@example.org, ola@example.org", "Kari <kari@example.org>", "kari@example.org\r\nBcc: ola@example.org",
                "kari nordmann@example.org", "a".repeat(250) + "@example.org")) {
            Response refused = owner.post("/my-results/links/" + link.id() + "/email", Map.of("email", bad));
            assertEquals(400, refused.statusCode(), bad);
            Document page = FlowClient.html(refused);
            Element error = page.getElementById("share-email-error");
            assertNotNull(error, bad);
            assertEquals("Enter one e-mail address, for example name@example.org.", error.text());
            assertEquals("true", page.getElementById("share-email").attr("aria-invalid"));
        }
        Response norwegian = owner.post("/my-results/links/" + link.id() + "/email?lang=nb", Map.of("email", "nope"));
        assertEquals(400, norwegian.statusCode());
        assertTrue(FlowClient.html(norwegian).getElementById("share-email-error").text().startsWith("Skriv inn én e-postadresse"));

        assertEquals(0, SmtpServer.server().getReceivedMessages().length);
        assertTrue(ShareSteps.kinds(ledger, link.id()).stream().noneMatch(k -> k == DisclosureKind.LINK_EMAILED));
    }

    @Test
    void onlyTheOwnerSendsTheirOwnActiveLinkWithTheFormsToken() {
        FlowClient anna = ShareSteps.owner("anna");
        ShareSteps.Link link = ShareSteps.create(anna, 1, "1", "en", "");
        FlowClient carla = ShareSteps.owner("carla");
        carla.get("/my-results/links");
        assertEquals(404, carla.post("/my-results/links/" + link.id() + "/email", Map.of("email", "x@example.org"))
                .statusCode());
        assertEquals(404, carla.get("/my-results/links/" + link.id() + "/email").statusCode());

        Response withoutToken = io.restassured.RestAssured.given().redirects().follow(false)
                .cookies(anna.cookies()).contentType("application/x-www-form-urlencoded")
                .formParam("email", "x@example.org").post("/my-results/links/" + link.id() + "/email");
        assertEquals(400, withoutToken.statusCode());

        FlowClient stranger = new FlowClient();
        stranger.get("/my-results");
        Response toLogin = stranger.post("/my-results/links/" + link.id() + "/email", Map.of("email", "x@example.org"));
        assertEquals(303, toLogin.statusCode());

        anna.get("/my-results/links");
        assertEquals(303, anna.post("/my-results/links/" + link.id() + "/deactivate", Map.of()).statusCode());
        anna.get("/my-results/links");
        assertEquals(409, anna.post("/my-results/links/" + link.id() + "/email", Map.of("email", "x@example.org"))
                .statusCode(), "a deactivated link is not sent");
        Response form = anna.get("/my-results/links/" + link.id() + "/email");
        assertEquals(409, form.statusCode());
        assertNull(FlowClient.html(form).selectFirst("form.share-email"));
        assertEquals(0, SmtpServer.server().getReceivedMessages().length);
    }

    @Test
    void oneLinkIsSentAtMostTheConfiguredNumberOfTimes() {
        FlowClient owner = ShareSteps.owner("anna");
        ShareSteps.Link link = ShareSteps.create(owner, 1, "1", "en", "");
        owner.get("/my-results/links/" + link.id() + "/email");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, owner.post("/my-results/links/" + link.id() + "/email",
                    Map.of("email", "r" + i + "@example.org")).statusCode());
        }
        Response refused = owner.post("/my-results/links/" + link.id() + "/email", Map.of("email", "r10@example.org"));
        assertEquals(429, refused.statusCode());
        assertNotNull(FlowClient.html(refused).getElementById("share-email-error"));
        assertEquals(10, SmtpServer.server().getReceivedMessages().length);
        assertEquals(10, ShareSteps.kinds(ledger, link.id()).stream().filter(k -> k == DisclosureKind.LINK_EMAILED).count());
    }

    @Test
    void aMailServerThatIsDownGets503AndNoLedgerRecord() throws Exception {
        FlowClient owner = ShareSteps.owner("carla");
        ShareSteps.Link link = ShareSteps.create(owner, 1, "1", "en", "");
        owner.get("/my-results/links/" + link.id() + "/email");
        int port = SmtpServer.server().getSmtp().getPort();
        SmtpServer.halt();
        try {
            Response failed = owner.post("/my-results/links/" + link.id() + "/email", Map.of("email", "down@example.org"));
            assertEquals(503, failed.statusCode());
            assertTrue(FlowClient.html(failed).getElementById("share-problem").text().startsWith("The e-mail could not be sent"));
        } finally {
            SmtpServer.restart();
        }
        assertEquals(port, SmtpServer.server().getSmtp().getPort());
        assertTrue(ShareSteps.kinds(ledger, link.id()).stream().noneMatch(k -> k == DisclosureKind.LINK_EMAILED),
                "the ledger never claims an e-mail that did not leave");
        assertEquals(200, owner.post("/my-results/links/" + link.id() + "/email", Map.of("email", "up@example.org"))
                .statusCode(), "sent once the server is back");
        assertEquals(1, SmtpServer.server().getReceivedMessages().length);
    }
}
