package org.edurecords.ncp.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.edurecords.ncp.config.NcpConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a request body may be, per path: what one request can make the service hold in memory. Every path
 * takes {@code ncp.http.max-request-bytes} (the pages' forms, the EMREX entry), except the few whose real
 * requests are larger: {@code POST /api/verify} and the verification page {@code POST /verification}
 * ({@code ncp.verify.max-request-bytes}), the admin imports with
 * the admin token ({@code ncp.admin.max-import-bytes}) and the demo client's return URL. A larger body is
 * refused with 413 and the product's answer before any of it is read; the framework's
 * {@code quarkus.http.limits.max-body-size} stays above all of these, as the limit of last resort.
 */
@ApplicationScoped
public class RequestLimits {

    /** The demo client's return URL takes an answer with a PDF transcript of a few hundred courses. */
    static final long DEMO_CLIENT_RETURN_BYTES = 4 * 1024 * 1024;

    /** How much more than its limit a refused body may be and still be read to its end (and dropped). */
    static final long SWALLOWED_BYTES = 1024 * 1024;

    @Inject
    NcpConfig config;

    @Inject
    ErrorAnswers answers;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize serverLimit;

    void register(@Observes Router router) {
        // Before the framework's check of the declared length, which would answer with an empty 413 ...
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::declaredLength);
        // ... and after it, because it also sets the framework's limit for a body sent without a declared length,
        // which the framework then enforces while the body is read.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::streamedLength);
    }

    /** A limit above the framework's would be cut to it without a word: refuse to start instead. */
    void check(@Observes StartupEvent event) {
        long server = serverLimit.asLongValue();
        check("ncp.http.max-request-bytes", config.http().maxRequestBytes(), server);
        check("ncp.verify.max-request-bytes", config.verify().maxRequestBytes(), server);
        check("ncp.admin.max-import-bytes", config.admin().maxImportBytes(), server);
    }

    private static void check(String key, long limit, long server) {
        if (limit > server) {
            throw new IllegalStateException(key + " (" + limit + " bytes) is larger than quarkus.http.limits.max-body-size ("
                    + server + " bytes); raise quarkus.http.limits.max-body-size or lower " + key);
        }
    }

    /**
     * @param path the request's path
     * @param authorization its Authorization header, or null: only the admin token earns the import limit
     */
    public long limitFor(String path, String authorization) {
        if ("/api/verify".equals(path) || "/verification".equals(path)
                || (path != null && path.startsWith("/receive/return/"))) {
            // An NCP's answer for a receiver of ours is a signed document, as large as the verifier accepts.
            return config.verify().maxRequestBytes();
        }
        if (path != null && path.startsWith("/admin/import/")
                && SecretTokens.isBearer(config.admin().token(), authorization)) {
            return config.admin().maxImportBytes();
        }
        if ("/demo-client/return".equals(path) && config.demo().clientEnabled()) {
            return DEMO_CLIENT_RETURN_BYTES;
        }
        return config.http().maxRequestBytes();
    }

    private long limitFor(RoutingContext ctx) {
        return limitFor(ctx.normalizedPath(), ctx.request().getHeader("Authorization"));
    }

    void declaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        long limit = limitFor(ctx);
        if (length <= limit) {
            ctx.next();
            return;
        }
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            if (length - limit <= SWALLOWED_BYTES && ctx.request().getHeader("Expect") == null) {
                // A client still sending would meet a closed connection and never read the answer: the rest of a
                // body a little over the limit is read and dropped, never kept.
                ctx.request().handler(chunk -> { });
                ctx.request().resume();
            } else {
                // The body stays unread: the connection cannot carry another request after this answer.
                ctx.response().putHeader("Connection", "close");
                ctx.response().endHandler(done -> ctx.request().connection().close());
            }
        }
        answers.refuse(ctx, 413, "body of " + length + " bytes, the limit is " + limit,
                "at most " + limit + " bytes");
    }

    void streamedLength(RoutingContext ctx) {
        ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limitFor(ctx));
        ctx.next();
    }
}
