package org.opensync.schemaservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** schema-service settings. */
@ConfigMapping(prefix = "sync.schema-service")
public interface SchemaServiceConfig {

    /** Sizes a schema write may have; larger ones are refused with 400 and the JSON path of the offending value. */
    Limits limits();

    /**
     * The key job-api sends with a forwarded request ({@code SYNC_RELAY_KEY}, the same in both services). Only a
     * request carrying it has its client root honoured; unset, links are built on this service's own address.
     */
    Optional<String> relayKey();

    interface Limits {
        /**
         * Bytes of a job schema as stored and published (compact JSON UTF-8). 512 KiB keeps the
         * {@code JobSchemaPublished} record under Kafka's default {@code max.request.size} (1 MiB); the built-in
         * {@code scim} template is about 50 KiB.
         */
        @WithDefault("524288")
        int schemaSize();

        /** Characters of one expression: an attribute mapping's {@code source.expression}, parseExpression. */
        @WithDefault("8192")
        int expressionLength();

        /** Characters of any other string in a schema (names, descriptions, filter operands, ...). */
        @WithDefault("4096")
        int stringLength();
    }
}
