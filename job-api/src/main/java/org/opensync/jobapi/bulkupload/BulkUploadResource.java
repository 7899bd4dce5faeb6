package org.opensync.jobapi.bulkupload;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.opensync.common.security.Caller;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.ODataContext;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.serviceprincipal.ServicePrincipal;
import org.opensync.jobapi.serviceprincipal.ServicePrincipalService;

/**
 * {@code POST .../jobs/{jobId}/bulkUpload}: an HR system posts a SCIM BulkRequest of users; once every operation is
 * durable the upload is answered {@code 202} with the provisioning-log query that will show what became of it.
 * The body is read as text whatever its declared type, so a wrong {@code Content-Type} gets Graph's {@code 400}
 * rather than a {@code 415}.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/jobs/{jobId}/bulkUpload")
public class BulkUploadResource {
    static final String SCIM_JSON = "application/scim+json";

    private final ServicePrincipalService servicePrincipals;
    private final BulkUploadService uploads;
    private final BulkUploadRateLimit rateLimit;
    private final Caller caller;
    private final JobApiConfig config;
    private final ObjectMapper mapper;

    @Inject
    public BulkUploadResource(ServicePrincipalService servicePrincipals, BulkUploadService uploads,
                              BulkUploadRateLimit rateLimit, Caller caller, JobApiConfig config, ObjectMapper mapper) {
        this.servicePrincipals = servicePrincipals;
        this.uploads = uploads;
        this.rateLimit = rateLimit;
        this.caller = caller;
        this.config = config;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.BULK_UPLOAD, GraphPermissions.BULK_UPLOAD_OWNED_BY})
    public Response upload(@PathParam("version") String version, @PathParam("spId") String spId,
                           @PathParam("jobId") String jobId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           String body, @Context UriInfo uri) {
        ServicePrincipal sp = servicePrincipals.require(spId, GraphPermissions.BULK_UPLOAD,
                GraphPermissions.BULK_UPLOAD_OWNED_BY);
        String job = uploads.requireInboundJob(sp.id, jobId).id;
        rateLimit.tryAcquire(caller.tenant(), job).ifPresent(wait -> {
            throw new GraphException(429, ErrorCode.TOO_MANY_REQUESTS, "Too many bulkUpload requests for this job or "
                    + "tenant; retry after the time Retry-After gives.", null).retryAfter(wait);
        });
        checkContentType(contentType);
        uploads.accept(job, BulkRequest.parse(body, config.bulkUpload().maxOperations(), mapper));
        return Response.accepted().location(provisioningLogs(uri, version, job)).build();
    }

    /**
     * {@code application/scim+json} as Graph requires; {@code application/json} too, since its body is checked as
     * a BulkRequest all the same and clients built for other JSON APIs send it.
     */
    private static void checkContentType(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !("application".equalsIgnoreCase(type.getType())
                && ("scim+json".equalsIgnoreCase(type.getSubtype()) || "json".equalsIgnoreCase(type.getSubtype())))) {
            throw GraphException.badRequest("Invalid Data Format: send the BulkRequest with Content-Type: "
                    + SCIM_JSON + ".", "Content-Type");
        }
    }

    /** Graph's own form: {@code {root}/auditLogs/provisioning/?$filter=jobid eq '{jobId}'}, the filter encoded. */
    private static URI provisioningLogs(UriInfo uri, String version, String jobId) {
        String filter = URLEncoder.encode("jobid eq '" + jobId + "'", StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(ODataContext.versionRoot(uri, version) + "/auditLogs/provisioning/?$filter=" + filter);
    }
}
