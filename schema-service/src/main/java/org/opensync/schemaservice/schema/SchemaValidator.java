package org.opensync.schemaservice.schema;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphError;
import org.opensync.common.web.GraphException;
import org.opensync.mapping.apply.CompiledObjectMapping;
import org.opensync.mapping.apply.InvalidMappingException;
import org.opensync.mapping.apply.MappingOptions;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.DirectoryDefinition;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.mapping.model.SynchronizationSchema;

/**
 * Rejects a schema the engine could not run, naming the JSON path of every problem: directories, objects and
 * attributes referenced by rules must exist, names must be unique, and every object mapping must compile
 * (expressions parse against the source object, target attributes exist, scoping filters are valid).
 */
@ApplicationScoped
public class SchemaValidator {

    public void validate(SynchronizationSchema schema) {
        List<String> problems = new ArrayList<>();
        directories(schema, problems);
        for (int r = 0; r < schema.synchronizationRules().size(); r++) {
            rule("synchronizationRules[" + r + "]", schema.synchronizationRules().get(r), schema, problems);
        }
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            throw new GraphException(400, ErrorCode.INVALID_REQUEST,
                    "The schema is invalid: " + String.join("; ", problems), pathOf(first),
                    problems.stream().map(p -> new GraphError.Item("InvalidSchema", p, pathOf(p))).toList());
        }
    }

    private static void directories(SynchronizationSchema schema, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (int d = 0; d < schema.directories().size(); d++) {
            DirectoryDefinition directory = schema.directories().get(d);
            String path = "directories[" + d + "]";
            if (directory.name() == null || directory.name().isBlank()) {
                problems.add(path + ".name: required");
            } else if (!names.add(directory.name())) {
                problems.add(path + ".name: '" + directory.name() + "' is declared more than once");
            }
            Set<String> objects = new HashSet<>();
            for (int o = 0; o < directory.objects().size(); o++) {
                object(path + ".objects[" + o + "]", directory.objects().get(o), objects, problems);
            }
        }
    }

    private static void object(String path, ObjectDefinition object, Set<String> objects, List<String> problems) {
        if (object.name() == null || object.name().isBlank()) {
            problems.add(path + ".name: required");
        } else if (!objects.add(object.name())) {
            problems.add(path + ".name: '" + object.name() + "' is declared more than once");
        }
        Set<String> attributes = new HashSet<>();
        int anchors = 0;
        for (int a = 0; a < object.attributes().size(); a++) {
            AttributeDefinition attribute = object.attributes().get(a);
            if (attribute.name() == null || attribute.name().isBlank()) {
                problems.add(path + ".attributes[" + a + "].name: required");
            } else if (!attributes.add(attribute.name())) {
                problems.add(path + ".attributes[" + a + "].name: '" + attribute.name() + "' is declared more than once");
            }
            anchors += attribute.anchor() ? 1 : 0;
        }
        if (anchors > 1) {
            problems.add(path + ".attributes: an object has at most one anchor attribute, found " + anchors);
        }
    }

    private static void rule(String path, SynchronizationRule rule, SynchronizationSchema schema,
                             List<String> problems) {
        Optional<DirectoryDefinition> source = directory(path + ".sourceDirectoryName", rule.sourceDirectoryName(),
                schema, problems);
        Optional<DirectoryDefinition> target = directory(path + ".targetDirectoryName", rule.targetDirectoryName(),
                schema, problems);
        for (int m = 0; m < rule.objectMappings().size(); m++) {
            ObjectMapping mapping = rule.objectMappings().get(m);
            String mappingPath = path + ".objectMappings[" + m + "]";
            Optional<ObjectDefinition> sourceObject = source.flatMap(d -> object(mappingPath + ".sourceObjectName",
                    mapping.sourceObjectName(), d, problems));
            Optional<ObjectDefinition> targetObject = target.flatMap(d -> object(mappingPath + ".targetObjectName",
                    mapping.targetObjectName(), d, problems));
            if (sourceObject.isPresent() && targetObject.isPresent()) {
                try {
                    CompiledObjectMapping.compile(mapping, sourceObject.get(), targetObject.get(), MappingOptions.DEFAULT);
                } catch (InvalidMappingException e) {
                    e.problems().forEach(problem -> problems.add(mappingPath + "." + problem));
                }
            }
        }
    }

    private static Optional<DirectoryDefinition> directory(String path, String name, SynchronizationSchema schema,
                                                           List<String> problems) {
        Optional<DirectoryDefinition> directory = schema.directory(name);
        if (directory.isEmpty()) {
            problems.add(path + ": no directory named '" + name + "' in directories");
        }
        return directory;
    }

    private static Optional<ObjectDefinition> object(String path, String name, DirectoryDefinition directory,
                                                     List<String> problems) {
        Optional<ObjectDefinition> object = directory.objects().stream()
                .filter(o -> o.name() != null && o.name().equals(name)).findFirst();
        if (object.isEmpty()) {
            problems.add(path + ": no object named '" + name + "' in directory '" + directory.name() + "'");
        }
        return object;
    }

    /** A problem reads {@code <json path>: <what is wrong>}, or {@code <json path>.<expression error>}. */
    private static String pathOf(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? problem : problem.substring(0, colon);
    }
}
