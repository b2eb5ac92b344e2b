import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import type { ScorecardsEngine } from '../evaluation/ScorecardsEngine';
import type { FactCollection } from '../facts/FactCollection';
import type { Fixes } from '../fixes/Fixes';
import type { Campaigns } from '../campaigns/Campaigns';

const MINUTE = 60_000;

/**
 * The plugin's scheduled work; each task runs on one replica at a time (Backstage's scheduler
 * coordinates through the database):
 * - `scorecards-catalog-sync`: compares the catalog with what is tracked, collects facts of new
 *   and changed entities, follows open fixes, evaluates what changed and rolls up;
 * - `scorecards-refresh`: collects again the facts of entities collected longest ago;
 * - `scorecards-campaigns`: campaign progress for the day and reminders to owners.
 */
export async function scheduleBackgroundWork(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  engine: ScorecardsEngine;
  collection: FactCollection;
  fixes: Fixes;
  campaigns: Campaigns;
  catalogSyncMinutes: number;
  refreshMinutes: number;
}): Promise<void> {
  const { scheduler, logger, engine, collection, fixes, campaigns } = options;
  const syncMs = options.catalogSyncMinutes * MINUTE;

  await scheduler.scheduleTask({
    id: 'scorecards-catalog-sync',
    frequency: { minutes: options.catalogSyncMinutes },
    timeout: { minutes: 30 },
    initialDelay: { seconds: 15 },
    fn: async () => {
      const changed = await collection.syncCatalog();
      await fixes.poll();
      // An exemption that expired since the last runs stops counting now.
      await engine.expireExemptions(3 * syncMs);
      const evaluated = await engine.evaluateStale();
      await engine.rollUp();
      if (changed > 0 || evaluated > 0) {
        logger.info(
          `Scorecards: ${changed} entities collected, ${evaluated} evaluated`,
        );
      }
    },
  });

  await scheduler.scheduleTask({
    id: 'scorecards-refresh',
    frequency: { minutes: Math.max(1, Math.round(options.refreshMinutes / 6)) },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 2 },
    fn: async () => {
      // A sixth of the interval per run, so every entity is collected about once per interval
      // without one long burst of repository reads.
      const refreshed = await collection.refresh(
        2000,
        Date.now() - options.refreshMinutes * MINUTE,
      );
      if (refreshed > 0) await engine.evaluateStale();
    },
  });

  await scheduler.scheduleTask({
    id: 'scorecards-campaigns',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
    fn: () => campaigns.track(),
  });
}
