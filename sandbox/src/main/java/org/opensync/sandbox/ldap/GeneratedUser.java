package org.opensync.sandbox.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
  * One generated person. {@code department} is written to {@code departmentNumber}: inetOrgPerson has no
  * {@code department} attribute, and the LDIF must load into a stock OpenLDAP schema.
  */
public record GeneratedUser(
        int index,
        String uid,
        String givenName,
        String surname,
        String displayName,
        String mail,
        String title,
        String department,
        String employeeNumber,
        String telephoneNumber,
        String mobile,
        String locality,
        String state,
        String postalCode,
        String street,
        String office,
        String preferredLanguage,
        String managerUid) {

    public String dn() {
        return DirectoryLayout.userDn(uid);
    }

    public String cn() {
        return givenName + " " + surname;
    }

    public Optional<String> managerDn() {
        return Optional.ofNullable(managerUid).map(DirectoryLayout::userDn);
    }

    public Entry toEntry() {
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid),
                new Attribute("cn", cn()),
                new Attribute("sn", surname),
                new Attribute("givenName", givenName),
                new Attribute("displayName", displayName),
                new Attribute("mail", mail),
                new Attribute("title", title),
                new Attribute("departmentNumber", department),
                new Attribute("employeeNumber", employeeNumber),
                new Attribute("telephoneNumber", telephoneNumber),
                new Attribute("mobile", mobile),
                new Attribute("l", locality),
                new Attribute("st", state),
                new Attribute("postalCode", postalCode),
                new Attribute("street", street),
                new Attribute("physicalDeliveryOfficeName", office),
                new Attribute("preferredLanguage", preferredLanguage)));
        managerDn().ifPresent(dn -> attributes.add(new Attribute("manager", dn)));
        return new Entry(dn(), attributes);
    }
}
