package org.opensync.provisioner.engine;

/**
 * Who may work a job's objects at the same time as this export: what must be shared between instances to keep two
 * objects from taking the same matching or unique value.
 */
public enum WorkedBy {
    /** This instance only: a job whose cycle is not spread, or work in the turn of the whole job. */
    THIS_INSTANCE,
    /** Other instances too: a slice of a cycle spread over several partitions (docs/scaling.md). */
    SEVERAL_INSTANCES
}
