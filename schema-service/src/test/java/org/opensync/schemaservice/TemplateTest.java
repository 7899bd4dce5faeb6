package org.opensync.schemaservice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.opensync.schemaservice.Requests.authorized;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.schemaservice.schema.SchemaValidator;
import org.opensync.schemaservice.template.TemplateService;

@QuarkusTest
class TemplateTest {
    @Inject
    TemplateService templates;

    @Inject
    SchemaValidator validator;

    @Test
    void builtInTemplatesAreValidSchemas() {
        assertThat(templates.list(Jobs.DEFAULT_TENANT, UUID.randomUUID().toString())).isNotEmpty();
        templates.list(Jobs.DEFAULT_TENANT, UUID.randomUUID().toString()).forEach(template -> validator.validate(template.schema()));
    }

    private static final String TEMPLATES = "/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/templates";

    @Test
    void builtInTemplatesAreListedWithTheirSchemaInline() {
        authorized().get(TEMPLATES).then().statusCode(200)
                .body("'@odata.context'", containsString("/synchronization/templates"))
                .body("value.id", hasItem("scim"))
                .body("value.find { it.id == 'scim' }.factoryTag", equalTo("CustomSCIM"))
                .body("value.find { it.id == 'scim' }.default", equalTo(true))
                .body("value.find { it.id == 'scim' }.discoverable", equalTo(true))
                .body("value.find { it.id == 'scim' }.schema.directories.name", hasItem("customappsso"))
                .body("value.find { it.id == 'scim' }.metadata.key", hasItem("galleryApplicationKey"));
    }

    @Test
    void expandSchemaIsAcceptedAndAnythingElseNamed() {
        authorized().queryParam("$expand", "schema").get(TEMPLATES).then().statusCode(200)
                .body("value[0].schema.synchronizationRules", not(empty()));
        authorized().queryParam("$expand", "schema").get(TEMPLATES + "/scim").then().statusCode(200)
                .body("schema.directories", not(empty()));
        authorized().queryParam("$expand", "schema,discoverabilities").get(TEMPLATES).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"))
                .body("error.message", containsString("'discoverabilities'"));
    }

    @Test
    void theApiDrivenInboundTemplateMatchesUploadedUsersByExternalIdAndNeverDeletes() {
        authorized().get(TEMPLATES + "/API2SCIM").then().statusCode(200)
                .body("factoryTag", equalTo("API2SCIM"))
                .body("discoverable", equalTo(true))
                .body("schema.directories.name", hasItem("API"))
                .body("schema.synchronizationRules[0].sourceDirectoryName", equalTo("API"))
                .body("schema.synchronizationRules[0].objectMappings[0].flowTypes", equalTo("Add,Update"))
                .body("schema.synchronizationRules[0].objectMappings[0].attributeMappings.find "
                        + "{ it.matchingPriority == 1 }.targetAttributeName", equalTo("externalId"))
                .body("schema.synchronizationRules[0].objectMappings[0].attributeMappings.find "
                        + "{ it.targetAttributeName == 'emails[type eq \"work\"].value' }.source.expression",
                        equalTo("[emails[type eq \"work\"].value]"));
    }

    @Test
    void theActiveDirectoryTemplateReadsUsersAndGroupsByObjectGuid() {
        authorized().get(TEMPLATES + "/AD2SCIM").then().statusCode(200)
                .body("factoryTag", equalTo("AD2SCIM"))
                .body("default", equalTo(false))
                .body("schema.directories.name", hasItem("Active Directory"))
                .body("schema.synchronizationRules[0].sourceDirectoryName", equalTo("Active Directory"))
                .body("schema.synchronizationRules[0].objectMappings.collect { it.attributeMappings.find "
                        + "{ m -> m.targetAttributeName == 'externalId' }.source.expression }",
                        equalTo(java.util.List.of("[objectGUID]", "[objectGUID]")))
                .body("schema.synchronizationRules[0].objectMappings[0].attributeMappings.find "
                        + "{ it.matchingPriority == 1 }.source.expression",
                        equalTo("Coalesce([userPrincipalName], [sAMAccountName])"));
    }

    @Test
    void theLdapTemplateBuildsTheDnFromTheDepartmentAndMatchesByEmployeeNumber() {
        authorized().get(TEMPLATES + "/API2LDAP").then().statusCode(200)
                .body("factoryTag", equalTo("API2LDAP"))
                .body("schema.synchronizationRules[0].targetDirectoryName", equalTo("LDAP"))
                .body("schema.synchronizationRules[0].objectMappings[0].targetObjectName", equalTo("inetOrgPerson"))
                .body("schema.synchronizationRules[0].objectMappings[0].attributeMappings.find "
                        + "{ it.matchingPriority == 1 }.targetAttributeName", equalTo("employeeNumber"))
                .body("schema.synchronizationRules[0].objectMappings[0].attributeMappings.find "
                        + "{ it.targetAttributeName == 'parentDistinguishedName' }.source.name", equalTo("Switch"));
    }

    @Test
    void theActiveDirectoryTargetTemplateChoosesUniqueNamesOnCreationOnly() {
        String userMapping = "schema.synchronizationRules[0].objectMappings[0].attributeMappings";
        authorized().get(TEMPLATES + "/API2AD").then().statusCode(200)
                .body("factoryTag", equalTo("API2AD"))
                .body("schema.synchronizationRules[0].sourceDirectoryName", equalTo("API"))
                .body("schema.synchronizationRules[0].targetDirectoryName", equalTo("AD"))
                .body(userMapping + ".find { it.matchingPriority == 1 }.targetAttributeName", equalTo("employeeID"))
                .body(userMapping + ".findAll { it.source.name == 'SelectUniqueValue' }.targetAttributeName",
                        equalTo(java.util.List.of("cn", "sAMAccountName", "userPrincipalName")))
                .body(userMapping + ".findAll { it.source.name == 'SelectUniqueValue' }.flowType",
                        everyItem(equalTo("ObjectAddOnly")))
                .body(userMapping + ".find { it.targetAttributeName == 'unicodePwd' }.source.name",
                        equalTo("Redact"));
        authorized().get(TEMPLATES + "/AD2LDAP").then().statusCode(200)
                .body("schema.synchronizationRules[0].sourceDirectoryName", equalTo("Active Directory"))
                .body("schema.synchronizationRules[0].objectMappings.targetObjectName",
                        equalTo(java.util.List.of("inetOrgPerson", "groupOfNames")))
                .body(userMapping + ".find { it.matchingPriority == 1 }.source.expression",
                        equalTo("[sAMAccountName]"));
    }

    @Test
    void selectLeavesOutTheSchema() {
        authorized().queryParam("$select", "id,factoryTag,default").get(TEMPLATES).then().statusCode(200)
                .body("value[0]", not(hasKey("schema")))
                .body("value[0].default", notNullValue());
    }

    @Test
    void templateAndItsSchemaByIdAndUnknownIds() {
        authorized().get(TEMPLATES + "/scim").then().statusCode(200).body("id", equalTo("scim"))
                .body("schema.synchronizationRules[0].objectMappings[0].attributeMappings.find "
                        + "{ it.targetAttributeName == 'active' }.source.name", equalTo("Switch"));
        authorized().get(TEMPLATES + "/scim/schema").then().statusCode(200)
                .body("synchronizationRules[0].sourceDirectoryName", equalTo("LDAP"));
        authorized().get(TEMPLATES + "/NoSuchTemplate").then().statusCode(404)
                .body("error.code", equalTo("itemNotFound"));
    }
}
