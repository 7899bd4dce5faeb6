package org.opensync.connectors.scim;

/** The two PATCH dialects of the Entra provisioning service. */
public enum PatchMode {
    /** The default: {@code Add}/{@code Replace}/{@code Remove}, one op per attribute, {@code active} as "True"/"False". */
    LEGACY,
    /**
      * Chosen by the tenant-URL flag {@code aadOptscim062020}: lowercase ops, JSON booleans, simple paths merged into one
      * op without path, member removal by value-filter path.
      */
    COMPLIANT
}
