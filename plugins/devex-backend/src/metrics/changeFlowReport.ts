import {
  ChangeFlowResponse,
  DoraScope,
  changeSizeClasses,
} from '@paved/plugin-devex-common';
import { ChangeFlowAggregates, MeasureSummary } from '../database/ChangesStore';
import { TimeWindow } from '../database/DoraStore';

const HOUR_MS = 3_600_000;

const inHours = (s: MeasureSummary) => ({
  medianHours: s.median === null ? null : s.median / HOUR_MS,
  p75Hours: s.p75 === null ? null : s.p75 / HOUR_MS,
  samples: s.samples,
});

/** `GET /changes`: the store's review-flow aggregates in hours, with the size classes named. */
export function buildChangeFlowReport(options: {
  flow: ChangeFlowAggregates;
  scope: DoraScope;
  window: TimeWindow;
}): ChangeFlowResponse {
  const { flow, scope, window } = options;
  return {
    scope,
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    },
    merged: flow.merged,
    coding: inHours(flow.coding),
    pickup: inHours(flow.pickup),
    review: inHours(flow.review),
    deploy: inHours(flow.deploy),
    size: {
      medianLines: flow.size.median,
      p75Lines: flow.size.p75,
      samples: flow.size.samples,
      classes: changeSizeClasses.map((c, i) => ({
        label: c.label,
        maxLines: c.maxLines,
        changes: flow.size.classes[i],
      })),
    },
    open: flow.open,
  };
}
