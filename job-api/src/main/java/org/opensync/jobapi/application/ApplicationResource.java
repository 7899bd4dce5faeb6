package org.opensync.jobapi.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphErrorResponses;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.ODataContext;
import org.opensync.common.web.Select;
import org.opensync.jobapi.odata.Paging;
import org.opensync.jobapi.odata.ResultPage;

/**
 * {@code /applications}: the applications instantiated from application templates, also by the alternate key
 * {@code applications(appId='…')}. Their {@code /synchronization} routes are the service principal's
 * ({@link ApplicationTwins}).
 */
@Path("/{version: beta|v1\\.0}/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    private final ApplicationService applications;
    private final ObjectMapper mapper;

    @Inject
    public ApplicationResource(ApplicationService applications, ObjectMapper mapper) {
        this.applications = applications;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<ObjectNode> list(@PathParam("version") String version,
                                            @QueryParam("$filter") String filter,
                                            @QueryParam("$select") String select,
                                            @QueryParam("$top") String top,
                                            @QueryParam("$skiptoken") String skipToken,
                                            @QueryParam("$count") boolean count,
                                            @Context UriInfo uri) {
        Select projection = Select.parse(select, ApplicationResponse.PROPERTIES);
        Paging paging = Paging.of(top, skipToken, 100, 999);
        ResultPage<Application> page = applications.list(filter, paging, count && paging.skip() == 0);
        return new ODataCollection<>(
                ODataContext.metadata(uri, version, "applications" + projection.contextSuffix()),
                page.total(),
                page.items().stream().map(a -> projection.apply(mapper, ApplicationResponse.of(a))).toList(),
                page.more() ? paging.nextLink(uri) : null);
    }

    /**
     * Registering applications is not this service's business: they come with their service principal from
     * {@code POST /applicationTemplates/{id}/instantiate}. Answered here rather than left to the generic 405 so
     * that the client learns where to go.
     */
    @POST
    @RolesAllowed({GraphPermissions.APPLICATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response create(@Context ContainerRequestContext request) {
        return Response.fromResponse(GraphErrorResponses.of(request, 405, ErrorCode.METHOD_NOT_ALLOWED,
                        "Applications are not created with POST /applications here: instantiate an application "
                                + "template (POST /applicationTemplates/" + ApplicationTemplates.CUSTOM
                                + "/instantiate for a custom application), which creates the application and its "
                                + "service principal.", null))
                .allow(Set.of("GET")).build();
    }

    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public String count() {
        return Long.toString(applications.count());
    }

    @GET
    @Path("{applicationId}")
    @RolesAllowed({GraphPermissions.APPLICATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ObjectNode get(@PathParam("version") String version, @PathParam("applicationId") String applicationId,
                          @QueryParam("$select") String select, @Context UriInfo uri) {
        Select projection = Select.parse(select, ApplicationResponse.PROPERTIES);
        Application application = applications.require(applicationId, GraphPermissions.APPLICATION_READ);
        ObjectNode node = mapper.createObjectNode().put("@odata.context", ODataContext.metadata(uri, version,
                "applications" + projection.contextSuffix() + "/$entity"));
        node.setAll(projection.apply(mapper, ApplicationResponse.of(application)));
        return node;
    }

    @PATCH
    @Path("{applicationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.APPLICATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void patch(@PathParam("applicationId") String applicationId, JsonNode body) {
        applications.patch(applicationId, body);
    }

    /** Deletes the service principal and its jobs too, as Entra does. */
    @DELETE
    @Path("{applicationId}")
    @RolesAllowed({GraphPermissions.APPLICATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void delete(@PathParam("applicationId") String applicationId) {
        applications.delete(applicationId);
    }
}
