import { randomUUID } from 'node:crypto';
import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { violationsError } from '@paved/backend-platform';
import {
  CreateExemptionRequest,
  Exemption,
  MAX_EXEMPTION_DAYS,
  ReviewExemptionRequest,
} from '@paved/plugin-scorecards-common';
import type { ScorecardsStores } from '../database';
import type { ScorecardsEngine } from '../evaluation/ScorecardsEngine';
import { entityPagePath, ownerOf } from '../service/ownership';

const DAY = 86_400_000;

/**
 * Exemptions: an owner of the entity asks, with a reason and an expiry of at most a year; a member
 * of the platform team other than the requester approves or rejects; the requester is notified.
 * Approved ones count until they expire.
 */
export class Exemptions {
  constructor(
    private readonly options: {
      stores: ScorecardsStores;
      engine: ScorecardsEngine;
      catalog: CatalogService;
      auth: AuthService;
      userInfo: UserInfoService;
      notifications: NotificationService;
      logger: LoggerService;
      platformTeam: string;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async ownershipOf(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string[]> {
    const info = await this.options.userInfo.getUserInfo(credentials);
    return info.ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US'));
  }

  async isPlatformMember(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<boolean> {
    return (await this.ownershipOf(credentials)).includes(
      this.options.platformTeam,
    );
  }

  async request(
    body: CreateExemptionRequest,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<Exemption> {
    const entityRef = body.entityRef.toLocaleLowerCase('en-US');
    const now = this.now();
    const { definitions } = await this.options.engine.evaluateNow(entityRef);
    const violations = [];
    if (!definitions.checks.some(c => c.id === body.checkId)) {
      violations.push({
        field: 'checkId',
        problem: `no check with id ${body.checkId}`,
        rule: 'known-check',
      });
    }
    const expiresAt = Date.parse(body.expiresAt);
    if (expiresAt <= now.getTime()) {
      violations.push({
        field: 'expiresAt',
        problem: 'must be in the future',
        rule: 'future',
      });
    } else if (expiresAt > now.getTime() + MAX_EXEMPTION_DAYS * DAY) {
      violations.push({
        field: 'expiresAt',
        problem: `must be within ${MAX_EXEMPTION_DAYS} days`,
        rule: 'maximum',
      });
    }
    if (violations.length > 0) throw violationsError(violations);

    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const owner = ownerOf(entity);
    const ownership = await this.ownershipOf(credentials);
    if (
      !ownership.includes(this.options.platformTeam) &&
      !(owner && ownership.includes(owner))
    ) {
      throw new NotAllowedError(
        `Only the owners of ${entityRef} (${
          owner ?? 'none'
        }) may ask for an exemption`,
      );
    }
    const pending = await this.options.stores.exemptions.list({
      entityRefs: [entityRef],
      statuses: ['pending', 'approved'],
    });
    const same = pending.find(e => e.checkId === body.checkId);
    if (same) {
      throw new ConflictError(
        `an exemption of ${entityRef} from ${body.checkId} is already ${same.status} (${same.id})`,
      );
    }
    const exemption = await this.options.stores.exemptions.create({
      id: randomUUID(),
      entityRef,
      checkId: body.checkId,
      reason: body.reason,
      expiresAt: new Date(expiresAt).toISOString(),
      requestedBy: credentials.principal.userEntityRef,
      requestedAt: now.toISOString(),
    });
    await this.notify([this.options.platformTeam], {
      title: `Exemption requested: ${entityRef} from ${body.checkId}`,
      description: `${credentials.principal.userEntityRef}: ${body.reason}`,
      link: `/scorecards/exemptions`,
      topic: 'scorecards-exemptions',
    });
    return exemption;
  }

  async review(
    id: string,
    body: ReviewExemptionRequest,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<Exemption> {
    const exemption = await this.options.stores.exemptions.get(id);
    if (!exemption) throw new NotFoundError(`No exemption with id ${id}`);
    if (!(await this.isPlatformMember(credentials))) {
      throw new NotAllowedError(
        `Only members of ${this.options.platformTeam} may review exemptions`,
      );
    }
    if (exemption.requestedBy === credentials.principal.userEntityRef) {
      throw new NotAllowedError(
        'Nobody approves what they asked for: another member of the platform team must review it',
      );
    }
    const decided = await this.options.stores.exemptions.review(id, {
      status: body.decision === 'approve' ? 'approved' : 'rejected',
      reviewedBy: credentials.principal.userEntityRef,
      reviewedAt: this.now().getTime(),
      comment: body.comment,
    });
    if (!decided)
      throw new ConflictError(
        `exemption ${id} is ${exemption.status}, not pending`,
      );
    await this.options.stores.entities.markStale([exemption.entityRef]);
    const reviewed = (await this.options.stores.exemptions.get(id))!;
    await this.notify([exemption.requestedBy], {
      title: `Exemption ${reviewed.status}: ${exemption.entityRef} from ${exemption.checkId}`,
      description:
        body.comment ?? `Reviewed by ${credentials.principal.userEntityRef}`,
      link: `${entityPagePath(exemption.entityRef)}/scorecard`,
      topic: 'scorecards-exemptions',
    });
    return reviewed;
  }

  /** The requester withdraws it, or the platform team removes it. */
  async withdraw(
    id: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<void> {
    const exemption = await this.options.stores.exemptions.get(id);
    if (!exemption) throw new NotFoundError(`No exemption with id ${id}`);
    if (
      exemption.requestedBy !== credentials.principal.userEntityRef &&
      !(await this.isPlatformMember(credentials))
    ) {
      throw new NotAllowedError(
        'Only the requester or the platform team may withdraw an exemption',
      );
    }
    await this.options.stores.exemptions.delete(id);
    await this.options.stores.entities.markStale([exemption.entityRef]);
  }

  private async notify(
    entityRefs: string[],
    payload: {
      title: string;
      description: string;
      link: string;
      topic: string;
    },
  ): Promise<void> {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: entityRefs },
        payload: { ...payload, severity: 'normal' },
      });
    } catch (error) {
      // A notification is a courtesy; the exemption itself is stored.
      this.options.logger.warn(
        `Could not send scorecards notification: ${error}`,
      );
    }
  }
}
