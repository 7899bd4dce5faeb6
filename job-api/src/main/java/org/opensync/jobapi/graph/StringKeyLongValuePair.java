package org.opensync.jobapi.graph;

public record StringKeyLongValuePair(String key, long value) {
}
