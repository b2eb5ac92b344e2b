import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { formatViolation } from '@paved/backend-platform';
import {
  ANNOTATION_TEMPLATE_VERSION,
  TEMPLATE_BRANCH,
  Upgrade,
  isOutdated,
  lineageOf,
} from '@paved/plugin-golden-paths-common';
import { DEFAULT_BRANCH, redactCredentials } from '@paved/plugin-githost-node';
import { TeamMembership } from '@paved/plugin-golden-paths-node';
import { ChangeRequestService } from '../changeRequests/ChangeRequestService';
import { UpgradeRecord, UpgradeStore } from '../database/UpgradeStore';
import {
  MissingTemplateInputsError,
  TemplateUpgrader,
} from './TemplateUpgrader';
import { UpgradeNotifier } from './UpgradeNotifier';
import { describeUpgrade } from './upgradeDescription';
import { RepositoryCheckouts, repositoryTargetOf } from './repositories';

/** Who the scheduled run proposes as. */
export const SCHEDULED_PROPOSER = 'plugin:golden-paths';

export function toApiUpgrade(record: UpgradeRecord): Upgrade {
  return {
    id: record.id,
    entityRef: record.entityRef,
    templateRef: record.templateRef,
    fromVersion: record.fromVersion,
    toVersion: record.toVersion,
    status: record.status,
    ...(record.changeUrl && { changeUrl: record.changeUrl }),
    conflicts: record.conflicts,
    ...(record.missingInputs.length > 0 && {
      missingInputs: record.missingInputs,
    }),
    ...(record.error && { error: record.error }),
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A proposal waiting for inputs the repository does not record (no change request yet). */
export function isAwaitingInputs(record: UpgradeRecord): boolean {
  return (
    record.status === 'needs-attention' &&
    record.missingInputs.length > 0 &&
    !record.changeKey
  );
}

function entityRefViolation(problem: string, rule: string) {
  return formatViolation({ field: 'entityRef', problem, rule });
}

/**
 * Proposes template upgrades: for a component made from an older version of its template,
 * prepares the upgrade branch in its repository ({@link TemplateUpgrader}) and opens a change
 * request for it. One active proposal per component and version ({@link UpgradeStore}); a second
 * is refused with the first named.
 */
export class UpgradeProposals {
  constructor(
    private readonly deps: {
      store: UpgradeStore;
      catalog: CatalogService;
      auth: AuthService;
      membership: TeamMembership;
      upgrader: TemplateUpgrader;
      checkouts: RepositoryCheckouts;
      changeRequests: ChangeRequestService;
      notifier: UpgradeNotifier;
      logger: LoggerService;
      backendBaseUrl: string;
    },
  ) {}

  async get(id: string): Promise<UpgradeRecord> {
    const upgrade = await this.deps.store.get(id);
    if (!upgrade) {
      throw new NotFoundError(`upgrade ${id} does not exist`);
    }
    return upgrade;
  }

  /**
   * Proposes upgrading a component to its template's latest version. `credentials` are the
   * asking user's (who must be an owner, a member of the owning team or of the platform team), or
   * the plugin's own for the scheduled run.
   */
  async propose(options: {
    entityRef: string;
    credentials: BackstageCredentials;
    /** A user entity ref or {@link SCHEDULED_PROPOSER}. */
    proposer: string;
    /** The component, when the caller already read it (the scheduled run). */
    entity?: Entity;
    template?: Entity;
  }): Promise<UpgradeRecord> {
    const { credentials, proposer } = options;
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(
        parseEntityRef(options.entityRef, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      throw new InputError(
        entityRefViolation(
          `'${options.entityRef}' is not an entity reference`,
          'entity-ref',
        ),
      );
    }
    const entity =
      options.entity ??
      (await this.deps.catalog.getEntityByRef(entityRef, { credentials }));
    if (!entity) {
      throw new NotFoundError(
        entityRefViolation(
          `${entityRef} does not exist in the catalog`,
          'exists',
        ),
      );
    }
    const lineage = lineageOf(entity);
    if (!lineage) {
      throw new InputError(
        entityRefViolation(
          `${entityRef} was not made from a golden-path template`,
          'made-from-template',
        ),
      );
    }
    if (proposer !== SCHEDULED_PROPOSER) {
      await this.deps.membership.assertMayActFor({
        userRef: proposer,
        ownerRefs: (entity.relations ?? [])
          .filter(relation => relation.type === RELATION_OWNED_BY)
          .map(relation => relation.targetRef),
        credentials,
        field: 'entityRef',
        what: `propose an upgrade of ${entityRef}`,
      });
    }
    const template =
      options.template ??
      (await this.deps.catalog.getEntityByRef(lineage.templateRef, {
        credentials: await this.deps.auth.getOwnServiceCredentials(),
      }));
    const latest =
      template?.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION];
    if (!template || !latest) {
      throw new NotFoundError(
        entityRefViolation(
          `its template ${lineage.templateRef} is not in the catalog with a version`,
          'template-exists',
        ),
      );
    }
    if (!isOutdated(lineage.version, latest)) {
      throw new ConflictError(
        entityRefViolation(
          `${entityRef} is already at ${
            lineage.version ?? 'an unknown version'
          }; ${lineage.templateRef} is at ${latest}`,
          'outdated',
        ),
      );
    }
    const target = repositoryTargetOf(entity, this.deps.backendBaseUrl);
    if (!target) {
      throw new InputError(
        entityRefViolation(
          `${entityRef} has no repository Paved can change (local git host, github.com/project-slug or gitlab.com/project-slug)`,
          'repository',
        ),
      );
    }

    const { upgrade, created } = await this.deps.store.claim({
      entityRef,
      templateRef: stringifyEntityRef(template),
      fromVersion: lineage.version!,
      toVersion: latest,
      createdBy: proposer,
    });
    // A proposal that waits for inputs is taken up again: the owners may have added them.
    const resumed =
      !created &&
      isAwaitingInputs(upgrade) &&
      (await this.deps.store.resume(upgrade.id));
    if (!created && !resumed) {
      throw new ConflictError(
        entityRefViolation(
          `an upgrade of ${entityRef} to ${latest} is already proposed (${upgrade.id}, ${upgrade.status})`,
          'one-proposal-per-version',
        ),
      );
    }

    const checkout = await this.deps.checkouts
      .open(target)
      .catch(error => this.fail(upgrade, error));
    try {
      const prepared = await this.deps.upgrader.prepare({
        gitDir: checkout.gitDir,
        template,
        defaultBranch: DEFAULT_BRANCH,
      });
      await checkout.publish([
        { name: TEMPLATE_BRANCH, force: false },
        { name: prepared.branch, force: true },
      ]);
      const conflicted = prepared.conflicts.length > 0;
      const change = await this.deps.changeRequests.open({
        target,
        sourceBranch: prepared.branch,
        targetBranch: DEFAULT_BRANCH,
        title: `Upgrade to ${prepared.templateRef} ${prepared.toVersion}${
          conflicted ? ' (needs attention)' : ''
        }`,
        description: describeUpgrade(prepared),
        conflicted,
      });
      const opened = await this.deps.store.update(upgrade.id, {
        status: conflicted ? 'needs-attention' : 'open',
        changeKey: change.key,
        changeUrl: change.url,
        conflicts: prepared.conflicts,
      });
      await this.notifyOwners(opened, entity);
      return opened;
    } catch (error) {
      if (error instanceof MissingTemplateInputsError) {
        const waiting = await this.deps.store.update(upgrade.id, {
          status: 'needs-attention',
          missingInputs: error.inputs,
        });
        await this.notifyOwners(waiting, entity);
        return waiting;
      }
      return this.fail(upgrade, error);
    } finally {
      await checkout.dispose();
    }
  }

  /**
   * Tells the component's owners about the proposal (opened, or needing attention) unless they
   * were told already; never fails the proposal (a notice not sent is retried by the next run).
   */
  async notifyOwners(upgrade: UpgradeRecord, entity: Entity): Promise<void> {
    if (!this.deps.notifier.isDue(upgrade)) return;
    await this.deps.notifier
      .notify(upgrade, entity)
      .catch(error =>
        this.deps.logger.warn(
          `Could not notify the owners of ${upgrade.entityRef} about upgrade ${upgrade.id}: ${error}`,
        ),
      );
  }

  private async fail(upgrade: UpgradeRecord, error: unknown): Promise<never> {
    const message = redactCredentials(
      error instanceof Error ? error.message : String(error),
    );
    this.deps.logger.warn(
      `Upgrade ${upgrade.id} of ${upgrade.entityRef} to ${upgrade.toVersion} failed: ${message}`,
    );
    await this.deps.store.update(upgrade.id, {
      status: 'failed',
      error: message,
    });
    throw error;
  }

  /** A change request was merged or closed: the proposal follows, and a merge refreshes the component. */
  async changeRequestFinished(options: {
    changeKey: string;
    action: 'merged' | 'closed';
  }): Promise<UpgradeRecord | undefined> {
    const upgrade = await this.deps.store.findByChangeKey(options.changeKey);
    if (!upgrade || !['open', 'needs-attention'].includes(upgrade.status)) {
      return upgrade;
    }
    const updated = await this.deps.store.update(upgrade.id, {
      status: options.action,
    });
    if (options.action === 'merged') {
      // The merge brought the new paved.dev/template-version into catalog-info.yaml; refreshing
      // shows it now instead of on the catalog's next pass.
      await this.deps.catalog
        .refreshEntity(upgrade.entityRef, {
          credentials: await this.deps.auth.getOwnServiceCredentials(),
        })
        .catch(error =>
          this.deps.logger.warn(
            `Could not refresh ${upgrade.entityRef} after its upgrade merged: ${error}`,
          ),
        );
    }
    return updated;
  }
}
