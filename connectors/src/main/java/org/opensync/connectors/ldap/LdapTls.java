package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.AggregateTrustManager;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.opensync.connectors.net.PemTrust;

/**
  * TLS for ldaps:// and StartTLS: the server's certificate must chain to a CA of the JVM's trust store or of the
  * configured PEM file or of the job's {@code TrustedCertificate} secret (a private CA), and name the host connected to (checked by the connection options).
  */
final class LdapTls {

    private LdapTls() {
    }

    /**
      * The host-name check, its failure carrying an {@link SSLPeerUnverifiedException} so that it is reported as a TLS
      * trust problem (fix the settings) rather than an unreachable server.
      */
    static SSLSocketVerifier hostNameVerifier() {
        SSLSocketVerifier verifier = new HostNameSSLSocketVerifier(true);
        return new SSLSocketVerifier() {
            @Override
            public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
                try {
                    verifier.verifySSLSocket(host, port, socket);
                } catch (LDAPException e) {
                    throw new LDAPException(e.getResultCode(), e.getMessage(),
                            new SSLPeerUnverifiedException(e.getMessage()));
                }
            }
        };
    }

    static SSLSocketFactory socketFactory(LdapSettings settings) {
        X509TrustManager trust = JVMDefaultTrustManager.getInstance();
        try {
            if (settings.trustedCertificates() != null) {
                trust = new AggregateTrustManager(false, trust,
                        new PEMFileTrustManager(settings.trustedCertificates().toFile()));
            }
            if (settings.jobCertificates() != null) {
                trust = new AggregateTrustManager(false, trust, PemTrust.trustManager(settings.jobCertificates()));
            }
            return new SSLUtil(trust).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new LdapConfigurationException("cannot set up TLS for " + settings.url() + " with the trusted "
                    + "certificates " + settings.trustedCertificates() + ": " + e.getMessage(), e);
        }
    }
}
