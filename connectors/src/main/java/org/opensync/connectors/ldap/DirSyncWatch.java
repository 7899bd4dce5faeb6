package org.opensync.connectors.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.experimental.ActiveDirectoryDirSyncControl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
  * Active Directory offers no persistent search a job could use (its change notifications watch one object or one
  * level, five per connection), so this watch asks DirSync every {@link #POLL} what changed after a cookie: an answer
  * with nothing in it costs the DC one small search. It rings when DirSync reports a change the job's next delta read
  * would act on (an object in one of the types' bases, a deletion, a move out of them, a membership naming an object in
  * them) and then polls on from the cookie that answer returned, so each change rings once. It keeps nothing: entries
  * are looked at as they stream in.
  * <p>
  * The cookie it polls from starts as the job's watermark and never goes back into it: the job's delta read still
  * reads every change from its own watermark. The bell rings on the watch's own thread.
  */
final class DirSyncWatch extends BellWatch {
    /** How often the DC is asked; with the caller's debounce and a cycle's own time, a change is out within 2 s. */
    static final Duration POLL = Duration.ofMillis(500);

    private final LdapSettings settings;
    private final String namingContext;
    private final List<ActiveDirectoryDelta.Scope> scopes;
    private final String[] attributes;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ldap-dirsync-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LDAPConnection connection;
    private ASN1OctetString cookie;

    private DirSyncWatch(LdapSettings settings, String namingContext, List<ActiveDirectoryDelta.Scope> scopes,
                         String[] attributes, byte[] cookie, ChangeBell bell) {
        super(bell);
        this.settings = settings;
        this.namingContext = namingContext;
        this.scopes = scopes;
        this.attributes = attributes;
        this.cookie = new ASN1OctetString(cookie);
    }

    /**
      * Connects and polls from {@code cookie} until closed; the first poll runs at once, after this returns.
      *
      * @throws LdapUnavailableException   the server cannot be reached
      * @throws LdapConfigurationException bad credentials, TLS trust failure
      * @throws org.opensync.connectors.net.EgressDeniedException the egress policy refuses the server
      */
    static DirSyncWatch start(LdapSettings settings, String namingContext, List<ActiveDirectoryDelta.Scope> scopes,
                              String[] attributes, byte[] cookie, ChangeBell bell) {
        DirSyncWatch watch = new DirSyncWatch(settings, namingContext, scopes, attributes, cookie, bell);
        watch.connection = LdapPools.openDedicated(settings, "ldap-dirsync-watch", watch::disconnected);
        watch.poller.scheduleWithFixedDelay(watch::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    @Override
    void release() {
        poller.shutdownNow();
        LDAPConnection current = connection;
        if (current != null) {
            current.close();
        }
    }

    /** One DirSync round, every page of it; any failure ends the watch, so that the caller polls by ticks. */
    private void poll() {
        if (!open()) {
            return;
        }
        Relevance relevance = new Relevance();
        try {
            ActiveDirectoryDirSyncControl answer;
            do {
                SearchRequest request = ActiveDirectoryDelta.dirSyncRound(relevance, namingContext, attributes, cookie);
                request.setResponseTimeoutMillis(settings.connectTimeout().toMillis());
                SearchResult result = connection.search(request);
                answer = ActiveDirectoryDirSyncControl.get(result);
                if (answer == null) {
                    close();
                    return;
                }
                cookie = answer.getCookie();
            } while (answer.getFlags() != 0 && open());
        } catch (LDAPException | RuntimeException e) {
            close();
            return;
        }
        if (relevance.found) {
            ring();
        }
    }

    /** Whether a round reported a change the job's delta read would act on; nothing of the entries is kept. */
    private final class Relevance implements SearchResultListener {
        private boolean found;

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            found = found || ActiveDirectoryDelta.concerns(entry, scopes);
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {
            // The Configuration and DNS partitions below the domain root are not the source's
        }
    }
}
