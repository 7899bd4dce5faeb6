package org.opensync.connectors.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.experimental.ActiveDirectoryDirSyncControl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
  * Delta reads of Active Directory (and Samba AD), as laid out in {@code docs/active-directory-source.md}.
  * <p>
  * <b>DirSync</b> (when the bind account holds "Replicating Directory Changes"): one search from the domain root
  * returns every object with a changed attribute among those asked for, and tombstones. It returns only the changed
  * attributes, so each changed object inside a type's base is read again in full by objectGUID; one that is not found
  * there any more (moved out, no longer matching the filter) is reported deleted, and so is one reported renamed or
  * moved ({@code name}/{@code parentGUID} changed) to a place outside the base. Its new DN after a move or rename is in
  * the image, so a moved object is published again. memberOf is a back-link DirSync never reports: with incremental
  * values the DC names the members added to and removed from a group, and those are read again for types that read
  * memberOf.
  * <p>
  * <b>uSNChanged</b> (the fallback when DirSync is refused): objects under each type's base whose uSNChanged is above
  * the position, and a listing of every anchor for the deletions (tombstones are visible only to administrators, so
  * an account without replication rights cannot be told about them any other way).
  */
final class ActiveDirectoryDelta {

    /** A type to read, with its base and the attributes asked for. */
    record Scope(ObjectTypeQuery type, String base, String[] attributes) {
    }

    /** Objects read again by one search: a filter of at most this many alternatives stays well within AD's limits. */
    static final int REREAD_BATCH = 100;
    private static final Set<String> CHANGE_MARKERS = Set.of("objectGUID", "isDeleted", "name", "parentGUID");
    /** The RDN AD gives a tombstone: {@code CN=<old name>\0ADEL:<guid>} (a line feed, escaped, then DEL:). */
    private static final String TOMBSTONE_RDN_MARK = "\\0ADEL:";

    private final LdapConnections connections;
    private final PagedSearch pagedSearch;
    private final RangeRetrieval ranges;
    private final EntryConverter converter;
    private final DirectoryCapabilities capabilities;
    private final LdapSettings settings;
    private volatile String warning;

    ActiveDirectoryDelta(LdapConnections connections, PagedSearch pagedSearch, RangeRetrieval ranges,
                         EntryConverter converter, DirectoryCapabilities capabilities, LdapSettings settings) {
        this.connections = connections;
        this.pagedSearch = pagedSearch;
        this.ranges = ranges;
        this.converter = converter;
        this.capabilities = capabilities;
        this.settings = settings;
    }

    /** Set once this source fell back to uSNChanged: what the admin should grant, for the job status. */
    String warning() {
        return warning;
    }

    /**
      * The position before a full read: a DirSync cookie when the DC grants DirSync, else the DC's highest committed
      * USN. The cookie comes from a DirSync search that matches nothing: the DC still returns its current position.
      */
    Watermark.Position start() {
        if (capabilities.dirSync()) {
            byte[] cookie = connections.withConnection("the DirSync position", connection -> {
                SearchRequest request = new SearchRequest(capabilities.namingContext(), SearchScope.SUB,
                        Filter.createEqualityFilter("objectGUID", new byte[16]), "1.1");
                request.addControl(new ActiveDirectoryDirSyncControl(true, 0, 0, new ASN1OctetString()));
                try {
                    return ActiveDirectoryDirSyncControl.get(connection.search(request)).getCookie().getValue();
                } catch (LDAPException e) {
                    if (e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                        return null;
                    }
                    throw e;
                }
            });
            if (cookie != null) {
                warning = null;
                return new Watermark.DirSyncPosition(cookie);
            }
        }
        return usnPosition();
    }

    DeltaResult dirSync(List<Scope> scopes, Watermark.DirSyncPosition position, DeltaListener listener) {
        if (!capabilities.dirSync()) {
            throw new WatermarkUnusableException("it is a DirSync cookie and " + settings.url()
                    + " does not offer DirSync", null);
        }
        Changes changes = new Changes(scopes, listener);
        byte[] next = connections.withConnection("the DirSync delta read", connection -> {
            ASN1OctetString cookie = new ASN1OctetString(position.cookie());
            ActiveDirectoryDirSyncControl answer;
            do {
                SearchRequest request = dirSyncRound(changes, capabilities.namingContext(),
                        requestedAttributes(scopes), cookie);
                SearchResult result;
                try {
                    result = connection.search(request);
                } catch (LDAPException e) {
                    if (e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                        throw new WatermarkUnusableException("the DC no longer grants DirSync to '"
                                + settings.bindDn() + "'", e);
                    }
                    throw e;
                }
                changes.flush();
                answer = ActiveDirectoryDirSyncControl.get(result);
                if (answer == null) {
                    throw new WatermarkUnusableException("the DC answered a DirSync search without a cookie", null);
                }
                cookie = answer.getCookie();
                // A non-zero flag means "more data": real AD pages, Samba answers in one go
            } while (answer.getFlags() != 0);
            return cookie.getValue();
        });
        return new DeltaResult(Watermark.of(new Watermark.DirSyncPosition(next)), Set.of());
    }

