/**
 * Exact quantiles from log-scale lead-time buckets (see `leadTimeBucket`): with the number of
 * samples per bucket known, the sample of any rank lies in one known bucket, so only that
 * bucket's values need to be read and sorted, never every sample.
 */
export class BucketRanks {
  /** Buckets in value order, each with its number of samples. */
  private readonly buckets: Array<readonly [number, number]>;
  readonly samples: number;

  constructor(counts: ReadonlyMap<number, number>) {
    this.buckets = [...counts.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => a[0] - b[0]);
    this.samples = this.buckets.reduce((sum, [, n]) => sum + n, 0);
  }

  /** The two closest ranks whose values `q` interpolates between (0-based). */
  private ranks(q: number) {
    const position = (this.samples - 1) * q;
    return {
      position,
      lower: Math.floor(position),
      upper: Math.ceil(position),
    };
  }

  /** The bucket holding the sample of `rank`, and its place among that bucket's values. */
  locate(rank: number): { bucket: number; offset: number } {
    let before = 0;
    for (const [bucket, n] of this.buckets) {
      if (rank < before + n) return { bucket, offset: rank - before };
      before += n;
    }
    throw new Error(
      `lead-time buckets out of step: rank ${rank} of ${this.samples}`,
    );
  }

  /** The buckets whose values the `quantiles` need (none without samples). */
  wantedBuckets(quantiles: number[]): number[] {
    if (this.samples === 0) return [];
    const wanted = new Set<number>();
    for (const q of quantiles) {
      const { lower, upper } = this.ranks(q);
      wanted.add(this.locate(lower).bucket);
      wanted.add(this.locate(upper).bucket);
    }
    return [...wanted];
  }

  /**
   * The `q` quantile (linear interpolation between closest ranks, as `percentile_cont`), given
   * the sorted values of each bucket `wantedBuckets` named; null without samples.
   */
  quantile(
    q: number,
    sortedValuesOf: (bucket: number) => ReadonlyArray<number> | undefined,
  ): number | null {
    if (this.samples === 0) return null;
    const valueAt = (rank: number) => {
      const { bucket, offset } = this.locate(rank);
      const value = sortedValuesOf(bucket)?.[offset];
      if (value === undefined) {
        throw new Error(`lead-time buckets out of step in bucket ${bucket}`);
      }
      return value;
    };
    const { position, lower, upper } = this.ranks(q);
    const low = valueAt(lower);
    if (upper === lower) return low;
    return low + (valueAt(upper) - low) * (position - lower);
  }
}
