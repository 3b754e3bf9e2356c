package org.edurecords.ncp.results.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.edurecords.ncp.elmo.ElmoReader;
import org.edurecords.ncp.results.Completeness;
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
    public List<InstitutionResults> fetch(Learner learner) {
        if (learner.nationalIdentifier() == null || learner.nationalIdentifier().isBlank()) {
            return List.of(); // nothing to ask with; the institution cannot know this person
        }
        Institution issuer = institution.get().orElseThrow(() -> new SourceException(Completeness.Status.UNAVAILABLE,
                "institution " + schac + " is not in the institution directory"));
        byte[] body = download(learner.nationalIdentifier());
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

    /** The body of a 200 answer, null for 404 (the institution has no results for this person). */
    private byte[] download(String nationalIdentifier) {
        String template = urlTemplate.startsWith("/") ? baseUrl.get() + urlTemplate : urlTemplate;
        URI uri = URI.create(template.replace("{learner}", URLEncoder.encode(nationalIdentifier, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(policy.timeout().plus(Duration.ofMillis(100)))
                .header("Accept", "application/xml, text/xml");
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SourceException(Completeness.Status.TIMED_OUT, "no answer within " + policy.timeout(), e);
        } catch (ConnectException e) {
            throw new SourceException.Transient("connection refused", e);
        } catch (IOException e) {
            throw new SourceException.Transient("connection failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Completeness.Status.TIMED_OUT, "interrupted", e);
        }
        try (InputStream in = response.body()) {
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
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw new SourceException(Completeness.Status.INVALID_DATA,
                        "answer of " + declared + " bytes is larger than the limit of " + maxBytes);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new SourceException(Completeness.Status.INVALID_DATA,
                        "answer is larger than the limit of " + maxBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new SourceException.Transient("reading the answer failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
