// Provision on demand: one user (or group) through the job's rule now, with the steps the answer reports.
import { h, replace, field, table, time, failure } from '../dom.js';
import { get, post, jobPath } from '../graph.js';

export async function render(main, [spId, jobId]) {
  const path = jobPath(spId, jobId);
  const schema = await get(`${path}/schema`);
  const rule = h('select', { id: 'rule' }, schema.synchronizationRules.map((r) => h('option', { value: r.id },
    r.name || r.id)));
  const objectId = h('input', { id: 'object-id', required: true, size: 50,
    placeholder: 'entryUUID, objectGUID or DN' });
  const type = h('select', { id: 'object-type' }, ['User', 'Group'].map((t) => h('option', { value: t }, t)));
  const answer = h('section', { id: 'on-demand-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', className: 'primary' }, 'Provision');

  replace(main, h('h1', {}, `Provision on demand with ${jobId}`),
    h('p', {}, h('a', { href: `#/jobs/${encodeURIComponent(spId)}/${encodeURIComponent(jobId)}` }, 'Back to the job')),
    h('form', { className: 'panel', onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      replace(answer, h('p', {}, 'Working…'));
      try {
        const pair = await post(`${path}/provisionOnDemand`, { parameters: [{ ruleId: rule.value,
          subjects: [{ objectId: objectId.value.trim(), objectTypeName: type.value }] }] });
        show(answer, JSON.parse(pair.key), JSON.parse(pair.value));
      } catch (error) {
        replace(answer);
        failure(error);
      } finally {
        submit.disabled = false;
      }
    } }, h('div', { className: 'row' }, field('Rule', rule), field('Object type', type), field('Object id', objectId),
      submit)),
    answer);
}

function show(answer, key, run) {
  const steps = run.provisioningSteps || [];
  replace(answer, h('h2', {}, `Result: ${key.result}`),
    key.details?.errorMessage ? h('p', { className: 'error' }, `${key.details.errorCode}: ${key.details.errorMessage}`)
      : '',
    steps.length ? h('ol', { className: 'steps' }, steps.map((step) => h('li', {},
      h('strong', {}, `${step.name} (${step.type})`), ' ', h('span', { className: `badge ${String(step.status)
        .toLowerCase()}` }, step.status), ` ${time(step.timestamp)}`, h('div', {}, step.description))))
      : h('p', {}, 'No steps were reported.'),
    (run.modifiedProperties || []).length ? table(['Property', 'Old value', 'New value'],
      run.modifiedProperties.map((p) => h('tr', {}, h('td', {}, p.displayName), h('td', {}, p.oldValue ?? ''),
        h('td', {}, `→ ${p.newValue ?? ''}`)))) : '',
    (key.details?.objects || []).length ? table(['Object', 'Type', 'Action', 'Result'],
      key.details.objects.map((o) => h('tr', {}, h('td', {}, o.objectId), h('td', {}, o.objectTypeName),
        h('td', {}, o.action), h('td', {}, o.result)))) : '');
}
