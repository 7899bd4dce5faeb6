package org.opensync.common.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Keys protecting connection secrets: {@code transport-key} seals secrets on {@code sync.secrets} for the services
 * that connect to directories; {@code at-rest-key} (job-api only) seals them in job-api's database.
 */
@ConfigMapping(prefix = "sync.secrets")
public interface SecretsConfig {
    Optional<String> atRestKey();

    /** Keys a rotation retired, still accepted for opening. */
    Optional<List<String>> previousAtRestKeys();

    Optional<String> transportKey();

    /** The transport key, required by every service that handles secrets. */
    default String requiredTransportKey() {
        return transportKey().orElseThrow(() -> new IllegalStateException(
                "sync.secrets.transport-key (SYNC_SECRETS_TRANSPORT_KEY) is required: the same base64 key of 32 "
                        + "random bytes in job-api, change-detector and provisioner"));
    }

    Optional<List<String>> previousTransportKeys();
}
