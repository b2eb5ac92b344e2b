import { TimeWindow } from './DoraStore';

/** One probe of the portal's readiness. */
export interface AvailabilityProbeResult {
  /** Start of the minute probed (epoch ms, a multiple of 60 000). */
  minute: number;
  up: boolean;
  statusCode: number | null;
  latencyMs: number | null;
  /** Epoch ms. */
  probedAt: number;
}

/** The portal's own availability, one probe per minute. */
export interface AvailabilityStore {
  /** Records a probe; a second probe of the same minute replaces the first. */
  recordProbe(probe: AvailabilityProbeResult): Promise<void>;
  /** The minute of the first probe ever recorded: availability is measured from there on. */
  firstProbeMinute(): Promise<number | null>;
  /** Minutes in [from, to) that were probed, and those whose probe found the portal up. */
  probeCounts(window: TimeWindow): Promise<{ probed: number; up: number }>;
  /** Forgets probes before `minute`. */
  forgetProbesBefore(minute: number): Promise<void>;
}
