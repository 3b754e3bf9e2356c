package org.edurecords.ncp.receiving;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;

import org.jboss.logging.Logger;
import org.w3c.dom.Document;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.ElmoJaxb;
import org.edurecords.ncp.emrex2.client.ResultsRetrieval;
import org.edurecords.ncp.verify.DetachedSignature;
import org.edurecords.ncp.verify.LearnerMatching;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.elmo.model.Attachment;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.receiving.ReceiverRequests.Arrival;
import org.edurecords.ncp.receiving.ReceiverRequests.Arrived;
import org.edurecords.ncp.receiving.profile.Evaluation;
import org.edurecords.ncp.receiving.profile.EvidenceQuality;
import org.edurecords.ncp.receiving.profile.ProfileEvaluator;
import org.edurecords.ncp.receiving.profile.RequirementProfile;
import org.edurecords.ncp.receiving.profile.RequirementProfiles;
import org.edurecords.ncp.registry.KnownNcps;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.TransferEncodingException;
import org.edurecords.ncp.verify.VerificationReport;
import org.edurecords.ncp.verify.VerificationService;
import org.edurecords.ncp.verify.VerifyRequest;

/**
 * An answer from its arrival to its evaluation: the verifier's steps (signature against the registry, schema, rules,
 * learner), the normalised results, and the requirement profile evaluated over every answer of the request. The
 * checking runs outside any transaction; storing, evaluating and writing the webhook are one transaction.
 */
@ApplicationScoped
public class AnswerEvaluation {

    private static final Logger LOG = Logger.getLogger(AnswerEvaluation.class);
    private static final String PDF_DATA = "data:application/pdf;base64,";

    @Inject
    NcpConfig config;

    @Inject
    VerificationService verifier;

    @Inject
    KnownNcps ncps;

    @Inject
    RequirementProfiles profiles;

    @Inject
    WebhookOutbox outbox;

    @Inject
    ReceiverRequests requests;

    @Inject
    ReceivingJson json;

    @Inject
    Clock clock;

    /**
     * What the checks found in one document.
     *
     * @param authentic whether every step but the learner match passed: the document is what its signer signed
     * @param results   the normalised results, when the document could be read
     * @param pdf       the PDF transcript it carries, base64, when it carries one
     */
    public record Checked(VerificationReport report, boolean authentic, String learnerMatch, ReceivedResults results,
            String pdf, String transportSignature) {

        /** EMREX 2.0: authentic only when the provider's {@code X-Signature} over the document verifies too. */
        Checked withTransportSignature(DetachedSignature.Verdict verdict) {
            return new Checked(report, authentic && verdict.valid(), learnerMatch, results, pdf,
                    (verdict.valid() ? "valid: " : "invalid: ") + verdict.describe());
        }
    }

    /**
     * What the checks found in competence evidence.
     *
     * @param state        {@link #VERIFIED}, {@link #NOT_VERIFIED} (its X-Signature does not verify), {@link #INVALID}
     *                     (not of the format {@code competence} 1.0), {@link #NONE} (204: no credentials consented to),
     *                     {@link #FAILED} (the provider could not give it)
     * @param body         the body exactly as received, when one came
     * @param check        the signature check and the format problem in words, or why it did not come
     * @param learnerMatch the evidence's learner against the expected person, when it could be read
     * @param credentials  the normalised credentials, when it could be read ({@code c1}, {@code c2}, ...)
     */
    public record CheckedCompetence(String state, byte[] body, String header, String check, String learnerMatch,
            List<ReceivedResults.Credential> credentials) {
        public static final String VERIFIED = "verified";
        public static final String NOT_VERIFIED = "not_verified";
        public static final String INVALID = "invalid";
        public static final String NONE = "none";
        public static final String FAILED = "failed";

        /** Whether it says anything a profile may read: it verified and is of the format. */
        boolean sound() {
            return VERIFIED.equals(state);
        }

        /** Whether evidence came (sound or not), rather than nothing. */
        boolean came() {
            return body != null;
        }
    }

