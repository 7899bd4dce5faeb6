package org.opensync.common.logs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Graph's provisioningObjectSummary: what happened to one object in one cycle. Enum
 * values are the lowercase wire spellings ({@code create}, {@code success}, {@code import}...).
 */
public record ProvisioningObjectSummary(String id, Instant activityDateTime, String tenantId, String jobId,
                                        String cycleId, String changeId, String provisioningAction,
                                        long durationInMilliseconds, Initiator initiatedBy,
                                        Identity servicePrincipal, SystemInfo sourceSystem, SystemInfo targetSystem,
                                        ProvisionedIdentity sourceIdentity, ProvisionedIdentity targetIdentity,
                                        StatusInfo provisioningStatusInfo, List<Step> provisioningSteps,
                                        List<ModifiedProperty> modifiedProperties) {

    public record Initiator(String id, String displayName, String initiatorType) {
    }

    public record Identity(String id, String displayName) {
    }

    public record SystemInfo(String id, String displayName, Map<String, String> details) {
    }

    public record ProvisionedIdentity(String id, String displayName, String identityType,
                                      Map<String, String> details) {
    }

    public record StatusInfo(String status, ErrorInfo errorInformation) {
    }

    public record ErrorInfo(String errorCode, String errorCategory, String reason, String additionalDetails,
                            String recommendedAction) {
    }

    public record Step(String name, String provisioningStepType, String status, String description,
                       Map<String, String> details) {
    }

    public record ModifiedProperty(String displayName, String oldValue, String newValue) {
    }
}
