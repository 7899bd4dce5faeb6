package org.opensync.connectors.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opensync.connectors.ldap.export.LdapTarget;
import org.opensync.connectors.ldap.export.MatchingValue;
import org.opensync.connectors.ldap.export.TargetDns;
import org.opensync.connectors.ldap.export.TargetEntry;

/**
 * An LDAP directory (OpenLDAP, Active Directory) as a provisioning target, around {@link LdapTarget}. An object's id
 * is its DN, which an update returns anew after a rename or move. Three kinds of target attributes are not written as
 * attributes:
 * <ul>
 *   <li>{@value #CONTAINER}: the container the entry lives in; with the naming attribute's value ({@code cn} by
 *       default) it makes the DN, so a changed department's container is a move;</li>
 *   <li>{@value #ACTIVE}: false disables the account the directory's way (AD's ACCOUNTDISABLE bit, a marker attribute,
 *       a move to a leavers container), true enables it again;</li>
 *   <li>{@code userPassword} / {@code unicodePwd}: the initial password, set on create only (on AD only over an
 *       encrypted connection) and never sent again.</li>
 * </ul>
 * References (group members, {@code manager}) are DNs, the ids of the referenced entries.
 */
public final class LdapProvisioningTarget implements ProvisioningTarget {
    public static final String CONTAINER = "parentDistinguishedName";
    public static final String ACTIVE = "active";
    public static final String DEFAULT_NAMING_ATTRIBUTE = "cn";

    private static final String ACCOUNT_CONTROL = "userAccountControl";
    /** userAccountControl NORMAL_ACCOUNT, and with ACCOUNTDISABLE. */
    private static final String NORMAL_ACCOUNT = "512";
    private static final String NORMAL_ACCOUNT_DISABLED = "514";
    private static final Set<String> PASSWORDS = names(List.of("userPassword", "unicodePwd"));
    private static final Set<String> GROUP_CLASSES = names(List.of("groupOfNames", "groupOfUniqueNames", "group"));

    private final LdapTarget directory;
    private final String baseDn;
    private final String namingAttribute;
    private final String system;

    /**
     * @param baseDn the job's base DN: the container of entries whose mapping computes none
     * @param system the server's host, named in logs
     */
    public LdapProvisioningTarget(LdapTarget directory, String baseDn, String namingAttribute, String system) {
        this.directory = directory;
        this.baseDn = baseDn;
        this.namingAttribute = namingAttribute;
        this.system = system;
    }

    /** Any object class; group classes hold their members in {@code member} ({@code uniqueMember}). */
    @Override
    public Optional<TargetType> type(String targetObjectName) {
        return Optional.of(new TargetType(targetObjectName, GROUP_CLASSES.contains(targetObjectName)));
    }

    @Override
    public Optional<TargetObject> findUnique(TargetType type, String attribute, String value,
                                             List<String> attributes) {
        return directory.match(type.name(), List.of(new MatchingValue(attribute, value)), stored(attributes))
                .map(entry -> object(entry, attributes));
    }

    @Override
    public boolean valueTaken(TargetType type, String attribute, String value) {
        return directory.valueTaken(attribute, value);
    }

    @Override
    public Optional<TargetObject> read(TargetType type, String id, List<String> attributes) {
        return directory.read(id, stored(attributes)).map(entry -> object(entry, attributes));
    }

    @Override
    public boolean exists(TargetType type, String id) {
        return directory.read(id, List.of("objectClass")).isPresent();
    }

