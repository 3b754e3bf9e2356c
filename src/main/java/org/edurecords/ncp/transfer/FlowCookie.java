package org.edurecords.ncp.transfer;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import org.edurecords.ncp.config.NcpConfig;

/** The cookie that binds a flow to the browser that started it, scoped to that flow's path. */
public final class FlowCookie {

    private FlowCookie() {
    }

    public static Cookie of(String flowId, String browserSecret, NcpConfig config) {
        return Cookie.cookie(TransferFlowResource.FLOW_COOKIE, browserSecret)
                .setPath("/emrex/flow/" + flowId)
                .setHttpOnly(true)
                .setSecure(config.publicUrl().startsWith("https:"))
                // Lax is sent on the top-level redirects that follow the client's cross-site POST and the
                // identity provider's redirect back to us.
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(config.emrex().sessionExpiry().toSeconds() + 300);
    }
}
