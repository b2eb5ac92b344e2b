import { quantileOfSorted } from '@paved/plugin-devex-common';
import { BucketRanks } from './bucketRanks';
import { leadTimeBucket } from './leadTimeBuckets';

function bucketed(values: number[]) {
  const counts = new Map<number, number>();
  const byBucket = new Map<number, number[]>();
  for (const v of values) {
    const b = leadTimeBucket(v)!;
    counts.set(b, (counts.get(b) ?? 0) + 1);
    byBucket.set(b, [...(byBucket.get(b) ?? []), v]);
  }
  for (const list of byBucket.values()) list.sort((a, b) => a - b);
  return { ranks: new BucketRanks(counts), byBucket };
}

describe('BucketRanks', () => {
  it('gives the quantiles of sorting every value, reading only the wanted buckets', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    // Many values share buckets (ties included), so ranks fall inside buckets.
    const values = Array.from({ length: 2001 }, () =>
      Math.floor(3_600_000 * (1 + 40 * random() ** 3)),
    );
    values.push(values[10], values[10]);
    const sorted = [...values].sort((a, b) => a - b);
    const { ranks, byBucket } = bucketed(values);
    const quantiles = [0.1, 0.5, 0.75, 0.9, 1];
    const wanted = ranks.wantedBuckets(quantiles);
    expect(wanted.length).toBeLessThanOrEqual(2 * quantiles.length);
    expect(wanted.length).toBeLessThan(byBucket.size);
    const read = (bucket: number) => {
      expect(wanted).toContain(bucket);
      return byBucket.get(bucket);
    };
    expect(ranks.samples).toBe(values.length);
    for (const q of quantiles) {
      expect(ranks.quantile(q, read)).toBe(quantileOfSorted(sorted, q));
    }
  });

  it('interpolates between ranks in different buckets', () => {
    const { ranks, byBucket } = bucketed([2, 4, 6, 24].map(h => h * 3_600_000));
    expect(ranks.quantile(0.5, b => byBucket.get(b))).toBe(5 * 3_600_000);
    expect(ranks.wantedBuckets([0.5])).toHaveLength(2);
  });

  it('has no quantiles without samples, and refuses buckets out of step', () => {
    const empty = new BucketRanks(new Map([[3, 0]]));
    expect(empty.samples).toBe(0);
    expect(empty.wantedBuckets([0.5])).toEqual([]);
    expect(empty.quantile(0.5, () => [])).toBeNull();
    const ranks = new BucketRanks(new Map([[3, 2]]));
    expect(() => ranks.quantile(0.5, () => [1])).toThrow(/out of step/);
  });
});
