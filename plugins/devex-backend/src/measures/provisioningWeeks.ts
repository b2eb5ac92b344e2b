import { ProvisioningWeeksResponse, ratio } from '@paved/plugin-devex-common';
import { TimeWindow } from '../database/DoraStore';
import {
  PlatformMeasuresStore,
  ProvisioningPeriod,
} from '../database/PlatformMeasuresStore';
import { isoWeeks } from '../metrics/doraReport';

function summarise(p: ProvisioningPeriod) {
  return {
    succeeded: p.succeeded,
    failed: p.failed,
    // Of the provisionings that ended (ready or failed), the share that became ready.
    successRate: ratio(p.succeeded, p.succeeded + p.failed),
    automated: p.automated,
    manual: p.manual,
    automatedRatio: ratio(p.automated, p.succeeded),
    actions: { ...p.actions },
  };
}

/**
 * Provisioning per week, cut in `timeZone`: success rate, requests fulfilled with and without a
 * person, and every action by who took it.
 */
export async function provisioningWeeks(options: {
  measures: PlatformMeasuresStore;
  window: TimeWindow;
  timeZone: string;
}): Promise<ProvisioningWeeksResponse> {
  const { measures, window, timeZone } = options;
  const total: ProvisioningPeriod = {
    succeeded: 0,
    failed: 0,
    automated: 0,
    manual: 0,
    actions: { platform: 0, requester: 0, person: 0 },
  };
  const weeks: ProvisioningWeeksResponse['weeks'] = [];
  for (const week of isoWeeks(window, timeZone)) {
    const period = await measures.provisioningPeriod(week.window);
    total.succeeded += period.succeeded;
    total.failed += period.failed;
    total.automated += period.automated;
    total.manual += period.manual;
    for (const kind of ['platform', 'requester', 'person'] as const) {
      total.actions[kind] += period.actions[kind];
    }
    weeks.push({ week: week.week, start: week.start, ...summarise(period) });
  }
  return {
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    },
    timeZone,
    ...summarise(total),
    weeks,
  };
}
