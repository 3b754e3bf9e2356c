package org.edurecords.ncp.conformance;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edurecords.ncp.conformance.CheckResult.Status;
import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.registry.EmregList;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.registry.RegistrySource;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.verify.ElmoVerifier;
import org.edurecords.ncp.verify.VerificationReport;
import org.edurecords.ncp.verify.VerifyRequest;
import org.jsoup.nodes.Element;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An EMREX client simulator that drives any NCP through the checklist of spec section 7: entry, bad input,
 * each return path, response shape, encoding, signature, schema and content, learner, PDF and registry
 * entries. It plays both the client (it sends the entry POST and reads the answer form; nothing is ever
 * posted to the return URL) and the student's browser (login through a pluggable {@link LoginStep}).
 * Run it with {@link ConformanceKitCommand}; see docs/conformance-kit.md.
 */
public final class ConformanceKit {

    static final String NS = ElmoVerifier.ELMO_NS;
    private static final Set<String> RETURN_CODES = Set.of("NCP_OK", "NCP_ERROR", "NCP_NO_RESULTS", "NCP_CANCEL",
            "EMP_OK", "EMP_ERROR", "EMP_NO_RESULTS", "EMP_CANCEL");
    private static final List<String> ANSWER_FIELDS = List.of("sessionId", "returnCode", "returnMessage", "elmo");
    private static final Pattern TIMEZONE = Pattern.compile(".*(Z|[+-]\\d\\d:\\d\\d)$");
    private static final Pattern HTML = Pattern.compile(
            "<\\s*/?\\s*(b|i|p|br|div|span|a|ul|ol|li|strong|em|h[1-6]|table|tr|td|script)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final long PDF_BUDGET = 500L * 1024;
    private static final long FORM_BUDGET = 2L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One answer form the NCP rendered, with what the kit had sent. */
    record Answer(String context, KitBrowser.Page page, String sessionId, String returnUrl, Map<String, String> fields,
            List<String> names, Element form) {

        String code() {
            return fields.getOrDefault("returnCode", "");
        }
    }

    /** How the kit got to an NCP_OK answer. */
    record OkRun(Answer answer, KitBrowser.Page confirmPage, Element confirmForm,
            List<Map.Entry<String, String>> confirmFields, boolean answeredBeforeAnySubmit, KitBrowser browser) {
    }

    private final KitOptions options;
    private final List<CheckResult> results = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final ElmoSchemaValidator schema = new ElmoSchemaValidator();

    public ConformanceKit(KitOptions options) {
        this.options = options;
    }

    public ConformanceReport run() throws IOException {
        Instant started = Instant.now();
        try {
            entryChecks();
        } catch (IOException e) {
            failUnrecorded(1, 10, "Entry point", e);
        }
        OkRun ok;
        try {
            ok = pathChecks();
        } catch (IOException e) {
            failUnrecorded(17, 22, "Paths", e);
            ok = new OkRun(null, null, null, null, false, null);
        }
        shapeChecks();
        List<RegistryEntry> trusted = trusted();
        documentChecks(ok, trusted);
        ConformanceReport report = new ConformanceReport(options.entryUrl().toString(), started,
                Duration.between(started, Instant.now()), results);
        if (options.reportDir() != null) {
            report.write(options.reportDir());
        }
        return report;
    }

    // ------------------------------------------------------------------ entry point (1-10)

    private void entryChecks() throws IOException {
        KitBrowser fresh = new KitBrowser();
        String sessionId = UUID.randomUUID().toString();
        KitBrowser.Page first = fresh.postNoFollow(options.entryUrl(), entry(sessionId, options.returnUrl()));
        KitBrowser.Page landed = fresh.follow(first);
        boolean accepted = first.status() < 400 && landed.status() == 200
                && Forms.answerForm(landed, options.returnUrl()) == null;
        add(1, "Entry point", "A valid entry POST leads to the login or UI",
                accepted, "HTTP " + first.status() + " then " + landed.status() + " at " + landed.url().getPath());
        if (!"https".equalsIgnoreCase(options.entryUrl().getScheme())) {
            if (options.allowHttp()) {
                skip(2, "Entry point", "Registered URL works over https", "plain http allowed by --allow-http");
            } else {
                add(2, "Entry point", "Registered URL works over https", false, "entry URL is " + options.entryUrl());
            }
        } else {
            add(2, "Entry point", "Registered URL works over https", accepted, "TLS handshake and entry succeeded");
        }

        String uuid = UUID.randomUUID().toString();
        String longId = randomPrintable(128);
        Answer a = cancelAtLogin(new KitBrowser(), uuid, options.returnUrl(), "36-character session id");
        Answer b = cancelAtLogin(new KitBrowser(), longId, options.returnUrl(), "128-character session id");
        add(3, "Entry point", "Session ids of 36 and 128 printable characters are echoed unchanged",
                a != null && uuid.equals(a.fields().get("sessionId")) && b != null
                        && longId.equals(b.fields().get("sessionId")),
                a == null || b == null ? "no answer form after cancelling" : "");

        String nasty = "kit<\"&'>" + UUID.randomUUID();
        KitBrowser browser = new KitBrowser();
        KitBrowser.Page nastyEntry = browser.postNoFollow(options.entryUrl(), entry(nasty, options.returnUrl()));
        if (nastyEntry.status() >= 400 && nastyEntry.status() < 500) {
            add(4, "Entry point", "A session id with < \" & is rejected or echoed escaped",
                    !nastyEntry.body().contains("<\"&"), "rejected with HTTP " + nastyEntry.status());
        } else {
            KitBrowser.Page login = browser.follow(nastyEntry);
            Answer answer = cancel(browser, login, nasty, options.returnUrl(), "special-character session id");
            boolean raw = login.body().contains("<\"&") || answer != null && answer.page().body().contains("<\"&");
            add(4, "Entry point", "A session id with < \" & is rejected or echoed escaped",
                    answer != null && nasty.equals(answer.fields().get("sessionId")) && !raw,
                    raw ? "the value appears unescaped in HTML" : answer == null ? "no answer form" : "echoed escaped");
        }

        List<Map.Entry<String, String>> extra = new ArrayList<>(entry(UUID.randomUUID().toString(), options.returnUrl()));
        extra.add(new SimpleEntry<>("lang", "fi"));
        extra.add(new SimpleEntry<>("allowToPickCourses", "false"));
        KitBrowser.Page extraPage = new KitBrowser().post(options.entryUrl(), extra);
        add(5, "Entry point", "Unknown extra parameters do not cause an error", extraPage.status() == 200,
                "HTTP " + extraPage.status());

        KitBrowser.Page noSession = new KitBrowser().postNoFollow(options.entryUrl(),
                List.of(new SimpleEntry<>("returnUrl", options.returnUrl())));
        add(6, "Entry point", "Missing sessionId is refused with 4xx and no answer",
                is4xx(noSession) && Forms.answerForm(noSession, options.returnUrl()) == null, "HTTP " + noSession.status());
        KitBrowser.Page noReturn = new KitBrowser().postNoFollow(options.entryUrl(),
                List.of(new SimpleEntry<>("sessionId", UUID.randomUUID().toString())));
        add(7, "Entry point", "Missing returnUrl is refused with 4xx", is4xx(noReturn), "HTTP " + noReturn.status());

        List<String> bad = new ArrayList<>();
        for (String url : List.of("/relative/return", "javascript:alert(1)", "data:text/html,<form>",
                "http://client.example.com/return")) {
            KitBrowser.Page page = new KitBrowser().postNoFollow(options.entryUrl(),
                    entry(UUID.randomUUID().toString(), url));
            if (!is4xx(page) || Forms.answerForm(page, url) != null) {
                bad.add(url + " -> HTTP " + page.status());
            }
        }
        add(8, "Entry point", "Relative, javascript:, data: and plain-http return URLs are refused with 4xx",
                bad.isEmpty(), String.join("; ", bad));
        add(9, "Entry point", "The entry works without any earlier cookie of the NCP", accepted,
                "first request of a fresh browser");

        KitBrowser shared = new KitBrowser();
        String idA = "kit-a-" + UUID.randomUUID();
        String idB = "kit-b-" + UUID.randomUUID();
        String urlA = withQuery(options.returnUrl(), "flow=a");
        String urlB = withQuery(options.returnUrl(), "flow=b");
        KitBrowser.Page loginA = shared.post(options.entryUrl(), entry(idA, urlA));
        KitBrowser.Page loginB = shared.post(options.entryUrl(), entry(idB, urlB));
        Answer answerB = cancel(shared, loginB, idB, urlB, "second flow in the same browser");
        Answer answerA = cancel(shared, loginA, idA, urlA, "first flow in the same browser");
        add(10, "Entry point", "Two flows in one browser each answer their own client",
                answerA != null && answerB != null && idA.equals(answerA.fields().get("sessionId"))
                        && idB.equals(answerB.fields().get("sessionId")),
                answerA == null || answerB == null ? "a flow gave no answer form" : "");
    }

    // ------------------------------------------------------------------ paths (17-22)

    private OkRun pathChecks() throws IOException {
        List<String> cancelProblems = new ArrayList<>();
        Answer atLogin = cancelAtLogin(new KitBrowser(), UUID.randomUUID().toString(), options.returnUrl(),
                "cancel at login");
        checkCancel(atLogin, "login", cancelProblems);

        KitBrowser b2 = new KitBrowser();
        String id2 = UUID.randomUUID().toString();
        KitBrowser.Page afterLogin = login(b2, b2.post(options.entryUrl(), entry(id2, options.returnUrl())),
                options.username(), options.password());
        checkCancel(cancel(b2, afterLogin, id2, options.returnUrl(), "cancel at selection"), "selection",
                cancelProblems);

        KitBrowser b3 = new KitBrowser();
        String id3 = UUID.randomUUID().toString();
        KitBrowser.Page selection = login(b3, b3.post(options.entryUrl(), entry(id3, options.returnUrl())),
                options.username(), options.password());
        Element selectForm = continueForm(selection);
        if (selectForm == null) {
            cancelProblems.add("review: no form to continue from the selection page");
        } else {
            KitBrowser.Page review = b3.submit(selection, selectForm, Forms.allTicked(selectForm));
            checkCancel(cancel(b3, review, id3, options.returnUrl(), "cancel at review"), "review", cancelProblems);
        }
        add(17, "Paths", "Cancel at login, selection and review answers NCP_CANCEL without elmo",
                cancelProblems.isEmpty(), String.join("; ", cancelProblems));

        if (options.noResultsUsername() == null) {
            skip(18, "Paths", "A person without results gets NCP_NO_RESULTS", "no --no-results-user given");
        } else {
            KitBrowser b = new KitBrowser();
            String id = UUID.randomUUID().toString();
            KitBrowser.Page page = login(b, b.post(options.entryUrl(), entry(id, options.returnUrl())),
                    options.noResultsUsername(), options.noResultsPassword());
            Answer answer = answer(page, id, options.returnUrl(), "no results");
            add(18, "Paths", "A person without results gets NCP_NO_RESULTS",
                    answer != null && answer.code().endsWith("_NO_RESULTS") && answer.fields().getOrDefault("elmo", "").isEmpty(),
                    answer == null ? "no answer form after login" : "returnCode " + answer.code());
        }
        skip(19, "Paths", "A back-end failure answers NCP_ERROR with a message",
                "needs a simulated outage of the NCP's result source; not drivable from outside");

        OkRun ok = driveToOk();
        Answer answer = ok.answer();
        add(20, "Paths", "Confirming answers NCP_OK with elmo and an empty returnMessage",
                answer != null && answer.code().endsWith("_OK") && !answer.fields().getOrDefault("elmo", "").isEmpty()
                        && answer.fields().getOrDefault("returnMessage", "").isEmpty(),
                answer == null ? "no NCP_OK answer reached" : "returnCode " + answer.code());
        String host = URI.create(options.returnUrl()).getHost();
        add(21, "Paths", "NCP_OK needs an explicit confirmation, and the destination host is shown",
                answer != null && !ok.answeredBeforeAnySubmit() && ok.confirmPage() != null
                        && ok.confirmPage().html().text().contains(host),
                answer == null ? "no NCP_OK answer reached"
                        : ok.confirmPage() == null || !ok.confirmPage().html().text().contains(host)
                                ? "the page before the answer does not name " + host : "");
        if (answer == null || ok.confirmForm() == null) {
            skip(22, "Paths", "Replaying the confirmation gives no second NCP_OK",
                    answer == null ? "no NCP_OK answer reached" : "NCP_OK came without a confirmation step");
        } else {
            KitBrowser.Page replay = ok.browser().submit(ok.confirmPage(), ok.confirmForm(), ok.confirmFields());
            Element again = Forms.answerForm(replay, options.returnUrl());
            boolean secondOk = again != null && again.select("input[name=returnCode]").attr("value").endsWith("_OK");
            add(22, "Paths", "Replaying the confirmation gives no second NCP_OK", !secondOk,
                    "replay answered HTTP " + replay.status());
        }
        return ok;
    }

    private void checkCancel(Answer answer, String stage, List<String> problems) {
        if (answer == null) {
            problems.add(stage + ": no answer form");
        } else if (!answer.code().endsWith("_CANCEL") || !answer.fields().getOrDefault("elmo", "x").isEmpty()) {
            problems.add(stage + ": returnCode " + answer.code());
        }
    }

    private OkRun driveToOk() throws IOException {
        KitBrowser browser = new KitBrowser();
        String id = UUID.randomUUID().toString();
        KitBrowser.Page page = login(browser, browser.post(options.entryUrl(), entry(id, options.returnUrl())),
                options.username(), options.password());
        boolean answeredAtOnce = Forms.answerForm(page, options.returnUrl()) != null;
        KitBrowser.Page before = null;
        Element form = null;
        List<Map.Entry<String, String>> fields = null;
        for (int step = 0; step < 8; step++) {
            Answer answer = answer(page, id, options.returnUrl(), "confirmed transfer");
            if (answer != null) {
                return new OkRun(answer.code().endsWith("_OK") ? answer : null, before, form, fields, answeredAtOnce,
                        browser);
            }
            form = continueForm(page);
            if (form == null) {
                break;
            }
            fields = form.selectFirst("input[type=checkbox]") != null ? Forms.allTicked(form) : Forms.fields(form);
            before = page;
            page = browser.submit(page, form, fields);
        }
        return new OkRun(null, before, form, fields, answeredAtOnce, browser);
    }

    /**
     * The form that moves a transfer on: not a cancel form, never an answer form (the kit reads answers, it
     * does not post them to the client); a selection form (checkboxes) first.
     */
    static Element continueForm(KitBrowser.Page page) {
        List<Element> forms = page.html().select("form").stream()
                .filter(f -> "post".equalsIgnoreCase(f.attr("method")) && !Forms.isCancel(f) && sameOrigin(page, f))
                .toList();
        return forms.stream().filter(f -> f.selectFirst("input[type=checkbox]") != null).findFirst()
                .orElse(forms.isEmpty() ? null : forms.get(0));
    }

    /** Forms that stay at the NCP: relative actions, or the origin of the page. */
    static boolean sameOrigin(KitBrowser.Page page, Element form) {
        String action = form.absUrl("action");
        if (action.isEmpty()) {
            return true;
        }
        URI target = URI.create(action);
        return origin(target).equals(origin(page.url()));
    }

    private KitBrowser.Page login(KitBrowser browser, KitBrowser.Page loginPage, String user, String password)
            throws IOException {
        return options.login().login(browser, loginPage, user, password);
    }

    private Answer cancelAtLogin(KitBrowser browser, String sessionId, String returnUrl, String context)
            throws IOException {
        KitBrowser.Page login = browser.post(options.entryUrl(), entry(sessionId, returnUrl));
        return cancel(browser, login, sessionId, returnUrl, context);
    }

    private Answer cancel(KitBrowser browser, KitBrowser.Page page, String sessionId, String returnUrl, String context)
            throws IOException {
        Element form = page.html().select("form").stream().filter(f -> Forms.isCancel(f) && sameOrigin(page, f))
                .findFirst().orElse(null);
        if (form == null) {
            return null;
        }
        return answer(browser.submit(page, form, Forms.fields(form)), sessionId, returnUrl, context);
    }

    private Answer answer(KitBrowser.Page page, String sessionId, String returnUrl, String context) {
        Element form = Forms.answerForm(page, returnUrl);
        if (form == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Element input : form.select("input[name]")) {
            names.add(input.attr("name"));
            fields.putIfAbsent(input.attr("name"), input.attr("value"));
        }
        Answer answer = new Answer(context, page, sessionId, returnUrl, fields, names, form);
        answers.add(answer);
        return answer;
    }

    // ------------------------------------------------------------------ response shape (11-16)

    private void shapeChecks() {
        List<String> p11 = new ArrayList<>();
        List<String> p12 = new ArrayList<>();
        List<String> p13 = new ArrayList<>();
        List<String> p14 = new ArrayList<>();
        List<String> p15 = new ArrayList<>();
        List<String> p16 = new ArrayList<>();
        for (Answer a : answers) {
            if (!"post".equalsIgnoreCase(a.form().attr("method")) || !a.returnUrl().equals(a.form().attr("action"))) {
                p11.add(a.context());
            }
            String enctype = a.form().attr("enctype");
            if (!enctype.isEmpty() && !"application/x-www-form-urlencoded".equalsIgnoreCase(enctype)) {
                p12.add(a.context() + ": " + enctype);
            }
            if (!new HashSet<>(a.names()).equals(new HashSet<>(ANSWER_FIELDS)) || a.names().size() != 4) {
                p13.add(a.context() + ": " + a.names());
            }
            if (!a.sessionId().equals(a.fields().get("sessionId"))) {
                p14.add(a.context());
            }
            if (!RETURN_CODES.contains(a.code())) {
                p15.add(a.context() + ": " + a.code());
            }
            String type = String.valueOf(a.page().header("Content-Type")).toLowerCase(Locale.ROOT).replace(" ", "");
            String cache = String.valueOf(a.page().header("Cache-Control")).toLowerCase(Locale.ROOT);
            String csp = a.page().header("Content-Security-Policy");
            boolean cspOk = csp == null || !csp.contains("form-action")
                    || csp.contains(origin(URI.create(a.returnUrl())));
            if (!type.contains("charset=utf-8") || !cache.contains("no-store") || !cspOk) {
                p16.add(a.context() + ": Content-Type " + type + ", Cache-Control " + cache + ", CSP " + csp);
            }
        }
        String none = answers.isEmpty() ? "no answer page was reached" : "";
        add(11, "Response shape", "Answer pages POST a form to the received returnUrl exactly",
                !answers.isEmpty() && p11.isEmpty(), none + String.join("; ", p11));
        add(12, "Response shape", "The form uses the default form encoding", !answers.isEmpty() && p12.isEmpty(),
                none + String.join("; ", p12));
        add(13, "Response shape", "The form has exactly sessionId, returnCode, returnMessage, elmo",
                !answers.isEmpty() && p13.isEmpty(), none + String.join("; ", p13));
        add(14, "Response shape", "sessionId is echoed byte for byte", !answers.isEmpty() && p14.isEmpty(),
                none + String.join("; ", p14));
        add(15, "Response shape", "returnCode is one of the NCP_* (or EMP_*) codes", !answers.isEmpty() && p15.isEmpty(),
                none + String.join("; ", p15));
        add(16, "Response shape", "UTF-8, Cache-Control no-store, CSP allows posting to the client",
                !answers.isEmpty() && p16.isEmpty(), none + String.join("; ", p16));
    }

    // ------------------------------------------------------------------ the document (23-53)

    private void documentChecks(OkRun ok, List<RegistryEntry> trusted) throws IOException {
        String elmo = ok.answer() == null ? null : ok.answer().fields().get("elmo");
        if (elmo == null || elmo.isEmpty()) {
            for (int n = 23; n <= 53; n++) {
                skip(n, group(n), "Document check " + n, "no NCP_OK document to check");
            }
            registryChecks(null, trusted);
            return;
        }
        add(23, "Encoding", "elmo is single-line standard base64", elmo.matches("[A-Za-z0-9+/]+={0,2}")
                && elmo.length() % 4 == 0, "");
        byte[] gz;
        byte[] xml;
        try {
            gz = TransferEncoding.strictBase64(elmo);
            xml = TransferEncoding.gunzip(gz, 64L * 1024 * 1024);
            add(24, "Encoding", "The decoded bytes are gzip and gunzip cleanly", true, xml.length + " bytes of XML");
        } catch (Exception e) {
            add(24, "Encoding", "The decoded bytes are gzip and gunzip cleanly", false, e.getMessage());
            for (int n = 25; n <= 53; n++) {
                skip(n, group(n), "Document check " + n, "the document could not be decoded");
            }
            registryChecks(null, trusted);
            return;
        }
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SecureXml.XmlParseException e) {
            doc = null;
        }
        boolean bom = xml.length >= 3 && (xml[0] & 0xff) == 0xef && (xml[1] & 0xff) == 0xbb && (xml[2] & 0xff) == 0xbf;
        String prolog = new String(xml, 0, Math.min(60, xml.length), StandardCharsets.UTF_8);
        add(25, "Encoding", "UTF-8 without BOM, XML declaration naming UTF-8, no DOCTYPE",
                !bom && prolog.startsWith("<?xml") && prolog.toLowerCase(Locale.ROOT).contains("encoding=\"utf-8\"")
                        && doc != null, bom ? "starts with a BOM" : doc == null ? "not parseable without DOCTYPE" : "");
        if (doc == null) {
            for (int n = 26; n <= 53; n++) {
                skip(n, group(n), "Document check " + n, "the document is not well-formed");
            }
            registryChecks(null, trusted);
            return;
        }
        String given = text(doc, "givenNames");
        String family = text(doc, "familyName");
        if (options.givenNames() == null && options.familyName() == null) {
            skip(26, "Encoding", "Non-ASCII names survive the round trip", "no --expect-given-names/--expect-family-name");
        } else {
            add(26, "Encoding", "Non-ASCII names survive the round trip", equalsIfGiven(options.givenNames(), given)
                    && equalsIfGiven(options.familyName(), family), "document has " + given + " " + family);
        }
        add(27, "Encoding", "The answer stays below 2 MB", elmo.length() < FORM_BUDGET, elmo.length() + " characters");

        ElmoVerifier strict = new ElmoVerifier(new ElmoVerifier.Settings(64L * 1024 * 1024, false), schema,
                () -> trusted);
        VerificationReport report = strict.verify(new VerifyRequest(elmo, null, null, null, null));
        signatureChecks(doc, xml, report, trusted, strict);
        contentChecks(doc, report);
        learnerChecks(doc);
        pdfChecks(doc);
        registryChecks(report, trusted);
    }

