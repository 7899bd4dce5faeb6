package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.beta.applicationtemplates.item.instantiate.InstantiatePostRequestBody;
import com.microsoft.graph.beta.models.Application;
import com.microsoft.graph.beta.models.ApplicationServicePrincipal;
import com.microsoft.graph.beta.models.DirectoryDefinition;
import com.microsoft.graph.beta.models.DirectoryDefinitionDiscoverabilities;
import com.microsoft.graph.beta.models.StringKeyStringValuePair;
import com.microsoft.graph.beta.models.SynchronizationJobApplicationParameters;
import com.microsoft.graph.beta.models.SynchronizationJobSubject;
import com.microsoft.graph.beta.serviceprincipals.item.synchronization.jobs.item.provisionondemand.ProvisionOnDemandPostRequestBody;
import com.microsoft.graph.beta.serviceprincipals.item.synchronization.jobs.item.validatecredentials.ValidateCredentialsPostRequestBody;
import com.microsoft.graph.beta.models.AttributeDefinition;
import com.microsoft.graph.beta.models.AttributeType;
import com.microsoft.graph.beta.models.ExpressionInputObject;
import com.microsoft.graph.beta.models.ObjectDefinition;
import com.microsoft.graph.beta.models.ParseExpressionResponse;
import com.microsoft.graph.beta.models.ProvisioningObjectSummary;
import com.microsoft.graph.beta.models.ServicePrincipal;
import com.microsoft.graph.beta.models.StringKeyObjectValuePair;
import com.microsoft.graph.beta.models.SynchronizationJob;
import com.microsoft.graph.beta.models.SynchronizationJobRestartCriteria;
import com.microsoft.graph.beta.models.SynchronizationJobRestartScope;
import com.microsoft.graph.beta.models.SynchronizationSchema;
import com.microsoft.graph.beta.models.SynchronizationSecret;
import com.microsoft.graph.beta.models.SynchronizationSecretKeyStringValuePair;
import com.microsoft.graph.beta.models.SynchronizationStatusCode;
import com.microsoft.graph.beta.models.SynchronizationTemplate;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.graph.beta.serviceprincipals.item.synchronization.SynchronizationRequestBuilder;
import com.microsoft.graph.beta.serviceprincipals.item.synchronization.jobs.item.SynchronizationJobItemRequestBuilder;
import com.microsoft.graph.beta.serviceprincipals.item.synchronization.jobs.item.restart.RestartPostRequestBody;
import com.microsoft.graph.beta.serviceprincipals.item.synchronization.jobs.item.schema.parseexpression.ParseExpressionPostRequestBody;
import com.microsoft.graph.beta.serviceprincipals.item.synchronization.secrets.SecretsPutRequestBody;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/**
 * The official Microsoft Graph beta Java SDK, pointed at job-api, drives a job from creation to deletion: what an
 * identity admin's existing scripts do must work unchanged. Every call goes through the SDK's own request builders
 * and models, so a shape, an enum spelling or a status code the SDK cannot read fails here. The scenarios build on
 * each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphSdkIT {
    private static final int USERS = 12;
    private static final String SCIM_TOKEN = "sdk-scim-token";
    private static final Duration CYCLE = Duration.ofSeconds(90);
    /** Entra's template for a non-gallery ("custom") application. */
    private static final String CUSTOM_APPLICATION_TEMPLATE = "8adf8e6e-67b2-4cf2-a259-e3dc5476c621";

    private final DirectoryData data = new DirectoryDataGenerator().generate(USERS, 1);
    private SlapdTestDirectory directory;
    private ScimServer scim;
    private Platform platform;
    private GraphServiceClient graph;
    private final String appId = UUID.randomUUID().toString();
    private String spId;
    private String jobId;
    /** The application instantiated from the custom template, and its service principal. */
    private Application application;
    private String applicationSpId;

    @BeforeAll
    void start() throws Exception {
        directory = new SlapdTestDirectory();
        directory.load(data);
        scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(SCIM_TOKEN)).start();
        platform = new Platform().start();
        graph = client(baseUrl());
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(platform, scim, directory);
    }

    @Test
    @Order(10)
    void createsAndFindsTheServicePrincipal() {
        ServicePrincipal request = new ServicePrincipal();
        request.setAppId(appId);
        request.setDisplayName("SDK SCIM app");
        ServicePrincipal created = graph.servicePrincipals().post(request);
        spId = created.getId();
        assertThat(spId).isNotBlank();
        assertThat(created.getAppId()).isEqualTo(appId);

        List<ServicePrincipal> found = graph.servicePrincipals().get(config -> {
            config.queryParameters.filter = "appId eq '" + appId + "'";
            config.queryParameters.select = new String[] {"id", "appId", "displayName"};
            config.queryParameters.top = 5;
        }).getValue();
        assertThat(found).extracting(ServicePrincipal::getId).containsExactly(spId);
        assertThat(graph.servicePrincipalsWithAppId(appId).get().getDisplayName()).isEqualTo("SDK SCIM app");
    }

    @Test
    @Order(20)
    void savesSecretsAndCreatesAJobFromTheScimTemplate() {
        SecretsPutRequestBody secrets = new SecretsPutRequestBody();
        secrets.setValue(List.of(secret(SynchronizationSecret.BaseAddress, scim.baseUrl()),
                secret(SynchronizationSecret.SecretToken, SCIM_TOKEN),
                secret(SynchronizationSecret.Server, directory.url()),
                secret(SynchronizationSecret.UserName, directory.bindDn()),
                secret(SynchronizationSecret.Password, directory.password()),
                secret(SynchronizationSecret.Domain, directory.baseDn())));
        synchronization().secrets().put(secrets);
        assertThat(synchronization().secrets().count().get()).isEqualTo(6);

        List<SynchronizationTemplate> templates = synchronization().templates().get().getValue();
        assertThat(templates).extracting(SynchronizationTemplate::getId).contains("scim");

        SynchronizationJob request = new SynchronizationJob();
        request.setTemplateId("scim");
        // The service principal reaches schema-service as an event: the template may take a moment to be usable
        AtomicReference<SynchronizationJob> created = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(ODataError.class)
                .until(() -> created.compareAndSet(null, synchronization().jobs().post(request)));
        jobId = created.get().getId();
        assertThat(jobId).startsWith("scim.");
        assertThat(created.get().getTemplateId()).isEqualTo("scim");

        SynchronizationJob read = job().get();
        assertThat(read.getStatus().getCode()).isEqualTo(SynchronizationStatusCode.NotRun);
        assertThat(read.getSchedule().getInterval()).isNotNull();
        assertThat(synchronization().jobs().get().getValue()).extracting(SynchronizationJob::getId)
                .containsExactly(jobId);
    }

    @Test
    @Order(30)
    void readsTheSchemaItsFunctionsAndParsesAnExpression() {
        SynchronizationSchema schema = job().schema().get();
        assertThat(schema.getSynchronizationRules()).isNotEmpty();
        assertThat(schema.getDirectories()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(schema.getSynchronizationRules().get(0).getObjectMappings()).isNotEmpty();
        assertThat(schema.getSynchronizationRules().get(0).getObjectMappings().get(0).getAttributeMappings())
                .allSatisfy(mapping -> assertThat(mapping.getFlowType()).isNotNull());

        assertThat(job().schema().functions().get().getValue()).extracting(function -> function.getId())
                .contains("Join", "Switch", "FormatDateTime");
        assertThat(job().schema().filterOperators().get().getValue()).isNotEmpty();

        ParseExpressionPostRequestBody parse = new ParseExpressionPostRequestBody();
        parse.setExpression("Join(\" \", [givenName], [sn])");
        AttributeDefinition target = new AttributeDefinition();
        target.setName("displayName");
        target.setType(AttributeType.String);
        parse.setTargetAttributeDefinition(target);
        ExpressionInputObject input = new ExpressionInputObject();
        ObjectDefinition definition = new ObjectDefinition();
        definition.setName("User");
        input.setDefinition(definition);
        input.setProperties(List.of(property("givenName", "Marie"), property("sn", "Curie")));
        parse.setTestInputObject(input);
        ParseExpressionResponse parsed = job().schema().parseExpression().post(parse);
        assertThat(parsed.getParsingSucceeded()).isTrue();
        assertThat(parsed.getEvaluationSucceeded()).isTrue();
        assertThat(parsed.getEvaluationResult()).containsExactly("Marie Curie");
    }

    @Test
    @Order(33)
    void validatesTheSavedCredentialsAndDiscoversTheApplicationsSchema() {
        ValidateCredentialsPostRequestBody validate = new ValidateCredentialsPostRequestBody();
        validate.setUseSavedCredentials(true);
        job().validateCredentials().post(validate);

        SynchronizationSchema schema = job().schema().get();
        String target = schema.getSynchronizationRules().get(0).getTargetDirectoryName();
        String directoryId = schema.getDirectories().stream().filter(d -> target.equals(d.getName())).findFirst()
                .orElseThrow().getId();
        DirectoryDefinition discovered = job().schema().directories().byDirectoryDefinitionId(directoryId)
                .discover().post();
        assertThat(discovered.getDiscoverabilities()).contains(DirectoryDefinitionDiscoverabilities.AttributeNames,
                DirectoryDefinitionDiscoverabilities.AttributeDataTypes);
        assertThat(discovered.getDiscoveryDateTime()).isNotNull();
        assertThat(discovered.getObjects()).extracting(ObjectDefinition::getName).contains("User");
    }

    @Test
    @Order(36)
    void provisionsOneUserOnDemandBeforeTheJobRuns() {
        GeneratedUser user = data.users().get(0);
        SynchronizationJobSubject subject = new SynchronizationJobSubject();
        subject.setObjectId(directory.userDn(user.uid()));
        subject.setObjectTypeName("User");
        SynchronizationJobApplicationParameters parameters = new SynchronizationJobApplicationParameters();
        parameters.setRuleId(job().schema().get().getSynchronizationRules().get(0).getId());
        parameters.setSubjects(List.of(subject));
        ProvisionOnDemandPostRequestBody request = new ProvisionOnDemandPostRequestBody();
        request.setParameters(List.of(parameters));
        // the provisioner learns the job's schema and secrets from topics: a moment after creation it may answer 503
        AtomicReference<StringKeyStringValuePair> answer = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptionsMatching(e -> e instanceof ODataError error
                        && error.getResponseStatusCode() == 503)
                .until(() -> answer.compareAndSet(null, job().provisionOnDemand().post(request)));
        assertThat(answer.get().getKey()).contains("\"result\":\"Success\"");
        assertThat(answer.get().getValue()).contains("\"provisioningSteps\"");
        assertThat(scim.users().all()).extracting(u -> u.path("userName").asText()).containsExactly(user.mail());
    }

    @Test
    @Order(40)
    void startsTheJobAndTheUsersReachTheApplication() {
        job().start().post();
        // the user provisioned on demand is matched through its link, not created twice
        Awaitility.await().atMost(CYCLE).pollInterval(Duration.ofMillis(500)).until(() ->
                scim.users().size() == USERS);
        Awaitility.await().atMost(CYCLE).pollInterval(Duration.ofMillis(500)).until(() -> {
            SynchronizationJob read = job().get();
            return read.getStatus().getCode() == SynchronizationStatusCode.Active
                    && read.getStatus().getLastSuccessfulExecution() != null;
        });
        // The logs travel on another topic than the cycle's result, and job-api stores them in batches
        List<ProvisioningObjectSummary> logs = Awaitility.await().atMost(CYCLE).until(() ->
                graph.auditLogs().provisioning().get(config -> {
                    config.queryParameters.filter = "jobId eq '" + jobId + "'";
                    config.queryParameters.top = 100;
                }).getValue(), found -> !found.isEmpty());
        assertThat(logs).allSatisfy(log -> {
            assertThat(log.getJobId()).isEqualTo(jobId);
            assertThat(log.getProvisioningStatusInfo().getStatus()).isNotNull();
            assertThat(log.getActivityDateTime()).isNotNull();
        });
        assertThat(graph.auditLogs().provisioning().byProvisioningObjectSummaryId(logs.get(0).getId()).get()
                .getId()).isEqualTo(logs.get(0).getId());
    }

    @Test
    @Order(50)
    void pausesAndRestartsWithResetFlagsInTheSdksSpelling() {
        job().pause().post();
        assertThat(job().get().getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Paused);

        RestartPostRequestBody restart = new RestartPostRequestBody();
        SynchronizationJobRestartCriteria criteria = new SynchronizationJobRestartCriteria();
        // serialised by the SDK as "Escrows,Watermark,QuarantineState": comma-separated, in declaration order
        criteria.setResetScope(EnumSet.of(SynchronizationJobRestartScope.QuarantineState,
                SynchronizationJobRestartScope.Escrows, SynchronizationJobRestartScope.Watermark));
        restart.setCriteria(criteria);
        job().restart().post(restart);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                job().get().getStatus().getCode() == SynchronizationStatusCode.Active);
    }

    @Test
    @Order(60)
    void errorsArriveAsODataErrorsWithTheirStatus() {
        assertThatThrownBy(() -> synchronization().jobs().bySynchronizationJobId("scim.nothing.here").get())
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(404);
                    assertThat(error.getError().getCode()).isNotBlank();
                    assertThat(error.getError().getMessage()).isNotBlank();
                });
        SynchronizationJob unknownTemplate = new SynchronizationJob();
        unknownTemplate.setTemplateId("no-such-template");
        assertThatThrownBy(() -> synchronization().jobs().post(unknownTemplate))
                .isInstanceOfSatisfying(ODataError.class, error ->
                        assertThat(error.getResponseStatusCode()).isBetween(400, 499));
    }

    @Test
    @Order(62)
    void addsRenamesAndRemovesADirectoryDefinitionOfTheJobsSchema() {
        int before = job().schema().directories().count().get();
        AttributeDefinition id = new AttributeDefinition();
        id.setName("id");
        id.setType(AttributeType.String);
        id.setAnchor(true);
        ObjectDefinition worker = new ObjectDefinition();
        worker.setName("Worker");
        worker.setAttributes(List.of(id));
        DirectoryDefinition hr = new DirectoryDefinition();
        hr.setName("HR");
        hr.setObjects(List.of(worker));
        DirectoryDefinition added = job().schema().directories().post(hr);
        assertThat(added.getId()).isNotBlank();
        assertThat(added.getObjects()).extracting(ObjectDefinition::getName).containsExactly("Worker");
        assertThat(job().schema().directories().count().get()).isEqualTo(before + 1);

        DirectoryDefinition rename = new DirectoryDefinition();
        rename.setName("People");
        job().schema().directories().byDirectoryDefinitionId(added.getId()).patch(rename);
        assertThat(job().schema().directories().byDirectoryDefinitionId(added.getId()).get().getName())
                .isEqualTo("People");
        assertThat(job().schema().directories().get().getValue()).extracting(DirectoryDefinition::getName)
                .contains("People");

        job().schema().directories().byDirectoryDefinitionId(added.getId()).delete();
        assertThat(job().schema().directories().count().get()).isEqualTo(before);
        assertThatThrownBy(() -> job().schema().directories().byDirectoryDefinitionId(added.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, error ->
                        assertThat(error.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    @Order(65)
    void instantiatesTheCustomApplicationTemplateAndReachesItsSynchronizationAsAnApplication() {
        InstantiatePostRequestBody request = new InstantiatePostRequestBody();
        request.setDisplayName("SDK custom app");
        ApplicationServicePrincipal created = graph.applicationTemplates()
                .byApplicationTemplateId(CUSTOM_APPLICATION_TEMPLATE).instantiate().post(request);
        assertThat(created.getServicePrincipal().getApplicationTemplateId()).isEqualTo(CUSTOM_APPLICATION_TEMPLATE);
        assertThat(created.getServicePrincipal().getAppId()).isEqualTo(created.getApplication().getAppId());
        application = created.getApplication();
        applicationSpId = created.getServicePrincipal().getId();
        assertThat(applicationSynchronization().templates().get().getValue())
                .extracting(SynchronizationTemplate::getId).contains("scim");
    }

    @Test
    @Order(66)
    void createsUpdatesAndDeletesACustomTemplateOfTheApplication() {
        SynchronizationTemplate template = new SynchronizationTemplate();
        template.setId("sdk-hr");
        template.setFactoryTag("CustomSCIM");
        template.setDescription("HR");
        template.setDiscoverable(true);
        // the application's service principal reaches schema-service as an event: it may take a moment to be known
        AtomicReference<SynchronizationTemplate> created = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptionsMatching(e -> e instanceof ODataError error
                        && error.getResponseStatusCode() == 404)
                .until(() -> created.compareAndSet(null, applicationSynchronization().templates().post(template)));
        assertThat(created.get().getId()).isEqualTo("sdk-hr");
        assertThat(applicationSynchronization().templates().get().getValue())
                .extracting(SynchronizationTemplate::getId).contains("scim", "sdk-hr");

        SynchronizationTemplate change = new SynchronizationTemplate();
        change.setFactoryTag("CustomSCIM");
        change.setDescription("Payroll");
        applicationSynchronization().templates().bySynchronizationTemplateId("sdk-hr").patch(change);
        SynchronizationTemplate read = applicationSynchronization().templates().bySynchronizationTemplateId("sdk-hr")
                .get();
        assertThat(read.getDescription()).isEqualTo("Payroll");
        assertThat(read.getSchema()).as("a PATCH without a schema keeps it").isNotNull();

        assertThatThrownBy(() -> applicationSynchronization().templates().bySynchronizationTemplateId("scim")
                .patch(change)).isInstanceOfSatisfying(ODataError.class, error ->
                        assertThat(error.getResponseStatusCode()).isEqualTo(403));
        applicationSynchronization().templates().bySynchronizationTemplateId("sdk-hr").delete();
        assertThat(applicationSynchronization().templates().get().getValue())
                .extracting(SynchronizationTemplate::getId).doesNotContain("sdk-hr");
    }

    @Test
    @Order(68)
    void readsListsAndDeletesTheApplicationWithItsServicePrincipal() {
        String id = application.getId();
        String applicationAppId = application.getAppId();
        Application read = graph.applications().byApplicationId(id).get();
        assertThat(read.getDisplayName()).isEqualTo("SDK custom app");
        assertThat(read.getAppId()).isEqualTo(applicationAppId);
        assertThat(graph.applicationsWithAppId(applicationAppId).get().getId()).isEqualTo(id);
        List<Application> found = graph.applications().get(config -> {
            config.queryParameters.filter = "appId eq '" + applicationAppId + "'";
            config.queryParameters.select = new String[] {"id", "appId", "displayName"};
            config.queryParameters.top = 5;
        }).getValue();
        assertThat(found).extracting(Application::getId).containsExactly(id);
        // the same SDK on the /v1.0 base: both versions serve applications alike
        assertThat(client(platform.services().get("job-api").baseUrl() + "/v1.0").applications()
                .byApplicationId(id).get().getAppId()).isEqualTo(applicationAppId);

        graph.applications().byApplicationId(id).delete();
        assertThatThrownBy(() -> graph.applications().byApplicationId(id).get())
                .isInstanceOfSatisfying(ODataError.class, error ->
                        assertThat(error.getResponseStatusCode()).isEqualTo(404));
        assertThatThrownBy(() -> graph.servicePrincipals().byServicePrincipalId(applicationSpId).get())
                .as("deleting the application deleted its service principal")
                .isInstanceOfSatisfying(ODataError.class, error ->
                        assertThat(error.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    @Order(70)
    void deletesTheJobAndTheServicePrincipal() {
        job().delete();
        assertThat(synchronization().jobs().get().getValue()).isEmpty();
        graph.servicePrincipals().byServicePrincipalId(spId).delete();
        assertThatThrownBy(() -> graph.servicePrincipals().byServicePrincipalId(spId).get())
                .isInstanceOfSatisfying(ODataError.class, error ->
                        assertThat(error.getResponseStatusCode()).isEqualTo(404));
    }

    private SynchronizationRequestBuilder synchronization() {
        return graph.servicePrincipals().byServicePrincipalId(spId).synchronization();
    }

    private com.microsoft.graph.beta.applications.item.synchronization.SynchronizationRequestBuilder
            applicationSynchronization() {
        return graph.applications().byApplicationId(application.getId()).synchronization();
    }

    private SynchronizationJobItemRequestBuilder job() {
        return synchronization().jobs().bySynchronizationJobId(jobId);
    }

    private String baseUrl() {
        return platform.services().get("job-api").baseUrl() + "/beta";
    }

    /** The SDK with a bearer token of the platform's issuer, sent to job-api instead of graph.microsoft.com. */
    private GraphServiceClient client(String baseUrl) {
        AllowedHostsValidator hosts = new AllowedHostsValidator(URI.create(baseUrl).getHost());
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return hosts.isUrlHostValid(uri) ? platform.token() : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        BaseGraphRequestAdapter adapter = new BaseGraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(tokens));
        adapter.setBaseUrl(baseUrl);
        return new GraphServiceClient(adapter);
    }

    private static SynchronizationSecretKeyStringValuePair secret(SynchronizationSecret key, String value) {
        SynchronizationSecretKeyStringValuePair pair = new SynchronizationSecretKeyStringValuePair();
        pair.setKey(key);
        pair.setValue(value);
        return pair;
    }

    /** {@code StringKeyObjectValuePair} has no typed value: the SDK serialises it from the additional data. */
    private static StringKeyObjectValuePair property(String key, String value) {
        StringKeyObjectValuePair pair = new StringKeyObjectValuePair();
        pair.setKey(key);
        pair.getAdditionalData().put("value", value);
        return pair;
    }
}
