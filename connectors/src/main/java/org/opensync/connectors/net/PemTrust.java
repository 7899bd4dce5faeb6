package org.opensync.connectors.net;

import com.unboundid.util.ssl.AggregateTrustManager;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificates a job trusts beside the JVM's trust store, given as PEM text in its secrets (the CA of a company that
 * issues its directory's or application's certificates itself). Validation stays on: the server's chain must end at
 * one of them, and the host name is checked as for any other certificate.
 */
public final class PemTrust {
    /** The secret key (not one of Graph's) that holds the PEM text. */
    public static final String SECRET = "TrustedCertificate";
    private PemTrust() {
    }

    /**
     * TLS that trusts the JVM's trust store and these certificates, for the JDK HTTP client (which still checks the
     * host name).
     *
     * @throws IllegalArgumentException as {@link #trustManager}
     */
    public static SSLContext sslContext(String pem) {
        X509TrustManager trust = new AggregateTrustManager(false, JVMDefaultTrustManager.getInstance(),
                trustManager(pem));
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with TrustedCertificate", e);
        }
    }

    /**
     * @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @throws IllegalArgumentException when the text holds no certificate or one that does not parse; the message
     *                                  says so without repeating the text
     */
    public static X509TrustManager trustManager(String pem) {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TrustedCertificate is not a PEM bundle of X.509 certificates ("
                    + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("TrustedCertificate holds no PEM certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM offers no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store from TrustedCertificate", e);
        }
    }
}
