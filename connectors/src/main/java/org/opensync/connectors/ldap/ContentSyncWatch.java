package org.opensync.connectors.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
  * RFC 4533 refreshAndPersist searches that ring a bell for each change the server reports after a cookie, and keep
  * nothing: no entry, no attribute ("1.1"), no queue.
  * <p>
  * One search per type, all on one connection of the watch's own: each type's cookie is only valid for the search
  * (base and filter) it came from, so the types cannot share one search without replaying from a cookie made for other
  * content. The searches are as many as the job's types, a handful.
  * <p>
  * The refresh phase rings too: whatever it reports since the cookie is a change the caller has not read yet. That
  * includes entries listed as present when the server falls back to a present phase: deletions then only show by
  * their absence, which only a delta read can tell. OpenLDAP's refresh from its session log also lists entries changed
  * anywhere in the database since the cookie that no longer match a search as possibly deleted, so a watch opened after
  * changes elsewhere may ring once for nothing; the persist phase reports only what matches.
  * <p>
  * The bell rings on the SDK's reader thread of the watch's connection.
  */
final class ContentSyncWatch extends BellWatch {

    /** One type's search: where, which entries, and the cookie its last delta read left. */
    record Scope(String base, Filter filter, byte[] cookie) {
    }

    private final List<AsyncRequestID> searches = new CopyOnWriteArrayList<>();
    private volatile LDAPConnection connection;

    private ContentSyncWatch(ChangeBell bell) {
        super(bell);
    }

    /**
      * Connects and sends the searches; their refresh phases run after this returns. The watch returned may have
      * ended already.
      *
      * @throws LdapUnavailableException   the server cannot be reached
      * @throws LdapConfigurationException bad credentials, TLS trust failure
      * @throws org.opensync.connectors.net.EgressDeniedException the egress policy refuses the server
      */
    static ContentSyncWatch start(LdapSettings settings, List<Scope> scopes, ChangeBell bell) {
        ContentSyncWatch watch = new ContentSyncWatch(bell);
        watch.connection = LdapPools.openDedicated(settings, "ldap-watch", watch::disconnected);
        try {
            for (Scope scope : scopes) {
                watch.searches.add(watch.connection.asyncSearch(watch.request(scope)));
            }
        } catch (LDAPException e) {
            if (!watch.open()) {
                // An earlier search ended and took the connection with it, e.g. the server refused its cookie.
                return watch;
            }
            watch.close();
            throw LdapErrors.translate(e, settings, "the content sync watch");
        }
        return watch;
    }

    private SearchRequest request(Scope scope) {
        Listener listener = new Listener();
        SearchRequest request = new SearchRequest(listener, scope.base(), SearchScope.SUB, scope.filter(), "1.1");
        request.setIntermediateResponseListener(listener);
        request.addControl(new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_AND_PERSIST,
                new ASN1OctetString(scope.cookie()), false));
        // A persistent search only ends when the server or this watch ends it.
        request.setResponseTimeoutMillis(0);
        return request;
    }

    /** Abandons what is still running and closes the connection. */
    @Override
    void release() {
        LDAPConnection current = connection;
        if (current == null) {
            return;
        }
        if (current.isConnected()) {
            for (AsyncRequestID search : searches) {
                try {
                    current.abandon(search);
                } catch (LDAPException e) {
                    // The connection went down meanwhile: nothing is left to abandon.
                }
            }
        }
        current.close();
    }

    /** Rings for changes, ends the watch when a search ends. */
    private final class Listener implements AsyncSearchResultListener, IntermediateResponseListener {

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            // Added, modified, renamed, deleted or (in a present phase) present: the state does not matter here.
            ring();
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {
            // Referrals lie outside the source.
        }

        @Override
        public void intermediateResponseReturned(IntermediateResponse response) {
            if (!ContentSyncInfoIntermediateResponse.SYNC_INFO_OID.equals(response.getOID())) {
                return;
            }
            ContentSyncInfoIntermediateResponse info;
            try {
                info = ContentSyncInfoIntermediateResponse.decode(response);
            } catch (LDAPException e) {
                // A sync message this watch cannot read might have been a change: end, so that the caller polls.
                close();
                return;
            }
            // newCookie, and refreshDelete / refreshPresent only mark where a phase ends; a syncIdSet lists entries.
            if (info.getType() == ContentSyncInfoType.SYNC_ID_SET && !info.getEntryUUIDs().isEmpty()) {
                ring();
            }
        }

        @Override
        public void searchResultReceived(AsyncRequestID requestId, SearchResult result) {
            // Whatever the result (e-syncRefreshRequired, an error, the connection closing), this type is no longer
            // watched, so the watch as a whole is over.
            close();
        }
    }
}