    private void signatureChecks(Document doc, byte[] xml, VerificationReport report, List<RegistryEntry> trusted,
            ElmoVerifier strict) {
        NodeList sigs = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        Node last = doc.getDocumentElement().getLastChild();
        while (last != null && last.getNodeType() != Node.ELEMENT_NODE) {
            last = last.getPreviousSibling();
        }
        add(28, "Signature", "Exactly one ds:Signature, the last child of elmo",
                sigs.getLength() == 1 && sigs.item(0) == last, sigs.getLength() + " signature(s)");
        add(29, "Signature", "One Reference URI=\"\" with the enveloped transform, at most one C14N more",
                verdict(report, "signature-structure") == VerificationReport.Verdict.PASS, message(report, "signature-structure"));
        var by = report.signature() == null ? null : report.signature().verifiedBy();
        add(30, "Signature", "The signature verifies with the registry certificate (JDK secure validation)",
                by != null && !report.signature().weakAlgorithm(),
                trusted.isEmpty() ? "no trusted certificate: give --registry or --emreg-url" : message(report, "signature-key"));
        X509Certificate cert = by == null ? null : certificate(trusted, by.certificateSha256());
        int bits = cert != null && cert.getPublicKey() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0;
        add(31, "Signature", "rsa-sha256 or stronger, sha256 or stronger, RSA of at least 2048 bits",
                verdict(report, "signature-algorithms") == VerificationReport.Verdict.PASS && (cert == null || bits == 0
                        || bits >= 2048) && cert != null, message(report, "signature-algorithms") + ", " + bits + " bits");
        add(32, "Signature", "KeyInfo carries the registered certificate",
                report.signature() != null && report.signature().keyInfoMatchesRegistry(), "");
        if (cert == null) {
            add(33, "Signature", "The registered certificate is valid now and not self-signed", false,
                    "no registry certificate verified the document");
        } else {
            boolean current = !cert.getNotAfter().before(new Date()) && !cert.getNotBefore().after(new Date());
            boolean selfSigned = Certificates.selfSigned(cert);
            add(33, "Signature", "The registered certificate is valid now and not self-signed",
                    current && (!selfSigned || options.allowSelfSigned()),
                    (current ? "valid until " + cert.getNotAfter().toInstant() : "expired or not yet valid")
                            + (selfSigned ? ", self-signed" + (options.allowSelfSigned() ? " (allowed by --allow-self-signed)"
                                    : "") : ""));
        }
        String tampered = new String(xml, StandardCharsets.UTF_8).replaceFirst("<givenNames>([^<]*)</givenNames>",
                "<givenNames>$1x</givenNames>");
        VerificationReport changed = strict.verify(new VerifyRequest(
                TransferEncoding.encode(tampered.getBytes(StandardCharsets.UTF_8)), null, null, null, null));
        add(34, "Signature", "Changing one character of a text node breaks the signature",
                by != null && changed.signature() != null && changed.signature().verifiedBy() == null,
                message(changed, "signature-key"));
    }

