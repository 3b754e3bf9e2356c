package org.edurecords.ncp.verify;

import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.ext.web.RoutingContext;
import org.edurecords.ncp.config.NcpConfig;

/**
 * The slots of {@code ncp.verify.max-concurrent}, shared by every way in: {@code POST /api/verify} and the
 * verification page. Taken before a request's body is read and given back when its answer has ended.
 */
@ApplicationScoped
public class VerifyPermits {

    @Inject
    NcpConfig config;

    private Semaphore permits;

    @PostConstruct
    void init() {
        permits = new Semaphore(Math.max(1, config.verify().maxConcurrent()));
    }

    /** Slots free now (for the tests, which start from an idle verifier). */
    int available() {
        return permits.availablePermits();
    }

    /** Takes a slot for this request until its answer ends; false when all are taken. */
    public boolean admit(RoutingContext ctx) {
        if (!permits.tryAcquire()) {
            return false;
        }
        ctx.addEndHandler(done -> permits.release());
        return true;
    }
}