    /**
     * Checks competence evidence: the X-Signature against the provider's registry certificates (done by the
     * retrieval), the shape by {@link CompetenceReader}, the learner against the expected person. Evidence that did not
     * verify is still read when it can be, so that a case worker sees what it claims; it never counts.
     */
    public CheckedCompetence checkCompetence(ResultsRetrieval.Evidence evidence, ExpectedPerson person) {
        if (evidence.outcome() == ResultsRetrieval.EvidenceOutcome.NONE) {
            return new CheckedCompetence(CheckedCompetence.NONE, null, null, null, null, List.of());
        }
        if (evidence.outcome() == ResultsRetrieval.EvidenceOutcome.FAILED) {
            return new CheckedCompetence(CheckedCompetence.FAILED, null, null, evidence.problem(), null, List.of());
        }
        DetachedSignature.Verdict verdict = evidence.signature();
        CompetenceReader.Evidence read = null;
        String malformed = null;
        try {
            read = CompetenceReader.read(evidence.body());
        } catch (CompetenceReader.Malformed e) {
            malformed = e.getMessage();
        }
        String state = !verdict.valid() ? CheckedCompetence.NOT_VERIFIED
                : malformed != null ? CheckedCompetence.INVALID : CheckedCompetence.VERIFIED;
        String check = (verdict.valid() ? "valid: " : "invalid: ") + verdict.describe()
                + (malformed == null ? "" : "; not of the format competence 1.0: " + malformed);
        return new CheckedCompetence(state, evidence.body(), evidence.header(), check,
                read == null ? null : learnerMatch(read.learner(), person),
                read == null ? List.of() : read.credentials());
    }

    /**
     * The evidence's learner against the expected person, by the verifier's one rule for ELMO's learner
     * ({@code verify.LearnerMatching}): the evidence names the person without identity numbers, as ELMO may.
     */
    static String learnerMatch(CompetenceReader.Learner learner, ExpectedPerson person) {
        return LearnerMatching.match(new VerificationReport.Learner(learner.givenNames(), learner.familyName(),
                learner.birthDate(), null), person.givenNames(), person.familyName(), person.birthDate()).verdict();
    }

    public Checked check(String elmo, ExpectedPerson person, String providerUrl) {
        VerificationReport report = verifier.verify(new VerifyRequest(elmo, person.givenNames(), person.familyName(),
                person.birthDate(), providerUrl));
        boolean authentic = report.steps().stream().noneMatch(s -> s.verdict() == VerificationReport.Verdict.FAIL
                && !"learner".equals(s.name()));
        ReceivedResults results = null;
        String pdf = null;
        Elmo parsed = parse(elmo);
        if (parsed != null) {
            results = ResultNormaliser.normalise(parsed);
            pdf = pdf(parsed);
        }
        String match = report.learnerMatch() == null ? "NOT_CHECKED" : report.learnerMatch().verdict();
        if (results != null && person.nationalIdentifier() != null && results.learner() != null) {
            for (ReceivedResults.Identifier id : results.learner().identifiers()) {
                // The national identifier, when the document carries one, must be the expected person's.
                if (id.type() != null && id.type().toLowerCase(Locale.ROOT).contains("national")
                        && !person.nationalIdentifier().equals(id.value())) {
                    match = "MISMATCH";
                }
            }
        }
        return new Checked(report, authentic, match, results, pdf, null);
    }

    /** Stores an answer (and, with results, the evaluation and its webhook) in one transaction. */
    @Transactional
    public Arrived store(String tripId, String code, String message, String elmo, Checked checked) {
        return store(tripId, code, message, elmo, checked, null);
    }

