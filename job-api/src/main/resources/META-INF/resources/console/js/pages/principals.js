// Service principals and their jobs: status badges, start / pause / restart, secrets, credential validation.
import { h, replace, statusBadge, table } from '../dom.js';
import { get, query } from '../graph.js';
import { jobActions, secretsForm, validateButton } from '../actions.js';

export async function render(main) {
  const principals = await get(`/servicePrincipals${query({ $top: 100, $orderby: 'displayName' })}`);
  const sections = await Promise.all(principals.value.map(section));
  replace(main, h('h1', {}, 'Service principals and their jobs'),
    sections.length ? sections : h('p', {}, 'No service principal yet (POST /beta/servicePrincipals creates one).'));
  async function reload() {
    await render(main);
  }

  async function section(principal) {
    const base = `/servicePrincipals/${encodeURIComponent(principal.id)}/synchronization`;
    const [jobs, synchronization] = await Promise.all([get(`${base}/jobs`), get(base)]);
    const savedKeys = (synchronization.secrets || []).map((pair) => pair.key);
    const rows = jobs.value.map((job) => h('tr', { 'data-job': job.id },
      h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(principal.id)}/${encodeURIComponent(job.id)}` },
        job.id)),
      h('td', {}, job.templateId),
      h('td', {}, statusBadge(job.status)),
      h('td', {}, `${job.schedule?.state || ''} every ${job.schedule?.interval || '?'}`),
      h('td', {}, jobActions(principal.id, job, reload), validateButton(principal.id, job.id))));
    const secretsToggle = h('details', {}, h('summary', {}, `Secrets (${savedKeys.length} saved)`),
      secretsForm(principal.id, savedKeys));
    return h('section', { className: 'panel', 'aria-labelledby': `sp-${principal.id}` },
      h('h2', { id: `sp-${principal.id}` }, principal.displayName || principal.appId),
      h('p', { className: 'muted' }, `id ${principal.id} · appId ${principal.appId}`),
      rows.length ? table(['Job', 'Template', 'Status', 'Schedule', 'Actions'], rows) : h('p', {}, 'No job.'),
      secretsToggle);
  }
}
