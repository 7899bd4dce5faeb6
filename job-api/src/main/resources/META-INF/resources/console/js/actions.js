// Start, pause, restart (with its reset scopes) and the staged-deletes confirmation, shared by the job list and the
// job page.
import { h, field, notice, failure, table, time } from './dom.js';
import { get, graph, post, query, literal, jobPath } from './graph.js';

export const RESET_SCOPES = ['Watermark', 'Escrows', 'QuarantineState', 'ConnectorDataStore', 'ForceDeletes', 'Full'];

/** Buttons for one job; {@code done} runs after a successful action (to reload the view). */
export function jobActions(spId, job, done) {
  const path = jobPath(spId, job.id);
  const run = (label, action) => async () => {
    try {
      await action();
      notice(`${label}: done for ${job.id}`, 'ok');
      await done();
    } catch (error) {
      failure(error);
    }
  };
  const scopes = RESET_SCOPES.map((scope) => h('label', { className: 'inline' },
    h('input', { type: 'checkbox', value: scope, name: 'resetScope' }), ` ${scope}`));
  const restart = async () => {
    const chosen = scopes.map((label) => label.querySelector('input')).filter((box) => box.checked)
      .map((box) => box.value);
    if (chosen.includes('ForceDeletes') && !(await confirmForceDeletes(job))) {
      notice('Restart cancelled: the staged deletes stay held.');
      return;
    }
    await post(`${path}/restart`, { criteria: { resetScope: chosen.join(', ') || 'Full' } });
  };
  return h('div', { className: 'actions' },
    h('div', { className: 'row' },
      h('button', { type: 'button', 'data-action': 'start', onclick: run('Start', () => post(`${path}/start`)) },
        'Start'),
      h('button', { type: 'button', 'data-action': 'pause', onclick: run('Pause', () => post(`${path}/pause`)) },
        'Pause')),
    h('details', {}, h('summary', {}, 'Restart…'), h('fieldset', {},
      h('legend', {}, 'Reset scope (none chosen: Full)'), h('div', { className: 'row' }, scopes,
        h('button', { type: 'button', 'data-action': 'restart', onclick: run('Restart', restart) }, 'Restart')))));
}

/**
 * ForceDeletes runs the deletions a cycle held back because they reached the threshold: shows them (the
 * provisioning log's stagedDelete records) and asks before going on.
 */
async function confirmForceDeletes(job) {
  const staged = await get(`/auditLogs/provisioning${query({ $filter: `jobId eq ${literal(job.id)} and `
    + "provisioningAction eq 'stagedDelete'", $top: 100 })}`);
  const rows = staged.value.map((entry) => h('tr', {}, h('td', {}, time(entry.activityDateTime)),
    h('td', {}, entry.sourceIdentity?.displayName || entry.sourceIdentity?.id),
    h('td', {}, entry.targetIdentity?.displayName || entry.targetIdentity?.id || '')));
  return new Promise((resolve) => {
    const dialog = h('dialog', { 'aria-labelledby': 'force-title' },
      h('h2', { id: 'force-title' }, `Run ${staged.value.length}${staged['@odata.nextLink'] ? '+' : ''} staged deletes?`),
      rows.length ? table(['Staged', 'Source', 'Target'], rows) : h('p', {}, 'No staged deletes are logged.'),
      h('div', { className: 'row' },
        h('button', { type: 'button', className: 'primary', onclick: () => close(true) }, 'Delete them'),
        h('button', { type: 'button', onclick: () => close(false) }, 'Cancel')));
    function close(answer) {
      dialog.close();
      dialog.remove();
      resolve(answer);
    }
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** The secrets form: every field write-only (the API never returns values), PUT replaces the whole set. */
export function secretsForm(spId, savedKeys) {
  const KEYS = [['BaseAddress', 'text'], ['SecretToken', 'password'], ['Server', 'text'], ['UserName', 'text'],
    ['Password', 'password'], ['Domain', 'text']];
  const inputs = KEYS.map(([key, type]) => h('input', { type, name: key, autocomplete: 'off', className: 'wide',
    placeholder: savedKeys.includes(key) ? 'saved (not shown)' : '' }));
  return h('form', { className: 'panel', onsubmit: async (event) => {
    event.preventDefault();
    const value = inputs.filter((input) => input.value !== '').map((input) => ({ key: input.name,
      value: input.value }));
    try {
      await graph('PUT', `/servicePrincipals/${encodeURIComponent(spId)}/synchronization/secrets`, { value });
      inputs.forEach((input) => {
        input.value = '';
      });
      notice(`Secrets saved: ${value.map((pair) => pair.key).join(', ') || 'none'}`, 'ok');
    } catch (error) {
      failure(error);
    }
  } }, h('h3', {}, 'Secrets'),
  h('p', { className: 'muted' }, 'Values are write-only. Saving replaces the whole set: fields left empty are removed.'),
  h('div', { className: 'grid' }, KEYS.map(([key], i) => field(key, inputs[i]))),
  h('button', { type: 'submit' }, 'Save secrets'));
}

/** validateCredentials with the saved secrets: nothing is stored, the answer says whether both systems accept them. */
export function validateButton(spId, jobId) {
  const result = h('span', { role: 'status' });
  return h('span', {}, h('button', { type: 'button', onclick: async () => {
    result.textContent = 'Validating…';
    try {
      await post(`${jobPath(spId, jobId)}/validateCredentials`, { useSavedCredentials: true, credentials: [] });
      result.textContent = 'The credentials are accepted.';
      result.className = 'ok';
    } catch (error) {
      result.textContent = error.message;
      result.className = 'error';
    }
  } }, 'Validate credentials'), ' ', result);
}