    /**
     * Stores an answer with the competence evidence that came with it (null: none was asked for), and, when it
     * carried results or credentials, the evaluation and its webhook, in one transaction.
     */
    @Transactional
    public Arrived store(String tripId, String code, String message, String elmo, Checked checked,
            CheckedCompetence competence) {
        ReceiverAnswer trip = ReceiverAnswer.findById(tripId);
        if (trip == null || trip.answered()) {
            return new Arrived(Arrival.UNKNOWN, null, null);
        }
        ReceiverRequest request = ReceiverRequest.findById(trip.requestId);
        Instant now = clock.instant();
        trip.receivedAt = now;
        trip.codeVerifier = null;
        trip.returnCode = code.length() > 32 ? code.substring(0, 32) : code;
        trip.returnMessage = message == null || message.isBlank() ? null
                : message.length() > 500 ? message.substring(0, 500) : message.strip();
        Arrival arrival;
        if (competence != null) {
            trip.competenceState = competence.state();
            trip.competenceCheck = competence.check() == null ? null
                    : competence.check().length() > 1000 ? competence.check().substring(0, 1000) : competence.check();
            if (competence.came()) {
                trip.competence = Base64.getEncoder().encodeToString(competence.body());
                trip.competenceSignature = competence.header() == null || competence.header().length() > 4000 ? null
                        : competence.header();
                trip.competenceLearnerMatch = competence.learnerMatch();
            }
        }
        if (checked != null) {
            trip.document = elmo;
            trip.verified = checked.authentic();
            trip.verdict = checked.report().verdict();
            trip.learnerMatch = checked.learnerMatch();
            trip.weakSignature = checked.report().signature() != null && checked.report().signature().weakAlgorithm();
            trip.verification = json.write(checked.report());
            trip.pdf = checked.pdf();
            trip.transportSignature = checked.transportSignature();
            trip.results = checked.results() == null ? null : json.write(checked.results());
        }
        boolean evidence = competence != null && competence.came();
        if (evidence) {
            // The answer's learner is everything it carried: the worse of the document's and the evidence's.
            trip.learnerMatch = checked == null ? competence.learnerMatch()
                    : worse(trip.learnerMatch, competence.learnerMatch());
            ReceivedResults base = checked != null && checked.results() != null ? checked.results()
                    : new ReceivedResults(null, List.of(), new ReceivedResults.Totals(0, 0, BigDecimal.ZERO), List.of());
            if (!competence.credentials().isEmpty() || checked == null || checked.results() != null) {
                trip.results = json.write(base.withCredentials(competence.credentials()));
            }
        }
        if (checked != null || evidence) {
            // Verified only when everything that came verified: the document and the evidence with it.
            boolean sound = (checked == null || checked.authentic()) && (!evidence || competence.sound());
            arrival = sound ? Arrival.RECEIVED : Arrival.NOT_VERIFIED;
        } else if (code.endsWith("_NO_RESULTS")) {
            arrival = Arrival.NO_RESULTS;
        } else if (code.endsWith("_CANCEL")) {
            arrival = Arrival.CANCELLED;
        } else {
            arrival = Arrival.ERROR;
        }
        request.updatedAt = now;
        if (arrival == Arrival.RECEIVED || arrival == Arrival.NOT_VERIFIED || arrival == Arrival.NO_RESULTS) {
            evaluate(request, now);
        } else if (RequestStatus.of(request.status) == RequestStatus.IN_PROGRESS && request.evaluatedAt == null) {
            request.status = RequestStatus.WAITING.word();
        }
        LOG.infof("Results request %s: answer from %s, %s (%s)", request.id, trip.provider, arrival,
                trip.returnCode);
        return new Arrived(arrival, request, trip.provider);
    }

    /** Evaluates the profile over every answer so far and writes the webhook of the evaluation. */
    void evaluate(ReceiverRequest request, Instant now) {
        List<ReceiverAnswer> answers = requests.answers(request.id).stream().filter(ReceiverAnswer::answered).toList();
        List<ReceivedResults> all = new ArrayList<>();
        boolean verified = true;
        boolean weak = false;
        boolean known = true;
        boolean partial = false;
        String match = null;
        Set<String> competenceProblems = new HashSet<>();
        for (ReceiverAnswer a : answers) {
            if (a.returnCode != null && a.returnCode.endsWith("_ERROR")) {
                partial = true;
            }
            // Credentials the provider could not give might have met the profile, as results of a missing source.
            partial |= CheckedCompetence.FAILED.equals(a.competenceState);
            if (CheckedCompetence.NOT_VERIFIED.equals(a.competenceState)) {
                competenceProblems.add(ProfileEvaluator.COMPETENCE_NOT_VERIFIED);
            } else if (CheckedCompetence.INVALID.equals(a.competenceState)) {
                competenceProblems.add(ProfileEvaluator.COMPETENCE_INVALID);
            }
            if (a.document == null) {
                if (a.competence != null) {
                    // Credentials only (the ELMO read answered 204): the evidence's learner is the answer's.
                    match = worse(match, a.learnerMatch == null ? "NOT_CHECKED" : a.learnerMatch);
                    if (a.results != null) {
                        all.add(json.read(a.results, ReceivedResults.class));
                    }
                }
                continue;
            }
            verified &= Boolean.TRUE.equals(a.verified) && a.results != null;
            weak |= Boolean.TRUE.equals(a.weakSignature);
            VerificationReport report = json.read(a.verification, VerificationReport.class);
            known &= report.signature() != null && report.signature().verifiedBy() != null;
            match = worse(match, a.learnerMatch);
            if (a.results != null) {
                all.add(json.read(a.results, ReceivedResults.class));
            }
        }
        ReceivedResults merged = merge(all);
        RequirementProfile profile = profiles.find(request.receiverId, request.profileId, request.profileVersion)
                .orElse(null);
        request.results = json.write(merged);
        if (profile == null) {
            // The profile left the configuration after the request was made: nothing can be decided.
            request.status = RequestStatus.RECEIVED.word();
            request.outcome = null;
            request.evaluation = null;
            LOG.warnf("Results request %s: profile %s v%d is no longer configured; not evaluated", request.id,
                    request.profileId, request.profileVersion);
            return;
        }
        // SHA-1 is weak; an operator who turned on the legacy switch has accepted it for decisions (ADR 0860).
        boolean weakForDecisions = weak && !config.verify().allowSha1();
        EvidenceQuality quality = new EvidenceQuality(verified, match == null ? "NOT_CHECKED" : match, partial,
                weakForDecisions, known, registryIssuers(), competenceProblems);
        Evaluation evaluation = ProfileEvaluator.evaluate(profile, merged, quality,
                java.time.LocalDate.now(clock.withZone(config.timeZone())));
        request.evaluation = json.write(evaluation);
        request.outcome = evaluation.outcome().name().toLowerCase(Locale.ROOT);
        request.status = RequestStatus.EVALUATED.word();
        request.evaluatedAt = now;
        outbox.enqueue(request, requests.view(request, false), answers.size());
    }

