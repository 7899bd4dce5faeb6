package org.opensync.jobapi.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.OptionalJsonBody;
import org.opensync.jobapi.graph.KeyValuePair;
import org.opensync.jobapi.graph.SynchronizationJobResponse;
import org.opensync.common.web.Expand;
import org.opensync.common.web.ODataCollection;
import org.opensync.common.web.ODataContext;
import org.opensync.common.web.Select;
import org.opensync.jobapi.odata.Paging;
import org.opensync.jobapi.schema.JobSchemas;
import org.opensync.jobapi.serviceprincipal.ServicePrincipal;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * {@code /servicePrincipals/{id}/synchronization/jobs} and the job actions; the list and a job
 * honour {@code $select}, the list also {@code $top}, {@code $count=true} and paging by {@code @odata.nextLink}.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
    private static final Set<String> PROPERTIES = Select.propertiesOf(SynchronizationJobResponse.class);
    /** bulkUpload is not served, so it cannot be expanded either. */
    private static final Set<String> EXPANDABLE = Set.of("schema");
    private static final int EXPANDED_PAGE = 20;

    private final JobService jobs;
    private final ServicePrincipalService servicePrincipals;
    private final JobSchemas schemas;
    private final ObjectMapper mapper;

    private final JobApiConfig.Limits limits;

    @Inject
    public JobResource(JobService jobs, ServicePrincipalService servicePrincipals, JobSchemas schemas,
                       ObjectMapper mapper, JobApiConfig config) {
        this.limits = config.limits();
        this.jobs = jobs;
        this.servicePrincipals = servicePrincipals;
        this.schemas = schemas;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<ObjectNode> list(@PathParam("version") String version, @PathParam("spId") String spId,
                                            @QueryParam("$select") String select,
                                            @QueryParam("$top") String top,
                                            @QueryParam("$skiptoken") String skipToken,
                                            @QueryParam("$count") boolean count,
                                            @QueryParam("$expand") String expand,
                                            @Context UriInfo uri, @Context HttpHeaders headers) {
        Select projection = Select.parse(select, PROPERTIES);
        boolean withSchema = !Expand.parse(expand, EXPANDABLE, "jobs").isEmpty();
        Paging requested = Paging.of(top, skipToken, 100, 999);
        // each expanded job is one more call to schema-service: such pages are kept short
        Paging paging = withSchema ? requested.atMost(EXPANDED_PAGE) : requested;
        UUID servicePrincipalId = servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ);
        List<SynchronizationJob> rows = jobs.page(servicePrincipalId, paging.skip(), paging.top());
        boolean more = rows.size() > paging.top();
        return new ODataCollection<>(
                ODataContext.metadata(uri, version, jobsContext(servicePrincipalId) + projection.contextSuffix()),
                count && paging.skip() == 0 ? jobs.count(servicePrincipalId) : null,
                (more ? rows.subList(0, paging.top()) : rows).stream()
                        .map(job -> expanded(projection.apply(mapper, JobRepresentation.of(job)), withSchema,
                                version, servicePrincipalId, job.id, uri, headers)).toList(),
                more ? paging.nextLink(uri) : null);
    }

    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public String count(@PathParam("spId") String spId) {
        return Long.toString(jobs.count(servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response create(@PathParam("version") String version, @PathParam("spId") String spId, JsonNode body,
                           @Context UriInfo uri) {
        ServicePrincipal servicePrincipal = servicePrincipals.require(spId,
                GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        UUID servicePrincipalId = servicePrincipal.id;
        SynchronizationJob job = jobs.create(servicePrincipal, JobRequests.templateId(body));
        return Response.created(uri.getAbsolutePathBuilder().path(job.id).build())
                .entity(JobRepresentation.of(job).withContext(
                        ODataContext.metadata(uri, version, jobsContext(servicePrincipalId) + "/$entity")))
                .build();
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ObjectNode get(@PathParam("version") String version, @PathParam("spId") String spId,
                          @PathParam("jobId") String jobId, @QueryParam("$select") String select,
                          @QueryParam("$expand") String expand, @Context UriInfo uri,
                          @Context HttpHeaders headers) {
        Select projection = Select.parse(select, PROPERTIES);
        boolean withSchema = !Expand.parse(expand, EXPANDABLE, "jobs").isEmpty();
        UUID servicePrincipalId = servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ);
        SynchronizationJob job = jobs.require(servicePrincipalId, jobId);
        return expanded(projection.apply(mapper, JobRepresentation.of(job).withContext(
                ODataContext.metadata(uri, version, jobsContext(servicePrincipalId) + projection.contextSuffix()
                        + "/$entity"))), withSchema, version, servicePrincipalId, job.id, uri, headers);
    }

    /** The job with its schema inlined when {@code $expand=schema} asked for it (whatever {@code $select} says). */
    private ObjectNode expanded(ObjectNode job, boolean withSchema, String version, UUID servicePrincipalId,
                                String jobId, UriInfo uri, HttpHeaders headers) {
        if (withSchema) {
            job.set("schema", schemas.of(version, servicePrincipalId, jobId, uri.getBaseUri(), headers));
        }
        return job;
    }

    @PATCH
    @Path("{jobId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void update(@PathParam("spId") String spId, @PathParam("jobId") String jobId, JsonNode body) {
        List<KeyValuePair> settings = JobRequests.settings(body, limits);
        UUID servicePrincipalId = servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        if (settings == null) {
            jobs.require(servicePrincipalId, jobId);
        } else {
            jobs.replaceSettings(servicePrincipalId, jobId, settings);
        }
    }

    @DELETE
    @Path("{jobId}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void delete(@PathParam("spId") String spId, @PathParam("jobId") String jobId) {
        jobs.delete(servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE), jobId);
    }

    @POST
    @Path("{jobId}/start")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void start(@PathParam("spId") String spId, @PathParam("jobId") String jobId) {
        jobs.start(servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE), jobId);
    }

    @POST
    @Path("{jobId}/pause")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void pause(@PathParam("spId") String spId, @PathParam("jobId") String jobId) {
        jobs.pause(servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE), jobId);
    }

    /** Legacy alias of pause that older SDK builds expose. */
    @POST
    @Path("{jobId}/stop")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void stop(@PathParam("spId") String spId, @PathParam("jobId") String jobId) {
        pause(spId, jobId);
    }

    /** The body is optional, so it is read here rather than by content negotiation, which demands a type. */
    @POST
    @Path("{jobId}/restart")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public void restart(@PathParam("spId") String spId, @PathParam("jobId") String jobId,
                        @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body)
            throws JsonProcessingException {
        UUID servicePrincipalId = servicePrincipal(spId, GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        jobs.restart(servicePrincipalId, jobId, JobRequests.resetScope(OptionalJsonBody.read(contentType, body, mapper)));
    }

    private UUID servicePrincipal(String spId, String permission) {
        return servicePrincipals.require(spId, permission).id;
    }

    private static String jobsContext(UUID servicePrincipalId) {
        return "servicePrincipals('" + servicePrincipalId + "')/synchronization/jobs";
    }
}
