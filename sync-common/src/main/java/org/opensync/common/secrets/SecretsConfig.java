package org.opensync.common.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Keys protecting connection secrets: {@code transport-key} seals secrets on {@code sync.secrets} for the services
 * that connect to directories; {@code at-rest-key} (job-api only) seals them in job-api's database. There are no
 * default keys: a service that needs one and lacks it refuses to start (see README "Rotating sealing keys").
 */
@ConfigMapping(prefix = "sync.secrets")
public interface SecretsConfig {
    Optional<String> atRestKey();

    /** Keys a rotation retired, still accepted for opening. */
    Optional<List<String>> previousAtRestKeys();

    Optional<String> transportKey();

    /** Keys a rotation retired, still accepted for opening. */
    Optional<List<String>> previousTransportKeys();

    /** job-api's box for its database. @throws IllegalStateException when a key is missing or malformed */
    default SecretBox atRestBox() {
        return SealingKeys.box("sync.secrets.at-rest-key", atRestKey(), "sync.secrets.previous-at-rest-keys",
                previousAtRestKeys(), "set it in job-api, which seals connection secrets in its database with it");
    }

    /** The box for {@code sync.secrets}. @throws IllegalStateException when a key is missing or malformed */
    default SecretBox transportBox() {
        return SealingKeys.box("sync.secrets.transport-key", transportKey(), "sync.secrets.previous-transport-keys",
                previousTransportKeys(), "give the same value to job-api, change-detector and provisioner");
    }
}
