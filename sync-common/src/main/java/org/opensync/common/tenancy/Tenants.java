package org.opensync.common.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tenant a resource belongs to. A job id names its tenant, as Entra's do: {@code <templateId>.<tenant id
 * without dashes>.<guid>}; events, provisioning logs and schemas of a job are therefore bound to its tenant by the
 * job id they carry, and every service can check a caller's tenant against a job without asking job-api.
 */
public final class Tenants {
    private static final Pattern JOB_ID = Pattern.compile("^.+\\.([0-9a-fA-F]{32})\\.[0-9a-fA-F-]{36}$");

    private Tenants() {
    }

    /** A new job id of {@code templateId} in {@code tenant}. */
    public static String newJobId(String templateId, UUID tenant) {
        return templateId + "." + tenant.toString().replace("-", "") + "." + UUID.randomUUID();
    }

    /** The tenant a job id names; empty for an id that is not a job id. */
    public static Optional<UUID> ofJob(String jobId) {
        if (jobId == null || jobId.length() > 300) {
            return Optional.empty();
        }
        Matcher matcher = JOB_ID.matcher(jobId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20)));
    }

    /** True when {@code jobId} belongs to {@code tenant}. */
    public static boolean owns(UUID tenant, String jobId) {
        return ofJob(jobId).filter(tenant::equals).isPresent();
    }
}
