package org.opensync.connectors.ldap.export;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.PermissiveModifyRequestControl;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.opensync.connectors.ldap.DirectoryCapabilities;
import org.opensync.connectors.ldap.LdapPools;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.LdapSourceException;
import org.opensync.connectors.ldap.ObjectGuid;
import org.opensync.connectors.net.EgressDeniedException;

/**
  * Writes users and groups to an LDAP directory or Active Directory for one job: match, read the current image,
  * create, update only what changed (renaming and moving by modify DN), disable, delete, references in chunks, and
  * the "is this value taken" query behind SelectUniqueValue. Every entry written lies at or below the base DN of the
  * job's settings. Thread-safe; holds a small connection pool until {@link #close()}.
  * <p>
  * Every failure is an {@link LdapTargetException} with a provisioning-log error code (or an egress refusal from
  * {@link #open}).
  */
public final class LdapTarget implements AutoCloseable {

    private static final String USER_ACCOUNT_CONTROL = "userAccountControl";

    private final LdapSettings settings;
    private final LdapTargetSettings options;
    private final LDAPConnectionPool pool;
    private final DN baseDn;
    private final DirectoryCapabilities capabilities;
    private final Control[] referenceControls;
    private final DisableMode disableMode;

    private LdapTarget(LdapSettings settings, LdapTargetSettings options, LDAPConnectionPool pool, RootDSE rootDse) {
        this.settings = settings;
        this.options = options;
        this.pool = pool;
        this.baseDn = TargetDns.parse(settings.baseDn());
        this.capabilities = DirectoryCapabilities.of(rootDse);
        // Adding a member already present, or removing one already gone, is then no error: a chunk can be sent again
        // after a failure part-way through.
        this.referenceControls = rootDse.supportsControl(PermissiveModifyRequestControl.PERMISSIVE_MODIFY_REQUEST_OID)
                ? new Control[] {new PermissiveModifyRequestControl()} : new Control[0];
        this.disableMode = options.disableMode() != null ? options.disableMode()
                : capabilities.activeDirectory() ? new DisableMode.AccountControl() : DisableMode.passwordPolicyLock();
    }