    DeltaResult usn(List<Scope> scopes, Watermark.UsnPosition position, DeltaListener listener) {
        Watermark.UsnPosition next = usnPosition();
        if (!next.server().equalsIgnoreCase(position.server())) {
            throw new WatermarkUnusableException("it counts the changes of " + position.server() + " but this "
                    + "connection reached " + next.server(), null);
        }
        Filter changedSince = Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(position.usn() + 1));
        Set<String> present = new LinkedHashSet<>();
        for (Scope scope : scopes) {
            pagedSearch.stream(scope.base(), Filter.createANDFilter(scope.type().parsedFilter(), changedSince),
                    scope.attributes(), entry -> listener.changed(
                            converter.convert(scope.type().typeName(), ranges.complete(entry))),
                    "uSNChanged delta read of " + scope.type().typeName());
            pagedSearch.stream(scope.base(), scope.type().parsedFilter(), new String[] {"objectGUID"},
                    entry -> listener.present(scope.type().typeName(), converter.anchorOf(entry)),
                    "anchor listing of " + scope.type().typeName());
            present.add(scope.type().typeName());
        }
        return new DeltaResult(Watermark.of(next), present);
    }

    private Watermark.UsnPosition usnPosition() {
        warning = "The bind account '" + settings.bindDn() + "' may not use DirSync on " + settings.url()
                + " (it lacks the right Replicating Directory Changes on " + capabilities.namingContext()
                + "): changes are read by uSNChanged and deletions found by listing every object each cycle.";
        RootDSE root = connections.withConnection("the uSNChanged position", LDAPConnection::getRootDSE);
        String usn = root == null ? null : root.getAttributeValue("highestCommittedUSN");
        String server = root == null ? null : root.getAttributeValue("dsServiceName");
        if (usn == null || server == null) {
            throw new LdapConfigurationException("the DC " + settings.url() + " does not show highestCommittedUSN "
                    + "and dsServiceName in its root DSE", null);
        }
        return new Watermark.UsnPosition(Long.parseLong(usn), server);
    }

    /**
      * Whether a delta read acts on this DirSync entry: a deletion, an object in a type's base, a rename or move (out
      * of the bases, it is a deletion), or a membership change naming an object in a base whose type reads memberOf.
      */
    static boolean concerns(Entry entry, List<Scope> scopes) {
        byte[] guid = entry.getAttributeValueBytes("objectGUID");
        if (guid == null || guid.length != 16) {
            return false;
        }
        if (tombstone(entry) || movedOrRenamed(entry)) {
            return true;
        }
        List<String> members = changedMembers(entry);
        for (Scope scope : scopes) {
            if (within(entry.getDN(), scope.base()) || readsMemberOf(scope)
                    && members.stream().anyMatch(member -> within(member, scope.base()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsMemberOf(Scope scope) {
        return List.of(scope.attributes()).stream().anyMatch("memberOf"::equalsIgnoreCase);
    }

    /**
      * A round of DirSync from {@code cookie} over the whole domain, membership changes as incremental values; the
      * delta read and the watch ask the same question.
      */
    static SearchRequest dirSyncRound(SearchResultListener listener, String namingContext, String[] attributes,
                                      ASN1OctetString cookie) {
        SearchRequest request = new SearchRequest(listener, namingContext, SearchScope.SUB,
                Filter.createPresenceFilter("objectClass"), attributes);
        request.addControl(new ActiveDirectoryDirSyncControl(true, ActiveDirectoryDirSyncControl.FLAG_INCREMENTAL_VALUES,
                0, cookie));
        return request;
    }

    /** The types' attributes plus those that mark an object changed, deleted, renamed or moved. */
    static String[] requestedAttributes(List<Scope> scopes) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(CHANGE_MARKERS);
        for (Scope scope : scopes) {
            names.addAll(List.of(scope.attributes()));
        }
        return names.toArray(String[]::new);
    }

    /** Whether a DirSync entry is a deleted object: isDeleted, or (should the DC omit it) the tombstone RDN. */
    static boolean tombstone(Entry entry) {
        return "TRUE".equalsIgnoreCase(entry.getAttributeValue("isDeleted"))
                || entry.getDN().contains(TOMBSTONE_RDN_MARK);
    }

    /** Whether DirSync reported the object's name or parent changed: a rename or a move. */
    static boolean movedOrRenamed(Entry entry) {
        return entry.hasAttribute("parentGUID") || entry.hasAttribute("name");
    }

    /** The member DNs DirSync's incremental values list as added ({@code range=1-1}) or removed ({@code range=0-0}). */
    static List<String> changedMembers(Entry entry) {
        List<String> members = new ArrayList<>();
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase("member")) {
                members.addAll(List.of(attribute.getValues()));
            }
        }
        return members;
    }

    static boolean within(String dn, String base) {
        try {
            return new DN(dn).isDescendantOf(new DN(base), true);
        } catch (LDAPException e) {
            return false;
        }
    }

    /**
      * Turns DirSync entries, as they stream, into deletions and objects to read again, and reads those in batches
      * (on another pooled connection: the DirSync search holds its own), so that memory stays bounded however much
      * changed.
      */
    private final class Changes implements SearchResultListener {
        private final List<Scope> scopes;
        private final DeltaListener listener;
        private final List<Reread> rereads = new ArrayList<>();

        Changes(List<Scope> scopes, DeltaListener listener) {
            this.scopes = scopes;
            this.listener = listener;
            scopes.forEach(scope -> rereads.add(new Reread(scope)));
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            byte[] guid = entry.getAttributeValueBytes("objectGUID");
            if (guid == null || guid.length != 16) {
                return;
            }
            String anchor = ObjectGuid.toUuidString(guid);
            boolean deleted = tombstone(entry);
            List<String> members = changedMembers(entry);
            for (Reread reread : rereads) {
                String type = reread.scope.type().typeName();
                if (deleted) {
                    listener.deleted(type, anchor);
                } else if (within(entry.getDN(), reread.scope.base())) {
                    reread.anchor(anchor);
                } else if (movedOrRenamed(entry)) {
                    listener.deleted(type, anchor);
                }
                if (reread.readsMemberOf) {
                    members.stream().filter(member -> within(member, reread.scope.base())).forEach(reread::member);
                }
            }
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {
            // The Configuration and DNS partitions below the domain root are not the source's
        }

        void flush() {
            rereads.forEach(Reread::flush);
        }

        /** The objects of one type to read again in full, by objectGUID or (members) by DN. */
        private final class Reread {
            private final Scope scope;
            private final boolean readsMemberOf;
            private final Set<String> anchors = new LinkedHashSet<>();
            private final Set<String> dns = new LinkedHashSet<>();

            Reread(Scope scope) {
                this.scope = scope;
                this.readsMemberOf = readsMemberOf(scope);
            }

            void anchor(String anchor) {
                anchors.add(anchor);
                flushIfFull();
            }

            void member(String dn) {
                dns.add(dn);
                flushIfFull();
            }

            private void flushIfFull() {
                if (anchors.size() + dns.size() >= REREAD_BATCH) {
                    flush();
                }
            }

            void flush() {
                if (anchors.isEmpty() && dns.isEmpty()) {
                    return;
                }
                List<Filter> keys = new ArrayList<>();
                anchors.forEach(anchor -> keys.add(
                        Filter.createEqualityFilter("objectGUID", ObjectGuid.toBytes(UUID.fromString(anchor)))));
                dns.forEach(dn -> keys.add(Filter.createEqualityFilter("distinguishedName", dn)));
                Filter filter = Filter.createANDFilter(scope.type().parsedFilter(), Filter.createORFilter(keys));
                Set<String> missing = new LinkedHashSet<>(anchors);
                String type = scope.type().typeName();
                pagedSearch.stream(scope.base(), filter, scope.attributes(), entry -> {
                    SourceEntry read = converter.convert(type, ranges.complete(entry));
                    missing.remove(read.anchor());
                    listener.changed(read);
                }, "DirSync re-read of changed " + type + " objects");
                // Changed, yet not in the base or no longer matching the filter: gone for this type
                missing.forEach(anchor -> listener.deleted(type, anchor));
                anchors.clear();
                dns.clear();
            }
        }
    }
}
