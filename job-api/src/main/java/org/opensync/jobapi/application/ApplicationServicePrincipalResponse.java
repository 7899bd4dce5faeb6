package org.opensync.jobapi.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalResponse;

/** Graph's applicationServicePrincipal: what instantiating an application template created. */
public record ApplicationServicePrincipalResponse(@JsonProperty("@odata.context") String context,
                                                  ApplicationResponse application,
                                                  ServicePrincipalResponse servicePrincipal) {
}
