package org.opensync.mapping.expression;

import java.util.List;

/**
 * Prepares a function body for one call site, once, from its syntax: precompiles literal regular expressions and
 * rejects invalid literal arguments at parse time instead of on every object.
 */
@FunctionalInterface
interface FunctionBinder {
    FunctionBody bind(List<Expr> arguments);
}
