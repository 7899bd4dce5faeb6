package org.opensync.jobapi.application;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;

/**
 * The application templates this service offers: Entra's well-known template for a custom (non-gallery) application,
 * whose instances are provisioned with any synchronization template (the built-in {@code scim} one among them), and
 * the SCIM 2.0 provisioning application the product ships.
 */
public final class ApplicationTemplates {
    /** Entra's id for "create your own application"; clients hard-code it. */
    public static final String CUSTOM = "8adf8e6e-67b2-4cf2-a259-e3dc5476c621";

    static final List<ApplicationTemplate> ALL = List.of(
            new ApplicationTemplate(CUSTOM, "Custom", "Integrate any other application that you don't find in the "
                    + "gallery (non-gallery); provision it with a SCIM 2.0 synchronization template.", "Microsoft "
                    + "Corporation", List.of(), List.of("sync"), List.of("password", "saml", "notSupported", "oidc"),
                    null, null, List.of("WindowsAzureActiveDirectoryIntegratedApp",
                    "WindowsAzureActiveDirectoryCustomSingleSignOnApplication")),
            new ApplicationTemplate("3d7f2c4e-91b8-4a6d-b0e5-6c2a8f1d9e47", "OpenSync SCIM 2.0 provisioning",
                    "Provisions users and groups from Active Directory or LDAP to a SCIM 2.0 service.", "OpenSync",
                    List.of("provisioning", "developerServices"), List.of("sync"), List.of("notSupported"), null,
                    null, List.of("WindowsAzureActiveDirectoryIntegratedApp")));

    private static final Pattern EQ = Pattern.compile("(?i)^\\s*(displayName|id)\\s+eq\\s+'((?:[^']|'')*)'\\s*$");
    private static final Pattern STARTS_WITH =
            Pattern.compile("(?i)^\\s*startswith\\(\\s*displayName\\s*,\\s*'((?:[^']|'')*)'\\s*\\)\\s*$");

    private ApplicationTemplates() {
    }

    public static Optional<ApplicationTemplate> find(String id) {
        return ALL.stream().filter(template -> template.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * The templates a {@code $filter} selects, in catalogue order. Supported: {@code displayName eq '…'},
     * {@code id eq '…'} and {@code startswith(displayName,'…')}, comparing text case-insensitively as the directory
     * does; anything else is 400.
     */
    static List<ApplicationTemplate> filter(String filter) {
        if (filter == null || filter.isBlank()) {
            return ALL;
        }
        Matcher eq = EQ.matcher(filter);
        Matcher startsWith = STARTS_WITH.matcher(filter);
        Stream<ApplicationTemplate> all = ALL.stream();
        if (eq.matches()) {
            String value = literal(eq.group(2));
            boolean byId = eq.group(1).equalsIgnoreCase("id");
            return all.filter(t -> (byId ? t.id() : t.displayName()).equalsIgnoreCase(value)).toList();
        }
        if (startsWith.matches()) {
            String prefix = literal(startsWith.group(1)).toLowerCase(Locale.ROOT);
            return all.filter(t -> t.displayName().toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
        }
        throw new GraphException(400, ErrorCode.UNSUPPORTED_QUERY, "Unsupported $filter on applicationTemplates: "
                + "use displayName eq '…', id eq '…' or startswith(displayName,'…').", "$filter");
    }

    private static String literal(String quoted) {
        return quoted.replace("''", "'");
    }
}
