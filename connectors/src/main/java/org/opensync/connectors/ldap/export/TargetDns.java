package org.opensync.connectors.ldap.export;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;

/**
  * DNs of target entries, built from parsed parts so that a value with {@code , + " \ = < > ;} or leading
  * {@code #} and spaces stays one RDN value (RFC 4514 escaping) and cannot change the container.
  */
public final class TargetDns {

    private TargetDns() {
    }

    /**
      * The DN of an entry named {@code rdnAttribute=rdnValue} in {@code containerDn}, e.g. {@code CN=} + displayName
      * in the OU a Switch expression chose.
      *
      * @throws LdapTargetException InvalidDnSyntax: an empty value or a container that is not a DN
      */
    public static String child(String rdnAttribute, String rdnValue, String containerDn) {
        if (rdnValue == null || rdnValue.isEmpty()) {
            throw LdapTargetErrors.ours(LdapTargetErrorCode.InvalidDnSyntax, "the naming attribute " + rdnAttribute
                    + " has no value: the entry's DN cannot be built");
        }
        return new DN(new RDN(rdnAttribute, rdnValue), parse(containerDn)).toString();
    }

    /** The container an entry is in. */
    public static String parent(String dn) {
        DN parent = parse(dn).getParent();
        return parent == null ? "" : parent.toString();
    }

    /** True when both name the same entry (case, spacing and escaping as the directory compares them). */
    public static boolean same(String dn, String other) {
        return parse(dn).equals(parse(other));
    }

    static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw LdapTargetErrors.ours(LdapTargetErrorCode.InvalidDnSyntax, "'" + dn + "' is not a DN: "
                    + e.getExceptionMessage());
        }
    }
}
