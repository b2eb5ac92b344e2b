/**
 * Lead-time samples are filed into log-scale buckets (about 2.5 % wide) so an organisation-wide
 * median can be found exactly without sorting every sample: count samples per bucket from the
 * daily histogram, then read only the one bucket holding the wanted rank. The function must stay
 * monotonic in `leadMs` (the order of buckets is the order of values); changing it needs a
 * migration that refills `bucket` and the histogram.
 */
export function leadTimeBucket(leadMs: number): number | null {
  if (!(leadMs > 0)) return null;
  return Math.floor(Math.log(leadMs) * 40);
}
