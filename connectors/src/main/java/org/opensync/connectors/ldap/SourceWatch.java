package org.opensync.connectors.ldap;

/** A running watch from {@link LdapSource#watch}: it rings its {@link ChangeBell} until it ends. */
public interface SourceWatch extends AutoCloseable {

    /**
      * False once the watch ended: closed, the connection lost, the server ended the search (e.g. because it can no
      * longer serve the watermark: e-syncRefreshRequired), or any failure. An ended watch never opens again: the
      * caller opens a new one after its next delta read. Never throws.
      */
    boolean open();

    /**
      * Ends the watch: abandons its searches and closes its connection. Idempotent, never throws. A ring already under
      * way on the watch's thread may still finish; none starts after this returns.
      */
    @Override
    void close();
}
