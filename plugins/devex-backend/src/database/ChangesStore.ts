import type { ChangeEventData } from '@paved/plugin-devex-common';
import type { ServiceScope, TimeWindow } from './DoraStore';

/** A stored change as its event carried it, with the source time of that state. */
export interface StoredChange {
  data: ChangeEventData;
  observedAt: number | null;
}

/** Median, 75th percentile (milliseconds, or lines for sizes) and sample count of one measure. */
export interface MeasureSummary {
  median: number | null;
  p75: number | null;
  samples: number;
}

/** The review flow of one scope and window; durations in milliseconds. */
export interface ChangeFlowAggregates {
  /** Changes merged in the window: the population of every stage. */
  merged: number;
  coding: MeasureSummary;
  pickup: MeasureSummary;
  review: MeasureSummary;
  deploy: MeasureSummary;
  /** Lines changed of the merged changes that report them. */
  size: MeasureSummary & {
    /** Changes per size class, in the order of `changeSizeClasses`. */
    classes: number[];
  };
  /** Changes opened in the window that are neither merged nor closed. */
  open: number;
}

/** Reads of the changes (pull requests) that ingest stores. */
export interface ChangesStore {
  changeFlow(
    scope: ServiceScope,
    window: TimeWindow,
  ): Promise<ChangeFlowAggregates>;
  /** The stored change with this identity, if any. */
  storedChange(source: string, id: string): Promise<StoredChange | undefined>;
}
