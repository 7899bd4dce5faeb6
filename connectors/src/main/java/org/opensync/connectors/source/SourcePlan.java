package org.opensync.connectors.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensync.connectors.ldap.ObjectTypeQuery;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.DirectoryDefinition;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectDefinitionMetadata;
import org.opensync.mapping.model.ObjectDefinitionMetadataEntry;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.mapping.model.SynchronizationSchema;

/**
 * What to read from the source directory for a job: one LDAP query per mapped source object type, in the order of
 * the object mappings (users before groups, so members exist before the groups that name them). An object's
 * {@code BaseObjectName} metadata lists its LDAP object classes, comma-separated; the attributes fetched are those
 * its definition declares, except the ones computed here.
 */
public record SourcePlan(List<ObjectTypeQuery> queries) {
    /** Attributes the change-detector computes into every image rather than reading them. */
    public static final Set<String> COMPUTED = Set.of("objectId", "dn", "IsSoftDeleted");
    /** Read in addition, to compute IsSoftDeleted (Active Directory; OpenLDAP ppolicy lockout). */
    static final Set<String> ACCOUNT_STATE = Set.of("userAccountControl", "pwdAccountLockedTime");

    /**
     * @param activeDirectory whether the source is Active Directory, where computers are users too; other servers
     *                        treat a filter on an object class they do not know as undefined, so it is left out
     */
    public static Optional<SourcePlan> of(SynchronizationSchema schema, boolean activeDirectory) {
        Map<String, ObjectTypeQuery> queries = new LinkedHashMap<>();
        for (SynchronizationRule rule : schema.synchronizationRules()) {
            Optional<DirectoryDefinition> source = schema.directory(rule.sourceDirectoryName());
            for (ObjectMapping mapping : rule.objectMappings()) {
                if (!Boolean.TRUE.equals(mapping.enabled()) || source.isEmpty()) {
                    continue;
                }
                source.get().objects().stream().filter(o -> o.name().equals(mapping.sourceObjectName())).findFirst()
                        .ifPresent(object -> queries.putIfAbsent(object.name(), query(object, activeDirectory)));
            }
        }
        return queries.isEmpty() ? Optional.empty() : Optional.of(new SourcePlan(new ArrayList<>(queries.values())));
    }

    /** The query of one source object type, by its name as the schema spells it (any case). */
    public Optional<ObjectTypeQuery> query(String typeName) {
        return queries.stream().filter(query -> query.typeName().equalsIgnoreCase(typeName)).findFirst();
    }

    private static ObjectTypeQuery query(ObjectDefinition object, boolean activeDirectory) {
        Set<String> attributes = object.attributes().stream().map(AttributeDefinition::name)
                .filter(name -> !COMPUTED.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        attributes.addAll(ACCOUNT_STATE);
        return new ObjectTypeQuery(object.name(), filter(object, activeDirectory), attributes);
    }

    /**
     * {@code (|(objectClass=a)(objectClass=b))}; on AD, computers (users too) are left out. Every class name is
     * escaped (RFC 4515): a name cannot add terms to the filter.
     */
    static String filter(ObjectDefinition object, boolean activeDirectory) {
        List<String> classes = object.metadata().stream()
                .filter(m -> m.key() == ObjectDefinitionMetadata.BaseObjectName)
                .map(ObjectDefinitionMetadataEntry::value)
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (classes.isEmpty()) {
            classes = List.of(object.name());
        }
        return ObjectTypeQuery.objectClassFilter(classes,
                activeDirectory && classes.stream().anyMatch(c -> c.equalsIgnoreCase("user"))
                        ? List.of("computer") : List.of());
    }
}
