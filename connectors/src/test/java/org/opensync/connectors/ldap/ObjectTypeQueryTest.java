package org.opensync.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensync.sandbox.directory.InMemoryTestDirectory;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;

class ObjectTypeQueryTest {

    @Test
    void objectClassValuesAreEscaped() {
        assertThat(ObjectTypeQuery.objectClassFilter(List.of("inetOrgPerson"), List.of()))
                .isEqualTo("(objectClass=inetOrgPerson)");
        assertThat(ObjectTypeQuery.objectClassFilter(List.of("user", "contact"), List.of("computer")))
                .isEqualTo("(&(|(objectClass=user)(objectClass=contact))(!(objectClass=computer)))");
        assertThat(ObjectTypeQuery.objectClassFilter(List.of("x)(|(objectClass=*"), List.of()))
                .isEqualTo("(objectClass=x\\29\\28|\\28objectClass=\\2a)");
        assertThat(ObjectTypeQuery.objectClassFilter(List.of("nul\u0000\\"), List.of()))
                .isEqualTo("(objectClass=nul\\00\\5c)");
    }

    @Test
    void anInjectedClassNameMatchesNothingInARealDirectory() {
        try (InMemoryTestDirectory directory = new InMemoryTestDirectory()) {
            directory.load(new DirectoryDataGenerator().generate(5, 0));
            List<String> read = new ArrayList<>();
            try (LdapSource source = LdapSource.open(TestSettings.of(directory))) {
                source.fullRead(List.of(new ObjectTypeQuery("User", ObjectTypeQuery.objectClassFilter(
                        List.of("inetOrgPerson)(objectClass=*"), List.of()), Set.of("uid"))), e -> read.add(e.dn()));
                assertThat(read).isEmpty();
                source.fullRead(List.of(new ObjectTypeQuery("User", ObjectTypeQuery.objectClassFilter(
                        List.of("inetOrgPerson"), List.of()), Set.of("uid"))), e -> read.add(e.dn()));
                assertThat(read).hasSize(5);
            }
        }
    }
}
