import { AvailabilityResponse } from '@paved/plugin-devex-common';
import { AvailabilityStore } from '../database/AvailabilityStore';
import { TimeWindow } from '../database/DoraStore';
import { isoWeeks } from '../metrics/doraReport';
import { MINUTE_MS } from './AvailabilityProbe';

const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
const floorMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/**
 * Uptime per week: minutes whose probe found the portal up over the minutes measured. Measuring
 * starts at the first probe ever recorded and ends with the last minute that is over; every
 * minute in between without a probe counts as down (the portal, or its scheduler, was not there
 * to answer).
 */
export async function availabilityReport(options: {
  store: AvailabilityStore;
  window: TimeWindow;
  timeZone: string;
  now: number;
}): Promise<AvailabilityResponse> {
  const { store, window, timeZone, now } = options;
  const first = await store.firstProbeMinute();
  const totals = { measured: 0, up: 0, probedDown: 0, missing: 0 };
  const weeks: AvailabilityResponse['weeks'] = [];
  for (const week of isoWeeks(window, timeZone)) {
    const from = ceilMinute(Math.max(week.window.from, first ?? Infinity));
    const to = floorMinute(Math.min(week.window.to, now));
    const measured =
      first !== null && to > from ? Math.round((to - from) / MINUTE_MS) : 0;
    const counts =
      measured > 0
        ? await store.probeCounts({ from, to })
        : { probed: 0, up: 0 };
    const row = {
      week: week.week,
      start: week.start,
      measuredMinutes: measured,
      upMinutes: counts.up,
      probedDownMinutes: counts.probed - counts.up,
      missingMinutes: measured - counts.probed,
      uptime: measured > 0 ? counts.up / measured : null,
    };
    totals.measured += measured;
    totals.up += row.upMinutes;
    totals.probedDown += row.probedDownMinutes;
    totals.missing += row.missingMinutes;
    weeks.push(row);
  }
  return {
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    },
    timeZone,
    firstProbeAt: first === null ? null : new Date(first).toISOString(),
    measuredMinutes: totals.measured,
    upMinutes: totals.up,
    probedDownMinutes: totals.probedDown,
    missingMinutes: totals.missing,
    uptime: totals.measured > 0 ? totals.up / totals.measured : null,
    weeks,
  };
}
