package org.edurecords.ncp.receiving;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.emrex.Receiver;
import org.edurecords.ncp.emrex2.Emrex2Endpoints;
import org.edurecords.ncp.emrex2.client.Pkce;
import org.edurecords.ncp.emrex2.client.ResultsRetrieval;
import org.edurecords.ncp.receiving.profile.RequirementProfile;
import org.edurecords.ncp.receiving.profile.RequirementProfiles;
import org.edurecords.ncp.registry.KnownNcps;
import org.edurecords.ncp.registry.OwnRegistryEntry;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.PublicUrl;
import org.edurecords.ncp.web.SecretTokens;

/**
 * The life of a results request: created by a case system, taken by the applicant to one NCP or several, answered,
 * verified and evaluated, delivered, and deleted after the retention. Every change of a request is one transaction,
 * and the webhook of an evaluation is written in the transaction of the evaluation (the outbox), so a crash loses
 * nothing a case system was told about.
 */
@ApplicationScoped
public class ReceiverRequests {

    private static final Logger LOG = Logger.getLogger(ReceiverRequests.class);

    /** Why a request was refused: a stable code for the case system and a message for its developer. */
    public static final class RequestProblem extends org.edurecords.ncp.web.ApiProblem {
        private static final long serialVersionUID = 1L;

        public RequestProblem(int status, String code, String message) {
            super(status, code, message);
        }
    }

    @Inject
    NcpConfig config;

    @Inject
    KnownReceivers receivers;

    @Inject
    KnownNcps ncps;

    @Inject
    OwnRegistryEntry ownEntry;

    @Inject
    RequirementProfiles profiles;

    @Inject
    AnswerEvaluation evaluation;

    @Inject
    WebhookOutbox outbox;

    @Inject
    PublicUrl publicUrl;

    @Inject
    ReceivingJson json;

    @Inject
    ReceiverClients clients;

    @Inject
    Clock clock;

    /** Stores a new request, after checking every field; nothing is stored when one is wrong. */
    @Transactional
    public ReceiverApi.Created create(Receiver receiver, ReceiverApi.NewRequest request) {
        if (request == null) {
            throw new RequestProblem(400, "body_missing", "A JSON body is required");
        }
        String caseReference = required(request.caseReference(), "caseReference", 256);
        ExpectedPerson person = request.person();
        if (person == null) {
            throw new RequestProblem(400, "person_missing", "person (givenNames, familyName, birthDate) is required");
        }
        String given = required(person.givenNames(), "person.givenNames", 200);
        String family = required(person.familyName(), "person.familyName", 200);
        String birth = required(person.birthDate(), "person.birthDate", 10);
        try {
            LocalDate.parse(birth);
        } catch (DateTimeParseException e) {
            throw new RequestProblem(400, "person_birthDate_invalid", "person.birthDate must be YYYY-MM-DD");
        }
        String nin = optional(person.nationalIdentifier(), "person.nationalIdentifier", 64);
        String profileId = required(request.profile(), "profile", 128);
        RequirementProfile profile = (request.profileVersion() == null ? profiles.find(receiver.id(), profileId)
                : profiles.find(receiver.id(), profileId, request.profileVersion()))
                .orElseThrow(() -> new RequestProblem(400, "profile_unknown", "No requirement profile '" + profileId
                        + "'" + (request.profileVersion() == null ? "" : " version " + request.profileVersion())
                        + " for this receiver"));
        String purpose = optional(request.purpose(), "purpose", 1000);
        String returnUrl = optional(request.returnUrl(), "returnUrl", 2048);
        if (returnUrl != null) {
            checkReturnUrl(receiver, returnUrl);
        }
        Instant now = clock.instant();
        ReceiverRequest stored = new ReceiverRequest();
        stored.id = SecretTokens.random(18);
        stored.receiverId = receiver.id();
        stored.caseReference = caseReference;
        stored.purpose = purpose;
        stored.expectedPerson = json.write(new ExpectedPerson(given.strip(), family.strip(), birth, nin));
        stored.profileId = profile.id();
        stored.profileVersion = profile.version();
        stored.applicantReturnUrl = returnUrl;
        stored.status = RequestStatus.WAITING.word();
        stored.createdAt = now;
        stored.updatedAt = now;
        stored.expiresAt = now.plus(config.receiving().requestLifetime());
        stored.purgeAt = now.plus(config.receiving().retention());
        stored.persist();
        LOG.infof("Results request %s created for receiver %s (profile %s v%d)", stored.id, receiver.id(),
                profile.id(), profile.version());
        return new ReceiverApi.Created(stored.id, applicantUrl(stored.id), stored.status, stored.expiresAt,
                new ReceiverApi.Profile(profile.id(), profile.version()));
    }

