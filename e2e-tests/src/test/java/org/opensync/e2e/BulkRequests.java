package org.opensync.e2e;

import java.util.List;

/** SCIM BulkRequests as an HR system posts them to {@code bulkUpload}: core and enterprise user, one POST each. */
final class BulkRequests {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private BulkRequests() {
    }

    /**
     * The operation for employee {@code E-i} (userName {@code hire<i>@example.org}), whose manager is named by
     * externalId, or null.
     */
    static String hire(int i, String department, String title, boolean active, String managerExternalId) {
        String manager = managerExternalId == null ? "" : ",\"manager\":{\"value\":\"" + managerExternalId + "\"}";
        return """
                {"method":"POST","bulkId":"b-%1$d","path":"/Users","data":{"schemas":[
                "urn:ietf:params:scim:schemas:core:2.0:User","%2$s"],"externalId":"E-%1$d",
                "userName":"hire%1$d@example.org","displayName":"Hire %1$d",
                "name":{"givenName":"Given%1$d","familyName":"Family%1$d"},
                "emails":[{"value":"hire%1$d@example.org","type":"work","primary":true}],
                "title":"%3$s","active":%4$s,"%2$s":{"department":"%5$s"%6$s}}}"""
                .formatted(i, ENTERPRISE, title, active, department, manager);
    }

    static String of(List<String> operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + String.join(",", operations) + "],\"failOnErrors\":null}";
    }
}
