package org.edurecords.ncp.sharing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import org.edurecords.ncp.competence.CompetenceEvidence;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.ledger.DisclosedResult;
import org.edurecords.ncp.ledger.Disclosure;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.web.SecretTokens;
import org.jboss.logging.Logger;

/**
 * Share links in the database, so any instance serves any step and a restart loses nothing. Every event that
 * discloses something or changes who can see it is stored in one transaction with its ledger record.
 */
@ApplicationScoped
public class ShareLinks {

    private static final Logger LOG = Logger.getLogger(ShareLinks.class);
    static final int LINK_ID_BYTES = 24;
    private static final int TOKEN_BYTES = 32;

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    DisclosureLedger ledger;

    @Inject
    ObjectMapper json;

    /** Credentials of a link in the JSON evidence format, and the X-Signature over exactly these bytes. */
    public record Evidence(byte[] body, String signature) {
    }

    /**
     * What a new link carries, signed: the ELMO of its results (null without results), the evidence of its
     * credentials (null without) and, with credentials, its own sealed PDF, all under one document id.
     */
    public record Documents(String documentId, SignedTransfer elmo, Evidence evidence, byte[] pdf) {
    }

    /** A new link and its code, the only time the code exists in clear. */
    public record Created(ShareLink link, String code) {
    }

    /**
     * What entering a code led to. {@code WAIT}: this network has entered too many wrong codes for this link and
     * must wait (others can still open it); {@code LOCKED_NOW}: the wrong codes of all networks together have
     * locked the link for everyone.
     */
    public enum Outcome {
        OPENED, WRONG, WAIT, LOCKED_NOW, UNKNOWN, NOT_ACTIVE
    }

    /**
     * @param grantToken the cookie value for the recipient's browser (OPENED only)
     * @param attemptsLeft wrong codes left before this network has to wait (WRONG only)
     * @param until when this network may try again (WAIT only)
     */
    public record Entry(Outcome outcome, ShareLink link, String grantToken, int attemptsLeft, Instant until) {

        Entry(Outcome outcome, ShareLink link) {
            this(outcome, link, null, 0, null);
        }
    }

    /** A link whose recipient has entered the right code, with what it shows. */
    public record Opened(ShareLink link, ShareSnapshot snapshot) {
    }

    /**
     * A link of the owner's list with the time of every view, oldest first, and the wrong codes entered within
     * the current window (from any network).
     */
    public record Listed(ShareLink link, LinkStatus status, List<Instant> views, long recentWrongCodes) {
    }

