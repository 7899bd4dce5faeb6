package org.opensync.provisioner.cds;

import java.util.Map;

/**
 * A source object's link to its target object: what the provisioner exported last (target attribute name to value:
 * String, Boolean, Long or a list of strings) and whether it disabled it.
 */
public record Link(String anchor, String objectType, String sourceDn, String targetId, boolean disabled,
                   Map<String, Object> exported) {

    public Link withExported(Map<String, Object> image, boolean isDisabled) {
        return new Link(anchor, objectType, sourceDn, targetId, isDisabled, image);
    }

    /** The same object under its id after an update: a directory entry renamed or moved has a new DN. */
    public Link withTargetId(String id) {
        return new Link(anchor, objectType, sourceDn, id, disabled, exported);
    }
}
