import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

describe.each(ids)('KnexOrganisationSettingsStore on %s', databaseId => {
  it('keeps the latest choice and who made it', async () => {
    const { settings } = await createTestStores(
      await databases.init(databaseId),
    );
    expect(await settings.organisationSetting('level-bands')).toBeUndefined();
    await settings.setOrganisationSetting('level-bands', {
      value: 'dora-2024',
      updatedBy: 'user:default/priya.natarajan',
      updatedAt: 1_700_000_000_000,
    });
    await settings.setOrganisationSetting('level-bands', {
      value: 'none',
      updatedBy: 'user:default/alex.kim',
      updatedAt: 1_700_000_060_000,
    });
    expect(await settings.organisationSetting('level-bands')).toEqual({
      value: 'none',
      updatedBy: 'user:default/alex.kim',
      updatedAt: 1_700_000_060_000,
    });
  });
});
