package org.edurecords.ncp.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Every HTTP request is authenticated by quarkus-oidc's default tenant, the student and case worker login. Without
 * this, quarkus-oidc would pick a named tenant for any request whose path has a segment equal to its id; the
 * {@code receiver-api} tenant is only ever asked by the receivers' API itself (receiving.ReceiverAccess, ADR 0861).
 */
@ApplicationScoped
public class DefaultOidcTenant implements TenantResolver {

    /** quarkus-oidc's id of the default tenant (OidcUtils.DEFAULT_TENANT_ID). */
    static final String DEFAULT_TENANT_ID = "Default";

    @Override
    public String resolve(RoutingContext context) {
        return DEFAULT_TENANT_ID;
    }
}
