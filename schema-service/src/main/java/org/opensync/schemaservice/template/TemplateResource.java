package org.opensync.schemaservice.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.ODataContext;
import org.opensync.common.web.Select;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.mapping.model.SynchronizationTemplate;

/**
 * {@code .../synchronization/templates} (graph-sync-api.md §2.3.1, §2.3.2, §2.3.5 GET). Built-in templates belong
 * to no application and are offered to every service principal.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {
    private static final Set<String> PROPERTIES = Select.propertiesOf(SynchronizationTemplate.class);

    private final TemplateService templates;
    private final ObjectMapper mapper;

    @Inject
    public TemplateResource(TemplateService templates, ObjectMapper mapper) {
        this.templates = templates;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<ObjectNode> list(@PathParam("version") String version, @PathParam("spId") String spId,
                                            @QueryParam("$select") String select, @Context UriInfo uri) {
        Select projection = Select.parse(select, PROPERTIES);
        return ODataCollection.of(ODataContext.metadata(uri, version, "servicePrincipals('" + spId
                        + "')/synchronization/templates" + projection.contextSuffix()),
                templates.list().stream().filter(SynchronizationTemplate::discoverable)
                        .map(template -> projection.apply(mapper, template)).toList());
    }

    @GET
    @Path("{templateId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public SynchronizationTemplate get(@PathParam("templateId") String templateId) {
        return templates.require(templateId);
    }

    @GET
    @Path("{templateId}/schema")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public SynchronizationSchema schema(@PathParam("templateId") String templateId) {
        return templates.require(templateId).schema();
    }
}
