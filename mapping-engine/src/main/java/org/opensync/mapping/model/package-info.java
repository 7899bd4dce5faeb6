/**
 * The Microsoft Graph {@code synchronization} schema types as Jackson-friendly records.
 *
 * <p>Conventions shared by every type here, so that the HTTP services and the engine agree on one model:
 * <ul>
 *   <li>Record component names are the exact JSON property names.</li>
 *   <li>Unknown properties (for example {@code @odata.type}) are ignored on input; every declared property is
 *       written on output, {@code null} for unset scalars and {@code []} for empty collections (collections are never
 *       null after construction).</li>
 *   <li>Enum constants are spelled exactly as the wire members (hence the unusual capitalisation); input is matched
 *       case-insensitively because the documentation examples use other casings (e.g. {@code "string"}).</li>
 *   <li>Flag enums ({@code objectFlowTypes}, {@code directoryDefinitionDiscoverabilities}) are {@code Set}s: parsed
 *       from comma-separated members with optional spaces, written comma-joined without spaces; the {@code None}
 *       member is the empty set.</li>
 * </ul>
 */
package org.opensync.mapping.model;
