/**
 * The q-quantile of `values` by linear interpolation between closest ranks (Hyndman & Fan type 7,
 * the spreadsheet PERCENTILE.INC). At q = 0.5 on an even count this is the mean of the two middle
 * values, the definition the DORA median uses. `null` when there are no samples: a missing lead
 * time must never read as 0 (which would look "elite").
 * @public
 */
export function quantile(
  values: ReadonlyArray<number>,
  q: number,
): number | null {
  if (values.length === 0) return null;
  if (!(q >= 0 && q <= 1))
    throw new RangeError('quantile q must be within [0, 1]');
  const sorted = [...values].sort((a, b) => a - b);
  return quantileOfSorted(sorted, q);
}

/** {@link quantile} for input already sorted ascending. @public */
export function quantileOfSorted(
  sorted: ReadonlyArray<number>,
  q: number,
): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  if (lower === upper) return sorted[lower];
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Median; an even count gives the mean of the two middle values. @public */
export function median(values: ReadonlyArray<number>): number | null {
  return quantile(values, 0.5);
}

/** 90th percentile (type 7 interpolation). @public */
export function p90(values: ReadonlyArray<number>): number | null {
  return quantile(values, 0.9);
}

/** `numerator / denominator`, or `null` when there is nothing to divide by. @public */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * Net Promoter Score from 0–10 scores: % promoters (9–10) minus % detractors (0–6), or `null`
 * without responses.
 * @public
 */
export function netPromoterScore(scores: ReadonlyArray<number>): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter(s => s >= 9).length;
  const detractors = scores.filter(s => s <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 1000) / 10;
}
