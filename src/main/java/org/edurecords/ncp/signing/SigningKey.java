package org.edurecords.ncp.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The key that signs ELMO documents, with its certificate.
 *
 * @param privateKey  the RSA private key
 * @param certificate the certificate of {@code privateKey}; the one registered in EMREG / the EWP registry
 * @param chain       the certificate chain starting with {@code certificate} (only the leaf when no chain is known)
 */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = chain == null || chain.isEmpty() ? List.of(certificate) : List.copyOf(chain);
        if (!chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("The chain must start with the signing certificate");
        }
    }

    /** Keeps the private key out of logs and exception messages. */
    @Override
    public String toString() {
        return "SigningKey[" + certificate.getSubjectX500Principal().getName()
                + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