    private void contentChecks(Document doc, VerificationReport report) {
        add(35, "Schema and content", "Valid ELMO v1.7", verdict(report, "schema") == VerificationReport.Verdict.PASS,
                message(report, "schema"));
        add(36, "Schema and content", "Root namespace is exactly the ELMO v1 namespace",
                NS.equals(doc.getDocumentElement().getNamespaceURI()), doc.getDocumentElement().getNamespaceURI());
        List<String> noZone = new ArrayList<>();
        for (String name : List.of("generatedDate", "issueDate")) {
            for (Node n : elements(doc, name)) {
                if (!TIMEZONE.matcher(n.getTextContent().strip()).matches()) {
                    noZone.add(name + " " + n.getTextContent().strip());
                }
            }
        }
        add(37, "Schema and content", "generatedDate and every issueDate carry a timezone", noZone.isEmpty(),
                String.join("; ", noZone));
        List<String> empty = new ArrayList<>();
        for (String name : List.of("citizenship", "bday", "placeOfBirth", "birthName", "country")) {
            for (Node n : elements(doc, name)) {
                if (n.getTextContent().isBlank()) {
                    empty.add(name);
                }
            }
        }
        add(38, "Schema and content", "Unknown optional learner and issuer data is omitted, not empty",
                empty.isEmpty(), String.join(", ", empty));
        List<String> issuerProblems = new ArrayList<>();
        Set<String> issuers = new HashSet<>();
        for (Node issuer : elements(doc, "issuer")) {
            List<Node> ids = children(issuer, "identifier");
            List<Node> titles = children(issuer, "title");
            if (ids.isEmpty() || children(issuer, "url").isEmpty()
                    || titles.stream().noneMatch(t -> !((org.w3c.dom.Element) t)
                            .getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang").isEmpty())) {
                issuerProblems.add("issuer without identifier, url or title with xml:lang");
            }
            String key = ids.isEmpty() ? "?" : ids.get(0).getTextContent().strip();
            if (!issuers.add(key)) {
                issuerProblems.add("two reports for issuer " + key);
            }
        }
        add(39, "Schema and content", "One report per issuer; identifier, title with xml:lang and url",
                issuerProblems.isEmpty() && !issuers.isEmpty(), String.join("; ", issuerProblems));
        long withoutStatus = elements(doc, "learningOpportunityInstance").stream()
                .filter(loi -> children(loi, "status").isEmpty()).count();
        add(40, "Schema and content", "Every learning opportunity instance has a status", withoutStatus == 0,
                withoutStatus + " without status");
        long doubled = elements(doc, "learningOpportunitySpecification").stream()
                .filter(ConformanceKit::hasCredit).filter(ConformanceKit::ancestorHasCredit).count();
        add(41, "Schema and content", "No credits counted twice between a node and its ancestors", doubled == 0,
                doubled + " node(s) with credits below a node with credits");
        add(42, "Schema and content", "Local identifiers are unique per type within a report", localIdsUnique(doc), "");
        List<String> unresolved = unresolvedReferences(doc);
        add(43, "Schema and content", "Internal references resolve", unresolved.isEmpty(), String.join("; ", unresolved));
        List<String> markup = new ArrayList<>();
        collectMarkup(doc.getDocumentElement(), markup);
        add(44, "Schema and content", "No HTML markup in plain-text fields", markup.isEmpty(), String.join("; ", markup));
        skip(45, "Schema and content", "Only the selected results are present",
                "the kit selects every offered result; compare by hand or in the NCP's own tests");
    }

    private void learnerChecks(Document doc) {
        List<Node> learners = elements(doc, "learner");
        String given = text(doc, "givenNames");
        String family = text(doc, "familyName");
        add(46, "Learner", "Given and family names are present (and equal the expected person)",
                given != null && !given.isBlank() && family != null && !family.isBlank()
                        && equalsIfGiven(options.givenNames(), given) && equalsIfGiven(options.familyName(), family),
                "document has " + given + " / " + family);
        String bday = text(doc, "bday");
        add(47, "Learner", "bday is present as YYYY-MM-DD (and equals the expected birth date)",
                bday != null && bday.matches("\\d{4}-\\d{2}-\\d{2}") && equalsIfGiven(options.birthDate(), bday),
                "bday " + bday);
        add(48, "Learner", "One learner for all reports", learners.size() == 1, learners.size() + " learner element(s)");
        long ids = learners.isEmpty() ? 0 : children(learners.get(0), "identifier").size();
        add(49, "Learner", "Learner identifiers only when the NCP is configured to send them",
                ids == 0 || options.identifiersAllowed(), ids + " identifier(s)"
                        + (options.identifiersAllowed() ? " (allowed by --identifiers-allowed)" : ""));
    }

    private void pdfChecks(Document doc) {
        Node first = children(doc.getDocumentElement(), "attachment").stream().findFirst().orElse(null);
        String type = first == null ? null : text(first, "type");
        String content = first == null ? "" : text(first, "content");
        content = content == null ? "" : content;
        String prefix = "data:application/pdf;base64,";
        add(50, "PDF", "The first elmo-level attachment is the EMREX transcript as a PDF data URI",
                "EMREX transcript".equals(type) && content.startsWith(prefix), "type " + type);
        byte[] pdf = null;
        if (content.startsWith(prefix)) {
            try {
                pdf = Base64.getDecoder().decode(content.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                pdf = null;
            }
        }
        add(51, "PDF", "The data URI has no whitespace and decodes to a PDF",
                pdf != null && !content.matches(".*\\s.*") && pdf.length > 5
                        && new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "");
        if (pdf == null) {
            skip(52, "PDF", "The PDF shows the learner, birth date, issuers and every result", "no PDF");
            skip(53, "PDF", "The PDF is below 500 kB", "no PDF");
            return;
        }
        List<String> missing = new ArrayList<>();
        try (PDDocument pd = Loader.loadPDF(pdf)) {
            String text = normalise(new PDFTextStripper().getText(pd));
            Set<String> words = new HashSet<>(List.of(text.split(" ")));
            for (String value : List.of(String.valueOf(text(doc, "givenNames")), String.valueOf(text(doc, "familyName")))) {
                if (!shown(value, text, words)) {
                    missing.add("learner name " + value);
                }
            }
            String bday = text(doc, "bday");
            if (bday != null && !text.contains(bday) && !text.contains(bday.substring(8) + "." + bday.substring(5, 7)
                    + "." + bday.substring(0, 4))) {
                missing.add("birth date " + bday);
            }
            for (Node issuer : elements(doc, "issuer")) {
                if (children(issuer, "title").stream().noneMatch(t -> shown(t.getTextContent(), text, words))) {
                    missing.add("issuer " + children(issuer, "title").get(0).getTextContent());
                }
            }
            for (Node los : elements(doc, "learningOpportunitySpecification")) {
                if (children(los, "title").stream().noneMatch(t -> shown(t.getTextContent(), text, words))) {
                    missing.add("result " + children(los, "title").get(0).getTextContent());
                }
            }
        } catch (IOException e) {
            missing.add("the PDF cannot be read: " + e.getMessage());
        }
        add(52, "PDF", "The PDF shows the learner, birth date, issuers and every result", missing.isEmpty(),
                String.join("; ", missing));
        add(53, "PDF", "The PDF is below 500 kB", pdf.length < PDF_BUDGET, pdf.length + " bytes");
    }

    // ------------------------------------------------------------------ registry (54-55)

    private List<RegistryEntry> trusted() {
        List<RegistryEntry> trusted = new ArrayList<>();
        for (String source : options.registries()) {
            try {
                trusted.addAll(EmregList.parse(RegistrySource.read(source, Duration.ofSeconds(20), 5_000_000), source)
                        .entries());
            } catch (IOException e) {
                // Reported by the signature checks: nothing trusted from this source.
            }
        }
        RegistryEntry own = ownEntry();
        if (own != null) {
            trusted.add(own);
        }
        return trusted;
    }

    private RegistryEntry ownEntry() {
        if (options.emregUrl() == null) {
            return null;
        }
        try {
            byte[] entry = RegistrySource.read(options.emregUrl(), Duration.ofSeconds(20), 1_000_000);
            byte[] list = ("{\"ncps\":[" + new String(entry, StandardCharsets.UTF_8) + "]}").getBytes(StandardCharsets.UTF_8);
            List<RegistryEntry> parsed = EmregList.parse(list, options.emregUrl()).entries();
            return parsed.isEmpty() ? null : parsed.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    private void registryChecks(VerificationReport report, List<RegistryEntry> trusted) {
        String signer = report == null || report.signature() == null || report.signature().verifiedBy() == null ? null
                : report.signature().verifiedBy().certificateSha256();
        if (options.emregUrl() == null) {
            skip(54, "Registry", "The EMREG entry names the entry URL and the signing certificate", "no --emreg-url");
        } else {
            RegistryEntry own = ownEntry();
            boolean ok = own != null && options.registeredUrl().equals(own.url())
                    && own.countryCode() != null && own.countryCode().matches("[A-Z]{2}")
                    && (signer == null || own.certificates().stream().anyMatch(c -> Certificates.sha256(c).equals(signer)));
            add(54, "Registry", "The EMREG entry names the entry URL and the signing certificate", ok && signer != null,
                    own == null ? "no readable EMREG entry at " + options.emregUrl()
                            : "url " + own.url() + ", countryCode " + own.countryCode()
                                    + (signer == null ? ", no verified document to compare with" : ""));
        }
        if (options.ewpUrl() == null) {
            skip(55, "Registry", "The EWP manifest entry carries base64 DER certificates, one of them the signing one",
                    "no --ewp-url");
            return;
        }
        String detail;
        boolean ok = false;
        try {
            Document entry = SecureXml.parse(RegistrySource.read(options.ewpUrl(), Duration.ofSeconds(20), 1_000_000));
            String ns = "https://github.com/erasmus-without-paper/ewp-specs-api-emrex-data-access-point/blob/stable-v1/manifest-entry.xsd";
            NodeList certs = entry.getElementsByTagNameNS(ns, "certificate");
            boolean signing = false;
            for (int i = 0; i < certs.getLength(); i++) {
                X509Certificate c = Certificates.parse(Base64.getDecoder().decode(certs.item(i).getTextContent().strip()))
                        .get(0);
                signing |= Certificates.sha256(c).equals(signer);
            }
            NodeList urls = entry.getElementsByTagNameNS(ns, "url");
            ok = "emrex-data-access-point".equals(entry.getDocumentElement().getLocalName())
                    && ns.equals(entry.getDocumentElement().getNamespaceURI())
                    && !entry.getDocumentElement().getAttribute("version").isEmpty() && certs.getLength() > 0 && signing
                    && urls.getLength() == 1 && options.registeredUrl().equals(urls.item(0).getTextContent().strip());
            detail = certs.getLength() + " certificate(s)" + (signing ? ", one is the signing certificate" : "");
        } catch (IOException | SecureXml.XmlParseException | CertificateException | IllegalArgumentException e) {
            detail = e.getMessage();
        }
        add(55, "Registry", "The EWP manifest entry carries base64 DER certificates, one of them the signing one", ok,
                detail);
    }

    // ------------------------------------------------------------------ helpers

    private static String group(int n) {
        return n <= 27 ? "Encoding" : n <= 34 ? "Signature" : n <= 45 ? "Schema and content" : n <= 49 ? "Learner" : "PDF";
    }

    /** A section stopped half-way (the NCP went away, or answered what no browser could follow). */
    private void failUnrecorded(int from, int to, String group, IOException e) {
        for (int n = from; n <= to; n++) {
            int number = n;
            if (results.stream().noneMatch(r -> r.number() == number)) {
                add(n, group, "Check " + n, false, "the NCP could not be driven: " + e);
            }
        }
    }

    private void add(int number, String group, String title, boolean passed, String detail) {
        results.add(new CheckResult(number, group, title, passed ? Status.PASS : Status.FAIL, detail));
    }

    private void skip(int number, String group, String title, String why) {
        results.add(new CheckResult(number, group, title, Status.SKIPPED, why));
    }

    private static boolean is4xx(KitBrowser.Page page) {
        return page.status() >= 400 && page.status() < 500;
    }

    private static List<Map.Entry<String, String>> entry(String sessionId, String returnUrl) {
        return List.of(new SimpleEntry<>("sessionId", sessionId), new SimpleEntry<>("returnUrl", returnUrl));
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String origin(URI uri) {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost();
        return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
    }

    private static String randomPrintable(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=:;,!*()@$";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static VerificationReport.Verdict verdict(VerificationReport report, String step) {
        return report.steps().stream().filter(s -> s.name().equals(step)).map(VerificationReport.Step::verdict)
                .findFirst().orElse(VerificationReport.Verdict.SKIPPED);
    }

    private static String message(VerificationReport report, String step) {
        return report.steps().stream().filter(s -> s.name().equals(step)).map(VerificationReport.Step::message)
                .findFirst().orElse("");
    }

    private static X509Certificate certificate(List<RegistryEntry> trusted, String sha256) {
        return trusted.stream().flatMap(e -> e.certificates().stream())
                .filter(c -> Certificates.sha256(c).equals(sha256)).findFirst().orElse(null);
    }

    private static boolean equalsIfGiven(String expected, String actual) {
        return expected == null || expected.equals(actual);
    }

    private static List<Node> elements(Document doc, String localName) {
        NodeList list = doc.getElementsByTagNameNS(NS, localName);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i));
        }
        return out;
    }

    private static List<Node> children(Node parent, String localName) {
        List<Node> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && NS.equals(n.getNamespaceURI())
                    && localName.equals(n.getLocalName())) {
                out.add(n);
            }
        }
        return out;
    }

