package org.opensync.jobapi.synchronization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Graph's synchronization container; credential values are always null. */
public record SynchronizationResponse(@JsonProperty("@odata.context") String context, String id,
                                      List<SecretEntry> secrets) {
}
