package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

/**
  * What a target's ServiceProviderConfig says about {@code POST /Bulk}.
  *
  * @param maxOperations  the most operations one bulk request may carry; at least 1 when supported, else 0
  * @param maxPayloadSize the most bytes one bulk request may have; at least 1 when supported, else 0
  */
public record BulkSupport(boolean supported, int maxOperations, int maxPayloadSize) {

    public static final BulkSupport NONE = new BulkSupport(false, 0, 0);

    public BulkSupport {
        if (supported ? maxOperations < 1 || maxPayloadSize < 1 : maxOperations != 0 || maxPayloadSize != 0) {
            throw new IllegalArgumentException("bulk limits must be positive when supported and 0 otherwise: "
                    + maxOperations + ", " + maxPayloadSize);
        }
    }

    /**
      * The {@code bulk} member of a ServiceProviderConfig; {@link #NONE} unless it says {@code supported: true} with
      * positive integer limits, since a client cannot size its requests without them.
      */
    static BulkSupport of(JsonNode serviceProviderConfig) {
        JsonNode bulk = ScimValues.field(serviceProviderConfig, "bulk");
        JsonNode supported = ScimValues.field(bulk, "supported");
        JsonNode operations = ScimValues.field(bulk, "maxOperations");
        JsonNode payload = ScimValues.field(bulk, "maxPayloadSize");
        if (supported == null || !supported.isBoolean() || !supported.asBoolean()
                || !positiveInt(operations) || !positiveInt(payload)) {
            return NONE;
        }
        return new BulkSupport(true, operations.asInt(), payload.asInt());
    }

    private static boolean positiveInt(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt() && value.asInt() > 0;
    }
}
