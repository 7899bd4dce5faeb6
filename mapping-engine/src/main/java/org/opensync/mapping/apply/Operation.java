package org.opensync.mapping.apply;

/** Whether the target object is being created or an existing one updated. */
public enum Operation {
    CREATE, UPDATE
}
