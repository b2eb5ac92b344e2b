import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { KnexChangesStore } from './KnexChangesStore';
import { KnexDoraStore } from './KnexDoraStore';
import { KnexImpactStore } from './KnexImpactStore';
import { KnexAvailabilityStore } from './KnexAvailabilityStore';
import { KnexOrganisationSettingsStore } from './KnexOrganisationSettingsStore';
import { KnexFeedbackStore } from './KnexFeedbackStore';
import { KnexIngestStore } from './KnexIngestStore';
import { KnexPlatformMeasuresStore } from './KnexPlatformMeasuresStore';
import { KnexSurveyStore } from './KnexSurveyStore';
import { KnexOnboardingStore } from './KnexOnboardingStore';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-devex-backend',
  'migrations',
);

/** DevEx storage, one store per concern, all in the plugin's database. */
export interface DevexStores {
  ingest: KnexIngestStore;
  dora: KnexDoraStore;
  surveys: KnexSurveyStore;
  measures: KnexPlatformMeasuresStore;
  changes: KnexChangesStore;
  impact: KnexImpactStore;
  feedback: KnexFeedbackStore;
  availability: KnexAvailabilityStore;
  settings: KnexOrganisationSettingsStore;
  onboarding: KnexOnboardingStore;
}

/** The stores over one knex client (migrations already run). */
export function devexStoresOf(db: Knex): DevexStores {
  return {
    ingest: new KnexIngestStore(db),
    dora: new KnexDoraStore(db),
    surveys: new KnexSurveyStore(db),
    measures: new KnexPlatformMeasuresStore(db),
    changes: new KnexChangesStore(db),
    impact: new KnexImpactStore(db),
    feedback: new KnexFeedbackStore(db),
    availability: new KnexAvailabilityStore(db),
    settings: new KnexOrganisationSettingsStore(db),
    onboarding: new KnexOnboardingStore(db),
  };
}

/** Runs the plugin's migrations (unless `database.migrations.skip`) and builds the stores. */
export async function createDevexStores(options: {
  database: DatabaseService;
}): Promise<DevexStores> {
  const db = await options.database.getClient();
  if (!options.database.migrations?.skip) {
    await db.migrate.latest({ directory: migrationsDir });
  }
  return devexStoresOf(db);
}