    /**
     * Stores a new link with its signed snapshot and records {@code LINK_CREATED}; empty when the same preview
     * form (request id) already created one.
     */
    @Transactional
    public Optional<Created> create(LearnerResults selected, Documents documents, Duration validity, Locale language,
            String label, String requestId) {
        if (ShareLink.count("requestId", requestId) > 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String code = AccessCodes.newCode();
        ShareLink link = new ShareLink();
        link.id = SecretTokens.random(LINK_ID_BYTES);
        link.learnerId = selected.learner().id();
        link.label = label;
        link.language = language.getLanguage();
        link.codeHash = AccessCodes.hash(code);
        link.documentId = documents.documentId();
        link.requestId = requestId;
        link.createdAt = now;
        link.expiresAt = now.plus(validity);
        link.persist();
        ShareSnapshot snapshot = new ShareSnapshot();
        snapshot.linkId = link.id;
        snapshot.signedElmo = documents.elmo() == null ? null
                : new String(documents.elmo().signedXml(), StandardCharsets.UTF_8);
        snapshot.payload = toJson(SnapshotPayload.of(selected));
        if (documents.evidence() != null) {
            snapshot.competence = new String(documents.evidence().body(), StandardCharsets.UTF_8);
            snapshot.competenceSignature = documents.evidence().signature();
        }
        if (documents.pdf() != null) {
            snapshot.signedPdf = java.util.Base64.getEncoder().encodeToString(documents.pdf());
        }
        snapshot.persist();
        ledger.record(Disclosure.link(DisclosureKind.LINK_CREATED, link.learnerId, link.id, label, link.documentId,
                disclosed(snapshot)), now);
        LOG.infof("Share link created (document %s, valid until %s)", link.documentId, link.expiresAt);
        return Optional.of(new Created(link, code));
    }

    @Transactional
    public Optional<ShareLink> find(String linkId) {
        return plausibleId(linkId) ? Optional.ofNullable(ShareLink.findById(linkId)) : Optional.empty();
    }

    /**
     * Checks a code under a row lock (so instances racing on one link count every attempt). Wrong codes are
     * counted twice, in one sliding window: per network, where reaching {@code attempt-limit} makes that network
     * wait, and per link, where reaching {@code link-attempt-limit} locks the link for everyone (docs/adr/0604).
     * A network that has to wait is refused without its code being checked or counted, the right code too.
     * The right code opens the link, records the view in the ledger and issues a grant.
     *
     * @param network the client's network ({@code ClientAddress#network}); only its keyed hash is stored
     */
    @Transactional
    public Entry enter(String linkId, String typed, String network) {
        ShareLink link = plausibleId(linkId) ? ShareLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (link == null) {
            return new Entry(Outcome.UNKNOWN, null);
        }
        Instant now = clock.instant();
        if (link.statusAt(now) != LinkStatus.ACTIVE) {
            return new Entry(Outcome.NOT_ACTIVE, link);
        }
        String source = AttemptSources.of(link.id, network);
        Optional<Instant> waiting = waitUntil(link.id, source, now);
        if (waiting.isPresent()) {
            return new Entry(Outcome.WAIT, link, null, 0, waiting.get());
        }
        if (AccessCodes.matches(typed, link.codeHash)) {
            ShareView view = new ShareView();
            view.linkId = link.id;
            view.viewedAt = now;
            view.persist();
            ShareSnapshot snapshot = ShareSnapshot.findById(link.id);
            ledger.record(Disclosure.link(DisclosureKind.LINK_VIEWED, link.learnerId, link.id, link.label,
                    link.documentId, disclosed(snapshot)), now);
            String token = SecretTokens.random(TOKEN_BYTES);
            ShareGrant grant = new ShareGrant();
            grant.tokenHash = SecretTokens.sha256Hex(token);
            grant.linkId = link.id;
            grant.expiresAt = now.plus(config.sharing().grantDuration());
            grant.persist();
            LOG.infof("Share link of document %s opened with the right code", link.documentId);
            return new Entry(Outcome.OPENED, link, token, 0, null);
        }
        ShareAttempt attempt = new ShareAttempt();
        attempt.linkId = link.id;
        attempt.attemptedAt = now;
        attempt.source = source;
        attempt.persist();

        Instant windowStart = now.minus(config.sharing().attemptWindow());
        long fromAll = ShareAttempt.count("linkId = ?1 and attemptedAt > ?2", link.id, windowStart);
        int linkLimit = config.sharing().linkAttemptLimit();
        if (fromAll >= linkLimit) {
            // Sliding window: a new attempt is allowed again once the oldest of the counted ones is out of it.
            ShareAttempt oldestCounted = ShareAttempt.<ShareAttempt>find("linkId = ?1 and attemptedAt > ?2",
                    Sort.descending("attemptedAt"), link.id, windowStart).range(linkLimit - 1, linkLimit - 1).firstResult();
            link.lockedUntil = oldestCounted.attemptedAt.plus(config.sharing().attemptWindow());
            ledger.record(Disclosure.link(DisclosureKind.LINK_LOCKED, link.learnerId, link.id, link.label,
                    link.documentId, List.of()), now);
            LOG.warnf("Share link of document %s locked for everyone until %s after %d wrong access codes", link.documentId,
                    link.lockedUntil, fromAll);
            return new Entry(Outcome.LOCKED_NOW, link);
        }
        waiting = waitUntil(link.id, source, now);
        if (waiting.isPresent()) {
            LOG.infof("Share link of document %s: one network entered too many wrong access codes and waits until %s",
                    link.documentId, waiting.get());
            return new Entry(Outcome.WAIT, link, null, 0, waiting.get());
        }
        long fromSource = ShareAttempt.count("linkId = ?1 and source = ?2 and attemptedAt > ?3", link.id, source,
                windowStart);
        int left = (int) Math.min(config.sharing().attemptLimit() - fromSource, linkLimit - fromAll);
        LOG.infof("Share link of document %s: wrong access code (%d of %d from one network, %d of %d in all)",
                link.documentId, fromSource, config.sharing().attemptLimit(), fromAll, linkLimit);
        return new Entry(Outcome.WRONG, link, null, left, null);
    }

    /** When this network may enter a code for this link again; empty when it may now. */
    @Transactional
    public Optional<Instant> waitUntil(ShareLink link, String network) {
        return waitUntil(link.id, AttemptSources.of(link.id, network), clock.instant());
    }

    /**
     * The moment the network's oldest counted attempt leaves the window, when the network has reached its limit:
     * from then on it is again below the limit.
     */
    private Optional<Instant> waitUntil(String linkId, String source, Instant now) {
        int limit = config.sharing().attemptLimit();
        Duration window = config.sharing().attemptWindow();
        ShareAttempt oldestCounted = ShareAttempt.<ShareAttempt>find("linkId = ?1 and source = ?2 and attemptedAt > ?3",
                Sort.descending("attemptedAt"), linkId, source, now.minus(window)).range(limit - 1, limit - 1).firstResult();
        return oldestCounted == null ? Optional.empty() : Optional.of(oldestCounted.attemptedAt.plus(window));
    }

    /**
     * The link and its snapshot for a browser holding a grant of it; empty when the grant is unknown or over, or
     * the link was deactivated or has expired meanwhile (a lock does not end a grant given before it).
     */
    @Transactional
    public Optional<Opened> opened(String linkId, String grantToken) {
        if (!plausibleId(linkId) || grantToken == null || grantToken.isBlank() || grantToken.length() > 64) {
            return Optional.empty();
        }
        ShareGrant grant = ShareGrant.findById(SecretTokens.sha256Hex(grantToken));
        Instant now = clock.instant();
        if (grant == null || !grant.linkId.equals(linkId) || !now.isBefore(grant.expiresAt)) {
            return Optional.empty();
        }
        ShareLink link = ShareLink.findById(linkId);
        LinkStatus status = link.statusAt(now);
        if (status != LinkStatus.ACTIVE && status != LinkStatus.LOCKED) {
            return Optional.empty();
        }
        ShareSnapshot snapshot = ShareSnapshot.findById(linkId);
        return snapshot == null ? Optional.empty() : Optional.of(new Opened(link, snapshot));
    }

    /** The owner's links, newest first, with their views. */
    @Transactional
    public List<Listed> linksOf(long learnerId) {
        List<ShareLink> links = ShareLink.list("learnerId", Sort.descending("createdAt", "id"), learnerId);
        Map<String, List<Instant>> views = new HashMap<>();
        Map<String, Long> wrongCodes = new HashMap<>();
        Instant now = clock.instant();
        if (!links.isEmpty()) {
            List<String> ids = links.stream().map(l -> l.id).toList();
            List<ShareView> all = ShareView.list("linkId in ?1", Sort.ascending("viewedAt", "id"), ids);
            all.forEach(v -> views.computeIfAbsent(v.linkId, k -> new ArrayList<>()).add(v.viewedAt));
            ShareAttempt.getEntityManager().createQuery("select a.linkId, count(a) from ShareAttempt a"
                    + " where a.linkId in :ids and a.attemptedAt > :since group by a.linkId", Object[].class)
                    .setParameter("ids", ids).setParameter("since", now.minus(config.sharing().attemptWindow()))
                    .getResultList().forEach(row -> wrongCodes.put((String) row[0], ((Number) row[1]).longValue()));
        }
        return links.stream().map(l -> new Listed(l, l.statusAt(now), views.getOrDefault(l.id, List.of()),
                wrongCodes.getOrDefault(l.id, 0L))).toList();
    }

    /**
     * Deactivates one of the owner's links at once: grants end, the recipient sees "deactivated". False when
     * the link does not exist or is someone else's; deactivating twice records once.
     */
    @Transactional
    public boolean deactivate(long learnerId, String linkId) {
        ShareLink link = plausibleId(linkId) ? ShareLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (link == null || link.learnerId != learnerId) {
            return false;
        }
        if (link.deactivatedAt == null) {
            Instant now = clock.instant();
            link.deactivatedAt = now;
            ShareGrant.delete("linkId", link.id);
            ledger.record(Disclosure.link(DisclosureKind.LINK_DEACTIVATED, learnerId, link.id, link.label,
                    link.documentId, List.of()), now);
            LOG.infof("Share link of document %s deactivated by its owner", link.documentId);
        }
        return true;
    }

    /**
     * Deletes the snapshot of one link expired or deactivated before the cutoff and records it; false when
     * another instance did it first or the link does not qualify.
     */
    @Transactional
    boolean deleteSnapshot(String linkId, Instant cutoff) {
        ShareLink link = ShareLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null || link.snapshotDeletedAt != null
                || (link.expiresAt.isAfter(cutoff) && (link.deactivatedAt == null || link.deactivatedAt.isAfter(cutoff)))) {
            return false;
        }
        Instant now = clock.instant();
        link.snapshotDeletedAt = now;
        ShareSnapshot.delete("linkId", link.id);
        ShareGrant.delete("linkId", link.id);
        ledger.record(Disclosure.link(DisclosureKind.LINK_SNAPSHOT_DELETED, link.learnerId, link.id, link.label,
                link.documentId, List.of()), now);
        return true;
    }

    /** What a link discloses, for the ledger: its learning opportunities, then its credentials (by kind and issuer). */
    List<DisclosedResult> disclosed(ShareSnapshot snapshot) {
        List<DisclosedResult> all = new java.util.ArrayList<>(DisclosedResult.of(payload(snapshot).results()));
        evidence(snapshot).ifPresent(e -> all.addAll(DisclosedResult.of(e)));
        return all;
    }

    /** The credentials of a link as signed at its creation; empty when it has none. */
    public Optional<CompetenceEvidence> evidence(ShareSnapshot snapshot) {
        if (snapshot.competence == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(snapshot.competence, CompetenceEvidence.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The credentials of a share link are unreadable", e);
        }
    }

    SnapshotPayload payload(ShareSnapshot snapshot) {
        try {
            return json.readValue(snapshot.payload, SnapshotPayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The snapshot of a share link is unreadable", e);
        }
    }

    private String toJson(SnapshotPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The results of a share link cannot be kept", e);
        }
    }

    /** Whether a path segment can be one of our link ids at all (no database query for anything else). */
    static boolean plausibleId(String linkId) {
        return linkId != null && linkId.length() == 32 && linkId.matches("[A-Za-z0-9_-]+");
    }
}
