// The scoping filter editor of an object mapping: groups of clauses, edited in place in the schema read, in the
// Graph filter shape (scope.groups[].clauses[] with sourceOperandName, operatorName, targetOperand.values), so the
// mapping page saves it with the rest of the schema. Only scope.groups is edited; categoryFilterGroups and
// inputFilterGroups are kept as read.
import { h, replace, field } from './dom.js';

/**
 * The operators the mapping engine evaluates (mapping-engine ScopeOperator; ConsoleScopeOperatorsTest keeps the two
 * lists equal), unary ones taking no values. The documented ones are those filterOperators lists; the others are
 * evaluated too, under the names the engine reads.
 */
export const OPERATORS = [
  { name: 'EQUALS', unary: false, documented: true },
  { name: 'NOT EQUALS', unary: false, documented: true },
  { name: 'IS TRUE', unary: true, documented: true },
  { name: 'IS FALSE', unary: true, documented: true },
  { name: 'IS NULL', unary: true, documented: true },
  { name: 'IS NOT NULL', unary: true, documented: true },
  { name: 'REGEX MATCH', unary: false, documented: true },
  { name: 'NOT REGEX MATCH', unary: false, documented: true },
  { name: 'Greater_Than', unary: false, documented: false },
  { name: 'Greater_Than_OR_EQUALS', unary: false, documented: false },
  { name: 'Less_Than', unary: false, documented: false },
  { name: 'Less_Than_OR_EQUALS', unary: false, documented: false },
  { name: 'Includes', unary: false, documented: false },
  { name: 'Excludes', unary: false, documented: false },
  { name: 'ENDS_WITH', unary: false, documented: false },
  { name: '&', unary: false, documented: false },
  { name: '!&', unary: false, documented: false },
];

function operator(name) {
  return OPERATORS.find((op) => op.name.toUpperCase() === String(name || '').toUpperCase());
}

/**
 * The editor of {@code mapping.scope.groups}. {@code attributes}: the source object's attribute definitions, offered
 * as suggestions (multi-valued ones cannot be filtered on, so they are left out).
 */
export function scopeEditor(mapping, attributes) {
  const section = h('section', { id: 'scope-editor', 'aria-labelledby': 'scope-heading' });
  const suggestions = h('datalist', { id: 'scope-attributes' }, attributes.filter((a) => !a.multivalued)
    .map((a) => h('option', { value: a.name }, a.type)));

  function groups() {
    mapping.scope = mapping.scope || { categoryFilterGroups: [], inputFilterGroups: [], groups: [] };
    mapping.scope.groups = mapping.scope.groups || [];
    return mapping.scope.groups;
  }

  /** Draws the groups again after one was added or removed, and puts the focus where the admin goes on typing. */
  function render(focus) {
    const all = mapping.scope?.groups || [];
    replace(section, h('h2', { id: 'scope-heading' }, 'Scoping filter'),
      h('p', { className: 'muted' }, 'An object is in scope when all clauses of at least one group hold. No group: '
        + 'every object is in scope.'), suggestions,
      all.map((group, g) => groupEditor(group, g)),
      h('button', { type: 'button', id: 'add-scope-group', onclick: () => {
        groups().push({ name: '', clauses: [newClause()] });
        render(`[data-group="${groups().length - 1}"] [data-clause="0"] input`);
      } }, 'Add group'));
    if (focus) {
      section.querySelector(focus)?.focus();
    }
  }

  function groupEditor(group, g) {
    const label = `group ${g + 1}`;
    return h('fieldset', { className: 'scope-group', 'data-group': g },
      h('legend', {}, `Group ${g + 1}${group.name ? `: ${group.name}` : ''} (all clauses must hold)`),
      field('Group name (optional)', h('input', { value: group.name || '', 'data-role': 'group-name',
        oninput: (event) => { group.name = event.target.value; } })),
      (group.clauses || []).map((clause, c) => clauseEditor(group, g, clause, c)),
      h('div', { className: 'row' },
        h('button', { type: 'button', 'data-action': 'add-clause', 'aria-label': `Add a clause to ${label}`,
          onclick: () => {
            group.clauses = [...(group.clauses || []), newClause()];
            render(`[data-group="${g}"] [data-clause="${group.clauses.length - 1}"] input`);
          } }, 'Add clause'),
        h('button', { type: 'button', 'data-action': 'remove-group', 'aria-label': `Remove ${label}`, onclick: () => {
          groups().splice(g, 1);
          render('#add-scope-group');
        } }, 'Remove group')));
  }

  function clauseEditor(group, g, clause, c) {
    const label = `Clause ${c + 1} of group ${g + 1}`;
    const attribute = h('input', { value: clause.sourceOperandName || '', list: 'scope-attributes', required: true,
      'data-role': 'attribute', oninput: (event) => { clause.sourceOperandName = event.target.value.trim(); } });
    const known = operator(clause.operatorName);
    const operators = h('select', { 'data-role': 'operator' },
      h('optgroup', { label: 'Documented' }, OPERATORS.filter((op) => op.documented).map(option)),
      h('optgroup', { label: 'Also evaluated' }, OPERATORS.filter((op) => !op.documented).map(option)),
      // A name the console does not know stays as read rather than being replaced on save
      known ? null : h('option', { value: clause.operatorName }, clause.operatorName));
    operators.value = known ? known.name : clause.operatorName;
    const values = h('textarea', { rows: 2, className: 'code', spellcheck: false, 'data-role': 'values',
      value: (clause.targetOperand?.values || []).join('\n'),
      oninput: (event) => {
        clause.targetOperand = { values: event.target.value.split('\n').filter((line) => line !== '') };
      } });
    const valuesField = field('Values (one a line)', values);
    const showValues = () => {
      valuesField.hidden = Boolean(operator(clause.operatorName)?.unary);
    };
    operators.addEventListener('change', () => {
      clause.operatorName = operators.value;
      if (operator(clause.operatorName)?.unary) {
        clause.targetOperand = { values: [] };
        values.value = '';
      }
      showValues();
    });
    showValues();
    // A labelled group: a screen reader names the clause when the focus enters its fields
    return h('div', { className: 'row scope-clause', role: 'group', 'aria-label': label, 'data-clause': c },
      field('Source attribute', attribute), field('Operator', operators), valuesField,
      h('button', { type: 'button', 'data-action': 'remove-clause', 'aria-label': `Remove ${label.toLowerCase()}`,
        onclick: () => {
          group.clauses.splice(c, 1);
          render(`[data-group="${g}"] [data-action="add-clause"]`);
        } }, 'Remove clause'));
  }

  render();
  return section;
}

function option(op) {
  return h('option', { value: op.name }, op.name);
}

function newClause() {
  return { sourceOperandName: '', operatorName: 'EQUALS', targetOperand: { values: [] } };
}
