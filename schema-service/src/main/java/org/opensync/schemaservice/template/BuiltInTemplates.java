package org.opensync.schemaservice.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The templates shipped with the service, one JSON file each under {@code src/main/resources/templates}: the Graph
 * template with its complete schema (function mappings as full attributeMappingSource trees, as Graph clients
 * read them), the secrets a job needs before it can run, and the settings its jobs start with.
 */
final class BuiltInTemplates {
    static final List<String> FILES = List.of("templates/scim.json", "templates/api2scim.json",
            "templates/api2ldap.json", "templates/api2ad.json", "templates/csv2scim.json", "templates/csv2ldap.json",
            "templates/csv2ad.json", "templates/ad2scim.json", "templates/ldap2ldap.json", "templates/ad2ldap.json");

    private BuiltInTemplates() {
    }

    static List<TemplateDefinition> load(ObjectMapper mapper) {
        return FILES.stream().map(file -> load(mapper, file)).toList();
    }

    private static TemplateDefinition load(ObjectMapper mapper, String file) {
        try (InputStream in = BuiltInTemplates.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + file + " is missing");
            }
            return mapper.readValue(in, TemplateDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in template " + file, e);
        }
    }
}
