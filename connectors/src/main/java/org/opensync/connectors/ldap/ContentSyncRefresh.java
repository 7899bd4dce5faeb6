package org.opensync.connectors.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;

import java.util.Set;
import java.util.UUID;

/** RFC 4533 refreshOnly searches: the current cookie, and the changes since a cookie. */
final class ContentSyncRefresh {

    /** @param presentPhase the server listed what is present instead of what was deleted */
    record Outcome(byte[] cookie, boolean presentPhase) {
    }

    /** What servers answer to a cookie they cannot serve: e-syncRefreshRequired, or a flat refusal (a future CSN). */
    private static final Set<ResultCode> COOKIE_REFUSED = Set.of(ResultCode.E_SYNC_REFRESH_REQUIRED,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.PROTOCOL_ERROR);

    private final LdapConnections connections;
    private final EntryConverter converter;

    ContentSyncRefresh(LdapConnections connections, EntryConverter converter) {
        this.connections = connections;
        this.converter = converter;
    }

    /**
      * The server's cookie as of now, from a refresh that matches nothing. Taken before a paged full read, so that
      * anything changed while the read runs is delivered again by the next delta.
      */
    byte[] currentCookie(String base) {
        SearchRequest request = new SearchRequest(base, SearchScope.BASE,
                Filter.createNOTFilter(Filter.createPresenceFilter("objectClass")), "1.1");
        request.addControl(new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, null, false));
        SearchResult result = connections.withConnection("content sync cookie read", c -> c.search(request));
        ASN1OctetString cookie = done(result).getCookie();
        if (cookie == null || cookie.getValueLength() == 0) {
            throw new LdapConfigurationException("the server advertises RFC 4533 content sync but returned no cookie",
                    null);
        }
        return cookie.getValue();
    }

    Outcome refresh(ObjectTypeQuery type, String base, String[] attributes, byte[] cookie, DeltaListener listener) {
        Progress progress = new Progress(type.typeName(), cookie, listener);
        SearchRequest request = new SearchRequest(progress, base, SearchScope.SUB, type.parsedFilter(), attributes);
        request.setIntermediateResponseListener(progress);
        request.addControl(new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY,
                new ASN1OctetString(cookie), false));
        SearchResult result = connections.withConnection("content sync refresh of " + type.typeName(), c -> {
            try {
                return c.search(request);
            } catch (LDAPSearchException e) {
                if (COOKIE_REFUSED.contains(e.getResultCode())) {
                    throw new WatermarkUnusableException("the server refused the RFC 4533 cookie for " + type.typeName()
                            + " (" + e.getResultCode() + ": " + e.getDiagnosticMessage() + ")", e);
                }
                throw e;
            }
        });
        ContentSyncDoneControl done = done(result);
        progress.cookie(done.getCookie());
        // RFC 4533 §3.3.2: refreshDeletes FALSE means the present phase was used.
        return new Outcome(progress.cookie, progress.presentPhase || !done.refreshDeletes());
    }

    private static ContentSyncDoneControl done(SearchResult result) {
        try {
            ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
            if (done == null) {
                throw new LdapConfigurationException("the server ended a content sync search without a sync done control",
                        null);
            }
            return done;
        } catch (LDAPException e) {
            throw new LdapConfigurationException("undecodable sync done control: " + e.getMessage(), e);
        }
    }

    /** Routes sync states and sync info messages to the caller's listener and keeps the newest cookie. */
    private final class Progress implements SearchResultListener, IntermediateResponseListener {
        private final String type;
        private final DeltaListener listener;
        private byte[] cookie;
        private boolean presentPhase;

        Progress(String type, byte[] cookie, DeltaListener listener) {
            this.type = type;
            this.cookie = cookie;
            this.listener = listener;
        }

        void cookie(ASN1OctetString newCookie) {
            if (newCookie != null && newCookie.getValueLength() > 0) {
                cookie = newCookie.getValue();
            }
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            ContentSyncStateControl state;
            try {
                state = ContentSyncStateControl.get(entry);
            } catch (LDAPException e) {
                throw new LdapConfigurationException("undecodable sync state control on " + entry.getDN(), e);
            }
            if (state == null) {
                listener.changed(converter.convert(type, entry));
                return;
            }
            cookie(state.getCookie());
            String anchor = state.getEntryUUID().toString();
            switch (state.getState()) {
                case ADD, MODIFY -> listener.changed(converter.convert(type, entry, anchor));
                case DELETE -> listener.deleted(type, anchor);
                case PRESENT -> listener.present(type, anchor);
            }
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
                throw new LdapConfigurationException("undecodable sync info message", e);
            }
            cookie(info.getCookie());
            if (info.getType() == ContentSyncInfoType.REFRESH_PRESENT) {
                presentPhase = true;
            } else if (info.getType() == ContentSyncInfoType.SYNC_ID_SET) {
                presentPhase |= !info.refreshDeletes();
                for (UUID uuid : info.getEntryUUIDs()) {
                    if (info.refreshDeletes()) {
                        listener.deleted(type, uuid.toString());
                    } else {
                        listener.present(type, uuid.toString());
                    }
                }
            }
        }
    }
}
