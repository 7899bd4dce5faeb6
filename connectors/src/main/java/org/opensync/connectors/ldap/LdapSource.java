package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.opensync.connectors.schema.DiscoveredObject;

/**
  * Reads users and groups from an LDAP directory or Active Directory: paged full reads, and delta reads by RFC 4533
  * content sync where the server offers it (OpenLDAP syncprov), by DirSync or uSNChanged on Active Directory
  * ({@link ActiveDirectoryDelta}), by change timestamp elsewhere. Thread-safe; holds a small connection pool until
  * {@link #close()}.
  * <pre>{@code
  * try (LdapSource source = LdapSource.open(LdapSettings.of(url, bindDn, password, "dc=example,dc=org"))) {
  *   Watermark mark = source.fullRead(types, entry -> ...);
  *   DeltaResult delta = source.deltaRead(types, mark, listener);   // later; store delta.watermark()
  * }
  * }</pre>
  */
public final class LdapSource implements AutoCloseable {

    private final LdapSettings settings;
    private final LDAPConnectionPool pool;
    private final DirectoryCapabilities capabilities;
    private final EntryConverter converter;
    private final PagedSearch pagedSearch;
    private final ContentSyncRefresh contentSync;
    private final RangeRetrieval ranges;
    private final ActiveDirectoryDelta activeDirectory;

    private LdapSource(LdapSettings settings, LDAPConnectionPool pool, DirectoryCapabilities capabilities) {
        this.settings = settings;
        this.pool = pool;
        this.capabilities = capabilities;
        this.converter = new EntryConverter(capabilities);
        LdapConnections connections = new LdapConnections(pool, settings);
        this.pagedSearch = new PagedSearch(connections, settings.pageSize(), capabilities.pagedResults());
        this.contentSync = new ContentSyncRefresh(connections, converter);
        this.ranges = new RangeRetrieval(connections);
        this.activeDirectory = new ActiveDirectoryDelta(connections, pagedSearch, ranges, converter, capabilities,
                settings);
    }

