package org.edurecords.ncp.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.ledger.Disclosure;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.PublicUrl;
import org.edurecords.ncp.web.Texts;
import org.jboss.logging.Logger;

/**
 * Sends a share link by e-mail at its owner's request: in the link's language, with the link and the owner's name,
 * never the access code (the owner gives that another way). The ledger records the address in the transaction of
 * the sending, before the message goes out; a message that cannot be handed to the mail server leaves no record
 * (docs/adr/0612).
 */
@ApplicationScoped
public class ShareMail {

    private static final Logger LOG = Logger.getLogger(ShareMail.class);

    /** Longest address an SMTP path takes (RFC 5321: 254 characters, 64 before the {@code @}). */
    static final int ADDRESS_MAX = 254;
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

    /** What a request to send led to. */
    public enum Outcome {
        SENT, NO_SUCH_LINK, NOT_ACTIVE, TOO_MANY
    }

    @Inject
    ReactiveMailer mailer;

    @Inject
    DisclosureLedger ledger;

    @Inject
    ResultService results;

    @Inject
    NcpConfig config;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    @Location("mail/shareLink.txt")
    Template message;

    /**
     * The address as it will be used (the domain in lower case), or empty when it is not one plain address: no
     * display name, no list, no comments, no control characters, a domain with a top-level part.
     */
    public static Optional<String> address(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String address = typed.strip();
        int at = address.lastIndexOf('@');
        if (address.isEmpty() || address.length() > ADDRESS_MAX || at < 1 || at != address.indexOf('@')
                || at > 64) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!LOCAL_PART.matcher(local).matches() || domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(local + "@" + domain.toLowerCase(Locale.ROOT));
    }

    /**
     * Sends one of the owner's active links to {@code address} (already checked with {@link #address}) and records
     * it. A failure of the mail server propagates, and the record is rolled back with it.
     */
    @Transactional
    public Outcome send(long owner, String linkId, String address) {
        ShareLink link = ShareLinks.plausibleId(linkId) ? ShareLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE)
                : null;
        if (link == null || link.learnerId != owner) {
            return Outcome.NO_SUCH_LINK;
        }
        Instant now = clock.instant();
        if (link.statusAt(now) != LinkStatus.ACTIVE) {
            return Outcome.NOT_ACTIVE;
        }
        long sent = DisclosureEvent.count("shareLinkId = ?1 and kind = ?2", link.id, DisclosureKind.LINK_EMAILED);
        if (sent >= config.sharing().maxEmailsPerLink()) {
            LOG.infof("Share link of document %s: e-mail refused, already sent %d times", link.documentId, sent);
            return Outcome.TOO_MANY;
        }
        Learner learner = results.findLearner(owner).orElseThrow();
        ledger.record(Disclosure.linkEmailed(owner, link.id, link.label, link.documentId, address), now);
        Locale language = Optional.ofNullable(Languages.supported(link.language)).orElse(Languages.ENGLISH);
        String sender = oneLine(learner.givenNames() + " " + learner.familyName());
        String url = publicUrl.base() + RecipientResource.PATH + link.id;
        String body = message.data("sender", sender).data("url", url).data("ncpName", config.name())
                .data("publicUrl", publicUrl.base())
                .data("credentials", ShareSnapshot.count("linkId = ?1 and competence is not null", link.id) > 0)
                .data("expires", Formats.dateTime(link.expiresAt, config.timeZone(), language))
                .setLocale(language).render();
        Mail mail = Mail.withText(address, Texts.more(language).share_email_subject(sender), body)
                .addHeader("Content-Language", language.toLanguageTag())
                .addHeader("Auto-Submitted", "auto-generated");
        handOver(mail);
        // The address is personal data of the recipient: the ledger keeps it for its owner, the log does not.
        LOG.infof("Share link of document %s sent by e-mail at its owner's request", link.documentId);
        return Outcome.SENT;
    }

    /**
     * Hands the message to the mail server within {@code ncp.sharing.email-timeout}; a stalled attempt (the server
     * took the connection and stopped answering) is tried once more. A failure rolls the ledger record back.
     */
    private void handOver(Mail mail) {
        java.time.Duration timeout = config.sharing().emailTimeout();
        try {
            mailer.send(mail).await().atMost(timeout);
        } catch (io.smallrye.mutiny.TimeoutException stalled) {
            LOG.warnf("The mail server did not answer within %s; trying once more", timeout);
            mailer.send(mail).await().atMost(timeout);
        }
    }

    /** A name for a header: no line breaks or other control characters. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
