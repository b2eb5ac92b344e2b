import { Knex } from 'knex';
import {
  OrganisationSetting,
  OrganisationSettingsStore,
} from './OrganisationSettingsStore';
import { num } from './rows';

/** Knex implementation of {@link OrganisationSettingsStore} for PostgreSQL and SQLite. */
export class KnexOrganisationSettingsStore
  implements OrganisationSettingsStore
{
  constructor(private readonly db: Knex) {}

  async organisationSetting(
    name: string,
  ): Promise<OrganisationSetting | undefined> {
    const row = await this.db('devex_organisation_settings')
      .where({ name })
      .first();
    return row
      ? {
          value: row.value,
          updatedBy: row.updated_by,
          updatedAt: num(row.updated_at),
        }
      : undefined;
  }

  async setOrganisationSetting(name: string, setting: OrganisationSetting) {
    await this.db('devex_organisation_settings')
      .insert({
        name,
        value: setting.value,
        updated_by: setting.updatedBy,
        updated_at: setting.updatedAt,
      })
      .onConflict('name')
      .merge();
  }
}
