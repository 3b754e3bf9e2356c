package org.edurecords.ncp.democlient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex2.LocalClientRegistrations;
import org.edurecords.ncp.emrex2.RegisteredClient;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.PublicUrl;
import org.edurecords.ncp.web.Texts;

/**
 * The demo client's EMREX 2.0 registration in this service's client registry: client id {@value #CLIENT_ID}, its
 * return page as the one redirect URI, its public key. Only while the demo client is on.
 */
@ApplicationScoped
public class DemoClientRegistration implements LocalClientRegistrations {

    public static final String CLIENT_ID = "demo-client";

    @Inject
    NcpConfig config;

    @Inject
    PublicUrl publicUrl;

    @Inject
    DemoClientKeys keys;

    @Override
    public List<RegisteredClient> clients() {
        if (!config.demo().clientEnabled()) {
            return List.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Locale language : Languages.all()) {
            names.put(language.getLanguage(), Texts.byKey(language, "demo_title"));
        }
        return List.of(new RegisteredClient(CLIENT_ID, List.of(redirectUri()), names, null, "demo", null,
                publicUrl.base() + "/demo-client", keys.publicKeyPem(), null));
    }

    public String redirectUri() {
        return publicUrl.base() + DemoClientResource.EMREX2_RETURN_PATH;
    }
}
