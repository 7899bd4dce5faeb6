/**
 * The expression value model (provisioning-behavior §3.2) and object images: the attribute values of one source or
 * target object as the engine sees them.
 */
package org.opensync.mapping.value;
