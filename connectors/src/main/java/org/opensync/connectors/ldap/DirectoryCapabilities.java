package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
  * What the server offers, from its root DSE.
  *
  * @param contentSync     RFC 4533 content synchronization (OpenLDAP syncprov); never used on Active Directory
  * @param activeDirectory objectGUID anchors and whenChanged timestamps instead of entryUUID / modifyTimestamp
  * @param pagedResults    RFC 2696 simple paged results
  * @param dirSync         Active Directory's DirSync control (whether the bind account may use it is only known by
  *                        trying)
  * @param namingContext   the domain's root (defaultNamingContext): DirSync only runs from there; null off AD
  */
public record DirectoryCapabilities(boolean contentSync, boolean activeDirectory, boolean pagedResults,
                                                                        String vendor, boolean dirSync, String namingContext) {

    /** LDAP_CAP_ACTIVE_DIRECTORY_OID, listed in supportedCapabilities by AD DCs and Samba. */
    static final String ACTIVE_DIRECTORY_CAPABILITY = "1.2.840.113556.1.4.800";
    /** LDAP_SERVER_DIRSYNC_OID. */
    static final String DIRSYNC_CONTROL = "1.2.840.113556.1.4.841";

    public static DirectoryCapabilities of(RootDSE rootDse) {
        boolean ad = rootDse.hasAttributeValue("supportedCapabilities", ACTIVE_DIRECTORY_CAPABILITY);
        String vendor = rootDse.getVendorName() != null ? rootDse.getVendorName()
                : rootDse.getAttributeValue("structuralObjectClass");
        return new DirectoryCapabilities(
                !ad && rootDse.supportsControl(ContentSyncRequestControl.SYNC_REQUEST_OID),
                ad,
                rootDse.supportsControl(SimplePagedResultsControl.PAGED_RESULTS_OID),
                ad ? "Active Directory" : vendor,
                ad && rootDse.supportsControl(DIRSYNC_CONTROL),
                ad ? rootDse.getAttributeValue("defaultNamingContext") : null);
    }

    public String anchorAttribute() {
        return activeDirectory ? "objectGUID" : "entryUUID";
    }

    String changeTimestampAttribute() {
        return activeDirectory ? "whenChanged" : "modifyTimestamp";
    }

    /** Generalized time at whole seconds; AD wants the fraction written out. */
    String changeTimestampFilterValue(Instant instant) {
        return DateTimeFormatter.ofPattern(activeDirectory ? "yyyyMMddHHmmss'.0Z'" : "yyyyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(instant);
    }
}
