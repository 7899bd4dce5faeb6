// One job: schedule, a live progress bar during a cycle, the last executions with their counts, steady state,
// escrows and a chart of exported objects and failures per cycle (from the provisioning logs).
import { h, replace, statusBadge, table, time, failure } from '../dom.js';
import { get, query, literal, jobPath } from '../graph.js';
import { jobActions, validateButton } from '../actions.js';
import { observe, rate, secondsLeft, duration, LoggedProgress } from '../progress.js';

const POLL_MS = 1500;
const EXPORTING = ['create', 'update', 'delete', 'disable'];
const LOG_PAGE = 1000;

export async function render(main, [spId, jobId]) {
  const path = jobPath(spId, jobId);
  const base = `#/jobs/${encodeURIComponent(spId)}/${encodeURIComponent(jobId)}`;
  const statusPanel = h('div', { className: 'panel', id: 'job-status' });
  const scheduleText = h('p');
  const schedulePanel = h('div', { className: 'panel' }, h('h2', {}, 'Schedule'), scheduleText);
  const progressBar = h('progress', { id: 'job-progress', max: 1, value: 0, 'aria-labelledby': 'progress-label' });
  const progressText = h('p', { id: 'progress-text', 'aria-live': 'polite' });
  const executions = h('div');
  const chart = h('div');
  let observations = [];
  let logged = null;
  let shown = null;
  let chartedCycle;
  let timer;
  let stopped = false;

  replace(main, h('h1', {}, `Job ${jobId}`),
    h('p', {}, h('a', { href: `${base}/mappings` }, 'Mappings'), ' · ',
      h('a', { href: `${base}/on-demand` }, 'Provision on demand'), ' · ',
      h('a', { href: `#/logs?jobId=${encodeURIComponent(jobId)}` }, 'Provisioning logs')),
    h('div', { className: 'grid' }, statusPanel, schedulePanel),
    h('section', { className: 'panel' }, h('h2', { id: 'progress-label' }, 'Current cycle'), progressBar, progressText),
    h('section', {}, h('h2', {}, 'Last executions'), executions),
    h('section', {}, h('h2', {}, 'Exported objects and failures per cycle'), chart));

  async function refresh() {
    const job = await get(path);
    const status = job.status || {};
    replace(statusPanel, h('h2', {}, 'Status'), statusBadge(status),
      status.quarantine ? h('p', {}, `Quarantined since ${time(status.quarantine.currentBegan)}; next attempt `
        + `${time(status.quarantine.nextAttempt)}. ${status.quarantine.error?.message || ''}`) : '',
      h('p', {}, `Steady state first reached ${time(status.steadyStateFirstAchievedTime)}, last `
        + `${time(status.steadyStateLastAchievedTime)}`),
      h('p', {}, `Escrows: ${status.lastExecution?.countEscrowed ?? 0} objects waiting for a retry`
        + `${status.escrowsPruned ? ' (some were pruned)' : ''}`),
      h('p', {}, 'Synchronized: ', (status.synchronizedEntryCountByType || [])
        .map((pair) => `${pair.key} ${pair.value}`).join(', ') || 'nothing yet'));
    scheduleText.textContent = `${job.schedule?.state} every ${job.schedule?.interval}`
      + (job.schedule?.expiration ? `, expires ${time(job.schedule.expiration)}` : '');
    if (!schedulePanel.querySelector('.actions')) {
      // Built once: re-rendering on every poll would drop the admin's choices and keyboard focus
      schedulePanel.append(jobActions(spId, job, refresh), validateButton(spId, jobId));
    }
    await showProgress(status);
    showExecutions(status);
    const cycle = status.lastExecution?.timeEnded;
    if (cycle !== chartedCycle) {
      chartedCycle = cycle;
      await showChart();
    }
  }

  /**
   * The job's progress while a cycle runs. Once the provisioner reports the objects it has done (status.progress with
   * units), those; before its first report (only the cycle's start is known), the cycle's provisioning-log records.
   * The total is known only at the end of the source's read: the objects the job synchronized so far stand in for it,
   * so the bar has no total before a first cycle.
   */
  async function showProgress(status) {
    const progress = (status.progress || [])[0];
    if (!progress) {
      logged = null;
      shown = null;
      observations = [];
      progressBar.max = 1;
      progressBar.value = 1;
      progressText.textContent = 'No cycle is running.';
      delete progressText.dataset.completed;
      return;
    }
    const synchronized = (status.synchronizedEntryCountByType || []).reduce((sum, pair) => sum + pair.value, 0);
    // One count per cycle: a start reported again while the cycle runs must not restart it, the previous
    // cycle's id (lastExecution) changes only when a cycle ended
    const previousCycle = status.lastExecution?.activityIdentifier || '';
    let observation = progress;
    if (progress.units) {
      observation = { ...progress, totalUnits: progress.totalUnits
        || (synchronized && Math.max(synchronized, progress.completedUnits)) };
    } else {
      if (!logged || logged.afterCycle !== previousCycle) {
        logged = new LoggedProgress(progress.progressObservationDateTime, previousCycle);
      }
      const page = await get(`/auditLogs/provisioning${query({ $filter: `jobId eq ${literal(jobId)} and `
        + `activityDateTime ge ${logged.since}`, $orderby: 'activityDateTime asc', $top: LOG_PAGE })}`);
      logged.add(page.value);
      observation = { completedUnits: logged.count, totalUnits: synchronized && Math.max(synchronized, logged.count),
        progressObservationDateTime: new Date().toISOString(), units: 'objects' };
    }
    // The log's count stands in until the provisioner's first report, which may be lower (objects logged but
    // not yet reported): what the page showed for this cycle is a floor, so the bar never moves back
    if (shown && shown.afterCycle === previousCycle && observation.completedUnits < shown.completedUnits) {
      observation = { ...observation, completedUnits: shown.completedUnits,
        totalUnits: observation.totalUnits && Math.max(observation.totalUnits, shown.completedUnits) };
    }
    shown = { afterCycle: previousCycle, completedUnits: observation.completedUnits };
    observations = observe(observations, observation);
    if (observation.totalUnits) {
      progressBar.max = observation.totalUnits;
      progressBar.value = observation.completedUnits;
    } else {
      progressBar.removeAttribute('value'); // indeterminate: nothing tells the total yet
    }
    const perSecond = rate(observations);
    progressText.textContent = `${observation.completedUnits} / ${observation.totalUnits || '?'} `
      + `${observation.units || 'objects'} · ${perSecond === null ? '–' : perSecond.toFixed(1)}/s · `
      + `ETA ${duration(secondsLeft(observations))}`;
    progressText.dataset.completed = observation.completedUnits;
    progressText.dataset.total = observation.totalUnits;
  }

  function showExecutions(status) {
    const kinds = [['Last', status.lastExecution], ['Last successful', status.lastSuccessfulExecution],
      ['Last successful with exports', status.lastSuccessfulExecutionWithExports]];
    replace(executions, table(['Execution', 'State', 'Began', 'Ended', 'Imported', 'Exported', 'Escrowed', 'Error'],
      kinds.filter(([, run]) => run).map(([name, run]) => h('tr', {}, h('th', { scope: 'row' }, name),
        h('td', {}, run.state), h('td', {}, time(run.timeBegan)), h('td', {}, time(run.timeEnded)),
        h('td', {}, run.countImported), h('td', {}, run.countExported), h('td', {}, run.countEscrowed),
        h('td', {}, run.error?.message || '')))));
  }

  async function showChart() {
    const logs = await get(`/auditLogs/provisioning${query({ $filter: `jobId eq ${literal(jobId)}`, $top: 1000 })}`);
    const cycles = new Map();
    for (const entry of logs.value) {
      const cycle = cycles.get(entry.cycleId) || { at: entry.activityDateTime, exported: 0, failed: 0 };
      const state = entry.provisioningStatusInfo?.status;
      cycle.exported += state === 'success' && EXPORTING.includes(entry.provisioningAction) ? 1 : 0;
      cycle.failed += state === 'failure' ? 1 : 0;
      cycle.at = entry.activityDateTime < cycle.at ? entry.activityDateTime : cycle.at;
      cycles.set(entry.cycleId, cycle);
    }
    replace(chart, barChart([...cycles.values()].sort((a, b) => a.at.localeCompare(b.at)).slice(-30)),
      h('p', { className: 'muted' }, `From the newest ${logs.value.length} provisioning-log records.`));
  }

  async function tick() {
    try {
      await refresh();
    } catch (error) {
      failure(error);
    }
    if (!stopped) {
      timer = setTimeout(tick, POLL_MS);
    }
  }
  await tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Two bars per cycle (exported, failed), oldest left; the table beside it gives the same numbers to screen readers. */
function barChart(cycles) {
  if (!cycles.length) {
    return h('p', {}, 'No cycle has logged anything yet.');
  }
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', '0 0 300 100');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const highest = Math.max(1, ...cycles.map((cycle) => Math.max(cycle.exported, cycle.failed)));
  const width = 300 / cycles.length;
  cycles.forEach((cycle, i) => {
    [['exported', cycle.exported, 0], ['failed', cycle.failed, 0.45]].forEach(([kind, count, offset]) => {
      const bar = document.createElementNS(NS, 'rect');
      const height = (count / highest) * 95;
      bar.setAttribute('class', kind);
      bar.setAttribute('x', i * width + offset * width + width * 0.05);
      bar.setAttribute('width', width * 0.4);
      bar.setAttribute('y', 100 - height);
      bar.setAttribute('height', height);
      svg.append(bar);
    });
  });
  return h('div', {}, svg, h('details', {}, h('summary', {}, 'Numbers (green: exported, red: failed)'),
    table(['Cycle began', 'Exported', 'Failed'], cycles.map((cycle) => h('tr', {}, h('td', {}, time(cycle.at)),
      h('td', {}, cycle.exported), h('td', {}, cycle.failed))))));
}
