package org.edurecords.ncp.registry;

import org.edurecords.ncp.signing.Certificates;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Publishes this NCP's registry entries and shows which NCPs (and certificates) the verifier trusts.
 * All of it is public information; nothing here is personal data.
 */
@Path("/")
public class RegistryResource {

    public static final String EMREG_PATH = "/emreg";
    public static final String EMREG2_PATH = "/emreg2";
    public static final String EWP_PATH = "/emreg/ewp-manifest-entry.xml";

    /** A certificate as receivers compare it. */
    public record CertificateView(String subject, String issuer, String serial, String sha256, Instant notBefore,
            Instant notAfter, boolean selfSigned) {

        static CertificateView of(X509Certificate cert) {
            return new CertificateView(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                    cert.getSerialNumber().toString(16), Certificates.sha256(cert), cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant(), Certificates.selfSigned(cert));
        }
    }

    public record NcpView(String acronym, String countryCode, String url, List<String> institutions,
            List<CertificateView> certificates, String origin) {
    }

    public record RegistryView(KnownNcps.Status status, List<NcpView> ncps) {
    }

    @Inject
    OwnRegistryEntry own;

    @Inject
    KnownNcps known;

    @GET
    @Path("emreg")
    @Produces(MediaType.APPLICATION_JSON)
    public OwnRegistryEntry.EmregEntry emreg() {
        return own.emreg();
    }

    @GET
    @Path("emreg2")
    @Produces(MediaType.APPLICATION_JSON)
    public OwnRegistryEntry.Emreg2Entry emreg2() {
        return own.emreg2();
    }

    @GET
    @Path("emreg/ewp-manifest-entry.xml")
    public Response ewpManifestEntry() {
        return Response.ok(own.ewpManifestEntry(), "application/xml;charset=UTF-8").build();
    }

    @GET
    @Path("api/registry")
    @Produces(MediaType.APPLICATION_JSON)
    public RegistryView registry() {
        List<NcpView> ncps = known.entries().stream()
                .map(e -> new NcpView(e.acronym(), e.countryCode(), e.url(), e.institutions(),
                        e.certificates().stream().map(CertificateView::of).toList(), e.origin()))
                .toList();
        return new RegistryView(known.status(), ncps);
    }
}
