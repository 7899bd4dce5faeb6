package org.opensync.mapping.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Graph {@code stringKeyObjectValuePair}: {@code value} is open JSON (string, array, object…); a
 * {@code value@odata.type} annotation is ignored like any unknown property.
 */
@GraphType
public record StringKeyObjectValuePair(String key, JsonNode value) {
}
