package org.opensync.mapping.scoping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.Filter;
import org.opensync.mapping.model.FilterClause;
import org.opensync.mapping.model.FilterGroup;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ScopeOperatorType;
import org.opensync.mapping.regex.RegexBudgetExceededException;
import org.opensync.mapping.value.ObjectImage;

/**
 * A compiled {@code objectMapping.scope}: immutable, thread-safe, evaluated per object. An absent filter or an empty
 * group set lets every object pass (the default for all connectors).
 */
public final class ScopingFilter {
    /** Everything in scope. */
    public static final ScopingFilter NONE = new ScopingFilter(List.of(), List.of(), List.of());
    private static final int MAX_WHY_NOT = 1_000;

    private final List<List<Clause>> groups;
    private final List<List<Clause>> inputFilterGroups;
    private final List<List<Clause>> categoryFilterGroups;

    private ScopingFilter(List<List<Clause>> groups, List<List<Clause>> inputFilterGroups,
            List<List<Clause>> categoryFilterGroups) {
        this.groups = groups;
        this.inputFilterGroups = inputFilterGroups;
        this.categoryFilterGroups = categoryFilterGroups;
    }

    public static ScopingFilter compile(Filter filter) {
        return compile(filter, null, ScopingOptions.DEFAULT);
    }

    /**
     * @param sourceDefinition when non-null, clause attributes must exist on it, be single-valued (multi-valued
     *                         attributes cannot be filtered) and have a type the operator supports
     * @throws InvalidScopingFilterException listing every problem with its JSON path
     */
    public static ScopingFilter compile(Filter filter, ObjectDefinition sourceDefinition, ScopingOptions options) {
        if (filter == null) {
            return NONE;
        }
        List<String> problems = new ArrayList<>();
        Compiler compiler = new Compiler(sourceDefinition, options, problems);
        ScopingFilter compiled = new ScopingFilter(compiler.groups("groups", filter.groups()),
                compiler.groups("inputFilterGroups", filter.inputFilterGroups()),
                compiler.groups("categoryFilterGroups", filter.categoryFilterGroups()));
        if (!problems.isEmpty()) {
            throw new InvalidScopingFilterException(problems);
        }
        return compiled;
    }

    public ScopeDecision evaluate(ObjectImage source) {
        if (this == NONE) {
            return ScopeDecision.ALL_PASS;
        }
        try {
            boolean inScope = anyGroup(groups, source);
            boolean passesInputFilter = anyGroup(inputFilterGroups, source);
            boolean inCategory = anyGroup(categoryFilterGroups, source);
            String whyNot = !inScope ? whyNot("groups", groups, source)
                    : !passesInputFilter ? whyNot("inputFilterGroups", inputFilterGroups, source)
                    : !inCategory ? whyNot("categoryFilterGroups", categoryFilterGroups, source) : null;
            return new ScopeDecision(inScope, passesInputFilter, inCategory, null, whyNot);
        } catch (RegexBudgetExceededException e) {
            return new ScopeDecision(false, false, false, e.getMessage(), null);
        }
    }

    /** The first failing clause of each group (every group failed), bounded for logs and answers. */
    private static String whyNot(String property, List<List<Clause>> groupSet, ObjectImage source) {
        StringBuilder why = new StringBuilder(property).append(": ");
        for (int g = 0; g < groupSet.size(); g++) {
            for (Clause clause : groupSet.get(g)) {
                if (!clause.test(source)) {
                    why.append(g == 0 ? "" : "; ").append("group ").append(g + 1).append(": ")
                            .append(clause.describeFailure(source));
                    break;
                }
            }
            if (why.length() > MAX_WHY_NOT) {
                return why.substring(0, MAX_WHY_NOT) + "…";
            }
        }
        return why.toString();
    }

    private static boolean anyGroup(List<List<Clause>> groupSet, ObjectImage source) {
        if (groupSet.isEmpty()) {
            return true;
        }
        for (List<Clause> group : groupSet) {
            if (allClauses(group, source)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allClauses(List<Clause> group, ObjectImage source) {
        for (Clause clause : group) {
            if (!clause.test(source)) {
                return false;
            }
        }
        return true;
    }

    private record Compiler(ObjectDefinition definition, ScopingOptions options, List<String> problems) {
        List<List<Clause>> groups(String property, List<FilterGroup> filterGroups) {
            List<List<Clause>> compiled = new ArrayList<>();
            for (int g = 0; g < filterGroups.size(); g++) {
                List<Clause> clauses = new ArrayList<>();
                List<FilterClause> written = filterGroups.get(g).clauses();
                for (int c = 0; c < written.size(); c++) {
                    clause(property + "[" + g + "].clauses[" + c + "]", written.get(c)).ifPresent(clauses::add);
                }
                compiled.add(List.copyOf(clauses));
            }
            return List.copyOf(compiled);
        }

        private Optional<Clause> clause(String path, FilterClause clause) {
            Optional<ScopeOperator> operator = ScopeOperator.byGraphName(clause.operatorName());
            if (operator.isEmpty()) {
                problems.add(path + ": unknown operatorName '" + clause.operatorName() + "'");
                return Optional.empty();
            }
            String attribute = clause.sourceOperandName();
            if (attribute == null || attribute.isEmpty()) {
                problems.add(path + ": sourceOperandName is required");
                return Optional.empty();
            }
            List<String> operands = clause.targetOperand() == null ? List.of() : clause.targetOperand().values();
            if (operator.get().arity() == ScopeOperatorType.Binary && operands.isEmpty()) {
                problems.add(path + ": " + operator.get().graphName() + " needs at least one targetOperand value");
                return Optional.empty();
            }
            if (definition != null && !attributeAccepted(path, attribute, operator.get())) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Clause(attribute, operator.get(), operands, !options.regexSubstringMatch()));
            } catch (IllegalArgumentException e) {
                problems.add(path + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        private boolean attributeAccepted(String path, String attribute, ScopeOperator operator) {
            Optional<AttributeDefinition> declared = definition.attribute(attribute);
            if (declared.isEmpty()) {
                problems.add(path + ": sourceOperandName '" + attribute + "' is not an attribute of object '"
                        + definition.name() + "'");
            } else if (declared.get().multivalued()) {
                problems.add(path + ": '" + attribute + "' is multi-valued, and multi-valued attributes cannot be "
                        + "used in scoping filters");
            } else if (!operator.supportedAttributeTypes().contains(declared.get().type())) {
                problems.add(path + ": " + operator.graphName() + " does not support " + declared.get().type()
                        + " attributes such as '" + attribute + "'");
            } else {
                return true;
            }
            return false;
        }
    }
}
