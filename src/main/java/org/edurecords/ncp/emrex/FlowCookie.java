package org.edurecords.ncp.emrex;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import org.edurecords.ncp.config.NcpConfig;

/** The cookie that binds a flow to the browser that started it, scoped to that flow's path. */
final class FlowCookie {

    private FlowCookie() {
    }

    static Cookie of(String flowId, String browserSecret, NcpConfig config) {
        return Cookie.cookie(EmrexFlowResource.FLOW_COOKIE, browserSecret)
                .setPath("/emrex/flow/" + flowId)
                .setHttpOnly(true)
                .setSecure(config.publicUrl().startsWith("https:"))
                // Lax is sent on the top-level redirects that follow the client's cross-site POST and the
                // identity provider's redirect back to us.
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(config.emrex().sessionExpiry().toSeconds() + 300);
    }
}
