package org.opensync.jobapi.graph;

/** Graph's keyValuePair (name/value), used by synchronizationJobSettings. */
public record KeyValuePair(String name, String value) {
}