    public String applicantUrl(String id) {
        return publicUrl.base() + ApplicantResource.PATH + "/" + id;
    }

    /** The request, when it exists and belongs to this receiver. */
    public Optional<ReceiverRequest> of(Receiver receiver, String id) {
        return find(id).filter(r -> r.receiverId.equals(receiver.id()));
    }

    public Optional<ReceiverRequest> find(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(ReceiverRequest.<ReceiverRequest>findById(id)).map(this::expireIfDue);
    }

    /** The status as the clock says it now: an open request past its time is expired (and stored so). */
    private ReceiverRequest expireIfDue(ReceiverRequest request) {
        RequestStatus status = RequestStatus.of(request.status);
        if ((status == RequestStatus.WAITING || status == RequestStatus.IN_PROGRESS)
                && !clock.instant().isBefore(request.expiresAt)) {
            request.status = RequestStatus.EXPIRED.word();
        }
        return request;
    }

    /**
     * A receiver's requests, newest first, with their status as the clock says it now, optionally only those of one
     * status and one outcome; at most {@code max}.
     */
    public List<ReceiverRequest> list(String receiverId, String status, String outcome, int max) {
        StringBuilder query = new StringBuilder("receiverId = :receiver");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("receiver", receiverId);
        Instant now = clock.instant();
        if (status != null) {
            RequestStatus wanted = RequestStatus.of(status);
            if (wanted == RequestStatus.EXPIRED) {
                // Expired are also the open ones past their time that the purge job has not marked yet.
                query.append(" and (status = :status or (status in (:waiting, :progress) and expiresAt <= :now))");
                params.put("waiting", RequestStatus.WAITING.word());
                params.put("progress", RequestStatus.IN_PROGRESS.word());
                params.put("now", now);
            } else if (wanted == RequestStatus.WAITING || wanted == RequestStatus.IN_PROGRESS) {
                query.append(" and status = :status and expiresAt > :now");
                params.put("now", now);
            } else {
                query.append(" and status = :status");
            }
            params.put("status", wanted.word());
        }
        if (outcome != null) {
            query.append(" and outcome = :outcome");
            params.put("outcome", outcome);
        }
        query.append(" order by createdAt desc");
        List<ReceiverRequest> found = ReceiverRequest.<ReceiverRequest>find(query.toString(), params).page(0, max).list();
        found.forEach(this::expireIfDue);
        return found;
    }

    /**
     * The trips of a request, oldest first, as the database has them now (in a transaction of its own when there is
     * none: the page after an answer must not see the trip as this request's context read it before the answer).
     */
    @Transactional
    public List<ReceiverAnswer> answers(String requestId) {
        return ReceiverAnswer.list("requestId = ?1 order by startedAt", requestId);
    }

    public ReceiverApi.RequestView view(ReceiverRequest request) {
        return view(request, true);
    }

