/**
 * The expression value model and object images: the attribute values of one source or
 * target object as the engine sees them.
 */
package org.opensync.mapping.value;
