package org.edurecords.ncp.results.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.edurecords.ncp.elmo.ElmoReader;
import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.Deadline;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.ResultSource;
import org.edurecords.ncp.results.SourceException;
import org.edurecords.ncp.results.SourcePolicy;

/**
 * An institution's student information system, asked live for one learner's results as ELMO XML
 * (the REST service per student information system that EMREX recommends). The answer is untrusted:
 * size-limited while it is read, then parsed and validated by {@link ElmoReader}.
 */
public class HttpElmoSource implements ResultSource {

    private final String name;
    private final String schac;
    private final String urlTemplate;
    private final Supplier<String> baseUrl;
    private final Optional<String> bearerToken;
    private final long maxBytes;
    private final SourcePolicy policy;
    private final HttpClient client;
    private final ElmoReader reader;
    private final Supplier<Optional<Institution>> institution;

    /**
     * @param baseUrl resolves templates that start with {@code /} (this service's own address)
     * @param institution the directory entry of {@code schac}, read at call time
     */
    public HttpElmoSource(String name, String schac, String urlTemplate, Supplier<String> baseUrl,
            Optional<String> bearerToken, long maxBytes, SourcePolicy policy, HttpClient client, ElmoReader reader,
            Supplier<Optional<Institution>> institution) {
        this.name = name;
        this.schac = schac;
        this.urlTemplate = urlTemplate;
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
        this.maxBytes = maxBytes;
        this.policy = policy;
        this.client = client;
        this.reader = reader;
        this.institution = institution;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> institutionSchac() {
        return Optional.of(schac);
    }

    @Override
    public Optional<SourcePolicy> policy() {
        return Optional.of(policy);
    }

    @Override
    public List<InstitutionResults> fetch(Learner learner, Deadline deadline) {
        if (learner.nationalIdentifier() == null || learner.nationalIdentifier().isBlank()) {
            return List.of(); // nothing to ask with; the institution cannot know this person
        }
        Institution issuer = institution.get().orElseThrow(() -> new SourceException(Completeness.Status.UNAVAILABLE,
                "institution " + schac + " is not in the institution directory"));
        byte[] body = download(learner.nationalIdentifier(), deadline);
        if (body == null) {
            return List.of();
        }
        ElmoReader.ElmoContent content;
        try {
            content = reader.read(body, schac);
        } catch (ElmoReader.InvalidElmoException e) {
            throw new SourceException(Completeness.Status.INVALID_DATA, e.getMessage());
        }
        String nin = content.learner().nationalIdentifier();
        if (nin != null && !nin.equals(learner.nationalIdentifier())) {
            throw new SourceException(Completeness.Status.INVALID_DATA, "the document is about another learner");
        }
        List<InstitutionResults> results = new ArrayList<>();
        for (ElmoReader.ReportPart report : content.reports()) {
            if (!report.issuerSchac().isEmpty() && !report.issuerSchac().contains(schac)) {
                throw new SourceException(Completeness.Status.INVALID_DATA,
                        "a report is issued by " + report.issuerSchac() + ", not by " + schac);
            }
            if (!report.roots().isEmpty()) {
                results.add(new InstitutionResults(issuer, report.roots(), report.gradingSchemes()));
            }
        }
        return results;
    }

    /**
     * The body of a 200 answer, null for 404 (the institution has no results for this person). The whole
     * exchange (connection, headers, body) must end before the deadline; at the deadline it is cancelled,
     * which closes the connection, and this thread returns.
     */
    private byte[] download(String nationalIdentifier, Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            throw new SourceException(Completeness.Status.TIMED_OUT, "no time left for another attempt");
        }
        String template = urlTemplate.startsWith("/") ? baseUrl.get() + urlTemplate : urlTemplate;
        URI uri = URI.create(template.replace("{learner}", URLEncoder.encode(nationalIdentifier, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(left)
                .header("Accept", "application/xml, text/xml");
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), this::bodyOf);
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new SourceException(Completeness.Status.TIMED_OUT, "no complete answer within " + policy.timeout());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException(Completeness.Status.TIMED_OUT, "interrupted", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
        int status = response.statusCode();
        if (status == 404) {
            return null;
        }
        if (status >= 500) {
            throw new SourceException.Transient("HTTP " + status, null);
        }
        if (status != 200) {
            throw new SourceException(Completeness.Status.UNAVAILABLE, "HTTP " + status);
        }
        return response.body();
    }

    /** Only a 200 answer's body is read, and never more than the limit; other bodies are discarded. */
    private HttpResponse.BodySubscriber<byte[]> bodyOf(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            return LimitedBody.refused(new TooLarge("answer of " + declared + " bytes is larger than the limit of "
                    + maxBytes));
        }
        return new LimitedBody(maxBytes);
    }

    private static SourceException failure(Throwable cause) {
        // The HTTP client may wrap what the body subscriber failed with.
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof TooLarge tooLarge) {
                return new SourceException(Completeness.Status.INVALID_DATA, tooLarge.getMessage());
            }
        }
        if (cause instanceof HttpTimeoutException) {
            return new SourceException(Completeness.Status.TIMED_OUT, "no answer in time", cause);
        }
        if (cause instanceof ConnectException) {
            return new SourceException.Transient("connection refused", cause);
        }
        if (cause instanceof IOException) {
            return new SourceException.Transient("connection failed: " + cause.getClass().getSimpleName(), cause);
        }
        return new SourceException(Completeness.Status.UNAVAILABLE,
                "exchange failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName()), cause);
    }

    /** The answer is larger than this source may send. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * Collects a body up to a limit; one byte more cancels the subscription, which ends the exchange and closes
     * the connection, instead of reading (and holding) whatever the peer keeps sending.
     */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final List<byte[]> parts = new ArrayList<>();
        private long size;
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        static LimitedBody refused(TooLarge reason) {
            LimitedBody refused = new LimitedBody(0);
            refused.body.completeExceptionally(reason);
            return refused;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (body.isDone()) {
                subscription.cancel();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                size += buffer.remaining();
                if (size > limit) {
                    // The reason first: cancelling may make the client fail the exchange with its own error.
                    body.completeExceptionally(new TooLarge("answer is larger than the limit of " + limit + " bytes"));
                    parts.clear();
                    subscription.cancel();
                    return;
                }
                byte[] part = new byte[buffer.remaining()];
                buffer.get(part);
                parts.add(part);
            }
        }

        @Override
        public void onError(Throwable error) {
            parts.clear();
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            byte[] whole = new byte[(int) size];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, whole, at, part.length);
                at += part.length;
            }
            parts.clear();
            body.complete(whole);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }
    }
}