    /** The request as the API shows it; {@code withWebhook} false for the webhook's own payload. */
    ReceiverApi.RequestView view(ReceiverRequest request, boolean withWebhook) {
        List<ReceiverApi.AnswerView> answers = new ArrayList<>();
        String base = publicUrl.base() + ReceiverRequestResource.PATH + "/" + request.id + "/answers/";
        for (ReceiverAnswer a : answers(request.id)) {
            answers.add(new ReceiverApi.AnswerView(a.id, a.provider, a.startedAt, a.receivedAt, a.returnCode,
                    a.verified, a.verdict, a.learnerMatch, a.weakSignature, json.read(a.verification),
                    a.document == null ? null : base + a.id + "/document", a.pdf == null ? null : base + a.id + "/pdf",
                    a.protocol, a.transportSignature, a.returnMessage, a.competenceState == null ? null
                            : new ReceiverApi.CompetenceView(a.competenceState,
                                    a.competence == null ? null : base + a.id + "/competence", a.competenceCheck,
                                    a.competenceLearnerMatch)));
        }
        return new ReceiverApi.RequestView(request.id, request.caseReference, request.status, request.outcome,
                new ReceiverApi.Profile(request.profileId, request.profileVersion), request.createdAt,
                request.expiresAt, request.evaluatedAt, answers, json.read(request.results),
                json.read(request.evaluation), withWebhook ? outbox.deliveries(request.id) : null);
    }

    /** Closes a request the case system no longer needs; answers already received stay readable. */
    @Transactional
    public ReceiverRequest cancel(Receiver receiver, String id) {
        ReceiverRequest request = of(receiver, id).orElseThrow(() -> new RequestProblem(404, "request_unknown",
                "No such request for this receiver"));
        if (RequestStatus.of(request.status).open()) {
            request.status = RequestStatus.CANCELLED.word();
            request.updatedAt = clock.instant();
            LOG.infof("Results request %s cancelled by its receiver", id);
        }
        return request;
    }

    /**
     * The NCPs an applicant of this receiver can fetch results from: this one first, then the registry's, by
     * country. An NCP that offers EMREX 2.0 only is listed when the receiver is a 2.0 client. A registry entry that is
     * this NCP (the registry an operator consumes usually lists its own NCP too) is left out when the own entry is
     * listed: its entry URL is ours, or its EMREX 2.0 authorization URL is.
     */
    public List<RegistryEntry> providers(String receiverId) {
        boolean client = clients.of(receiverId).isPresent();
        List<RegistryEntry> all = new ArrayList<>(ncps.entries());
        List<RegistryEntry> own = all.stream().filter(e -> "self".equals(e.origin())).toList();
        List<RegistryEntry> others = all.stream().filter(e -> !"self".equals(e.origin()))
                // Without the own entry (ncp.registry.trust-self off) the registry's is the only one of this NCP.
                .filter(e -> own.isEmpty() || !thisNcp(e))
                .filter(e -> e.offersEmrex1() || (client && emrex2(e)))
                .sorted(java.util.Comparator.comparing((RegistryEntry e) -> e.countryCode() == null ? "" : e.countryCode())
                        .thenComparing(RegistryEntry::label))
                .collect(Collectors.toList());
        List<RegistryEntry> out = new ArrayList<>(own);
        out.addAll(others);
        return out;
    }

