/**
 * The mapping expression language: parsing to a syntax tree, conversion to and from the
 * Graph {@code attributeMappingSource} tree, and evaluation.
 *
 * <p>Entry point: {@link org.opensync.mapping.expression.Expressions}. A {@link
 * org.opensync.mapping.expression.ParsedExpression} is immutable, thread-safe and meant to be parsed once and
 * evaluated for many objects.
 */
package org.opensync.mapping.expression;
