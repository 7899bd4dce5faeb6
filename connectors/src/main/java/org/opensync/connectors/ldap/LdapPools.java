package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DisconnectHandler;
import com.unboundid.ldap.sdk.LDAPConnection;
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

/**
  * Opens connection pools to a directory the same way for reading ({@link LdapSource}) and writing (the LDAP target),
  * and single connections outside any pool for searches that stay open ({@link ContentSyncWatch}).
  */
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
        LDAPConnectionOptions options = options(settings);
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        // The calling thread reads the socket itself, so a slow callback slows the server down instead of filling a
        // queue, and callback exceptions stay on the caller's thread.
        options.setUseSynchronousMode(true);
        Transport transport = transport(settings, options);
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(new SingleServerSet(settings.ldapUrl().getHost(),
                    settings.ldapUrl().getPort(), transport.sockets(), options), bind(settings), 1, settings.poolSize(),
                    transport.startTls());
            pool.setConnectionPoolName(purpose + " " + settings.url());
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            return pool;
        } catch (LDAPException e) {
            throw translate(e, settings);
        }
    }

    /**
      * One bound connection of its own, with the pool's egress checks and TLS, for searches meant to stay open:
      * responses arrive on the SDK's reader thread of this connection (asynchronous mode), so nobody has to block
      * in a read; connecting, StartTLS and the bind are bounded by the connect timeout, which is also the default
      * response timeout of the connection (a search that must stay open sets none on its request); TCP keepalive lets
      * the operating system notice a peer that vanished without closing.
      *
      * @param onDisconnect told when the connection closes, for whatever reason, the client's own close included
      * @throws LdapUnavailableException   the server cannot be reached
      * @throws LdapConfigurationException bad credentials, TLS trust failure
      * @throws org.opensync.connectors.net.EgressDeniedException the egress policy refuses the server
      */
    static LDAPConnection openDedicated(LdapSettings settings, String purpose, DisconnectHandler onDisconnect) {
        LDAPConnectionOptions options = options(settings);
        options.setResponseTimeoutMillis(settings.connectTimeout().toMillis());
        options.setUseSynchronousMode(false);
        options.setUseKeepAlive(true);
        options.setDisconnectHandler(onDisconnect);
        Transport transport = transport(settings, options);
        try {
            LDAPConnection connection = new SingleServerSet(settings.ldapUrl().getHost(), settings.ldapUrl().getPort(),
                    transport.sockets(), options, bind(settings), transport.startTls()).getConnection();
            connection.setConnectionName(purpose + " " + settings.url());
            return connection;
        } catch (LDAPException e) {
            throw translate(e, settings);
        }
    }

    /** ldaps:// connects through TLS sockets; StartTLS switches a plain connection before the bind. */
    private record Transport(SocketFactory sockets, PostConnectProcessor startTls) {
    }

    /** Checks the egress policy and sets what every connection shares: timeouts for connecting, the resolver. */
    private static LDAPConnectionOptions options(LdapSettings settings) {
        LDAPURL url = settings.ldapUrl();
        settings.egress().check(url.getHost(), url.getPort());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setNameResolver(new EgressNameResolver(settings.egress(), url.getPort()));
        return options;
    }

    private static Transport transport(LdapSettings settings, LDAPConnectionOptions options) {
        if (!settings.secure() && !settings.startTls()) {
            return new Transport(null, null);
        }
        options.setSSLSocketVerifier(LdapTls.hostNameVerifier());
        SSLSocketFactory tls = LdapTls.socketFactory(settings);
        return settings.secure() ? new Transport(tls, null) : new Transport(null, new StartTLSPostConnectProcessor(tls));
    }

    private static BindRequest bind(LdapSettings settings) {
        return settings.bindDn().isEmpty() ? null : new SimpleBindRequest(settings.bindDn(), settings.password());
    }

    private static RuntimeException translate(LDAPException e, LdapSettings settings) {
        return LdapErrors.translate(e, settings, e.getResultCode() == ResultCode.INVALID_CREDENTIALS ? "bind" : "connect");
    }
}
