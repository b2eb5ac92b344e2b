import { defaultLevelBands, levelFor } from './metrics';
import { devexEventSchema, formatIssuePath } from './events';

describe('levelFor (DORA 2023 bands)', () => {
  it('grades deployment frequency per week, at or above each band', () => {
    expect(levelFor('deploymentFrequency', 7)).toBe('elite');
    expect(levelFor('deploymentFrequency', 6.9)).toBe('high');
    expect(levelFor('deploymentFrequency', 1)).toBe('high');
    expect(levelFor('deploymentFrequency', 0.25)).toBe('medium'); // about monthly
    expect(levelFor('deploymentFrequency', 0.2)).toBe('low');
  });

  it('grades lead and recovery time in hours, below each band', () => {
    expect(levelFor('leadTime', 23.9)).toBe('elite');
    expect(levelFor('leadTime', 24)).toBe('high');
    expect(levelFor('leadTime', 24 * 7)).toBe('medium');
    expect(levelFor('leadTime', 24 * 30)).toBe('low');
    expect(levelFor('recoveryTime', 0.5)).toBe('elite');
    expect(levelFor('recoveryTime', 1)).toBe('high');
    expect(levelFor('recoveryTime', 24 * 8)).toBe('low');
  });

  it('grades change failure rate at or below each band', () => {
    expect(levelFor('changeFailureRate', 0.05)).toBe('elite');
    expect(levelFor('changeFailureRate', 0.1)).toBe('high');
    expect(levelFor('changeFailureRate', 0.15)).toBe('medium');
    expect(levelFor('changeFailureRate', 0.16)).toBe('low');
  });

  it('has no level without samples', () => {
    expect(levelFor('leadTime', null)).toBeNull();
  });

  it('follows configured bands', () => {
    const bands = {
      ...defaultLevelBands,
      leadTime: { elite: 1, high: 2, medium: 3 },
    };
    expect(levelFor('leadTime', 1.5, bands)).toBe('high');
  });
});

describe('event schema', () => {
  it('accepts a deployment with an offset timestamp and names the path of a bad field', () => {
    const ok = devexEventSchema.safeParse({
      id: 'd1',
      source: 'ci',
      type: 'deployment',
      subject: 'component:default/payments-api',
      data: {
        environment: 'production',
        status: 'success',
        finishedAt: '2026-10-01T10:00:00+02:00',
        commits: [{ sha: 'abcdef1', committedAt: '2026-10-01T07:00:00Z' }],
      },
    });
    expect(ok.success).toBe(true);
    const bad = devexEventSchema.safeParse({
      id: 'i1',
      source: 'ci',
      type: 'incident',
      subject: 'component:default/payments-api',
      data: { startedAt: 'last tuesday' },
    });
    expect(bad.success).toBe(false);
    const path = bad.success ? [] : bad.error.issues[0].path;
    expect(formatIssuePath(['events', 3, ...path])).toBe(
      'events[3].data.startedAt',
    );
  });
});
