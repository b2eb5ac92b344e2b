import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  TEMPLATE_DRIFT_PATH,
  UPGRADE_NOTIFICATION_TOPIC,
} from '@paved/plugin-golden-paths-common';
import {
  UpgradeNotice,
  UpgradeRecord,
  UpgradeStore,
} from '../database/UpgradeStore';

/** The notice a proposal in this state calls for, if any. */
export function noticeFor(upgrade: UpgradeRecord): UpgradeNotice | undefined {
  if (upgrade.status === 'open') return 'opened';
  if (upgrade.status !== 'needs-attention') return undefined;
  return upgrade.missingInputs.length > 0 ? 'missing-inputs' : 'conflicts';
}

/** The owners of a component: its ownedBy relations, else its spec.owner. */
export function ownersOf(entity: Entity): string[] {
  const related = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => relation.targetRef);
  if (related.length > 0) return related;
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  return typeof owner === 'string' && owner ? [owner] : [];
}

function payloadOf(upgrade: UpgradeRecord, notice: UpgradeNotice) {
  const what = `${upgrade.entityRef} to ${upgrade.templateRef} ${upgrade.toVersion}`;
  switch (notice) {
    case 'opened':
      return {
        title: `Template upgrade proposed: ${what}`,
        description: `Paved opened a change request that merges version ${upgrade.toVersion} of the template into ${upgrade.entityRef} (from ${upgrade.fromVersion}); it merged cleanly. Review and merge it.`,
        link: upgrade.changeUrl ?? TEMPLATE_DRIFT_PATH,
        severity: 'normal' as const,
      };
    case 'missing-inputs':
      return {
        title: `Template upgrade needs inputs: ${what}`,
        description: `Version ${upgrade.toVersion} needs inputs that ${
          upgrade.entityRef
        } never recorded and that have no default: ${upgrade.missingInputs.join(
          ', ',
        )}. Add them under "inputs:" in .paved/template.yaml on the default branch; the next run (or "Propose upgrade") proposes the upgrade.`,
        link: TEMPLATE_DRIFT_PATH,
        severity: 'high' as const,
      };
    default:
      return {
        title: `Template upgrade needs attention: ${what}`,
        description: `The upgrade of ${upgrade.entityRef} from ${
          upgrade.fromVersion
        } conflicts with local changes in ${upgrade.conflicts.join(
          ', ',
        )}; the conflicts are committed with their markers on the change request's branch. Resolve them there, then merge.`,
        link: upgrade.changeUrl ?? TEMPLATE_DRIFT_PATH,
        severity: 'high' as const,
      };
  }
}

/**
 * Tells a component's owners about its upgrade proposal through Backstage's notifications: once
 * when it is opened, and once when it needs attention (conflicts, or inputs to add). The notice
 * sent is recorded on the proposal first (compare-and-set), so a scheduler re-run or another
 * replica does not send it again; a send that fails is set back and retried by the next run.
 */
export class UpgradeNotifier {
  constructor(
    private readonly deps: {
      store: UpgradeStore;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Whether the proposal still owes its owners a notice. */
  isDue(upgrade: UpgradeRecord): boolean {
    const notice = noticeFor(upgrade);
    return notice !== undefined && notice !== upgrade.notified;
  }

  /** Sends the notice the proposal's state calls for, unless it was sent; true when sent now. */
  async notify(upgrade: UpgradeRecord, component: Entity): Promise<boolean> {
    const notice = noticeFor(upgrade);
    if (!notice || notice === upgrade.notified) return false;
    const owners = ownersOf(component);
    if (owners.length === 0) {
      this.deps.logger.warn(
        `Upgrade ${upgrade.id}: ${stringifyEntityRef(
          component,
        )} has no owner to notify`,
      );
      return false;
    }
    const { store } = this.deps;
    if (!(await store.markNotified(upgrade.id, notice, upgrade.notified))) {
      return false;
    }
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: owners },
        payload: {
          ...payloadOf(upgrade, notice),
          topic: UPGRADE_NOTIFICATION_TOPIC,
          // One notification per proposal in the inbox: a later notice replaces the earlier one.
          scope: `golden-paths:upgrade:${upgrade.id}`,
        },
      });
      return true;
    } catch (error) {
      this.deps.logger.warn(
        `Could not notify the owners of ${upgrade.entityRef} about upgrade ${upgrade.id}: ${error}`,
      );
      await store.markNotified(upgrade.id, upgrade.notified, notice);
      return false;
    }
  }
}