    /**
      * Connects, binds, reads the root DSE and checks that the base DN exists.
      *
      * @throws LdapUnavailableException   the server cannot be reached or does not answer in time
      * @throws LdapConfigurationException bad credentials, missing base DN, TLS trust failure
      * @throws org.opensync.connectors.net.EgressDeniedException the egress policy refuses the server
      */
    public static LdapSource open(LdapSettings settings) {
        LDAPConnectionPool pool = LdapPools.open(settings, "ldap-source");
        try {
            RootDSE rootDse = pool.getRootDSE();
            if (rootDse == null) {
                throw new LdapConfigurationException("LDAP server " + settings.url() + " hides its root DSE", null);
            }
            if (pool.getEntry(settings.baseDn(), "1.1") == null) {
                throw new LdapConfigurationException("base DN '" + settings.baseDn() + "' does not exist on "
                        + settings.url(), null);
            }
            return new LdapSource(settings, pool, DirectoryCapabilities.of(rootDse));
        } catch (LDAPException e) {
            pool.close();
            throw LdapErrors.translate(e, settings, "the capability probe");
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public DirectoryCapabilities capabilities() {
        return capabilities;
    }

    /**
      * Streams every entry of every type to {@code onEntry} as pages arrive, and returns the watermark for the next
      * {@link #deltaRead}. Changes made while the read runs are delivered again by that delta read.
      */
    public Watermark fullRead(List<ObjectTypeQuery> types, Consumer<SourceEntry> onEntry) {
        requireDistinctNames(types);
        if (capabilities.contentSync()) {
            Map<String, byte[]> cookies = new LinkedHashMap<>();
            for (ObjectTypeQuery type : types) {
                cookies.put(type.typeName(), contentSync.currentCookie(base(type)));
                streamEntries(type, type.parsedFilter(), onEntry, "full read of " + type.typeName());
            }
            return Watermark.of(new Watermark.ContentSyncPosition(cookies));
        }
        if (capabilities.activeDirectory()) {
            Watermark.Position start = activeDirectory.start();
            for (ObjectTypeQuery type : types) {
                streamEntries(type, type.parsedFilter(), onEntry, "full read of " + type.typeName());
            }
            return Watermark.of(start);
        }
        Instant since = timestampWatermarkStart();
        for (ObjectTypeQuery type : types) {
            streamEntries(type, type.parsedFilter(), onEntry, "full read of " + type.typeName());
        }
        return Watermark.of(new Watermark.TimestampPosition(capabilities.changeTimestampAttribute(), since));
    }

    /**
      * Streams what changed since {@code since}: changed entries in full, deleted anchors where the server lists
      * them, and present anchors where it does not (see {@link DeltaResult#presentPhaseTypes()}).
      * <p>
      * Timestamp mode compares the change timestamp with {@code >=} at one-second resolution and sets the watermark
      * back by {@link LdapSettings#clockSkewAllowance()}: entries changed in that overlap come again although
      * unchanged, and the caller drops images equal to the last one it saw.
      *
      * @throws WatermarkUnusableException run {@link #fullRead} instead
      */
    public DeltaResult deltaRead(List<ObjectTypeQuery> types, Watermark since, DeltaListener listener) {
        requireDistinctNames(types);
        Watermark.Position position = since.position();
        if (position instanceof Watermark.ContentSyncPosition sync) {
            return contentSyncDelta(types, sync, listener);
        }
        if (position instanceof Watermark.DirSyncPosition dirSync) {
            return activeDirectory.dirSync(scopes(types), dirSync, listener);
        }
        if (position instanceof Watermark.UsnPosition usn) {
            if (!capabilities.activeDirectory()) {
                throw new WatermarkUnusableException("it counts Active Directory USNs and " + settings.url()
                        + " is no Active Directory", null);
            }
            return activeDirectory.usn(scopes(types), usn, listener);
        }
        return timestampDelta(types, (Watermark.TimestampPosition) position, listener);
    }

    /**
      * Opens a persistent watch over the types' bases and filters that rings {@code bell} within milliseconds of a
      * change after {@code since}, so that the caller can run its next delta read early: RFC 4533 refreshAndPersist
      * from each type's cookie, on a connection of its own that is not taken from the pool (one per watch, with this
      * source's TLS, credentials, egress policy and connect timeout, and no response timeout). On Active Directory,
      * with a DirSync watermark, DirSync asked every half second from the watermark's cookie on such a connection
      * ({@link DirSyncWatch}). Close it when done.
      * <p>
      * Empty when no watch can serve: the directory offers neither, or {@code since} is no watermark of the kind it
      * offers (uSNChanged or timestamps, unreadable, a content-sync watermark lacking a type). The
      * caller then keeps polling; the next delta read reports a watermark it cannot use. What the server refuses after
      * connecting, a cookie it can no longer serve among others, ends the watch instead ({@link SourceWatch#open()}).
      *
      * @throws LdapUnavailableException   the server cannot be reached now: retry later
      * @throws LdapConfigurationException bad credentials, TLS trust failure
      * @throws org.opensync.connectors.net.EgressDeniedException the egress policy refuses the server
      */
    public Optional<SourceWatch> watch(List<ObjectTypeQuery> types, Watermark since, ChangeBell bell) {
        requireDistinctNames(types);
        if (types.isEmpty()) {
            return Optional.empty();
        }
        Watermark.Position position;
        try {
            position = since.position();
        } catch (WatermarkUnusableException e) {
            return Optional.empty();
        }
        if (position instanceof Watermark.DirSyncPosition dirSync && capabilities.dirSync()) {
            List<ActiveDirectoryDelta.Scope> scopes = scopes(types);
            return Optional.of(DirSyncWatch.start(settings, capabilities.namingContext(), scopes,
                    ActiveDirectoryDelta.requestedAttributes(scopes), dirSync.cookie(), bell));
        }
        if (!capabilities.contentSync() || !(position instanceof Watermark.ContentSyncPosition sync)) {
            return Optional.empty();
        }
        List<ContentSyncWatch.Scope> scopes = new ArrayList<>();
        for (ObjectTypeQuery type : types) {
            byte[] cookie = sync.cookies().get(type.typeName());
            if (cookie == null) {
                return Optional.empty();
            }
            scopes.add(new ContentSyncWatch.Scope(base(type), type.parsedFilter(), cookie));
        }
        return Optional.of(ContentSyncWatch.start(settings, scopes, bell));
    }

    /**
      * What the last read did that the admin should fix although it worked: on Active Directory, the bind account may
      * not use DirSync and the source falls back to uSNChanged.
      */
    public Optional<String> warning() {
        return Optional.ofNullable(activeDirectory.warning());
    }

    /** Streams the anchor of every entry of {@code type}, fetching nothing else. */
    public void readAnchors(ObjectTypeQuery type, Consumer<String> onAnchor) {
        pagedSearch.stream(base(type), type.parsedFilter(), new String[] {capabilities.anchorAttribute()},
                entry -> onAnchor.accept(converter.anchorOf(entry)), "anchor listing of " + type.typeName());
    }

    /**
      * Reads the directory's subschema subentry and describes each object by its classes ({@link LdapSchemaReader}).
      *
      * @param classesByObject for each object name of the job, its object classes
      * @throws LdapConfigurationException the server publishes no schema the bind DN may read
      */
    public List<DiscoveredObject> discoverObjects(Map<String, List<String>> classesByObject) {
        Schema schema;
        try {
            schema = pool.getSchema();
        } catch (LDAPException e) {
            throw LdapErrors.translate(e, settings, "the schema read");
        }
        if (schema == null) {
            throw new LdapConfigurationException("LDAP server " + settings.url() + " publishes no subschema subentry "
                    + "that '" + settings.bindDn() + "' may read", null);
        }
        return LdapSchemaReader.read(schema, classesByObject);
    }

    /**
      * Reads one entry of {@code type}: by its anchor when {@code idOrDn} is a UUID (entryUUID, or objectGUID on Active
      * Directory), else by its distinguished name. An entry outside the base DN, or not of the type, is not found.
      *
      * @throws IllegalArgumentException {@code idOrDn} is neither a UUID nor a valid DN
      */
    public Optional<SourceEntry> readOne(ObjectTypeQuery type, String idOrDn) {
        UUID anchor = uuid(idOrDn);
        String base;
        SearchScope scope;
        Filter filter;
        if (anchor != null) {
            base = base(type);
            scope = SearchScope.SUB;
            filter = Filter.createANDFilter(type.parsedFilter(), capabilities.activeDirectory()
                    ? Filter.createEqualityFilter(capabilities.anchorAttribute(), ObjectGuid.toBytes(anchor))
                    : Filter.createEqualityFilter(capabilities.anchorAttribute(), anchor.toString()));
        } else {
            DN dn = dn(idOrDn);
            if (!dn.isDescendantOf(dn(settings.baseDn()), true)) {
                return Optional.empty();
            }
            base = dn.toString();
            scope = SearchScope.BASE;
            filter = type.parsedFilter();
        }
        return new LdapConnections(pool, settings).withConnection("read of one " + type.typeName(), connection -> {
            SearchRequest request = new SearchRequest(base, scope, filter, attributes(type));
            request.setSizeLimit(2);
            try {
                SearchResult result = connection.search(request);
                // Two entries with one anchor cannot be told apart: neither is the subject
                return result.getEntryCount() == 1
                        ? Optional.of(converter.convert(type.typeName(),
                                ranges.complete(result.getSearchEntries().get(0))))
                        : Optional.<SourceEntry>empty();
            } catch (LDAPSearchException e) {
                if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT || e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                    return Optional.<SourceEntry>empty();
                }
                throw e;
            }
        });
    }

    private static UUID uuid(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DN dn(String value) {
        try {
            return new DN(value);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("'" + value + "' is neither an object id (a UUID) nor a distinguished "
                    + "name", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private DeltaResult contentSyncDelta(List<ObjectTypeQuery> types, Watermark.ContentSyncPosition sync,
                                                                              DeltaListener listener) {
        if (!capabilities.contentSync()) {
            throw new WatermarkUnusableException("it was made with RFC 4533 content sync, which " + settings.url()
                    + " does not offer", null);
        }
        Map<String, byte[]> next = new LinkedHashMap<>();
        Set<String> presentPhase = new HashSet<>();
        for (ObjectTypeQuery type : types) {
            byte[] cookie = sync.cookies().get(type.typeName());
            if (cookie == null) {
                throw new WatermarkUnusableException("it has no position for type " + type.typeName(), null);
            }
            ContentSyncRefresh.Outcome outcome = contentSync.refresh(type, base(type), attributes(type), cookie, listener);
            next.put(type.typeName(), outcome.cookie());
            if (outcome.presentPhase()) {
                presentPhase.add(type.typeName());
            }
        }
        return new DeltaResult(Watermark.of(new Watermark.ContentSyncPosition(next)), presentPhase);
    }

    private DeltaResult timestampDelta(List<ObjectTypeQuery> types, Watermark.TimestampPosition position,
                                                                          DeltaListener listener) {
        String attribute = capabilities.changeTimestampAttribute();
        if (!position.attribute().equalsIgnoreCase(attribute)) {
            throw new WatermarkUnusableException("it tracks " + position.attribute() + " but " + settings.url()
                    + " is read by " + attribute, null);
        }
        Instant next = timestampWatermarkStart();
        Filter changedSince = Filter.createGreaterOrEqualFilter(attribute,
                capabilities.changeTimestampFilterValue(position.since()));
        Set<String> names = new LinkedHashSet<>();
        for (ObjectTypeQuery type : types) {
            streamEntries(type, Filter.createANDFilter(type.parsedFilter(), changedSince), listener::changed,
                    "delta read of " + type.typeName());
            readAnchors(type, anchor -> listener.present(type.typeName(), anchor));
            names.add(type.typeName());
        }
        return new DeltaResult(Watermark.of(new Watermark.TimestampPosition(attribute, next)), names);
    }

    private List<ActiveDirectoryDelta.Scope> scopes(List<ObjectTypeQuery> types) {
        return types.stream().map(type -> new ActiveDirectoryDelta.Scope(type, base(type), attributes(type))).toList();
    }

    private void streamEntries(ObjectTypeQuery type, Filter filter, Consumer<SourceEntry> onEntry, String operation) {
        pagedSearch.stream(base(type), filter, attributes(type),
                entry -> onEntry.accept(converter.convert(type.typeName(), ranges.complete(entry))), operation);
    }

    private Instant timestampWatermarkStart() {
        return Instant.now().minus(settings.clockSkewAllowance()).truncatedTo(ChronoUnit.SECONDS);
    }

    private String[] attributes(ObjectTypeQuery type) {
        Set<String> names = new LinkedHashSet<>(type.attributes());
        names.add(capabilities.anchorAttribute());
        return names.toArray(String[]::new);
    }

    private String base(ObjectTypeQuery type) {
        if (type.searchBase() == null || type.searchBase().isBlank()) {
            return settings.baseDn();
        }
        try {
            DN base = new DN(settings.baseDn());
            DN requested = new DN(type.searchBase());
            if (requested.isDescendantOf(base, true)) {
                return requested.toString();
            }
            // Built from parsed RDNs, never by joining strings, so that nothing in either DN can change the other
            List<RDN> rdns = new ArrayList<>(List.of(requested.getRDNs()));
            rdns.addAll(List.of(base.getRDNs()));
            return new DN(rdns).toString();
        } catch (LDAPException e) {
            throw new LdapConfigurationException("invalid search base '" + type.searchBase() + "' for "
                    + type.typeName(), e);
        }
    }

    private static void requireDistinctNames(List<ObjectTypeQuery> types) {
        Set<String> names = new HashSet<>();
        for (ObjectTypeQuery type : types) {
            if (!names.add(type.typeName())) {
                throw new IllegalArgumentException("type " + type.typeName() + " is listed twice");
            }
        }
    }
}
