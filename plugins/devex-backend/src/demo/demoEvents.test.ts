import { devexEventSchema } from '@paved/plugin-devex-common';
import { demoEvents, demoSurveyAnswers } from './demoEvents';

describe('demoEvents', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  const services = [
    'component:default/payments-api',
    'component:default/checkout-web',
  ];

  it('produces valid demo events for 90 days, none in the future', () => {
    const events = demoEvents({ services, now });
    expect(events.length).toBeGreaterThan(100);
    expect(events.every(e => devexEventSchema.safeParse(e).success)).toBe(true);
    expect(events.every(e => e.source === 'paved-demo')).toBe(true);
    const finished = events.flatMap(e =>
      e.type === 'deployment' ? [Date.parse(e.data.finishedAt)] : [],
    );
    expect(Math.max(...finished)).toBeLessThanOrEqual(now);
    expect(Math.min(...finished)).toBeGreaterThan(now - 92 * 86_400_000);
    // Each pull request is merged before the deployment that ships its merge commit.
    const deployed = new Map(
      events.flatMap(e =>
        e.type === 'deployment' &&
        e.data.environment === 'production' &&
        e.data.commits.length > 0
          ? [[e.data.commits[0].sha, Date.parse(e.data.finishedAt)] as const]
          : [],
      ),
    );
    const changes = events.filter(e => e.type === 'change');
    expect(changes.length).toBeGreaterThan(50);
    for (const c of changes) {
      if (c.type !== 'change') continue;
      const opened = Date.parse(c.data.openedAt);
      const merged = Date.parse(c.data.mergedAt!);
      expect(Date.parse(c.data.firstCommitAt!)).toBeLessThanOrEqual(opened);
      expect(opened).toBeLessThanOrEqual(merged);
      expect(merged).toBeLessThan(deployed.get(c.data.mergeCommit!)!);
    }
    const kinds = new Set(
      events.map(
        e => `${e.type}:${e.type === 'deployment' ? e.data.environment : ''}`,
      ),
    );
    expect(kinds).toEqual(
      new Set([
        'deployment:production',
        'deployment:staging',
        'incident:',
        'change:',
      ]),
    );
  });

  it('sends identical content for the same identity when seeded again later', () => {
    const first = demoEvents({ services, now });
    const later = demoEvents({ services, now: now + 86_400_000 });
    const laterById = new Map(later.map(e => [e.id, e]));
    const changed = first.filter(e => {
      const again = laterById.get(e.id);
      return again && JSON.stringify(again) !== JSON.stringify(e);
    });
    // Only incidents that were still open may change (they get their resolvedAt).
    expect(
      changed.every(e => e.type === 'incident' && !e.data.resolvedAt),
    ).toBe(true);
  });

  it('makes survey answers of the last 60 days, never in the future', () => {
    const answers = demoSurveyAnswers({ now });
    expect(answers).toHaveLength(24);
    expect(new Set(answers.map(a => a.respondent)).size).toBe(24);
    for (const a of answers) {
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(10);
      expect(a.submittedAt).toBeLessThanOrEqual(now);
      expect(a.submittedAt).toBeGreaterThan(now - 61 * 86_400_000);
    }
  });
});