    /**
     * The applicant goes to an NCP: a trip with a fresh id is stored, and where the browser goes is returned. Another
     * NCP that offers EMREX 2.0 is reached with 2.0 when the receiver is a 2.0 client (the trip's id is the state, its
     * PKCE verifier kept with it); otherwise, and for this NCP itself, with the EMREX 1.0 form (the id is the
     * {@code sessionId}). Refused when the request is closed or the NCP is not one the registry lists.
     */
    @Transactional
    public Trip start(String requestId, String providerUrl) {
        ReceiverRequest request = find(requestId).orElseThrow(() -> new RequestProblem(404, "request_unknown",
                "No such request"));
        if (!RequestStatus.of(request.status).open()) {
            throw new RequestProblem(409, "request_closed", "The request is " + request.status);
        }
        RegistryEntry provider = providers(request.receiverId).stream().filter(e -> e.url().equals(providerUrl))
                .findFirst().orElseThrow(() -> new RequestProblem(400, "provider_unknown", "Not an NCP of the registry"));
        boolean self = "self".equals(provider.origin());
        Optional<ResultsRetrieval.Client> client = clients.of(request.receiverId);
        ReceiverAnswer trip = new ReceiverAnswer();
        trip.id = SecretTokens.random(18);
        trip.requestId = request.id;
        trip.provider = self ? config.name() : provider.label();
        trip.providerUrl = provider.url();
        trip.startedAt = clock.instant();
        boolean emrex2 = !self && emrex2(provider) && client.isPresent();
        if (emrex2) {
            trip.protocol = ReceiverAnswer.PROTOCOL_2;
            trip.codeVerifier = Pkce.verifier();
        }
        trip.persist();
        if (RequestStatus.of(request.status) == RequestStatus.WAITING) {
            request.status = RequestStatus.IN_PROGRESS.word();
        }
        request.updatedAt = trip.startedAt;
        LOG.infof("Results request %s: applicant sent to %s (EMREX %s)", request.id, LogSafe.of(trip.provider),
                trip.protocol);
        if (emrex2) {
            return new Trip(provider.url(), trip.id, null, ResultsRetrieval.authorizationUrl(
                    retrievalProvider(provider), client.get(), trip.id, trip.codeVerifier));
        }
        // This NCP's own pages and ledger name the case too; another NCP is not told the receiver's case.
        String returnUrl = returnUrl(request.receiverId) + (self
                ? "?case=" + java.net.URLEncoder.encode(request.caseReference, java.nio.charset.StandardCharsets.UTF_8)
                : "");
        return new Trip(provider.url(), trip.id, returnUrl, null);
    }

    /** Whether a registry entry is this NCP: its entry URL is our own, or its EMREX 2.0 authorization URL is. */
    private boolean thisNcp(RegistryEntry entry) {
        if (sameUrl(entry.url(), ownEntry.entryUrl())) {
            return true;
        }
        String authorize = publicUrl.base() + Emrex2Endpoints.AUTHORIZE;
        return entry.emrex2() != null && (sameUrl(entry.emrex2().authorizationUrl(), authorize)
                || sameUrl(entry.url(), authorize));
    }

