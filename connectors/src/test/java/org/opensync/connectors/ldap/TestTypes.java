package org.opensync.connectors.ldap;

import java.util.List;
import java.util.Set;

/** The two object types the tests read, as a change detector would configure them. */
final class TestTypes {

    static final ObjectTypeQuery USERS = new ObjectTypeQuery("User", "(objectClass=inetOrgPerson)",
            Set.of("uid", "cn", "givenName", "sn", "mail", "title", "departmentNumber", "manager", "employeeNumber"),
            "ou=people");
    static final ObjectTypeQuery GROUPS = new ObjectTypeQuery("Group", "(objectClass=groupOfNames)",
            Set.of("cn", "description", "member"), "ou=groups");
    static final List<ObjectTypeQuery> BOTH = List.of(USERS, GROUPS);

    private TestTypes() {
    }
}
