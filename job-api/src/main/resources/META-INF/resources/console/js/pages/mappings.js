// The mapping editor: object mappings, attribute mappings (source expression, target, matching precedence, flow),
// the scoping filter (scoping.js); an expression box evaluated as you type (parseExpression); save with PATCH; the
// changes against the job's template.
import { h, replace, table, field, notice, failure } from '../dom.js';
import { get, graph, post, jobPath } from '../graph.js';
import { errorPosition, testProperties, attributesOf } from '../expression.js';
import { scopeEditor } from '../scoping.js';

const FLOW_BEHAVIORS = ['FlowWhenChanged', 'FlowAlways'];
const FLOW_TYPES = ['Always', 'ObjectAddOnly', 'MultiValueAddOnly', 'ValueAddOnly', 'AttributeAddOnly'];
const TYPING_PAUSE_MS = 250;

export async function render(main, [spId, jobId]) {
  const path = jobPath(spId, jobId);
  const job = await get(path);
  const [schema, template] = await Promise.all([get(`${path}/schema`),
    get(`/servicePrincipals/${encodeURIComponent(spId)}/synchronization/templates/`
      + `${encodeURIComponent(job.templateId)}`).catch(() => null)]);
  const mappings = [];
  schema.synchronizationRules.forEach((rule, r) => (rule.objectMappings || []).forEach((mapping, m) =>
    mappings.push({ label: `${rule.name || rule.id}: ${mapping.name}`, r, m })));
  const choice = h('select', { id: 'object-mapping', onchange: () => show() },
    mappings.map((entry, i) => h('option', { value: i }, entry.label)));
  const view = h('div');
  const editor = h('div');
  const diff = h('section', { className: 'panel', id: 'template-diff' });
  const saveButton = h('button', { type: 'button', className: 'primary', id: 'save-schema', onclick: save },
    'Save mappings');
  replace(main, h('h1', {}, `Mappings of ${jobId}`),
    h('p', {}, h('a', { href: `#/jobs/${encodeURIComponent(spId)}/${encodeURIComponent(jobId)}` }, 'Back to the job')),
    field('Object mapping', choice), view, editor, h('p', {}, saveButton), diff);

  function current() {
    const entry = mappings[Number(choice.value)];
    return schema.synchronizationRules[entry.r].objectMappings[entry.m];
  }

  /** The attribute definitions of the current mapping's source object, from the schema's source directory. */
  function sourceAttributes() {
    const rule = schema.synchronizationRules[mappings[Number(choice.value)].r];
    const directory = (schema.directories || []).find((d) => d.name === rule.sourceDirectoryName);
    return (directory?.objects || []).find((o) => o.name === current().sourceObjectName)?.attributes || [];
  }

  function show() {
    const mapping = current();
    const rows = (mapping.attributeMappings || []).map((attribute, i) => h('tr', { 'data-target':
      attribute.targetAttributeName },
    h('td', { className: 'code' }, attribute.source?.expression ?? ''), h('td', {}, attribute.targetAttributeName),
    h('td', {}, attribute.matchingPriority || ''), h('td', {}, attribute.flowBehavior),
    h('td', {}, attribute.flowType),
    h('td', {}, h('button', { type: 'button', onclick: () => edit(i),
      'aria-label': `Edit the mapping of ${attribute.targetAttributeName}` }, 'Edit'))));
    replace(view, h('section', { className: 'panel' },
      h('p', {}, `${mapping.sourceObjectName} → ${mapping.targetObjectName} · `,
        h('label', { className: 'inline' }, h('input', { type: 'checkbox', checked: mapping.enabled,
          onchange: (event) => { mapping.enabled = event.target.checked; } }), ' enabled')),
      h('h2', {}, 'Attribute mappings'),
      table(['Source expression', 'Target attribute', 'Matching precedence', 'Flow behaviour', 'Flow type', ''],
        rows),
      h('button', { type: 'button', onclick: () => edit(-1) }, 'Add attribute mapping'),
      scopeEditor(mapping, sourceAttributes())));
    replace(editor);
  }

  /** The expression box for mapping {@code index} (-1: a new one), applied to the schema in memory. */
  function edit(index) {
    const mapping = current();
    const existing = index >= 0 ? mapping.attributeMappings[index] : null;
    const expression = h('textarea', { id: 'expression', rows: 2, className: 'code', spellcheck: false,
      value: existing?.source?.expression || '' });
    const echo = h('div', { className: 'expression-echo', id: 'expression-echo', 'aria-hidden': 'true' });
    const names = [...attributesOf(existing?.source)];
    const testObject = h('textarea', { id: 'test-object', rows: 4, className: 'code', spellcheck: false,
      value: names.map((name) => `${name}=`).join('\n') });
    const result = h('output', { id: 'evaluation', htmlFor: 'expression test-object', 'aria-live': 'polite' });
    const target = h('input', { id: 'target-attribute', value: existing?.targetAttributeName || '', required: true });
    const priority = h('input', { id: 'matching-priority', type: 'number', min: 0, max: 10,
      value: existing?.matchingPriority || 0 });
    const behavior = h('select', { id: 'flow-behavior' }, FLOW_BEHAVIORS.map((b) => h('option', { value: b }, b)));
    behavior.value = existing?.flowBehavior || FLOW_BEHAVIORS[0];
    const flowType = h('select', { id: 'flow-type' }, FLOW_TYPES.map((t) => h('option', { value: t }, t)));
    flowType.value = existing?.flowType || FLOW_TYPES[0];
    let parsed = null;
    let pending;
    let asked = 0;

    async function evaluate() {
      const text = expression.value;
      const question = ++asked;
      if (!text.trim()) {
        parsed = null;
        replace(result, 'Type an expression.');
        replace(echo);
        return;
      }
      try {
        const answer = await post(`${path}/schema/parseExpression`, { expression: text,
          testInputObject: { definition: null, properties: testProperties(testObject.value) } });
        if (question !== asked) {
          return; // an older answer arriving after a newer question
        }
        parsed = answer.parsingSucceeded ? answer.parsedExpression : null;
        const position = errorPosition(answer.error?.message);
        replace(echo, ...(answer.parsingSucceeded || position === null ? [text] : [text.slice(0, position),
          h('mark', {}, text.slice(position, position + 1) || ' '), text.slice(position + 1)]));
        result.className = answer.error && !answer.evaluationSucceeded ? 'error' : 'ok';
        replace(result, answer.evaluationSucceeded ? `= ${JSON.stringify(answer.evaluationResult)}`
          : answer.parsingSucceeded ? `Parsed. ${answer.error?.message || ''}` : answer.error?.message);
      } catch (error) {
        result.className = 'error';
        replace(result, error.message);
      }
    }
    const soon = () => {
      clearTimeout(pending);
      pending = setTimeout(evaluate, TYPING_PAUSE_MS);
    };
    expression.addEventListener('input', soon);
    testObject.addEventListener('input', soon);

    replace(editor, h('form', { className: 'panel', id: 'mapping-editor', onsubmit: (event) => {
      event.preventDefault();
      if (!parsed) {
        notice('The expression does not parse: fix it before applying.', 'error');
        return;
      }
      const changed = { ...(existing || { defaultValue: null, exportMissingReferences: false }),
        source: parsed, targetAttributeName: target.value, matchingPriority: Number(priority.value),
        flowBehavior: behavior.value, flowType: flowType.value };
      if (existing) {
        mapping.attributeMappings[index] = changed;
      } else {
        mapping.attributeMappings = [...(mapping.attributeMappings || []), changed];
      }
      show();
      notice(`Changed the mapping of ${changed.targetAttributeName}; save to keep it.`);
    } },
    h('h2', {}, existing ? `Edit the mapping of ${existing.targetAttributeName}` : 'New attribute mapping'),
    field('Source expression', expression), echo,
    field('Test source object (one attribute=value a line; a|b for several values)', testObject),
    h('p', {}, 'Evaluation: ', result),
    h('div', { className: 'row' }, field('Target attribute', target), field('Matching precedence (0: none)', priority),
      field('Flow behaviour', behavior), field('Flow type', flowType)),
    h('div', { className: 'row' }, h('button', { type: 'submit', className: 'primary' }, 'Apply'),
      h('button', { type: 'button', onclick: () => replace(editor) }, 'Cancel'))));
    evaluate();
    expression.focus();
  }

  async function save() {
    try {
      // Written only over the version read: a change made meanwhile elsewhere answers 412 instead of being lost
      await graph('PATCH', `${path}/schema`, { synchronizationRules: schema.synchronizationRules },
        schema.version ? { 'If-Match': schema.version } : {});
      notice('Mappings saved.', 'ok');
      const saved = await get(`${path}/schema`);
      schema.version = saved.version;
      schema.synchronizationRules = saved.synchronizationRules;
      show();
      showDiff();
    } catch (error) {
      failure(error.status === 412 ? new Error('The schema changed since it was loaded: reload the page.') : error);
    }
  }

  function showDiff() {
    if (!template?.schema) {
      replace(diff, h('h2', {}, 'Changes against the template'), h('p', {}, 'The template is not available.'));
      return;
    }
    const lines = schemaDiff(template.schema, schema);
    replace(diff, h('h2', {}, `Changes against the template ${template.id}`),
      lines.length ? h('ul', {}, lines.map(([kind, text]) => h('li', { className: `diff-${kind}` }, text)))
        : h('p', {}, 'None: the mappings are the template\'s.'));
  }

  show();
  showDiff();
}

