import { DateTime } from 'luxon';
import { TimeWindow } from '../database/DoraStore';

/** How often a person may give a pulse survey answer that counts (a later one replaces it). */
export type SurveyPeriod = 'week' | 'month' | 'quarter';

/** The period an answer given at `at` counts for, in UTC: `2026-W49`, `2026-12`, `2026-Q4`. */
export function surveyPeriodOf(at: number, period: SurveyPeriod): string {
  const time = DateTime.fromMillis(at, { zone: 'utc' });
  if (period === 'week') return time.toFormat("kkkk-'W'WW");
  if (period === 'quarter') return `${time.year}-Q${time.quarter}`;
  return time.toFormat('yyyy-MM');
}

/** The ISO week of a moment in UTC, e.g. `2026-W49`: how precisely a comment is dated. */
export function isoWeekOf(at: number): string {
  return DateTime.fromMillis(at, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/**
 * Widens a window to whole ISO weeks in UTC (Monday 00:00). Summaries of windows that differ by
 * a few hours or days would otherwise let their difference single out one answer.
 */
export function wholeWeeks(window: TimeWindow): TimeWindow {
  const from = DateTime.fromMillis(window.from, { zone: 'utc' }).startOf(
    'week',
  );
  const lastWeek = DateTime.fromMillis(window.to - 1, { zone: 'utc' }).startOf(
    'week',
  );
  return {
    from: from.toMillis(),
    to: lastWeek.plus({ weeks: 1 }).toMillis(),
  };
}
