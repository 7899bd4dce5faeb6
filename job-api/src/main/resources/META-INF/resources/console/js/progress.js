// Rate and time left of a running cycle, from the progress the job reports (completedUnits of totalUnits at a
// time). Observations of one cycle are kept while the page watches it; a new cycle starts a new series.

/** Objects per second between the first and the last observation, or null before two distinct ones. */
export function rate(observations) {
  if (observations.length < 2) {
    return null;
  }
  const first = observations[0];
  const last = observations[observations.length - 1];
  const seconds = (Date.parse(last.progressObservationDateTime) - Date.parse(first.progressObservationDateTime)) / 1000;
  return seconds > 0 ? (last.completedUnits - first.completedUnits) / seconds : null;
}

/** Seconds until totalUnits at the current rate, or null when it cannot be told. */
export function secondsLeft(observations) {
  const perSecond = rate(observations);
  const last = observations[observations.length - 1];
  if (!perSecond || perSecond <= 0 || !last || !last.totalUnits) {
    return null;
  }
  return Math.max(0, (last.totalUnits - last.completedUnits) / perSecond);
}

/** Adds an observation: the same one again is ignored, fewer completed units than before means a new cycle. */
export function observe(observations, progress) {
  if (!progress) {
    return observations;
  }
  const last = observations[observations.length - 1];
  if (last && last.progressObservationDateTime === progress.progressObservationDateTime) {
    return observations;
  }
  if (last && progress.completedUnits < last.completedUnits) {
    return [progress];
  }
  return [...observations.slice(-59), progress];
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/**
 * Counts a running cycle's provisioning-log records, read oldest first in pages from where the last page ended.
 * Records logged at the same instant as the end of the previous page are told apart by id, so none counts twice.
 */
export class LoggedProgress {
  /**
   * @param started    when the cycle started
   * @param afterCycle the id of the job's last finished cycle when this one started, which tells the cycles apart
   */
  constructor(started, afterCycle) {
    this.started = started;
    this.afterCycle = afterCycle;
    this.count = 0;
    this.since = started;
    this.idsAtSince = new Set();
  }

  add(records) {
    for (const record of records) {
      if (record.activityDateTime === this.since) {
        if (this.idsAtSince.has(record.id)) {
          continue;
        }
        this.idsAtSince.add(record.id);
      } else {
        this.since = record.activityDateTime;
        this.idsAtSince = new Set([record.id]);
      }
      this.count += 1;
    }
  }
}
