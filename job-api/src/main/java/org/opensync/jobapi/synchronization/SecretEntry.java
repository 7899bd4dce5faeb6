package org.opensync.jobapi.synchronization;

/** Graph's synchronizationSecretKeyStringValuePair. */
public record SecretEntry(String key, String value) {
}
