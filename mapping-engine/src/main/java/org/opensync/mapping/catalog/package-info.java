/**
 * What the Graph schema endpoints serve: the function catalogue ({@code GET .../schema/functions}), the filter
 * operator catalogue ({@code GET .../schema/filterOperators}) and {@code POST .../schema/parseExpression}. HTTP
 * services stay thin: they map {@link org.opensync.mapping.catalog.InvalidRequestException} to 400 and return the
 * rest as 200 bodies.
 */
package org.opensync.mapping.catalog;
