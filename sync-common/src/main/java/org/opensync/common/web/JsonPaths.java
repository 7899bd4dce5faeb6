package org.opensync.common.web;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders the location of a JSON binding error the way clients read it: {@code rules[0].objectMappings[1].name}. */
public final class JsonPaths {
    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
