import { TimeWindow } from './DoraStore';

export const DAY_MS = 86_400_000;

/** UTC day number of an epoch-ms instant. */
export function dayOf(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

/**
 * Splits a window into the whole UTC days it covers (answered from daily rollups) and the
 * partial days at its edges (answered from raw rows), so rollups give exact answers for any
 * window, not only midnight-aligned ones.
 */
export function splitByUtcDays(window: TimeWindow): {
  wholeDays: { first: number; end: number } | null;
  partial: TimeWindow[];
} {
  const first = Math.ceil(window.from / DAY_MS);
  const end = Math.floor(window.to / DAY_MS);
  if (first >= end) {
    return {
      wholeDays: null,
      partial: window.from < window.to ? [window] : [],
    };
  }
  const partial: TimeWindow[] = [];
  if (window.from < first * DAY_MS)
    partial.push({ from: window.from, to: first * DAY_MS });
  if (end * DAY_MS < window.to)
    partial.push({ from: end * DAY_MS, to: window.to });
  return { wholeDays: { first, end }, partial };
}
