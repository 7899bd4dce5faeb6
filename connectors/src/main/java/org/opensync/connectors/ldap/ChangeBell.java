package org.opensync.connectors.ldap;

/**
  * Told that something under the watched types' bases changed after the watermark: only a hint; the next delta read
  * says what. Rings once per change the server reports, as often as changes come: coalescing is the listener's job.
  */
@FunctionalInterface
public interface ChangeBell {

    /**
      * Called on the watch's own thread, which also reads the server's next responses: must be cheap and must not
      * block (set a flag, wake a scheduler). Throwing ends the watch.
      */
    void ring();
}