/** Attribute mappings added, removed or changed against the template, per object mapping name. */
function schemaDiff(templateSchema, jobSchema) {
  const index = (s) => new Map((s.synchronizationRules || []).flatMap((rule) => (rule.objectMappings || [])
    .map((mapping) => [`${rule.id}/${mapping.name}`, mapping])));
  const before = index(templateSchema);
  const lines = [];
  for (const [key, mapping] of index(jobSchema)) {
    const original = before.get(key);
    if (!original) {
      lines.push(['added', `${key}: object mapping added`]);
      continue;
    }
    if (original.enabled !== mapping.enabled) {
      lines.push(['changed', `${key}: ${mapping.enabled ? 'enabled' : 'disabled'}`]);
    }
    const was = new Map((original.attributeMappings || []).map((a) => [a.targetAttributeName, a]));
    for (const attribute of mapping.attributeMappings || []) {
      const old = was.get(attribute.targetAttributeName);
      was.delete(attribute.targetAttributeName);
      if (!old) {
        lines.push(['added', `${key}: ${attribute.targetAttributeName} ← ${attribute.source?.expression}`]);
      } else {
        const changes = ['flowBehavior', 'flowType', 'matchingPriority'].filter((p) => old[p] !== attribute[p])
          .map((p) => `${p} ${old[p]} → ${attribute[p]}`);
        if (old.source?.expression !== attribute.source?.expression) {
          changes.unshift(`${old.source?.expression} → ${attribute.source?.expression}`);
        }
        if (changes.length) {
          lines.push(['changed', `${key}: ${attribute.targetAttributeName}: ${changes.join('; ')}`]);
        }
      }
    }
    was.forEach((attribute) => lines.push(['removed', `${key}: ${attribute.targetAttributeName} removed`]));
    if (JSON.stringify(original.scope || null) !== JSON.stringify(mapping.scope || null)) {
      lines.push(['changed', `${key}: scoping filter changed`]);
    }
  }
  return lines;
}
