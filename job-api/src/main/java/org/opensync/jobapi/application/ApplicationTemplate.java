package org.opensync.jobapi.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Graph's applicationTemplate: an entry of the catalogue applications are instantiated from. {@code tags} are what the
 * service principal of an instance receives; they are not part of the Graph type.
 */
public record ApplicationTemplate(String id, String displayName, String description, String publisher,
                                  List<String> categories, List<String> supportedProvisioningTypes,
                                  List<String> supportedSingleSignOnModes, String homePageUrl, String logoUrl,
                                  @JsonIgnore List<String> tags) {
}
