import { randomUUID } from 'node:crypto';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { violationsError } from '@paved/backend-platform';
import {
  Campaign,
  CampaignProgress,
  CampaignWithProgress,
  CreateCampaignRequest,
  isMet,
  UpdateCampaignRequest,
} from '@paved/plugin-scorecards-common';
import type { ScorecardsStores } from '../database';
import type { ScorecardsEngine } from '../evaluation/ScorecardsEngine';
import { dayOf } from '../evaluation/rollups';

const DAY = 86_400_000;

/**
 * Campaigns: one check, a target set of entities, a deadline. Progress is read from the latest
 * evaluations and kept once a day as history; owners of entities that still fail are notified
 * when the campaign starts and then at every reminder interval until the deadline.
 */
export class Campaigns {
  constructor(
    private readonly options: {
      stores: ScorecardsStores;
      engine: ScorecardsEngine;
      notifications: NotificationService;
      logger: LoggerService;
      reminderDays: number;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async checkExists(checkId: string): Promise<void> {
    const definitions = await this.options.engine.definitions();
    if (!definitions.checks.some(c => c.id === checkId)) {
      throw violationsError([
        {
          field: 'checkId',
          problem: `no check with id ${checkId}`,
          rule: 'known-check',
        },
      ]);
    }
  }

  async create(
    body: CreateCampaignRequest,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<CampaignWithProgress> {
    await this.checkExists(body.checkId);
    if (Date.parse(body.deadline) <= this.now().getTime()) {
      throw violationsError([
        { field: 'deadline', problem: 'must be in the future', rule: 'future' },
      ]);
    }
    const now = this.now().toISOString();
    const campaign = await this.options.stores.campaigns.create({
      id: randomUUID(),
      title: body.title,
      description: body.description,
      checkId: body.checkId,
      target: {
        ...body.target,
        owners: body.target.owners?.map(o => o.toLocaleLowerCase('en-US')),
        entityRefs: body.target.entityRefs?.map(o =>
          o.toLocaleLowerCase('en-US'),
        ),
      },
      deadline: new Date(body.deadline).toISOString(),
      createdBy: credentials.principal.userEntityRef,
      createdAt: now,
      updatedAt: now,
    });
    await this.snapshot(campaign);
    return this.withProgress(campaign);
  }

  async update(
    id: string,
    body: UpdateCampaignRequest,
  ): Promise<CampaignWithProgress> {
    if (body.deadline && Date.parse(body.deadline) <= this.now().getTime()) {
      throw violationsError([
        { field: 'deadline', problem: 'must be in the future', rule: 'future' },
      ]);
    }
    const updated = await this.options.stores.campaigns.update(id, {
      ...body,
      deadline: body.deadline
        ? new Date(body.deadline).toISOString()
        : undefined,
      updatedAt: this.now().toISOString(),
    });
    if (!updated) throw new NotFoundError(`No campaign with id ${id}`);
    return this.withProgress(updated);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.options.stores.campaigns.delete(id))) {
      throw new NotFoundError(`No campaign with id ${id}`);
    }
  }

  async get(id: string): Promise<CampaignWithProgress> {
    const campaign = await this.options.stores.campaigns.get(id);
    if (!campaign) throw new NotFoundError(`No campaign with id ${id}`);
    return this.withProgress(campaign);
  }

  async list(): Promise<CampaignWithProgress[]> {
    const campaigns = await this.options.stores.campaigns.list();
    return Promise.all(
      campaigns.map(c => this.withProgress(c, { history: false })),
    );
  }

  private async current(
    campaign: Campaign,
  ): Promise<Omit<CampaignProgress, 'history'>> {
    const entities = await this.options.stores.entities.listEntities(
      campaign.target,
    );
    let total = 0;
    let done = 0;
    const remaining: CampaignProgress['remaining'] = [];
    for (const entity of entities) {
      const result = entity.results[campaign.checkId];
      // Entities not evaluated yet, or to which the check does not apply, are not counted.
      if (!result) continue;
      total += 1;
      if (isMet(result.status)) done += 1;
      else
        remaining.push({
          entityRef: entity.entityRef,
          owner: entity.owner,
          status: result.status,
          reason: result.reason,
        });
    }
    return { total, done, remaining };
  }

  private async withProgress(
    campaign: Campaign,
    options: { history: boolean } = { history: true },
  ): Promise<CampaignWithProgress> {
    const progress = await this.current(campaign);
    const history = options.history
      ? await this.options.stores.campaigns.progressHistory(campaign.id)
      : [];
    return { ...campaign, progress: { ...progress, history } };
  }

  private async snapshot(
    campaign: Campaign,
  ): Promise<Omit<CampaignProgress, 'history'>> {
    const progress = await this.current(campaign);
    await this.options.stores.campaigns.recordProgress(
      campaign.id,
      dayOf(this.now()),
      progress.done,
      progress.total,
    );
    return progress;
  }

  /** Today's progress of every running campaign, and reminders to owners that are due. */
  async track(): Promise<void> {
    const now = this.now();
    for (const campaign of await this.options.stores.campaigns.list()) {
      const progress = await this.snapshot(campaign);
      if (
        Date.parse(campaign.deadline) < now.getTime() ||
        progress.remaining.length === 0
      )
        continue;
      const due = await this.options.stores.campaigns.claimNotification(
        campaign.id,
        now.getTime(),
        this.options.reminderDays * DAY,
      );
      if (due) await this.notifyOwners(campaign, progress.remaining);
    }
  }

  private async notifyOwners(
    campaign: Campaign,
    remaining: CampaignProgress['remaining'],
  ): Promise<void> {
    const byOwner = new Map<string, string[]>();
    for (const item of remaining) {
      if (!item.owner) continue;
      byOwner.set(item.owner, [
        ...(byOwner.get(item.owner) ?? []),
        item.entityRef,
      ]);
    }
    for (const [owner, refs] of byOwner) {
      try {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: owner },
          payload: {
            title: `Campaign "${campaign.title}": ${refs.length} of your entities still to do`,
            description: `Make ${
              campaign.checkId
            } pass by ${campaign.deadline.slice(0, 10)}: ${refs.join(', ')}`,
            link: `/scorecards/campaigns/${campaign.id}`,
            severity: 'normal',
            topic: 'scorecards-campaigns',
          },
        });
      } catch (error) {
        this.options.logger.warn(
          `Could not notify ${owner} about campaign ${campaign.id}: ${error}`,
        );
      }
    }
  }
}
