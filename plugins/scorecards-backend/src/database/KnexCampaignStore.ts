import { Knex } from 'knex';
import type { Campaign } from '@paved/plugin-scorecards-common';
import type { CampaignStore } from './stores';
import { parseJson, toMillis } from './migrations';

function toCampaign(row: any): Campaign {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    checkId: row.check_id,
    target: parseJson(row.target, {}),
    deadline: new Date(toMillis(row.deadline)!).toISOString(),
    createdBy: row.created_by,
    createdAt: new Date(toMillis(row.created_at)!).toISOString(),
    updatedAt: new Date(toMillis(row.updated_at)!).toISOString(),
  };
}

export class KnexCampaignStore implements CampaignStore {
  constructor(private readonly db: Knex) {}

  async create(campaign: Campaign): Promise<Campaign> {
    await this.db('scorecards_campaigns').insert({
      id: campaign.id,
      title: campaign.title,
      description: campaign.description,
      check_id: campaign.checkId,
      target: JSON.stringify(campaign.target),
      deadline: Date.parse(campaign.deadline),
      created_by: campaign.createdBy,
      created_at: Date.parse(campaign.createdAt),
      updated_at: Date.parse(campaign.updatedAt),
    });
    return (await this.get(campaign.id))!;
  }

  async get(id: string): Promise<Campaign | undefined> {
    const row = await this.db('scorecards_campaigns').where({ id }).first();
    return row ? toCampaign(row) : undefined;
  }

  async list(): Promise<Campaign[]> {
    const rows = await this.db('scorecards_campaigns').orderBy(
      'deadline',
      'asc',
    );
    return rows.map(toCampaign);
  }

  async update(
    id: string,
    change: Partial<
      Pick<Campaign, 'title' | 'description' | 'deadline' | 'target'>
    > & {
      updatedAt: string;
    },
  ): Promise<Campaign | undefined> {
    const update: Record<string, unknown> = {
      updated_at: Date.parse(change.updatedAt),
    };
    if (change.title !== undefined) update.title = change.title;
    if (change.description !== undefined)
      update.description = change.description;
    if (change.deadline !== undefined)
      update.deadline = Date.parse(change.deadline);
    if (change.target !== undefined)
      update.target = JSON.stringify(change.target);
    const updated = await this.db('scorecards_campaigns')
      .where({ id })
      .update(update);
    return updated ? this.get(id) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    return await this.db.transaction(async tx => {
      // SQLite enforces the foreign key's cascade only with foreign_keys on; delete explicitly.
      await tx('scorecards_campaign_progress')
        .where({ campaign_id: id })
        .delete();
      return (await tx('scorecards_campaigns').where({ id }).delete()) > 0;
    });
  }

  async recordProgress(
    campaignId: string,
    day: string,
    done: number,
    total: number,
  ) {
    await this.db('scorecards_campaign_progress')
      .insert({ campaign_id: campaignId, day, done, total })
      .onConflict(['campaign_id', 'day'])
      .merge();
  }

  async progressHistory(campaignId: string) {
    const rows = await this.db('scorecards_campaign_progress')
      .where({ campaign_id: campaignId })
      .orderBy('day');
    return rows.map(r => ({
      day: r.day,
      done: Number(r.done),
      total: Number(r.total),
    }));
  }

  async claimNotification(campaignId: string, now: number, intervalMs: number) {
    // A conditional update is the claim: of several replicas, exactly one changes the row.
    const updated = await this.db('scorecards_campaigns')
      .where({ id: campaignId })
      .andWhere(q =>
        q
          .whereNull('notified_at')
          .orWhere('notified_at', '<=', now - intervalMs),
      )
      .update({ notified_at: now });
    return updated === 1;
  }
}
