package org.opensync.mapping.apply;

import org.opensync.mapping.scoping.ScopingOptions;

/**
 * Job-level switches.
 *
 * @param nullFlowSupported whether the job type allows null-value flow at all (API-driven, Workday and
 *                          SuccessFactors inbound only); the per-attribute gates still apply
 * @param scoping            scoping compatibility switches
 */
public record MappingOptions(boolean nullFlowSupported, ScopingOptions scoping) {
    public static final MappingOptions DEFAULT = new MappingOptions(false, ScopingOptions.DEFAULT);
}
