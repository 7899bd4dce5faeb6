package org.opensync.jobapi.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Graph's synchronizationJob; {@code @odata.context} only when the job is the whole response. */
public record SynchronizationJobResponse(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String context,
        String id, String templateId, SynchronizationSchedule schedule, SynchronizationStatus status,
        List<KeyValuePair> synchronizationJobSettings) {

    public SynchronizationJobResponse withContext(String context) {
        return new SynchronizationJobResponse(context, id, templateId, schedule, status, synchronizationJobSettings);
    }
}
