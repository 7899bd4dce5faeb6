/**
 * Attribute mapping application: an {@code objectMapping} compiled once into a
 * {@link org.opensync.mapping.apply.CompiledObjectMapping}, then applied to each source object to compute the target
 * attribute changes, the matching values and the scoping decision.
 */
package org.opensync.mapping.apply;
