package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;

import java.util.ArrayList;
import java.util.List;

/**
  * Completes attributes that Active Directory returns in ranges: a value count above the server's MaxValRange (1,500
  * on Windows and Samba) comes back as {@code member;range=0-1499} instead of {@code member}, and the rest must be
  * asked for as {@code member;range=1500-*}, range after range, until a range ends in {@code *}. The completed entry
  * carries the plain attribute with every value.
  */
final class RangeRetrieval {

    private static final String RANGE_OPTION = "range=";
    /** AD answers at most a few thousand values per range; a directory that never ends its ranges is not followed. */
    private static final int MAX_RANGES = 10_000;

    private final LdapConnections connections;

    RangeRetrieval(LdapConnections connections) {
        this.connections = connections;
    }

    /**
      * The entry itself when no attribute is ranged, else a copy with ranged attributes completed. The further ranges
      * are read on another pooled connection: the one streaming the entry is busy with its search.
      */
    Entry complete(SearchResultEntry entry) {
        List<Attribute> ranged = entry.getAttributes().stream().filter(RangeRetrieval::isRanged).toList();
        if (ranged.isEmpty()) {
            return entry;
        }
        Entry completed = entry.duplicate();
        for (Attribute attribute : ranged) {
            completed.removeAttribute(attribute.getName());
            completed.addAttribute(new Attribute(attribute.getBaseName(),
                    allValues(entry.getDN(), attribute).toArray(byte[][]::new)));
        }
        return completed;
    }

    private List<byte[]> allValues(String dn, Attribute first) {
        List<byte[]> values = new ArrayList<>(List.of(first.getValueByteArrays()));
        Attribute range = first;
        for (int reads = 0; !lastRange(range); reads++) {
            if (reads == MAX_RANGES) {
                throw new LdapConfigurationException("'" + dn + "' returns " + first.getBaseName() + " in more than "
                        + MAX_RANGES + " ranges", null);
            }
            String next = first.getBaseName() + ";" + RANGE_OPTION + (high(range) + 1) + "-*";
            range = connections.withConnection("range retrieval of " + first.getBaseName() + " of " + dn,
                    connection -> {
                        SearchResultEntry part = connection.getEntry(dn, next);
                        if (part == null) {
                            throw new LDAPException(ResultCode.NO_SUCH_OBJECT, "'" + dn + "' disappeared while its "
                                    + first.getBaseName() + " values were read in ranges");
                        }
                        return part.getAttributes().stream().filter(RangeRetrieval::isRanged)
                                .filter(a -> a.getBaseName().equalsIgnoreCase(first.getBaseName())).findFirst()
                                // the values shrank below the first range's end meanwhile: nothing more to read
                                .orElse(null);
                    });
            if (range == null) {
                break;
            }
            values.addAll(List.of(range.getValueByteArrays()));
        }
        return values;
    }

    private static boolean isRanged(Attribute attribute) {
        return attribute.getOptions().stream().anyMatch(option -> option.toLowerCase().startsWith(RANGE_OPTION));
    }

    /** {@code range=low-high}: whether high is {@code *}. */
    private static boolean lastRange(Attribute attribute) {
        return rangeOption(attribute).endsWith("-*");
    }

    private static long high(Attribute attribute) {
        String option = rangeOption(attribute);
        try {
            return Long.parseLong(option.substring(option.indexOf('-') + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new LdapConfigurationException("unreadable range option '" + option + "' of " + attribute.getName(),
                    e);
        }
    }

    private static String rangeOption(Attribute attribute) {
        return attribute.getOptions().stream().filter(option -> option.toLowerCase().startsWith(RANGE_OPTION))
                .findFirst().orElseThrow();
    }
}