    /** The institutions the registry lists (names and SCHAC codes), for the profiles' "issued in the registry". */
    private Set<String> registryIssuers() {
        Set<String> issuers = new HashSet<>();
        for (RegistryEntry entry : ncps.entries()) {
            entry.institutions().forEach(i -> issuers.add(i.strip().toLowerCase(Locale.ROOT)));
        }
        return issuers;
    }

    private static final List<String> MATCH_ORDER = List.of("MISMATCH", "PARTIAL", "NOT_CHECKED", "MATCH");

    private static String worse(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return MATCH_ORDER.indexOf(a) <= MATCH_ORDER.indexOf(b) ? a : b;
    }

    /**
     * Every answer's results as one: the learner of the first, the institutions of all. Ids of later answers get the
     * answer's number in front ({@code a2.r1.3}) so that a verdict's result ids stay unique.
     */
    static ReceivedResults merge(List<ReceivedResults> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        List<ReceivedResults.Institution> institutions = new ArrayList<>();
        List<ReceivedResults.Attachment> attachments = new ArrayList<>();
        List<ReceivedResults.Credential> credentials = new ArrayList<>();
        int results = 0;
        int passed = 0;
        BigDecimal ects = BigDecimal.ZERO;
        ReceivedResults.Person learner = null;
        for (int i = 0; i < all.size(); i++) {
            ReceivedResults one = all.get(i);
            learner = learner == null ? one.learner() : learner;
            String prefix = i == 0 ? "" : "a" + (i + 1) + ".";
            for (ReceivedResults.Institution inst : one.institutions()) {
                institutions.add(i == 0 ? inst : renumber(inst, prefix));
            }
            attachments.addAll(one.attachments());
            for (ReceivedResults.Credential c : one.credentials()) {
                credentials.add(i == 0 ? c : c.withId(prefix + c.id()));
            }
            results += one.totals().results();
            passed += one.totals().passed();
            ects = ects.add(one.totals().ects() == null ? BigDecimal.ZERO : one.totals().ects());
        }
        return new ReceivedResults(learner, institutions, new ReceivedResults.Totals(results, passed, ects),
                attachments, credentials);
    }

    private static ReceivedResults.Institution renumber(ReceivedResults.Institution inst, String prefix) {
        List<ReceivedResults.LearningResult> results = inst.results().stream()
                .map(r -> new ReceivedResults.LearningResult(prefix + r.id(),
                        r.parentId() == null ? null : prefix + r.parentId(), r.depth(), r.type(), r.code(), r.titles(),
                        r.date(), r.status(), r.grade(), r.credits(), r.eqfLevel(), r.iscedCode()))
                .toList();
        return new ReceivedResults.Institution(inst.names(), inst.schac(), inst.country(), inst.issueDate(),
                inst.gradingSchemes(), results, inst.totals());
    }

    private Elmo parse(String elmo) {
        try {
            byte[] xml = TransferEncoding.decode(elmo.strip(), config.verify().maxDocumentBytes());
            Document document = SecureXml.parse(xml);
            Object parsed = ElmoJaxb.context().createUnmarshaller().unmarshal(document);
            return (Elmo) (parsed instanceof JAXBElement<?> element ? element.getValue() : parsed);
        } catch (TransferEncodingException | SecureXml.XmlParseException | JAXBException | RuntimeException e) {
            // The verifier's report says what is wrong; there are no results to normalise.
            return null;
        }
    }

    /** The first PDF attachment of the document or of one of its reports, base64. */
    private static String pdf(Elmo elmo) {
        List<Attachment> attachments = new ArrayList<>(elmo.getAttachment());
        elmo.getReport().forEach(r -> attachments.addAll(r.getAttachment()));
        for (Attachment a : attachments) {
            String content = a.getContent().isEmpty() ? "" : a.getContent().get(0).getValue().strip();
            if (content.startsWith(PDF_DATA)) {
                String data = content.substring(PDF_DATA.length()).replaceAll("\\s", "");
                try {
                    Base64.getDecoder().decode(data);
                    return data;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
