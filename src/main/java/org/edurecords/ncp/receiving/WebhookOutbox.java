package org.edurecords.ncp.receiving;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.emrex.Receiver;
import org.edurecords.ncp.signing.ResponseSignature;

/**
 * The outbox of webhooks to case systems. A delivery is written in the transaction that evaluated its request, so
 * it exists exactly when the evaluation does; the job posts due deliveries, signed with {@code X-Signature} (the
 * detached JWS of docs/emrex2.md, with this service's registry key) and an {@code Idempotency-Key}, and retries with
 * a doubling wait until the receiver answers 2xx or the retry time is over. A delivery is leased before it is posted,
 * so two instances never post the same one at the same time; a restart only delays what is due.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class);
    private static final int BATCH = 20;

    @Inject
    NcpConfig config;

    @Inject
    KnownReceivers receivers;

    @Inject
    ResponseSignature signature;

    @Inject
    ReceivingJson json;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(config.receiving().webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Counts attempts by what became of them: {@code delivered}, {@code failed} (retried later), {@code abandoned}. */
    private void count(String outcome) {
        Counter.builder("ncp.receiving.webhook.attempts").description("Webhook attempts to receivers' case systems")
                .tag("outcome", outcome).register(metrics).increment();
    }

    /** The event a case system receives: the request as {@code GET /api/receiver/requests/{id}} shows it. */
    public record Event(String event, String idempotencyKey, ReceiverApi.RequestView request) {
    }

    /**
     * Writes the webhook of an evaluation, in the caller's transaction; nothing when the receiver has no webhook.
     * The key is the request and the number of answers evaluated, so a repeated evaluation of the same answers
     * repeats the key.
     */
    void enqueue(ReceiverRequest request, ReceiverApi.RequestView view, int answers) {
        Optional<String> url = receivers.byId(request.receiverId).flatMap(Receiver::webhookUrl);
        if (url.isEmpty()) {
            return;
        }
        String key = request.id + "." + answers;
        if (WebhookDelivery.findById(key) != null) {
            return;
        }
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = key;
        delivery.requestId = request.id;
        delivery.receiverId = request.receiverId;
        delivery.url = url.get();
        delivery.payload = json.write(new Event("request.evaluated", key, view));
        delivery.createdAt = clock.instant();
        delivery.nextAttemptAt = delivery.createdAt;
        delivery.persist();
    }

    /** Every webhook of a request, with every attempt, oldest first. */
    public List<ReceiverApi.DeliveryView> deliveries(String requestId) {
        List<ReceiverApi.DeliveryView> out = new ArrayList<>();
        for (WebhookDelivery d : WebhookDelivery.<WebhookDelivery>list("requestId = ?1 order by createdAt", requestId)) {
            List<ReceiverApi.AttemptView> attempts = WebhookAttempt.<WebhookAttempt>list(
                    "deliveryId = ?1 order by attemptedAt, id", d.id).stream()
                    .map(a -> new ReceiverApi.AttemptView(a.attemptedAt, a.httpStatus, a.error, a.durationMs)).toList();
            out.add(new ReceiverApi.DeliveryView(d.id, d.state(), d.createdAt, d.nextAttemptAt, d.deliveredAt,
                    d.abandonedAt, attempts));
        }
        return out;
    }

    @Scheduled(every = "${ncp.receiving.webhook-poll-every:10s}", delayed = "${ncp.receiving.webhook-poll-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery
                .<WebhookDelivery>find("nextAttemptAt <= ?1 order by nextAttemptAt", clock.instant()).page(0, BATCH)
                .list().stream().map(d -> d.id).toList());
        for (String id : due) {
            deliver(id);
        }
    }

    private void deliver(String id) {
        Instant now = clock.instant();
        Duration timeout = config.receiving().webhookTimeout();
        // The lease: only the instance whose conditional update changed the row posts it.
        Optional<WebhookDelivery> leased = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id);
            if (d == null || d.nextAttemptAt == null || d.nextAttemptAt.isAfter(now)) {
                return Optional.<WebhookDelivery>empty();
            }
            int changed = WebhookDelivery.update("nextAttemptAt = ?1 where id = ?2 and nextAttemptAt = ?3",
                    now.plus(timeout.multipliedBy(3)), id, d.nextAttemptAt);
            return changed == 1 ? Optional.of(d) : Optional.<WebhookDelivery>empty();
        });
        if (leased.isEmpty()) {
            return;
        }
        WebhookDelivery delivery = leased.get();
        byte[] body = delivery.payload.getBytes(StandardCharsets.UTF_8);
        Integer status = null;
        String error = null;
        long started = System.nanoTime();
        try {
            ResponseSignature.Signed signed = signature.sign(body);
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", delivery.id)
                    .header("X-Signature", signed.jws())
                    .header("X-Signature-Algorithm", signed.algorithm())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = answer.statusCode();
            if (status / 100 != 2) {
                error = "answered " + status;
            }
        } catch (HttpConnectTimeoutException e) {
            error = "timed out: no connection within " + timeout.toMillis() + " ms";
        } catch (HttpTimeoutException e) {
            error = "timed out: no answer within " + timeout.toMillis() + " ms";
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        record(id, clock.instant(), status, error == null ? null : shorten(error), millis);
    }

    private void record(String id, Instant at, Integer status, String error, long millis) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id);
            if (d == null) {
                return;
            }
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.deliveryId = id;
            attempt.attemptedAt = at;
            attempt.httpStatus = status;
            attempt.error = error;
            attempt.durationMs = millis;
            attempt.persist();
            d.attempts++;
            d.lastStatus = status;
            d.lastError = error;
            if (error == null) {
                d.deliveredAt = at;
                d.nextAttemptAt = null;
                count("delivered");
                LOG.infof("Webhook %s delivered to receiver %s (attempt %d, %d)", id, d.receiverId, d.attempts, status);
                return;
            }
            Instant next = at.plus(backoff(d.attempts));
            if (next.isAfter(d.createdAt.plus(config.receiving().webhookRetryFor()))) {
                d.abandonedAt = at;
                d.nextAttemptAt = null;
                count("abandoned");
                LOG.warnf("Webhook %s to receiver %s given up after %d attempts: %s", id, d.receiverId, d.attempts,
                        error);
            } else {
                d.nextAttemptAt = next;
                count("failed");
                LOG.warnf("Webhook %s to receiver %s failed (attempt %d: %s); next at %s", id, d.receiverId,
                        d.attempts, error, next);
            }
        });
    }

    /** The wait after the n-th failure: the first wait, doubled for each further failure, at most the maximum. */
    Duration backoff(int failures) {
        Duration wait = config.receiving().webhookFirstBackoff();
        Duration max = config.receiving().webhookMaxBackoff();
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static String shorten(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