    /**
     * A group is created with itself as its first member: {@code groupOfNames} must have one, and the engine adds the
     * real members right after (removing this one). An Active Directory user the mapping gives no
     * {@code userAccountControl} is created as a normal account, enabled or disabled as {@value #ACTIVE} says (it then
     * needs a password mapping where the domain's password policy applies).
     */
    @Override
    public String create(TargetType type, Map<String, Object> image) {
        String dn = dn(image);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("objectClass", objectClasses(type));
        image.forEach((name, value) -> {
            if (written(name)) {
                attributes.put(name, values(value));
            }
        });
        if (directory.activeDirectory() && type.name().equalsIgnoreCase("user")) {
            // Without userAccountControl, AD creates the account disabled and without a password requirement
            attributes.putIfAbsent(ACCOUNT_CONTROL, List.of(Boolean.FALSE.equals(image.get(ACTIVE))
                    ? NORMAL_ACCOUNT_DISABLED : NORMAL_ACCOUNT));
        }
        if (type.group()) {
            attributes.putIfAbsent(memberAttribute(type), List.of(dn));
        }
        String password = image.entrySet().stream().filter(e -> PASSWORDS.contains(e.getKey()))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null);
        directory.create(dn, attributes, password);
        return Boolean.FALSE.equals(image.get(ACTIVE)) ? directory.disable(dn) : dn;
    }

    /** Passwords are set on create only, so they never make a difference. */
    @Override
    public boolean differs(Map<String, Object> exported, Map<String, Object> desired) {
        return desired.entrySet().stream().anyMatch(e -> !PASSWORDS.contains(e.getKey())
                && !new HashSet<>(values(e.getValue())).equals(new HashSet<>(values(exported.get(e.getKey())))));
    }

    /** Moves or renames when the DN changed, modifies what differs, then disables or enables as asked. */
    @Override
    public String update(TargetType type, String id, Map<String, Object> exported, Map<String, Object> desired) {
        Map<String, Object> merged = new LinkedHashMap<>(exported);
        merged.putAll(desired);
        Map<String, List<String>> current = new LinkedHashMap<>();
        exported.forEach((name, value) -> {
            if (written(name)) {
                current.put(name, values(value));
            }
        });
        Map<String, List<String>> changes = new LinkedHashMap<>();
        desired.forEach((name, value) -> {
            if (written(name)) {
                changes.put(name, values(value));
            }
        });
        String dn = directory.update(new TargetEntry(id, current), dn(merged, id), changes).dn();
        boolean wasActive = !Boolean.FALSE.equals(exported.get(ACTIVE));
        boolean active = !Boolean.FALSE.equals(merged.get(ACTIVE));
        if (wasActive && !active) {
            return directory.disable(dn);
        }
        if (!wasActive && active) {
            directory.enable(dn);
        }
        return dn;
    }

    @Override
    public void clear(TargetType type, String id, String attribute, Object exportedValue) {
        directory.update(new TargetEntry(id, Map.of(attribute, values(exportedValue))), id,
                Map.of(attribute, List.of()));
    }

    @Override
    public void delete(TargetType type, String id) {
        directory.delete(id);
    }

    /** Also drops the group's own DN, the placeholder member it was created with. */
    @Override
    public void addMembers(TargetType type, String groupId, Collection<String> memberIds) {
        directory.updateReferences(groupId, memberAttribute(type), memberIds,
                memberIds.contains(groupId) ? List.of() : List.of(groupId));
    }

    @Override
    public void removeMembers(TargetType type, String groupId, Collection<String> memberIds) {
        directory.updateReferences(groupId, memberAttribute(type), List.of(), memberIds);
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public void close() {
        directory.close();
    }

    /** The DN the image asks for; without a naming value or container, the current entry's. */
    private String dn(Map<String, Object> image, String currentDn) {
        DN current = parse(currentDn);
        Object container = image.get(CONTAINER);
        DN parent = container == null ? current.getParent() : parse(String.valueOf(container));
        Object naming = image.get(namingAttribute);
        return naming == null ? new DN(current.getRDN(), parent).toString()
                : TargetDns.child(namingAttribute, first(naming), parent.toString());
    }

    /**
     * A new entry's DN: the naming attribute's value in the mapping's container, else in the base DN. An entry
     * without a value of it is named by {@value #DEFAULT_NAMING_ATTRIBUTE}: groups, when people are named by uid.
     */
    private String dn(Map<String, Object> image) {
        Object container = image.get(CONTAINER);
        String naming = image.get(namingAttribute) != null ? namingAttribute : DEFAULT_NAMING_ATTRIBUTE;
        return TargetDns.child(naming, first(image.get(naming)),
                container == null ? baseDn : String.valueOf(container));
    }

    private static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("'" + dn + "' is not a DN", e);
        }
    }

    private TargetObject object(TargetEntry entry, List<String> attributes) {
        Map<String, Object> image = new LinkedHashMap<>();
        for (String name : attributes) {
            if (name.equalsIgnoreCase(CONTAINER)) {
                image.put(name, TargetDns.parent(entry.dn()));
            } else if (written(name)) {
                List<String> values = entry.values(name);
                if (!values.isEmpty()) {
                    image.put(name, values.size() == 1 ? values.get(0) : values);
                }
            }
        }
        return new TargetObject(entry.dn(), image);
    }

    /** The directory attributes to read for these target attributes. */
    private List<String> stored(List<String> attributes) {
        List<String> names = new ArrayList<>(attributes.stream().filter(LdapProvisioningTarget::written).toList());
        names.add(namingAttribute);
        return names;
    }

    private static boolean written(String name) {
        return !name.equalsIgnoreCase(CONTAINER) && !name.equalsIgnoreCase(ACTIVE) && !PASSWORDS.contains(name);
    }

    private static List<String> objectClasses(TargetType type) {
        return switch (type.name()) {
            case "inetOrgPerson" -> List.of("top", "person", "organizationalPerson", "inetOrgPerson");
            case "user" -> List.of("top", "person", "organizationalPerson", "user");
            default -> List.of("top", type.name());
        };
    }

    private static String memberAttribute(TargetType type) {
        return "groupOfUniqueNames".equalsIgnoreCase(type.name()) ? "uniqueMember" : "member";
    }

    /** LDAP values are strings; booleans in LDAP's form. */
    static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof Boolean flag) {
            return List.of(flag ? "TRUE" : "FALSE");
        }
        return List.of(String.valueOf(value));
    }

    private static String first(Object value) {
        List<String> values = values(value);
        return values.isEmpty() ? null : values.get(0);
    }

    private static Set<String> names(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