    /**
      * Connects, binds, reads the root DSE and checks that the base DN exists. Up to {@code settings.poolSize()}
      * requests are under way at once; more callers wait for a connection.
      *
      * @throws LdapTargetException   unreachable (transient), bind refused, missing base DN, TLS trust failure
      * @throws EgressDeniedException the egress policy refuses the server
      */
    public static LdapTarget open(LdapSettings settings, LdapTargetSettings options) {
        LDAPConnectionPool pool;
        try {
            pool = LdapPools.open(settings, "ldap-target");
        } catch (LdapSourceException e) {
            throw LdapTargetErrors.opening(e);
        }
        // The pool size caps the job's requests under way: a write beyond it waits for a connection (as long as a
        // response may take) instead of connecting and binding anew, which would cost more than the wait
        pool.setCreateIfNecessary(false);
        pool.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
        try {
            RootDSE rootDse = pool.getRootDSE();
            if (rootDse == null) {
                throw LdapTargetErrors.ours(LdapTargetErrorCode.ConfigurationError, "LDAP server " + settings.url()
                        + " hides its root DSE");
            }
            if (pool.getEntry(settings.baseDn(), "1.1") == null) {
                throw LdapTargetErrors.ours(LdapTargetErrorCode.NoSuchObject, "base DN '" + settings.baseDn()
                        + "' does not exist on " + settings.url());
            }
            return new LdapTarget(settings, options, pool, rootDse);
        } catch (LDAPException e) {
            pool.close();
            throw LdapTargetErrors.of(e, "the capability probe", settings.baseDn());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public boolean activeDirectory() {
        return capabilities.activeDirectory();
    }

    /**
      * The entry of {@code objectClass} whose matching attribute has the value, trying the candidates in order; the
      * first attribute with a hit decides. Values are escaped (RFC 4515), so {@code *()\} match literally.
      *
      * @param attributes what to read of the entry found; empty for all user attributes
      * @throws LdapTargetException DuplicateTargetEntries when one attribute matches several entries
      */
    public Optional<TargetEntry> match(String objectClass, List<MatchingValue> candidates,
                                       Collection<String> attributes) {
        for (MatchingValue candidate : candidates) {
            if (candidate.value() == null || candidate.value().isEmpty()) {
                continue;
            }
            Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", objectClass),
                    Filter.createEqualityFilter(candidate.attribute(), candidate.value()));
            List<SearchResultEntry> hits = search(filter, 2, requested(attributes), "the match");
            if (hits.size() > 1) {
                throw LdapTargetErrors.ours(LdapTargetErrorCode.DuplicateTargetEntries, "more than one " + objectClass
                        + " has " + candidate.attribute() + " '" + candidate.value() + "': " + hits.get(0).getDN()
                        + ", " + hits.get(1).getDN());
            }
            if (hits.size() == 1) {
                return Optional.of(TargetEntry.of(hits.get(0)));
            }
        }
        return Optional.empty();
    }

    /** The entry's current image, empty when it does not exist. */
    public Optional<TargetEntry> read(String dn, Collection<String> attributes) {
        try {
            return Optional.ofNullable(request("search", () -> pool.getEntry(dn, requested(attributes))))
                    .map(TargetEntry::of);
        } catch (LDAPException e) {
            throw LdapTargetErrors.of(e, "the read", dn);
        }
    }

    /**
      * The entry's anchor, the identifier that survives renames and moves: {@code entryUUID}, or on Active Directory
      * {@code objectGUID} in its standard string form.
      */
    public String anchor(String dn) {
        Entry entry;
        try {
            entry = request("search", () -> pool.getEntry(dn, capabilities.anchorAttribute()));
        } catch (LDAPException e) {
            throw LdapTargetErrors.of(e, "the read", dn);
        }
        if (entry == null) {
            throw noSuchEntry(dn);
        }
        Attribute anchor = entry.getAttribute(capabilities.anchorAttribute());
        if (anchor == null) {
            throw LdapTargetErrors.ours(LdapTargetErrorCode.ConfigurationError, "'" + dn + "' has no "
                    + capabilities.anchorAttribute() + ": the directory must maintain it");
        }
        return capabilities.activeDirectory() ? ObjectGuid.toUuidString(anchor.getValueByteArray()) : anchor.getValue();
    }

    /** The entry with this {@link #anchor}, wherever it was moved; empty when it is gone. */
    public Optional<TargetEntry> readByAnchor(String anchor, Collection<String> attributes) {
        Filter filter;
        try {
            filter = capabilities.activeDirectory()
                    ? Filter.createEqualityFilter("objectGUID", ObjectGuid.toBytes(UUID.fromString(anchor)))
                    : Filter.createEqualityFilter("entryUUID", anchor);
        } catch (IllegalArgumentException e) {
            throw LdapTargetErrors.ours(LdapTargetErrorCode.InvalidAttributeSyntax, "'" + anchor + "' is not an "
                    + capabilities.anchorAttribute());
        }
        List<SearchResultEntry> hits = search(filter, 1, requested(attributes), "the read by anchor");
        return hits.stream().findFirst().map(TargetEntry::of);
    }

    /**
      * Adds the entry; attributes without values are left out.
      *
      * @param attributes {@code objectClass} included
      * @param password   the initial password, or null: {@code unicodePwd} on Active Directory (only over an encrypted
      *                   connection), {@code userPassword} elsewhere
      */
    public void create(String dn, Map<String, List<String>> attributes, String password) {
        requireInBase(dn);
        Entry entry = new Entry(dn);
        attributes.forEach((name, values) -> {
            if (!values.isEmpty()) {
                entry.addAttribute(name, values);
            }
        });
        if (password != null) {
            entry.addAttribute(passwordAttribute(password));
        }
        try {
            request("add", () -> pool.add(entry));
        } catch (LDAPException e) {
            throw LdapTargetErrors.of(e, "the add", dn);
        }
    }

    /**
      * Renames and moves the entry when the desired DN differs, then modifies the attributes whose values differ from
      * {@code current}. The naming attribute follows the DN and is not modified.
      *
      * @param current its image, read with at least the attributes of {@code desired}
      * @param desired attribute → values; an empty list clears the attribute, one not listed is left alone
      */
    public Update update(TargetEntry current, String desiredDn, Map<String, List<String>> desired) {
        String dn = current.dn();
        boolean renamed = !TargetDns.same(dn, desiredDn);
        if (renamed) {
            requireInBase(desiredDn);
            moveTo(dn, TargetDns.parse(desiredDn));
            dn = desiredDn;
        }
        Set<String> naming = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        naming.addAll(List.of(TargetDns.parse(desiredDn).getRDN().getAttributeNames()));
        List<Modification> modifications = AttributeChanges.between(current, desired, naming,
                options.dnValuedAttributes());
        modify(dn, modifications, new Control[0]);
        Set<String> changed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        modifications.forEach(modification -> changed.add(modification.getAttributeName()));
        return new Update(dn, renamed, changed);
    }

    /**
      * Disables the account the configured way; idempotent.
      *
      * @return its DN afterwards (moved when disabling moves it)
      */
    public String disable(String dn) {
        if (disableMode instanceof DisableMode.SetAttribute marker) {
            modify(dn, List.of(new Modification(ModificationType.REPLACE, marker.attribute(), marker.value())),
                    new Control[0]);
            return dn;
        }
        if (disableMode instanceof DisableMode.MoveTo leavers) {
            DN container = TargetDns.parse(leavers.containerDn());
            DN current = TargetDns.parse(dn);
            if (container.equals(current.getParent())) {
                return dn;
            }
            DN moved = new DN(current.getRDN(), container);
            moveTo(dn, moved);
            return moved.toString();
        }
        setAccountControl(dn, ActiveDirectoryValues::disabled);
        return dn;
    }

    /**
      * Enables the account again; idempotent. With {@link DisableMode.MoveTo} nothing happens here: the update that
      * follows moves the entry back to the DN the mapping computes.
      */
    public void enable(String dn) {
        if (disableMode instanceof DisableMode.SetAttribute marker) {
            boolean marked = read(dn, List.of(marker.attribute()))
                    .map(entry -> !entry.values(marker.attribute()).isEmpty()).orElseThrow(() -> noSuchEntry(dn));
            if (marked) {
                modify(dn, List.of(new Modification(ModificationType.DELETE, marker.attribute())), new Control[0]);
            }
        } else if (disableMode instanceof DisableMode.AccountControl) {
            setAccountControl(dn, ActiveDirectoryValues::enabled);
        }
    }

    /**
      * Deletes the entry (a leaf: the directory refuses entries with children, NotAllowedOnNonLeaf).
      *
      * @return false when it did not exist any more
      */
    public boolean delete(String dn) {
        try {
            request("delete", () -> pool.delete(dn));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw LdapTargetErrors.of(e, "the delete", dn);
        }
    }

    /**
      * Adds and removes DN values of a reference attribute ({@code member} of a group), at most
      * {@link LdapTargetSettings#memberChunkSize()} values per modify request; additions first, so that a group whose
      * members are all replaced is never empty (groupOfNames requires a member). Values already present or already
      * gone are no error: the permissive modify control where the directory offers it (AD does), and a chunk the
      * directory still refuses for such a value is sent again value by value.
      *
      * @return the number of modify requests sent
      */
    public int updateReferences(String dn, String attribute, Collection<String> add, Collection<String> remove) {
        add.forEach(TargetDns::parse);
        remove.forEach(TargetDns::parse);
        return chunked(dn, attribute, ModificationType.ADD, List.copyOf(add))
                + chunked(dn, attribute, ModificationType.DELETE, List.copyOf(remove));
    }

    /** Whether some entry at or below the base DN already has the value (SelectUniqueValue's question). */
    public boolean valueTaken(String attribute, String value) {
        return !search(Filter.createEqualityFilter(attribute, value), 1, new String[] {"1.1"}, "the uniqueness query")
                .isEmpty();
    }

    /** The first candidate no entry has yet, in order; empty when all are taken (the object is escrowed). */
    public Optional<String> firstUnique(String attribute, List<String> candidates) {
        return candidates.stream().filter(candidate -> !valueTaken(attribute, candidate)).findFirst();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** What an update did: the entry's DN afterwards, whether it was renamed or moved, which attributes changed. */
    public record Update(String dn, boolean renamed, Set<String> modifiedAttributes) {
        public boolean changed() {
            return renamed || !modifiedAttributes.isEmpty();
        }
    }

    private int chunked(String dn, String attribute, ModificationType type, List<String> values) {
        int requests = 0;
        for (int from = 0; from < values.size(); from += options.memberChunkSize()) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + options.memberChunkSize()));
            try {
                modify(dn, List.of(new Modification(type, attribute, chunk.toArray(String[]::new))),
                        referenceControls);
                requests++;
            } catch (LdapTargetException e) {
                // Samba (unlike Windows AD) ignores permissive modify on linked attributes such as member: the
                // value-by-value fallback is needed even where the control was sent
                if (!alreadyDone(e, type)) {
                    throw e;
                }
                requests += oneByOne(dn, attribute, type, chunk);
            }
        }
        return requests;
    }

    /**
      * Without permissive modify (or where the directory ignores it) one value already present (or already gone) fails
      * its whole chunk, e.g. a chunk sent again after a failure part-way through: the chunk is then written value by
      * value, skipping those.
      */
    private int oneByOne(String dn, String attribute, ModificationType type, List<String> chunk) {
        for (String value : chunk) {
            try {
                modify(dn, List.of(new Modification(type, attribute, value)), referenceControls);
            } catch (LdapTargetException e) {
                if (!alreadyDone(e, type)) {
                    throw e;
                }
            }
        }
        return chunk.size();
    }

    /**
      * A value already present is AttributeOrValueExists on LDAP directories, EntryAlreadyExists on Active Directory
      * (ERROR_MEMBER_IN_GROUP); a value already gone is NoSuchAttribute, or UnwillingToPerform on Active Directory
      * (ERROR_MEMBER_NOT_IN_GROUP), which only there is read so.
      */
    private boolean alreadyDone(LdapTargetException e, ModificationType type) {
        LdapTargetErrorCode code = e.errorCode();
        return type == ModificationType.ADD
                ? code == LdapTargetErrorCode.AttributeOrValueExists || code == LdapTargetErrorCode.EntryAlreadyExists
                : code == LdapTargetErrorCode.NoSuchAttribute
                        || (capabilities.activeDirectory() && code == LdapTargetErrorCode.UnwillingToPerform);
    }

    private void moveTo(String dn, DN target) {
        DN current = TargetDns.parse(dn);
        String newSuperior = target.getParent().equals(current.getParent()) ? null : target.getParent().toString();
        try {
            request("modifyDN", () -> pool.modifyDN(new ModifyDNRequest(dn, target.getRDNString(), true,
                    newSuperior)));
        } catch (LDAPException e) {
            throw LdapTargetErrors.of(e, "the rename to '" + target + "'", dn);
        }
    }

    private void modify(String dn, List<Modification> modifications, Control[] controls) {
        if (modifications.isEmpty()) {
            return;
        }
        try {
            request("modify", () -> pool.modify(new ModifyRequest(dn, modifications, controls)));
        } catch (LDAPException e) {
            throw LdapTargetErrors.of(e, "the modify", dn);
        }
    }

    /** Reads the flags and writes them back changed, when they change. */
    private void setAccountControl(String dn, UnaryOperator<String> change) {
        TargetEntry entry = read(dn, List.of(USER_ACCOUNT_CONTROL)).orElseThrow(() -> noSuchEntry(dn));
        List<String> values = entry.values(USER_ACCOUNT_CONTROL);
        String flags = values.isEmpty() ? "0" : values.get(0);
        String changed = change.apply(flags);
        if (!changed.equals(flags)) {
            modify(dn, List.of(new Modification(ModificationType.REPLACE, USER_ACCOUNT_CONTROL, changed)),
                    new Control[0]);
        }
    }

    private Attribute passwordAttribute(String password) {
        if (!capabilities.activeDirectory()) {
            return new Attribute("userPassword", password);
        }
        if (!settings.encrypted()) {
            // AD refuses it anyway; never send a password in clear.
            throw LdapTargetErrors.ours(LdapTargetErrorCode.ConfidentialityRequired, "Active Directory accepts "
                    + "unicodePwd only over ldaps:// or StartTLS, and " + settings.url() + " is neither");
        }
        return new Attribute("unicodePwd", ActiveDirectoryValues.unicodePwd(password));
    }

    private List<SearchResultEntry> search(Filter filter, int sizeLimit, String[] attributes, String operation) {
        SearchRequest query = new SearchRequest(baseDn.toString(), SearchScope.SUB, filter, attributes);
        query.setSizeLimit(sizeLimit);
        try {
            return request("search", () -> pool.search(query)).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            throw LdapTargetErrors.of(e, operation, baseDn.toString());
        }
    }

    /** Sends one request to the directory, telling the observer its operation, result code and duration. */
    private <T, E extends LDAPException> T request(String operation, PoolRequest<T, E> request) throws E {
        long started = System.nanoTime();
        ResultCode result = ResultCode.SUCCESS;
        try {
            return request.send();
        } catch (LDAPException e) {
            result = e.getResultCode();
            throw e;
        } finally {
            options.observer().answered(operation, result.intValue(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @FunctionalInterface
    private interface PoolRequest<T, E extends LDAPException> {
        T send() throws E;
    }

    private void requireInBase(String dn) {
        if (!TargetDns.parse(dn).isDescendantOf(baseDn, false)) {
            throw LdapTargetErrors.ours(LdapTargetErrorCode.NamingViolation, "'" + dn + "' is not below the base DN '"
                    + baseDn + "' this job writes to");
        }
    }

    private static LdapTargetException noSuchEntry(String dn) {
        return LdapTargetErrors.ours(LdapTargetErrorCode.NoSuchObject, "'" + dn + "' does not exist");
    }

    private static String[] requested(Collection<String> attributes) {
        return attributes.isEmpty() ? new String[] {"*"} : attributes.toArray(String[]::new);
    }
}
