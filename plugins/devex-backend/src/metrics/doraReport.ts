import { DateTime } from 'luxon';
import {
  DoraMetricsResponse,
  DoraScope,
  DoraSeriesPoint,
  LevelBandSet,
  levelUnder,
  ratio,
} from '@paved/plugin-devex-common';
import {
  DoraAggregates,
  DoraStore,
  ServiceScope,
  TimeWindow,
} from '../database/DoraStore';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

const hours = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);

/** Turns raw aggregates into the `GET /dora` response: hours, per-week rates, ratios, levels. */
export function buildDoraReport(options: {
  aggregates: DoraAggregates;
  window: TimeWindow;
  scope: DoraScope;
  /** The band set chosen for the organisation; a set without tiers gives no level. */
  bandSet: LevelBandSet & { adjusted: boolean };
}): DoraMetricsResponse {
  const { aggregates: a, window, scope, bandSet } = options;
  const level = (
    metric: Parameters<typeof levelUnder>[1],
    value: number | null,
  ) => levelUnder(bandSet, metric, value);
  const perWeek = a.deployments / ((window.to - window.from) / WEEK_MS);
  const changeFailureRate = ratio(a.failedDeployments, a.deployments);
  const leadMedian = hours(a.leadTime.median);
  const recoveryMedian = hours(a.recovery.median);
  return {
    scope,
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    },
    sources: a.sources,
    demo: a.sources.includes('paved-demo'),
    deploymentFrequency: {
      deployments: a.deployments,
      perWeek,
      // With no deployment at all there is nothing to judge (the service may not report yet).
      level: a.deployments > 0 ? level('deploymentFrequency', perWeek) : null,
    },
    leadTime: {
      medianHours: leadMedian,
      p90Hours: hours(a.leadTime.p90),
      samples: a.leadTime.samples,
      level: level('leadTime', leadMedian),
    },
    changeFailureRate: {
      ratio: changeFailureRate,
      failedDeployments: a.failedDeployments,
      deployments: a.deployments,
      level: level('changeFailureRate', changeFailureRate),
    },
    recoveryTime: {
      medianHours: recoveryMedian,
      samples: a.recovery.samples,
      open: a.recovery.open,
      level: level('recoveryTime', recoveryMedian),
    },
    reworkRate: {
      ratio: ratio(a.reworkDeployments, a.deployments),
      reworkDeployments: a.reworkDeployments,
      deployments: a.deployments,
    },
    timeToRestore: {
      medianHours: hours(a.timeToRestore.median),
      samples: a.timeToRestore.samples,
      open: a.timeToRestore.open,
    },
    bands: bandSet.bands,
    reportYear: bandSet.reportYear,
    levelBands: bandSet,
  };
}

/**
 * Cuts [from, to) into ISO weeks (Monday 00:00) of `timeZone`; the first and last bucket are
 * clipped to the window so no sample outside it is counted.
 */
export function isoWeeks(window: TimeWindow, timeZone: string) {
  const weeks: Array<{ week: string; start: string; window: TimeWindow }> = [];
  let cursor = DateTime.fromMillis(window.from, { zone: timeZone }).startOf(
    'week',
  );
  while (cursor.toMillis() < window.to) {
    const next = cursor.plus({ weeks: 1 });
    weeks.push({
      week: cursor.toFormat("kkkk-'W'WW"),
      start: cursor.toISO()!,
      window: {
        from: Math.max(cursor.toMillis(), window.from),
        to: Math.min(next.toMillis(), window.to),
      },
    });
    cursor = next;
  }
  return weeks;
}

/** Weekly points for charts. */
export async function buildDoraSeries(options: {
  store: DoraStore;
  scope: ServiceScope;
  window: TimeWindow;
  timeZone: string;
}): Promise<{ points: DoraSeriesPoint[]; sources: string[] }> {
  const sources = new Set<string>();
  const points: DoraSeriesPoint[] = [];
  for (const week of isoWeeks(options.window, options.timeZone)) {
    const a = await options.store.doraAggregates(options.scope, week.window);
    a.sources.forEach(s => sources.add(s));
    points.push({
      week: week.week,
      start: week.start,
      deployments: a.deployments,
      leadTimeMedianHours: hours(a.leadTime.median),
      leadTimeSamples: a.leadTime.samples,
      changeFailureRate: ratio(a.failedDeployments, a.deployments),
      failedDeployments: a.failedDeployments,
      recoveryMedianHours: hours(a.recovery.median),
      reworkRate: ratio(a.reworkDeployments, a.deployments),
    });
  }
  return { points, sources: [...sources].sort() };
}
