// Provisioning logs: filter by job, status, action, object and time; a detail panel with the steps and the modified
// properties (old → new), and for a skipped object the scoping step that says why.
import { h, replace, table, time, field, failure } from '../dom.js';
import { get, query, literal } from '../graph.js';

const STATUSES = ['', 'success', 'failure', 'skipped', 'warning'];
const ACTIONS = ['', 'create', 'update', 'delete', 'disable', 'stagedDelete', 'other'];
const PAGE = 50;

/** The $filter for the form's values: every filled field narrows the search. */
export function filterOf({ jobId, status, action, object, from, to }) {
  const clauses = [];
  if (jobId) clauses.push(`jobId eq ${literal(jobId)}`);
  if (status) clauses.push(`provisioningStatusInfo/status eq ${literal(status)}`);
  if (action) clauses.push(`provisioningAction eq ${literal(action)}`);
  if (object) clauses.push(`contains(sourceIdentity/displayName,${literal(object)})`);
  if (from) clauses.push(`activityDateTime ge ${new Date(from).toISOString()}`);
  if (to) clauses.push(`activityDateTime le ${new Date(to).toISOString()}`);
  return clauses.join(' and ');
}

export async function render(main, _, params) {
  const controls = {
    jobId: h('input', { name: 'jobId', value: params.get('jobId') || '', size: 40 }),
    status: h('select', { name: 'status' }, STATUSES.map((s) => h('option', { value: s }, s || 'any'))),
    action: h('select', { name: 'action' }, ACTIONS.map((a) => h('option', { value: a }, a || 'any'))),
    object: h('input', { name: 'object', placeholder: 'part of the source display name' }),
    from: h('input', { name: 'from', type: 'datetime-local' }),
    to: h('input', { name: 'to', type: 'datetime-local' }),
  };
  const results = h('div', { id: 'log-results' });
  const detail = h('section', { id: 'log-detail', className: 'panel', tabindex: -1, hidden: true,
    'aria-label': 'Provisioning log entry' });
  const more = h('button', { type: 'button', hidden: true }, 'More');
  let next = null;

  const form = h('form', { className: 'panel', onsubmit: (event) => {
    event.preventDefault();
    search();
  } }, h('div', { className: 'row' }, field('Job id', controls.jobId), field('Status', controls.status),
    field('Action', controls.action), field('Object', controls.object), field('From', controls.from),
    field('To', controls.to), h('button', { type: 'submit', className: 'primary' }, 'Filter')));
  replace(main, h('h1', {}, 'Provisioning logs'), form, results, more, detail);

  const body = h('tbody');
  more.addEventListener('click', () => load(next, false));

  async function search() {
    const values = Object.fromEntries(Object.entries(controls).map(([key, control]) => [key, control.value]));
    await load(`/auditLogs/provisioning${query({ $filter: filterOf(values), $top: PAGE })}`, true);
  }

  async function load(path, fresh) {
    try {
      const page = await get(path);
      if (fresh) {
        body.replaceChildren();
        replace(results, page.value.length ? table(['Time', 'Action', 'Status', 'Source', 'Target'], [])
          : h('p', {}, 'No record matches.'));
        results.querySelector('tbody')?.replaceWith(body);
      }
      page.value.forEach((entry) => body.append(row(entry)));
      next = page['@odata.nextLink'] ? page['@odata.nextLink'].replace(/^.*?\/(beta|v1\.0)(?=\/)/, '') : null;
      more.hidden = !next;
    } catch (error) {
      failure(error);
    }
  }

  function row(entry) {
    const open = () => {
      body.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
      tr.classList.add('selected');
      showDetail(detail, entry);
    };
    const tr = h('tr', { className: 'selectable', tabindex: 0, 'data-log': entry.id, onclick: open,
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      } },
    h('td', {}, time(entry.activityDateTime)), h('td', {}, entry.provisioningAction),
    h('td', {}, h('span', { className: `badge ${entry.provisioningStatusInfo?.status}` },
      entry.provisioningStatusInfo?.status)),
    h('td', {}, entry.sourceIdentity?.displayName || entry.sourceIdentity?.id),
    h('td', {}, entry.targetIdentity?.displayName || entry.targetIdentity?.id || ''));
    return tr;
  }

  await search();
}

function showDetail(panel, entry) {
  const status = entry.provisioningStatusInfo || {};
  const steps = entry.provisioningSteps || [];
  const scoping = steps.find((step) => (step.provisioningStepType || '').toLowerCase() === 'scoping');
  const error = status.errorInformation;
  panel.hidden = false;
  replace(panel, h('h2', {}, `${entry.provisioningAction} of ${entry.sourceIdentity?.displayName || entry.sourceIdentity?.id}`),
    h('p', {}, `${time(entry.activityDateTime)} · cycle ${entry.cycleId} · change ${entry.changeId}`),
    status.status === 'skipped' && scoping ? h('div', { className: 'panel', id: 'why-skipped' },
      h('h3', {}, 'Why was this skipped?'), h('p', {}, scoping.description), details(scoping.details)) : '',
    error ? h('div', { className: 'panel error' }, h('h3', {}, error.errorCode || 'Error'), h('p', {}, error.reason),
      error.additionalDetails ? h('p', {}, error.additionalDetails) : '',
      error.recommendedAction ? h('p', {}, `Recommended: ${error.recommendedAction}`) : '') : '',
    h('h3', {}, 'Steps'),
    h('ol', { className: 'steps' }, steps.map((step) => h('li', {},
      h('strong', {}, `${step.name} (${step.provisioningStepType})`), ' ',
      h('span', { className: `badge ${step.status}` }, step.status), h('div', {}, step.description),
      details(step.details)))),
    h('h3', {}, 'Modified properties'),
    (entry.modifiedProperties || []).length
      ? table(['Property', 'Old value', 'New value'], entry.modifiedProperties.map((property) => h('tr', {},
        h('td', {}, property.displayName), h('td', {}, property.oldValue ?? ''),
        h('td', {}, `→ ${property.newValue ?? ''}`))))
      : h('p', {}, 'None.'));
  panel.focus(); // brings the detail into view and lets keyboard users read on from there
}

function details(map) {
  const entries = Object.entries(map || {});
  return entries.length ? h('dl', {}, entries.map(([key, value]) => [h('dt', {}, key), h('dd', {}, value)])) : '';
}
