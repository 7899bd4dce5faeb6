package org.opensync.mapping.apply;

/** How an attribute change is exported. */
public enum ChangeKind {
    /** Replace the target value (all values of a multi-valued attribute) with the computed one. */
    SET,
    /** Add these values, never removing others (ValueAddOnly, MultiValueAddOnly, AppRoleAssignmentsComplex). */
    ADD_VALUES,
    /** Clear the target value: null flow on update. */
    CLEAR
}
