package org.opensync.connectors.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import java.util.function.Consumer;

/**
  * A subtree search whose entries go to a callback as they are read, one page at a time. The connections run in
  * synchronous mode, so nothing is read from the socket faster than the callback consumes it: memory stays flat
  * however large the directory is.
  */
final class PagedSearch {

    private final LdapConnections connections;
    private final int pageSize;
    private final boolean paged;

    PagedSearch(LdapConnections connections, int pageSize, boolean paged) {
        this.connections = connections;
        this.pageSize = pageSize;
        this.paged = paged;
    }

    void stream(String base, Filter filter, String[] attributes, Consumer<SearchResultEntry> onEntry,
                            String operation) {
        SearchResultListener listener = new SearchResultListener() {
            @Override
            public void searchEntryReturned(SearchResultEntry entry) {
                onEntry.accept(entry);
            }

            @Override
            public void searchReferenceReturned(SearchResultReference reference) {
                // Referrals (AD's Configuration and DNS partitions below the domain root) lie outside the source.
            }
        };
        connections.withConnection(operation, connection -> {
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(listener, base, SearchScope.SUB, filter, attributes);
                if (paged) {
                    request.addControl(new SimplePagedResultsControl(pageSize, cookie, false));
                }
                SearchResult result = connection.search(request);
                SimplePagedResultsControl page = paged ? SimplePagedResultsControl.get(result) : null;
                cookie = page == null ? null : page.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
            return null;
        });
    }
}
