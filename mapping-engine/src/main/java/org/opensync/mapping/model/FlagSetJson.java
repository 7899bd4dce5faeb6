package org.opensync.mapping.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Set;

/** Jackson binding of flag-enum sets to their comma-separated wire form (see {@link FlagSets}). */
final class FlagSetJson {
    private FlagSetJson() {
    }

    static final class Serializer extends StdSerializer<Set<? extends Enum<?>>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer() {
            super((Class) Set.class);
        }

        @Override
        public void serialize(Set<? extends Enum<?>> value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(FlagSets.format(value));
        }
    }

    /** Contextual because the element enum type is only known from the annotated property. */
    static final class Deserializer extends JsonDeserializer<Set<?>> implements ContextualDeserializer {
        private final Class<? extends Enum<?>> memberType;

        Deserializer() {
            this(null);
        }

        private Deserializer(Class<? extends Enum<?>> memberType) {
            this.memberType = memberType;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            Class<?> contentType = property.getType().getContentType().getRawClass();
            return new Deserializer((Class<? extends Enum<?>>) contentType);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Set<?> deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return (Set<?>) ctxt.handleUnexpectedToken(Set.class, parser);
            }
            // Microsoft's JavaScript beta SDK writes an empty string back after reading "None"; taking it for "None"
            // would silently switch off every flow of a mapping, so it is refused and the client learns where.
            if (text.isBlank()) {
                throw JsonMappingException.from(parser, "an empty string is not a member of "
                        + memberType.getSimpleName() + "; send \"None\" or member names separated by commas");
            }
            try {
                return FlagSets.parse((Class) memberType, text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(parser, e.getMessage(), e);
            }
        }
    }
}
