import { levelBandSets, levelUnder } from './levelBands';

describe('level bands by report year', () => {
  const { 'dora-2023': y2023, 'dora-2024': y2024, none } = levelBandSets;

  it('DORA 2023: change failure rate 5 / 10 / 15 %', () => {
    expect(levelUnder(y2023, 'changeFailureRate', 0.05)).toBe('elite');
    expect(levelUnder(y2023, 'changeFailureRate', 0.08)).toBe('high');
    expect(levelUnder(y2023, 'changeFailureRate', 0.15)).toBe('medium');
    expect(levelUnder(y2023, 'changeFailureRate', 0.16)).toBe('low');
    expect(levelUnder(y2023, 'recoveryTime', 30)).toBe('medium');
  });

  it('DORA 2024: up to 20 % failures is high, above is low; recovery of a day or more is low', () => {
    expect(levelUnder(y2024, 'changeFailureRate', 0.05)).toBe('elite');
    expect(levelUnder(y2024, 'changeFailureRate', 0.08)).toBe('high');
    expect(levelUnder(y2024, 'changeFailureRate', 0.2)).toBe('high');
    expect(levelUnder(y2024, 'changeFailureRate', 0.21)).toBe('low');
    expect(levelUnder(y2024, 'recoveryTime', 0.5)).toBe('elite');
    expect(levelUnder(y2024, 'recoveryTime', 23)).toBe('high');
    expect(levelUnder(y2024, 'recoveryTime', 30)).toBe('low');
    // Unchanged from 2023.
    expect(levelUnder(y2024, 'deploymentFrequency', 3)).toBe('high');
    expect(levelUnder(y2024, 'leadTime', 200)).toBe('medium');
  });

  it("DORA 2024: each cluster's own values from the report's table read as that cluster", () => {
    // [level, deployments per week, lead time h, change failure rate, recovery h]
    const clusters = [
      ['elite', 14, 12, 0.05, 0.5],
      ['high', 3, 72, 0.2, 12],
      ['medium', 0.5, 24 * 14, 0.1, 12],
      ['low', 0.1, 24 * 60, 0.4, 24 * 14],
    ] as const;
    for (const [level, frequency, lead, failures, recovery] of clusters) {
      expect(levelUnder(y2024, 'deploymentFrequency', frequency)).toBe(level);
      expect(levelUnder(y2024, 'leadTime', lead)).toBe(level);
      // Medium's 10 % failure rate and under-a-day recovery also meet the high cluster.
      const stability = level === 'medium' ? 'high' : level;
      expect(levelUnder(y2024, 'changeFailureRate', failures)).toBe(stability);
      expect(levelUnder(y2024, 'recoveryTime', recovery)).toBe(stability);
    }
  });

  it('no tiers (DORA 2025): never a level, and no value is never a level either', () => {
    expect(levelUnder(none, 'changeFailureRate', 0.01)).toBeNull();
    expect(levelUnder(none, 'deploymentFrequency', 50)).toBeNull();
    expect(levelUnder(y2023, 'leadTime', null)).toBeNull();
  });
});
