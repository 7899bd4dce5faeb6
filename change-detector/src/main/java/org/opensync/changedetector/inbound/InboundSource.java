package org.opensync.changedetector.inbound;

import java.util.Optional;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.mapping.model.SynchronizationSchema;

/** Whether a job's source is bulkUpload: its schema reads users from the directory named {@value #DIRECTORY}. */
public final class InboundSource {
    public static final String DIRECTORY = "API";

    private InboundSource() {
    }

    /** The source object type the job maps from the API directory, when it has one. */
    public static Optional<String> userType(SynchronizationSchema schema) {
        return userType(schema, DIRECTORY);
    }

    /** The source object type of the job's first enabled mapping from the named source directory, if any. */
    public static Optional<String> userType(SynchronizationSchema schema, String directory) {
        for (SynchronizationRule rule : schema.synchronizationRules()) {
            if (directory.equalsIgnoreCase(rule.sourceDirectoryName())) {
                for (ObjectMapping mapping : rule.objectMappings()) {
                    if (Boolean.TRUE.equals(mapping.enabled())) {
                        return Optional.of(mapping.sourceObjectName());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
