package org.opensync.schemaservice.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.opensync.common.security.GraphPermissions;
import org.opensync.common.tenancy.TenancyConfig;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.ODataCollection;
import org.opensync.mapping.catalog.FilterOperatorCatalog;
import org.opensync.mapping.catalog.FunctionCatalog;
import org.opensync.mapping.catalog.ParseExpressionService;
import org.opensync.mapping.expression.EvaluationEnvironment;
import org.opensync.mapping.model.AttributeMappingFunctionSchema;
import org.opensync.mapping.model.FilterOperatorSchema;
import org.opensync.mapping.model.ParseExpressionRequest;
import org.opensync.mapping.model.ParseExpressionResponse;
import org.opensync.schemaservice.schema.SchemaDocuments;
import org.opensync.schemaservice.web.ClientRoot;

/**
 * The expression language's catalogue and parser, under every schema: {@code .../jobs/{id}/schema/...} and
 * {@code .../templates/{id}/schema/...}. {@code functions()} and
 * {@code filterOperators()} reach here too: request normalisation strips the parentheses.
 */
@Path("/{version: beta|v1\\.0}/servicePrincipals/{spId}/synchronization/{owner: jobs|templates}/{ownerId}/schema")
@Produces(MediaType.APPLICATION_JSON)
public class SchemaCatalogResource {
    private final ParseExpressionService parser;
    private final SchemaDocuments documents;
    private final ClientRoot root;

    @Inject
    public SchemaCatalogResource(SchemaDocuments documents, ClientRoot root, TenancyConfig tenancy) {
        this.documents = documents;
        this.root = root;
        this.parser = new ParseExpressionService(EvaluationEnvironment.system()
                .withDefaultDomain(tenancy.defaultDomain().orElse(null)));
    }

    @GET
    @Path("functions")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<AttributeMappingFunctionSchema> functions(@PathParam("version") String version,
                                                                     @Context UriInfo uri) {
        return ODataCollection.of(root.metadata(uri, version,
                "Collection(microsoft.graph.attributeMappingFunctionSchema)"), FunctionCatalog.functions());
    }

    @GET
    @Path("filterOperators")
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ODataCollection<FilterOperatorSchema> filterOperators(@PathParam("version") String version,
                                                                 @Context UriInfo uri) {
        return ODataCollection.of(root.metadata(uri, version,
                "Collection(microsoft.graph.filterOperatorSchema)"), FilterOperatorCatalog.operators());
    }

    @POST
    @Path("parseExpression")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY})
    public ParseExpressionResponse parseExpression(ParseExpressionRequest request) {
        if (request == null) {
            throw GraphException.badRequest("A request body with 'expression' is required.", "expression");
        }
        documents.checkExpression(request.expression());
        return parser.parse(request);
    }
}
