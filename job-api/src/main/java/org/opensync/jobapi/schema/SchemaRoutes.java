package org.opensync.jobapi.schema;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opensync.common.security.GraphPermissions;
import org.opensync.jobapi.job.JobService;
import org.opensync.jobapi.job.SynchronizationJob;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * The template and schema routes of the Graph API, owned by schema-service: job-api
 * checks the service principal and the job exist, then forwards the request with the caller's token, so clients
 * use one base URL. Right after a job is created schema-service may not have its schema yet; such a request is
 * retried briefly instead of answering 404 for a job the client just created.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization")
public class SchemaRoutes {
    private static final Duration NEW_JOB_GRACE = Duration.ofSeconds(30);
    private static final Duration RETRY_WAIT = Duration.ofMillis(200);
    private static final int RETRIES = 25;

    private final SchemaServiceClient schemaService;
    private final ServicePrincipalService servicePrincipals;
    private final JobService jobs;

    @Inject
    public SchemaRoutes(SchemaServiceClient schemaService, ServicePrincipalService servicePrincipals, JobService jobs) {
        this.schemaService = schemaService;
        this.servicePrincipals = servicePrincipals;
        this.jobs = jobs;
    }

    @GET
    @Path("jobs/{jobId}/schema{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response readSchema(@PathParam("spId") String spId, @PathParam("jobId") String jobId,
                               @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwardJobSchema("GET", GraphPermissions.SYNCHRONIZATION_READ, spId, jobId, uri, headers, null);
    }

    @PUT
    @Path("jobs/{jobId}/schema{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response putSchema(@PathParam("spId") String spId, @PathParam("jobId") String jobId,
                              @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forwardJobSchema("PUT", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, jobId, uri, headers, body);
    }

    @PATCH
    @Path("jobs/{jobId}/schema{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response patchSchema(@PathParam("spId") String spId, @PathParam("jobId") String jobId,
                                @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forwardJobSchema("PATCH", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, jobId, uri, headers, body);
    }

    @POST
    @Path("jobs/{jobId}/schema{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response postToSchema(@PathParam("spId") String spId, @PathParam("jobId") String jobId,
                                 @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forwardJobSchema("POST", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, jobId, uri, headers, body);
    }

    @DELETE
    @Path("jobs/{jobId}/schema{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response resetSchema(@PathParam("spId") String spId, @PathParam("jobId") String jobId,
                                @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwardJobSchema("DELETE", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, jobId, uri, headers, null);
    }

    @GET
    @Path("templates{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response readTemplates(@PathParam("spId") String spId, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwardTemplates("GET", GraphPermissions.SYNCHRONIZATION_READ, spId, uri, headers, null);
    }

    /** Creates a template, or posts to a template schema (directories, parseExpression). */
    @POST
    @Path("templates{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response postToTemplates(@PathParam("spId") String spId, @Context UriInfo uri,
                                    @Context HttpHeaders headers, byte[] body) {
        return forwardTemplates("POST", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, uri, headers, body);
    }

    @PUT
    @Path("templates{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response putTemplate(@PathParam("spId") String spId, @Context UriInfo uri, @Context HttpHeaders headers,
                                byte[] body) {
        return forwardTemplates("PUT", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, uri, headers, body);
    }

    @PATCH
    @Path("templates{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response patchTemplate(@PathParam("spId") String spId, @Context UriInfo uri, @Context HttpHeaders headers,
                                  byte[] body) {
        return forwardTemplates("PATCH", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, uri, headers, body);
    }

    @DELETE
    @Path("templates{rest: (/.*)?}")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public Response deleteFromTemplates(@PathParam("spId") String spId, @Context UriInfo uri,
                                        @Context HttpHeaders headers) {
        return forwardTemplates("DELETE", GraphPermissions.SYNCHRONIZATION_READ_WRITE, spId, uri, headers, null);
    }

    private Response forwardTemplates(String method, String permission, String spId, UriInfo uri,
                                      HttpHeaders headers, byte[] body) {
        UUID servicePrincipalId = servicePrincipals.require(spId, permission).id;
        return relay(schemaService.send(method, canonical(uri, spId, servicePrincipalId), uri.getBaseUri(), headers,
                body));
    }

    private Response forwardJobSchema(String method, String permission, String spId, String jobId, UriInfo uri,
                                      HttpHeaders headers, byte[] body) {
        UUID servicePrincipalId = servicePrincipals.require(spId, permission).id;
        SynchronizationJob job = jobs.require(servicePrincipalId, jobId);
        String target = canonical(uri, spId, servicePrincipalId);
        SchemaServiceClient.Answer answer = schemaService.send(method, target, uri.getBaseUri(), headers, body);
        boolean justCreated = Duration.between(job.createdAt, Instant.now()).compareTo(NEW_JOB_GRACE) < 0;
        for (int retry = 0; answer.status() == 404 && justCreated && retry < RETRIES; retry++) {
            pause();
            answer = schemaService.send(method, target, uri.getBaseUri(), headers, body);
        }
        return relay(answer);
    }

    /** The request path with the service principal's object id (the appId alternate key is resolved here). */
    private static String canonical(UriInfo uri, String spId, UUID servicePrincipalId) {
        String path = uri.getRequestUri().getRawPath().replace("/servicePrincipals/" + spId + "/",
                "/servicePrincipals/" + servicePrincipalId + "/");
        String query = uri.getRequestUri().getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    private static Response relay(SchemaServiceClient.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body() != null && answer.body().length > 0) {
            response.entity(answer.body()).type(answer.contentType());
        }
        return response.build();
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
