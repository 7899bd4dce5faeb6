package org.opensync.provisioner.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensync.common.events.ObjectChange;
import org.opensync.connectors.target.TargetObject;
import org.opensync.mapping.value.ObjectImage;

/**
 * What the target answered, in a few batched queries, about the matching values of a batch's new objects
 * ({@link ObjectProvisioner#matchAhead}): each value asked about with the target objects holding it. Built before the
 * batch's exports start and only read by them. It keeps the source images it opened to read the values, so that each
 * object's sealed values are opened once per batch.
 */
public final class MatchAnswers {
    public static final MatchAnswers NONE = new MatchAnswers(Map.of(), Map.of());

    /** Attribute → value → the objects holding it. */
    private final Map<String, Map<String, List<TargetObject>>> answers;
    /** By identity: the batch's changes are the same instances its exports are given. */
    private final Map<ObjectChange.ObjectChanged, ObjectImage> sources;

    MatchAnswers(Map<String, Map<String, List<TargetObject>>> answers,
                 Map<ObjectChange.ObjectChanged, ObjectImage> sources) {
        this.answers = answers;
        this.sources = sources;
    }

    /** The object's opened source values, when matching ahead opened them. */
    Optional<ObjectImage> source(ObjectChange.ObjectChanged change) {
        return Optional.ofNullable(sources.get(change));
    }

    /** The objects holding the value, or empty when the target was not asked about it in a batch. */
    Optional<List<TargetObject>> holders(String attribute, String value) {
        return Optional.ofNullable(answers.getOrDefault(attribute, Map.of()).get(value));
    }
}
