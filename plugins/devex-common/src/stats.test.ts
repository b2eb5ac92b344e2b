import { median, netPromoterScore, p90, quantile, ratio } from './stats';

describe('stats', () => {
  it('takes the mean of the two middle values for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('interpolates p90 between closest ranks', () => {
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(9.1);
    expect(p90([10, 20])).toBe(19);
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
  });

  it('answers null, never 0, without samples', () => {
    expect(median([])).toBeNull();
    expect(p90([])).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    expect(netPromoterScore([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects quantiles outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('computes NPS as promoters minus detractors in percent', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(netPromoterScore([10, 10, 9])).toBe(100);
    expect(netPromoterScore([9, 5, 5])).toBe(-33.3);
  });
});
