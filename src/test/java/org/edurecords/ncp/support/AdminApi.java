package org.edurecords.ncp.support;

/** The admin API as the tests reach it: the demo profile's token (application.properties). */
public final class AdminApi {

    public static final String TOKEN = "demo-admin-token-for-local-use-only-0123456789";

    private AdminApi() {
    }
}
