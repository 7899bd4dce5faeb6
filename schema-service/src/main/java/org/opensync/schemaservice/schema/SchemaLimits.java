package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.opensync.common.web.GraphException;
import org.opensync.schemaservice.config.SchemaServiceConfig;

/** Checks a schema body against {@link SchemaServiceConfig.Limits} before it is read into the model. */
final class SchemaLimits {
    private final SchemaServiceConfig.Limits limits;
    private final ObjectMapper mapper;

    SchemaLimits(SchemaServiceConfig.Limits limits, ObjectMapper mapper) {
        this.limits = limits;
        this.mapper = mapper;
    }

    /** Every string first (the message names the path), then the size of the whole document. */
    void check(JsonNode schema) {
        strings(schema, "");
        int size;
        try {
            size = mapper.writeValueAsBytes(schema).length;
        } catch (JsonProcessingException e) {
            throw GraphException.badRequest("The schema cannot be written as JSON: " + e.getOriginalMessage());
        }
        if (size > limits.schemaSize()) {
            throw GraphException.badRequest("The schema has " + size + " bytes as compact JSON; at most "
                    + limits.schemaSize() + " are accepted.", null);
        }
    }

    void checkExpression(String expression, String path) {
        if (expression != null && expression.length() > limits.expressionLength()) {
            throw GraphException.badRequest("The expression at '" + path + "' has " + expression.length()
                    + " characters; at most " + limits.expressionLength() + " are accepted.", path);
        }
    }

    private void strings(JsonNode node, String path) {
        if (node.isTextual()) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            if (name.equals("expression")) {
                checkExpression(node.asText(), path);
            } else if (node.asText().length() > limits.stringLength()) {
                throw GraphException.badRequest("The string at '" + path + "' has " + node.asText().length()
                        + " characters; at most " + limits.stringLength() + " are accepted.", path);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().length() > limits.stringLength()) {
                    throw GraphException.badRequest("A property name at '" + path + "' has more than "
                            + limits.stringLength() + " characters.", path);
                }
                strings(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        }
    }
}
