package org.opensync.provisioner.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.target.TargetObject;

/**
 * What the target answered, in a few batched queries, about the matching values of a batch's new objects
 * ({@link ObjectProvisioner#matchAhead}): each value asked about with the target objects holding it. Built before the
 * batch's exports start and only read by them.
 */
public final class MatchAnswers {
    public static final MatchAnswers NONE = new MatchAnswers(Map.of());

    /** Attribute → value → the objects holding it. */
    private final Map<String, Map<String, List<TargetObject>>> answers;

    MatchAnswers(Map<String, Map<String, List<TargetObject>>> answers) {
        this.answers = answers;
    }

    /** The objects holding the value, or empty when the target was not asked about it in a batch. */
    Optional<List<TargetObject>> holders(String attribute, String value) {
        return Optional.ofNullable(answers.getOrDefault(attribute, Map.of()).get(value));
    }
}
