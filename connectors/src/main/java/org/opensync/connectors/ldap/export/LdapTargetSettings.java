package org.opensync.connectors.ldap.export;

import java.util.Set;
import java.util.TreeSet;
import org.opensync.connectors.net.RequestObserver;

/**
  * How a job writes to its directory, beside where it connects ({@link org.opensync.connectors.ldap.LdapSettings}).
  *
  * @param disableMode        how accounts are disabled; null for the directory's own: the ACCOUNTDISABLE bit on
  *                           Active Directory, the password-policy lock elsewhere
  * @param memberChunkSize    at most this many reference values (group members) per modify request: AD refuses
  *                           large value sets in one request and every server holds one request in memory
  * @param dnValuedAttributes attributes whose values are DNs, compared as DNs (case and escaping aside) so that an
  *                           unchanged {@code manager} or {@code member} is not rewritten
  * @param observer           told of every request sent to the directory, by operation and result code
  */
public record LdapTargetSettings(DisableMode disableMode, int memberChunkSize, Set<String> dnValuedAttributes,
                                 RequestObserver observer) {

    public static final int DEFAULT_MEMBER_CHUNK_SIZE = 500;
    public static final Set<String> DEFAULT_DN_VALUED_ATTRIBUTES = Set.of("member", "uniqueMember", "manager",
            "owner", "secretary", "managedBy");

    public LdapTargetSettings {
        if (memberChunkSize < 1) {
            throw new IllegalArgumentException("memberChunkSize must be positive: " + memberChunkSize);
        }
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(dnValuedAttributes);
        dnValuedAttributes = names;
        observer = observer == null ? RequestObserver.NONE : observer;
    }

    public static LdapTargetSettings defaults() {
        return new LdapTargetSettings(null, DEFAULT_MEMBER_CHUNK_SIZE, DEFAULT_DN_VALUED_ATTRIBUTES,
                RequestObserver.NONE);
    }

    public LdapTargetSettings withDisableMode(DisableMode mode) {
        return new LdapTargetSettings(mode, memberChunkSize, dnValuedAttributes, observer);
    }

    public LdapTargetSettings withMemberChunkSize(int size) {
        return new LdapTargetSettings(disableMode, size, dnValuedAttributes, observer);
    }

    public LdapTargetSettings withObserver(RequestObserver requests) {
        return new LdapTargetSettings(disableMode, memberChunkSize, dnValuedAttributes, requests);
    }
}
