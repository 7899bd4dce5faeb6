package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/** Opens connection pools to a directory the same way for reading ({@link LdapSource}) and writing (the LDAP target). */
public final class LdapPools {

    private LdapPools() {
    }

    /**
      * Checks the destination against the egress policy, then opens the pool; its connections resolve the host through
      * the policy too, and TLS (ldaps or StartTLS before the bind) verifies the certificate and the host name.
      *
      * @param purpose names the pool in the SDK's debug output, e.g. {@code ldap-source}
      * @throws LdapUnavailableException   the server cannot be reached
      * @throws LdapConfigurationException bad credentials, TLS trust failure
      * @throws org.opensync.connectors.net.EgressDeniedException the egress policy refuses the server
      */
    public static LDAPConnectionPool open(LdapSettings settings, String purpose) {
        LDAPURL url = settings.ldapUrl();
        settings.egress().check(url.getHost(), url.getPort());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setNameResolver(new EgressNameResolver(settings.egress(), url.getPort()));
        // The calling thread reads the socket itself, so a slow callback slows the server down instead of filling a
        // queue, and callback exceptions stay on the caller's thread.
        options.setUseSynchronousMode(true);
        SocketFactory sockets = null;
        PostConnectProcessor startTls = null;
        if (settings.secure() || settings.startTls()) {
            options.setSSLSocketVerifier(LdapTls.hostNameVerifier());
            SSLSocketFactory tls = LdapTls.socketFactory(settings);
            if (settings.secure()) {
                sockets = tls;
            } else {
                startTls = new StartTLSPostConnectProcessor(tls);
            }
        }
        BindRequest bind = settings.bindDn().isEmpty() ? null
                : new SimpleBindRequest(settings.bindDn(), settings.password());
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(new SingleServerSet(url.getHost(), url.getPort(), sockets,
                    options), bind, 1, settings.poolSize(), startTls);
            pool.setConnectionPoolName(purpose + " " + settings.url());
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            return pool;
        } catch (LDAPException e) {
            throw LdapErrors.translate(e, settings, e.getResultCode() == ResultCode.INVALID_CREDENTIALS ? "bind" : "connect");
        }
    }
}
