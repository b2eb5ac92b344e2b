import {
  checkDefinitionSchema,
  compareFact,
  evaluateCheck,
  isBelow,
  isExemptionActive,
  levelOf,
  pushFactsRequestSchema,
} from '.';

describe('evaluateCheck', () => {
  const coverage = {
    id: 'coverage',
    fact: 'ci.coverage',
    operator: '>=' as const,
    threshold: 80,
  };

  it('passes and fails numeric thresholds, naming the value', () => {
    const at = '2026-12-07T10:00:00Z';
    expect(
      evaluateCheck(coverage, { status: 'known', value: 83.4, observedAt: at }),
    ).toMatchObject({ status: 'pass', value: 83.4 });
    const failed = evaluateCheck(coverage, {
      status: 'known',
      value: 72,
      observedAt: at,
    });
    expect(failed.status).toBe('fail');
    expect(failed.reason).toBe('ci.coverage is 72, expected >= 80');
  });

  it('reports unknown, never fail, when the fact is missing or unreadable', () => {
    expect(evaluateCheck(coverage, undefined)).toMatchObject({
      status: 'unknown',
      reason: 'no value for ci.coverage has been collected yet',
    });
    expect(
      evaluateCheck(coverage, {
        status: 'unknown',
        value: null,
        reason: 'the repository could not be read: 404',
        observedAt: '2026-12-07T10:00:00Z',
      }),
    ).toMatchObject({
      status: 'unknown',
      reason: 'the repository could not be read: 404',
    });
  });

  it('compares with every operator', () => {
    expect(compareFact('==', true, true)).toBe(true);
    expect(compareFact('!=', 'production', 'experimental')).toBe(true);
    expect(compareFact('<', 0, 1)).toBe(true);
    expect(compareFact('>', '9', 1)).toBe(false);
    expect(compareFact('in', 'high', ['elite', 'high'])).toBe(true);
    expect(compareFact('notIn', 'low', ['low'])).toBe(false);
    expect(compareFact('contains', ['a', 'b'], 'b')).toBe(true);
  });
});

describe('levelOf', () => {
  const scorecard = {
    levels: { bronze: ['a'], silver: ['b'], gold: ['c'] },
  };

  it('is the highest level whose checks and those below are all met', () => {
    const results = (statuses: Record<string, string>) =>
      new Map(
        Object.entries(statuses).map(([k, status]) => [k, { status } as any]),
      );
    expect(
      levelOf(scorecard, results({ a: 'fail', b: 'pass', c: 'pass' })),
    ).toBeNull();
    expect(
      levelOf(scorecard, results({ a: 'pass', b: 'exempt', c: 'fail' })),
    ).toBe('silver');
    expect(
      levelOf(scorecard, results({ a: 'pass', b: 'unknown', c: 'pass' })),
    ).toBe('bronze');
    expect(
      levelOf(scorecard, results({ a: 'pass', b: 'pass', c: 'pass' })),
    ).toBe('gold');
    // A check without a result does not apply; a level without checks is never awarded.
    expect(levelOf(scorecard, results({ a: 'pass', c: 'pass' }))).toBe('gold');
    expect(
      levelOf(
        { levels: { bronze: ['a'], silver: [], gold: [] } },
        results({ a: 'pass' }),
      ),
    ).toBe('bronze');
    expect(isBelow(null, 'bronze')).toBe(true);
    expect(isBelow('silver', 'silver')).toBe(false);
  });
});

describe('schemas', () => {
  it('names every problem of a check definition', () => {
    const result = checkDefinitionSchema.safeParse({
      id: 'Bad Id',
      title: 'x',
      description: 'y',
      fact: 'coverage',
      operator: '>=',
      threshold: 'eighty',
      howToFix: 'z',
    });
    expect(result.success).toBe(false);
    const paths = result.success
      ? []
      : result.error.issues.map(i => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'fact', 'threshold']));
  });

  it('accepts a CI report of coverage and manifests', () => {
    expect(
      pushFactsRequestSchema.safeParse({
        entityRef: 'component:default/payments-api',
        facts: [{ id: 'ci.coverage', value: 81 }],
        manifests: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'x' },
          },
        ],
      }).success,
    ).toBe(true);
    expect(
      pushFactsRequestSchema.safeParse({
        entityRef: 'component:default/payments-api',
        facts: [{ id: 'repo.hasRunbook', value: true }],
      }).success,
    ).toBe(false);
  });
});

describe('isExemptionActive', () => {
  it('counts approved exemptions until they expire', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(
      isExemptionActive(
        { status: 'approved', expiresAt: '2026-12-08T00:00:00Z' },
        now,
      ),
    ).toBe(true);
    expect(
      isExemptionActive(
        { status: 'approved', expiresAt: '2026-12-07T09:59:59Z' },
        now,
      ),
    ).toBe(false);
    expect(
      isExemptionActive(
        { status: 'pending', expiresAt: '2026-12-08T00:00:00Z' },
        now,
      ),
    ).toBe(false);
  });
});
