package org.opensync.connectors.target;

/**
 * A kind of object a target holds, as the target names it: a SCIM resource type ({@code User}, {@code Group}) or an
 * LDAP object class ({@code inetOrgPerson}, {@code groupOfNames}).
 *
 * @param group whether its objects have members (written with add/remove of member references) rather than being
 *              accounts (which are disabled instead of deleted when they leave scope)
 */
public record TargetType(String name, boolean group) {
}