    private static String text(Document doc, String localName) {
        List<Node> found = elements(doc, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    private static String text(Node parent, String localName) {
        List<Node> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    private static boolean hasCredit(Node los) {
        for (Node specifies : children(los, "specifies")) {
            for (Node loi : children(specifies, "learningOpportunityInstance")) {
                if (!children(loi, "credit").isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ancestorHasCredit(Node los) {
        for (Node n = los.getParentNode(); n != null; n = n.getParentNode()) {
            if ("learningOpportunitySpecification".equals(n.getLocalName()) && hasCredit(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean localIdsUnique(Document doc) {
        for (Node report : elements(doc, "report")) {
            Set<String> seen = new HashSet<>();
            NodeList all = ((org.w3c.dom.Element) report).getElementsByTagNameNS(NS, "learningOpportunitySpecification");
            for (int i = 0; i < all.getLength(); i++) {
                Node los = all.item(i);
                String type = text(los, "type");
                for (Node id : children(los, "identifier")) {
                    if ("local".equals(((org.w3c.dom.Element) id).getAttribute("type"))
                            && !seen.add(type + "|" + id.getTextContent().strip())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static List<String> unresolvedReferences(Document doc) {
        List<String> unresolved = new ArrayList<>();
        for (Node report : elements(doc, "report")) {
            Set<String> schemes = new HashSet<>();
            for (Node scheme : children(report, "gradingScheme")) {
                schemes.add(((org.w3c.dom.Element) scheme).getAttribute("localId"));
            }
            NodeList refs = ((org.w3c.dom.Element) report).getElementsByTagNameNS(NS, "gradingSchemeLocalId");
            for (int i = 0; i < refs.getLength(); i++) {
                if (!schemes.contains(refs.item(i).getTextContent().strip())) {
                    unresolved.add("gradingSchemeLocalId " + refs.item(i).getTextContent().strip());
                }
            }
        }
        Set<String> attachmentIds = new HashSet<>();
        for (Node attachment : elements(doc, "attachment")) {
            children(attachment, "identifier").forEach(id -> attachmentIds.add(id.getTextContent().strip()));
        }
        for (Node attachments : elements(doc, "attachments")) {
            for (Node ref : children(attachments, "ref")) {
                if (!attachmentIds.contains(ref.getTextContent().strip())) {
                    unresolved.add("attachment ref " + ref.getTextContent().strip());
                }
            }
        }
        Map<String, Set<String>> groups = new HashMap<>();
        for (Node type : elements(doc, "groupType")) {
            Set<String> ids = new HashSet<>();
            children(type, "group").forEach(g -> ids.add(((org.w3c.dom.Element) g).getAttribute("id")));
            groups.put(((org.w3c.dom.Element) type).getAttribute("id"), ids);
        }
        for (Node grouping : elements(doc, "grouping")) {
            org.w3c.dom.Element g = (org.w3c.dom.Element) grouping;
            if (!groups.containsKey(g.getAttribute("typeref"))
                    || !groups.get(g.getAttribute("typeref")).contains(g.getAttribute("idref"))) {
                unresolved.add("grouping " + g.getAttribute("typeref") + "/" + g.getAttribute("idref"));
            }
        }
        return unresolved;
    }

    private static void collectMarkup(Node node, List<String> found) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                String name = n.getLocalName();
                boolean html = "descriptionHtml".equals(name) || "content".equals(name)
                        && "text/html".equals(((org.w3c.dom.Element) n).getAttribute("type"));
                if (!html && NS.equals(n.getNamespaceURI())) {
                    collectMarkup(n, found);
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (HTML.matcher(n.getNodeValue()).find()) {
                    found.add(node.getLocalName());
                }
            }
        }
    }

    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A title shows when it is in the text, or (wrapped in a table cell) all its words are. */
    private static boolean shown(String value, String text, Set<String> words) {
        String v = normalise(value);
        return text.contains(v) || words.containsAll(List.of(v.split(" ")));
    }
}
