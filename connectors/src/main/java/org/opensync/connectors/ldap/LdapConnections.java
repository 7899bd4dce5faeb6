package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;

/**
  * Lends a pooled connection for one piece of work that must stay on a single connection (a paged search: servers
  * tie the paging cookie to the connection), and gives it back in the state it is in.
  */
final class LdapConnections {

    @FunctionalInterface
    interface Work<T> {
        T run(LDAPConnection connection) throws LDAPException;
    }

    private final LDAPConnectionPool pool;
    private final LdapSettings settings;

    LdapConnections(LDAPConnectionPool pool, LdapSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    <T> T withConnection(String operation, Work<T> work) {
        LDAPConnection connection;
        try {
            connection = pool.getConnection();
        } catch (LDAPException e) {
            throw LdapErrors.translate(e, settings, operation);
        }
        try {
            T result = work.run(connection);
            pool.releaseConnection(connection);
            return result;
        } catch (LDAPException e) {
            pool.releaseConnectionAfterException(connection, e);
            throw LdapErrors.translate(e, settings, operation);
        } catch (RuntimeException | Error e) {
            // A callback failed part-way through a search: unread responses are still on the wire.
            pool.releaseDefunctConnection(connection);
            throw e;
        }
    }
}
