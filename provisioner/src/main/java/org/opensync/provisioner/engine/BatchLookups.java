package org.opensync.provisioner.engine;

/**
 * What is read for a batch's objects of one type before their exports start, in a few queries instead of one or more
 * per object: the target's answers about their matching values, and the links of the objects they refer to. Each only
 * saves queries; an export that finds nothing in them asks on its own, as without them.
 */
public record BatchLookups(MatchAnswers matches, KnownReferences references) {
    public static final BatchLookups NONE = new BatchLookups(MatchAnswers.NONE, KnownReferences.NONE);
}
