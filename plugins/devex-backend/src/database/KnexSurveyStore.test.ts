import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores } from '../__testUtils__/testStores';
import { SurveyResponseRecord } from './SurveyStore';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

const day = (n: number) => Date.parse('2026-12-01T00:00:00Z') + n * 86_400_000;

const answer = (
  id: string,
  submittedAt: number,
  extra: Partial<SurveyResponseRecord> = {},
): SurveyResponseRecord => ({
  source: 'portal',
  id,
  respondent: `r-${id}`,
  teamRef: 'group:default/payments',
  score: 8,
  comment: null,
  submittedAt,
  demo: false,
  ...extra,
});

describe.each(ids)('KnexSurveyStore on %s', databaseId => {
  it('returns the answers of a window, newest first, and replaces an answer by its identity', async () => {
    const { surveys } = await createTestStores(
      await databases.init(databaseId),
    );
    expect(await surveys.recordAnswer(answer('a', day(1)))).toEqual({
      replaced: false,
    });
    await surveys.recordAnswer(answer('b', day(3), { comment: 'slow' }));
    await surveys.recordAnswer(answer('c', day(10)));
    expect(
      await surveys.recordAnswer(
        answer('a', day(2), { score: 3, teamRef: null }),
      ),
    ).toEqual({ replaced: true });

    const inWindow = await surveys.surveyResponses({
      from: day(0),
      to: day(10),
    });
    expect(inWindow).toEqual([
      answer('b', day(3), { comment: 'slow' }),
      answer('a', day(2), { score: 3, teamRef: null }),
    ]);
  });
});
