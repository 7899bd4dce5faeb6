/**
 * Scoping filters: which source objects an object mapping provisions. Filter groups are
 * OR-ed, clauses inside a group AND-ed; every comparison is ordinal and case-sensitive; a clause on a null or empty
 * attribute is false except {@code IS NULL}.
 */
package org.opensync.mapping.scoping;
