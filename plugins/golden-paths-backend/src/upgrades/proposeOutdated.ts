import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ACTIVE_UPGRADE_STATUSES,
  ANNOTATION_TEMPLATE_VERSION,
  isOutdated,
  lineageOf,
} from '@paved/plugin-golden-paths-common';
import pLimit from 'p-limit';
import { UpgradeStore } from '../database/UpgradeStore';
import { DriftReport } from './DriftReport';
import {
  SCHEDULED_PROPOSER,
  UpgradeProposals,
  isAwaitingInputs,
} from './UpgradeProposals';

/** What one run of {@link proposeOutdatedComponents} did. */
export type ProposalRun = {
  proposed: string[];
  failed: Array<{ entityRef: string; error: string }>;
  /** Already proposed for the latest version, or still waiting for inputs to be recorded. */
  skipped: number;
  /** Milliseconds each proposal took, in the order they finished. */
  durationsMs: number[];
};

/**
 * Proposes the upgrade of every component made from an older version of its template that has
 * no active proposal for the latest version yet, a few at a time. Run by the scheduler (once
 * across replicas); a component that fails is reported and retried on the next run.
 */
export async function proposeOutdatedComponents(options: {
  drift: DriftReport;
  store: UpgradeStore;
  proposals: UpgradeProposals;
  auth: AuthService;
  logger: LoggerService;
  concurrency?: number;
}): Promise<ProposalRun> {
  const { drift, store, proposals, auth, logger } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const { templates, components } = await drift.entities(credentials);
  const templatesByRef = new Map(
    templates.map(t => [stringifyEntityRef(t), t]),
  );
  const latest = await store.latestPerEntity(
    components.map(c => stringifyEntityRef(c)),
  );
  const run: ProposalRun = {
    proposed: [],
    failed: [],
    skipped: 0,
    durationsMs: [],
  };
  const limit = pLimit(options.concurrency ?? 4);
  await Promise.all(
    components.map(entity =>
      limit(async () => {
        const entityRef = stringifyEntityRef(entity);
        const lineage = lineageOf(entity)!;
        const template = templatesByRef.get(
          lineage.templateRef.toLocaleLowerCase('en-US'),
        );
        const version =
          template?.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION];
        if (!template || !isOutdated(lineage.version, version)) return;
        const previous = latest.get(entityRef);
        if (
          previous &&
          previous.toVersion === version &&
          ACTIVE_UPGRADE_STATUSES.includes(previous.status) &&
          !isAwaitingInputs(previous)
        ) {
          run.skipped++;
          // A notice an earlier run could not send (the notifications backend was down).
          await proposals.notifyOwners(previous, entity);
          return;
        }
        const started = Date.now();
        try {
          const upgrade = await proposals.propose({
            entityRef,
            entity,
            template,
            credentials,
            proposer: SCHEDULED_PROPOSER,
          });
          // Still waiting for inputs the owners have not added: nothing new proposed.
          if (isAwaitingInputs(upgrade)) run.skipped++;
          else run.proposed.push(entityRef);
        } catch (error) {
          run.failed.push({ entityRef, error: String(error) });
        } finally {
          run.durationsMs.push(Date.now() - started);
        }
      }),
    ),
  );
  logger.info(
    `Template upgrades: proposed ${run.proposed.length}, failed ${run.failed.length}, already proposed ${run.skipped}`,
  );
  return run;
}
