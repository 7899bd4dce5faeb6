package org.opensync.connectors.ldap;

import java.util.Set;

/**
  * The outcome of a delta read.
  *
  * @param watermark         where the next delta read starts
  * @param presentPhaseTypes the types whose deletions were not listed: for them the caller must treat every anchor it
  *                          knows that was reported neither {@code changed} nor {@code present} as deleted. This is
  *                          the case for every type in timestamp mode, and in RFC 4533 mode when the server could not
  *                          replay its session log (the cookie was older than the log).
  */
public record DeltaResult(Watermark watermark, Set<String> presentPhaseTypes) {

    public DeltaResult {
        presentPhaseTypes = Set.copyOf(presentPhaseTypes);
    }

    public boolean presentPhase(String type) {
        return presentPhaseTypes.contains(type);
    }
}
