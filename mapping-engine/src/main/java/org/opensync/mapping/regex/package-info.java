/**
 * .NET-compatible regular expressions on top of {@link java.util.regex}: pattern translation (named groups,
 * group numbering, character-class subtraction), .NET replacement substitutions, and bounded matching so that a
 * pathological pattern fails clearly instead of hanging a provisioning cycle.
 */
package org.opensync.mapping.regex;