    /**
     * Two URLs of one endpoint as registries write them: scheme and host in any case, a default port written or not,
     * with or without a final slash.
     */
    static boolean sameUrl(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return canonical(new URI(a.strip())).equals(canonical(new URI(b.strip())));
        } catch (java.net.URISyntaxException e) {
            return a.strip().equals(b.strip());
        }
    }

    private static String canonical(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort();
        if (port == ("https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -2)) {
            port = -1;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(java.util.Locale.ROOT)
                + (port < 0 ? "" : ":" + port) + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /**
     * Whether an NCP can be reached with EMREX 2.0: it publishes the endpoints, and they are https (plain http only
     * on this machine, where {@code ncp.emrex.allow-http-loopback} allows it), as the back channel carries results.
     */
    private boolean emrex2(RegistryEntry entry) {
        return entry.emrex2() != null && java.util.stream.Stream.of(entry.emrex2().authorizationUrl(),
                entry.emrex2().tokenUrl(), entry.emrex2().resourceUrl()).allMatch(this::secure);
    }

    private boolean secure(String url) {
        try {
            return secure(new URI(url));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private boolean secure(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) || ("http".equalsIgnoreCase(uri.getScheme())
                && config.emrex().allowHttpLoopback()
                && List.of("localhost", "127.0.0.1", "[::1]").contains(String.valueOf(uri.getHost())));
    }

    private static ResultsRetrieval.Provider retrievalProvider(RegistryEntry entry) {
        return new ResultsRetrieval.Provider(entry.emrex2().authorizationUrl(), entry.emrex2().tokenUrl(),
                entry.emrex2().resourceUrl(), entry.certificates(), entry.emrex2().offers(
                        ResultsRetrieval.COMPETENCE_FORMAT, ResultsRetrieval.COMPETENCE_VERSION));
    }

    /** Where an NCP posts its answer for a receiver of ours. */
    public String returnUrl(String receiverId) {
        return publicUrl.base() + KnownReceivers.RECEIVING_RETURN_PATH + receiverId;
    }

    /**
     * Where the applicant's browser goes: the EMREX 1.0 form it posts to the NCP ({@code target}, {@code sessionId},
     * {@code returnUrl}), or for EMREX 2.0 the provider's authorization URL ({@code authorizeUrl}).
     */
    public record Trip(String target, String sessionId, String returnUrl, String authorizeUrl) {
    }

    /** What the applicant is told after an answer came back. */
    public enum Arrival {
        /** Results received and verified; evaluated for the receiver. */
        RECEIVED,
        /** Received but the document did not verify: the case worker will look at it. */
        NOT_VERIFIED,
        /** The NCP had no results for them. */
        NO_RESULTS,
        /** They cancelled at the NCP. */
        CANCELLED,
        /** The NCP reported an error. */
        ERROR,
        /** The answer matches no open trip (unknown, already answered, or the request is closed). */
        UNKNOWN
    }

    /** The result of an arrival, for the applicant's page. */
    public record Arrived(Arrival arrival, ReceiverRequest request, String provider) {
    }

    /**
     * An NCP's answer, as the applicant's browser brought it back. The document is verified against the registry
     * and the expected person before anything is evaluated; the answer is stored as received either way.
     */
    public Arrived arrive(String receiverId, String sessionId, String returnCode, String returnMessage, String elmo) {
        return arrive(receiverId, sessionId, returnCode, returnMessage, elmo, null, null);
    }

    /**
     * The same, with the credentials outside ELMO that this very NCP adds for its own receiving side
     * ({@code competence}, base64 of the JSON evidence, and its {@code competenceSignature}); they count only from
     * a trip to this NCP and are checked with its own published certificates, as any provider's evidence is.
     */
    public Arrived arrive(String receiverId, String sessionId, String returnCode, String returnMessage, String elmo,
            String competence, String competenceSignature) {
        Optional<ReceiverAnswer> open = openTrip(receiverId, sessionId, ReceiverAnswer.PROTOCOL_1);
        if (open.isEmpty()) {
            return new Arrived(Arrival.UNKNOWN, null, null);
        }
        ReceiverAnswer trip = open.get();
        String code = returnCode == null ? "" : returnCode.strip().toUpperCase(Locale.ROOT);
        AnswerEvaluation.Checked checked = code.endsWith("_OK") && elmo != null && !elmo.isBlank()
                ? evaluation.check(elmo, expectedPerson(trip), trip.providerUrl) : null;
        AnswerEvaluation.CheckedCompetence credentials = null;
        if (competence != null && !competence.isBlank() && code.endsWith("_OK")) {
            if (!sameUrl(trip.providerUrl, ownEntry.entryUrl())) {
                LOG.warnf("Results request %s: credentials in an EMREX 1.0 answer of %s are ignored", trip.requestId,
                        LogSafe.of(trip.provider));
            } else {
                credentials = evaluation.checkCompetence(ownEvidence(competence, competenceSignature),
                        expectedPerson(trip));
            }
        }
        // Credentials only: an answer without ELMO, stored as the EMREX 2.0 answer of credentials only is.
        String document = credentials != null && (elmo == null || elmo.isBlank()) ? null : elmo;
        return store(trip, code, returnMessage, document, checked, credentials);
    }

    /** This NCP's evidence as its answer form carried it, its signature checked with the certificates it publishes. */
    private ResultsRetrieval.Evidence ownEvidence(String competence, String signature) {
        byte[] body;
        try {
            body = java.util.Base64.getDecoder().decode(competence.strip());
        } catch (IllegalArgumentException e) {
            return new ResultsRetrieval.Evidence(ResultsRetrieval.EvidenceOutcome.FAILED, null, null, null,
                    "the competence field is not base64");
        }
        return new ResultsRetrieval.Evidence(ResultsRetrieval.EvidenceOutcome.EVIDENCE, body, signature,
                org.edurecords.ncp.verify.DetachedSignature.verify(signature, body, ownEntry.entry().certificates()),
                null);
    }

    /**
     * The redirect back from an EMREX 2.0 provider ({@code state} is the trip's id). With a code, the code is
     * exchanged and the document read over the back channel; it is checked as an EMREX 1.0 answer is, and is
     * authentic only when the provider's {@code X-Signature} over it verifies too. With an error (the applicant
     * cancelled: {@code access_denied}), the trip is answered with it.
     */
    public Arrived arriveWithCode(String receiverId, String state, String code, String error, String description) {
        Optional<ReceiverAnswer> open = openTrip(receiverId, state, ReceiverAnswer.PROTOCOL_2);
        if (open.isEmpty()) {
            return new Arrived(Arrival.UNKNOWN, null, null);
        }
        ReceiverAnswer trip = open.get();
        if ((error != null && !error.isBlank()) || code == null || code.isBlank()) {
            String message = error == null || error.isBlank() ? "the redirect carried no code"
                    : error.strip() + (description == null || description.isBlank() ? "" : ": " + description.strip());
            return store(trip, "access_denied".equals(error) ? "NCP_CANCEL" : "NCP_ERROR", limit(message), null, null);
        }
        Optional<RegistryEntry> provider = ncps.entries().stream()
                .filter(e -> emrex2(e) && e.url().equals(trip.providerUrl)).findFirst();
        Optional<ResultsRetrieval.Client> client = clients.of(receiverId);
        if (provider.isEmpty() || client.isEmpty()) {
            return store(trip, "NCP_ERROR", "the NCP is no longer in the registry as an EMREX 2.0 provider", null, null);
        }
        ResultsRetrieval.Retrieved got;
        try {
            got = clients.retrieval().retrieve(retrievalProvider(provider.get()), client.get(), code.strip(),
                    trip.codeVerifier, clock.instant(), trip.id);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("Results request %s: EMREX 2.0 exchange with %s failed: %s", trip.requestId,
                    LogSafe.of(trip.provider), LogSafe.of(String.valueOf(e.getMessage())));
            return store(trip, "NCP_ERROR", limit("the NCP could not be reached: " + e.getMessage()), null, null);
        }
        // Asked for only where the entry lists the format; a provider of ELMO alone is never asked for credentials.
        AnswerEvaluation.CheckedCompetence competence = got.competence() == null ? null
                : evaluation.checkCompetence(got.competence(), expectedPerson(trip));
        if (competence != null && AnswerEvaluation.CheckedCompetence.FAILED.equals(competence.state())) {
            LOG.warnf("Results request %s: %s did not give the competence evidence: %s", trip.requestId,
                    LogSafe.of(trip.provider), LogSafe.of(competence.check()));
        }
        return switch (got.outcome()) {
            // The student may have consented to credentials only: the ELMO read answers 204, the evidence comes.
            case NO_RESULTS -> store(trip, competence != null && competence.came() ? "NCP_OK" : "NCP_NO_RESULTS",
                    null, null, null, competence);
            case REFUSED -> {
                LOG.warnf("Results request %s: %s refused the EMREX 2.0 exchange: %s", trip.requestId,
                        LogSafe.of(trip.provider), LogSafe.of(got.problem()));
                yield store(trip, "NCP_ERROR", limit(got.problem()), null, null);
            }
            case RESULTS -> {
                // Stored in the form of an EMREX 1.0 answer, so that one reader serves both.
                String elmo = TransferEncoding.encode(got.elmo());
                AnswerEvaluation.Checked checked = evaluation.check(elmo, expectedPerson(trip), trip.providerUrl)
                        .withTransportSignature(got.signature());
                yield store(trip, "NCP_OK", null, elmo, checked, competence);
            }
        };
    }

    private ExpectedPerson expectedPerson(ReceiverAnswer trip) {
        ReceiverRequest request = ReceiverRequest.findById(trip.requestId);
        return json.read(request.expectedPerson, ExpectedPerson.class);
    }

    private static String limit(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }

    private Arrived store(ReceiverAnswer trip, String code, String message, String elmo, AnswerEvaluation.Checked checked) {
        return store(trip, code, message, elmo, checked, null);
    }

    private Arrived store(ReceiverAnswer trip, String code, String message, String elmo, AnswerEvaluation.Checked checked,
            AnswerEvaluation.CheckedCompetence competence) {
        for (int attempt = 1;; attempt++) {
            try {
                return evaluation.store(trip.id, code, message, elmo, checked, competence);
            } catch (RuntimeException e) {
                // Two answers of one request at the same moment: the later commit lost the race on the request's
                // version; evaluating again over both answers is what it must do anyway.
                if (attempt == 3 || !concurrentUpdate(e)) {
                    throw e;
                }
                LOG.infof("Results request %s: evaluated again after a concurrent answer", trip.requestId);
            }
        }
    }

    private static boolean concurrentUpdate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** The open trip of this receiver with this id and protocol; a refusal (logged) otherwise. */
    private Optional<ReceiverAnswer> openTrip(String receiverId, String id, String protocol) {
        Optional<ReceiverAnswer> open = openTrip(receiverId, id).filter(t -> protocol.equals(t.protocol));
        if (open.isEmpty()) {
            LOG.warnf("EMREX %s answer for receiver %s refused: no open trip with that %s", protocol,
                    LogSafe.of(receiverId), ReceiverAnswer.PROTOCOL_1.equals(protocol) ? "sessionId" : "state");
        }
        return open;
    }

    private Optional<ReceiverAnswer> openTrip(String receiverId, String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 64) {
            return Optional.empty();
        }
        ReceiverAnswer trip = ReceiverAnswer.findById(sessionId.strip());
        if (trip == null || trip.answered()) {
            return Optional.empty();
        }
        Optional<ReceiverRequest> request = find(trip.requestId);
        if (request.isEmpty() || !request.get().receiverId.equals(receiverId)
                || !RequestStatus.of(request.get().status).open()) {
            return Optional.empty();
        }
        return Optional.of(trip);
    }

    /** Requests past their retention are deleted with their answers and webhooks (the cascade). */
    @Scheduled(every = "${ncp.operations.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant now = clock.instant();
        long expired = ReceiverRequest.update("status = ?1, updatedAt = ?2 where status in (?3, ?4) and expiresAt <= ?2",
                RequestStatus.EXPIRED.word(), now, RequestStatus.WAITING.word(), RequestStatus.IN_PROGRESS.word());
        long purged = ReceiverRequest.delete("purgeAt <= ?1", now);
        if (expired + purged > 0) {
            LOG.infof("Results requests: %d expired, %d deleted after the retention", expired, purged);
        }
    }

    private void checkReturnUrl(Receiver receiver, String returnUrl) {
        URI uri;
        try {
            uri = new URI(returnUrl);
        } catch (java.net.URISyntaxException e) {
            throw new RequestProblem(400, "returnUrl_invalid", "returnUrl is not a URL");
        }
        if (uri.getHost() == null || !secure(uri) || uri.getRawUserInfo() != null) {
            throw new RequestProblem(400, "returnUrl_invalid", "returnUrl must be an https URL");
        }
        if (!receiver.accepts(uri.getHost())) {
            throw new RequestProblem(400, "returnUrl_host", "returnUrl is not on one of this receiver's return hosts");
        }
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new RequestProblem(400, field.replace('.', '_') + "_missing", field + " is required");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new RequestProblem(400, field.replace('.', '_') + "_too_long", field + " has more than " + max
                    + " characters");
        }
        return value.strip();
    }
}
