import { DatabaseService } from '@backstage/backend-plugin-api';
import { KnexCampaignStore } from './KnexCampaignStore';
import { KnexEntityStore } from './KnexEntityStore';
import { KnexExemptionStore } from './KnexExemptionStore';
import { KnexFactStore } from './KnexFactStore';
import { KnexFixStore } from './KnexFixStore';
import { migratedClient } from './migrations';
import type {
  CampaignStore,
  EntityStore,
  ExemptionStore,
  FactStore,
  FixStore,
} from './stores';

export type * from './stores';

/** Every store of the plugin, on one migrated database. */
export interface ScorecardsStores {
  facts: FactStore;
  entities: EntityStore;
  exemptions: ExemptionStore;
  campaigns: CampaignStore;
  fixes: FixStore;
}

export async function createStores(
  database: DatabaseService,
  now: () => Date = () => new Date(),
): Promise<ScorecardsStores> {
  const db = await migratedClient(database);
  return {
    facts: new KnexFactStore(db),
    entities: new KnexEntityStore(db),
    exemptions: new KnexExemptionStore(db, now),
    campaigns: new KnexCampaignStore(db),
    fixes: new KnexFixStore(db),
  };
}
