package org.opensync.connectors.csv;

/** What happens to a person of the last import whose row is missing from the file. */
public enum MissingRows {
    /** A leaver: disabled in the target (the provisioner's deletion threshold guards a mass disable). */
    Disable,
    /** Left as they are: the file lists changes only, not everyone. */
    Ignore
}
