package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Turns UnboundID entries into {@link SourceEntry}s with normalised anchors. */
final class EntryConverter {

    /**
      * Attributes whose values are bytes, not UTF-8 text: decoding them as strings would corrupt them, so they are
      * given as base64 (objectGUID as a UUID string). Values with the ";binary" option are treated the same way.
      */
    private static final Set<String> BINARY_ATTRIBUTES = caseInsensitive("objectGUID", "objectSid", "jpegPhoto",
            "thumbnailPhoto", "photo", "audio", "userCertificate", "cACertificate", "userSMIMECertificate",
            "msExchMailboxGuid", "mS-DS-ConsistencyGuid");

    private final DirectoryCapabilities capabilities;

    EntryConverter(DirectoryCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    SourceEntry convert(String type, Entry entry) {
        return convert(type, entry, anchorOf(entry));
    }

    SourceEntry convert(String type, Entry entry, String anchor) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Attribute attribute : entry.getAttributes()) {
            attributes.put(attribute.getName(), values(attribute));
        }
        return new SourceEntry(type, anchor, entry.getDN(), attributes);
    }

    /** @throws LdapConfigurationException when the entry has no anchor attribute (the server does not generate it) */
    String anchorOf(Entry entry) {
        String name = capabilities.anchorAttribute();
        Attribute attribute = entry.getAttribute(name);
        if (attribute == null || attribute.size() == 0) {
            throw new LdapConfigurationException("entry " + entry.getDN() + " has no " + name
                    + ": the directory must maintain it, as it is the immutable anchor", null);
        }
        return capabilities.activeDirectory()
                ? ObjectGuid.toUuidString(attribute.getValueByteArray())
                : UUID.fromString(attribute.getValue()).toString();
    }

    private static List<String> values(Attribute attribute) {
        if (attribute.getBaseName().equalsIgnoreCase("objectGUID")) {
            return Arrays.stream(attribute.getValueByteArrays()).map(ObjectGuid::toUuidString).toList();
        }
        if (BINARY_ATTRIBUTES.contains(attribute.getBaseName()) || attribute.hasOption("binary")) {
            return Arrays.stream(attribute.getValueByteArrays()).map(Base64.getEncoder()::encodeToString).toList();
        }
        return List.of(attribute.getValues());
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
