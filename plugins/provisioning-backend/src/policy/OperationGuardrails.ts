import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  createDatabaseOperationSchema,
  DatabaseOperationParameters,
  DatabaseRequest,
  DatabaseSize,
  engineDefinition,
} from '@paved/plugin-provisioning-common';
import type { DatabaseOperationsProvider } from '@paved/plugin-provisioning-node';
import {
  violationsError,
  violationsFromZod,
  type Violation,
} from '@paved/backend-platform';
import type { DatabaseOperationStore, DatabaseRequestStore } from '../database';
import type { ProviderRegistry } from '../providers/ProviderRegistry';
import type { RequestGuardrails } from './RequestGuardrails';

/** An operation that passed its guardrails: what to store, and whether someone must approve it. */
export interface AdmittedOperation {
  parameters: DatabaseOperationParameters;
  approvalRequired: boolean;
  /** The rules that require the approval (empty when none does). */
  approvalReasons: string[];
  /** The GitOps diff a resize will commit, for the approvers. */
  plannedChange?: string;
}

/** The provider method each operation type needs. */
const PROVIDER_METHOD: Record<
  DatabaseOperationParameters['type'],
  keyof DatabaseOperationsProvider | undefined
> = {
  resize: 'resize',
  'rotate-credentials': 'rotateCredentials',
  extend: undefined,
  snapshot: 'snapshot',
  restore: 'restore',
};

/**
 * The guardrails of operations on a ready database, evaluated with the same policy as requests
 * (`RequestGuardrails`): the environment's sizes, storage bounds and approval rule, the team's
 * storage quota, the environment's longest time to live and lifetime. Every violation is named at
 * once, as `<field>: <problem> (rule: <rule>)`.
 */
export class OperationGuardrails {
  constructor(
    private readonly options: {
      guardrails: RequestGuardrails;
      requests: DatabaseRequestStore;
      operations: DatabaseOperationStore;
      providers: ProviderRegistry;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async evaluate(
    request: DatabaseRequest,
    body: unknown,
  ): Promise<AdmittedOperation> {
    const parsed = createDatabaseOperationSchema.safeParse(body);
    if (!parsed.success) {
      throw violationsError(violationsFromZod(parsed.error.issues));
    }
    const parameters = parsed.data;
    const violations: Violation[] = [];

    if (parameters.type === 'resize') {
      violations.push(...(await this.resizeViolations(request, parameters)));
    } else if (parameters.type === 'extend') {
      violations.push(
        ...this.extensionTarget(request, parameters.hours).violations,
      );
    }
    const snapshot =
      parameters.type === 'restore'
        ? await this.options.operations.getSnapshot(parameters.snapshotId)
        : undefined;
    if (
      parameters.type === 'restore' &&
      (!snapshot || snapshot.requestId !== request.id)
    ) {
      throw new NotFoundError(
        `No snapshot ${parameters.snapshotId} of request ${request.id}`,
      );
    }
    if (violations.length) throw violationsError(violations);

    const provider = this.operationsOf(request);
    const method = PROVIDER_METHOD[parameters.type];
    if (method && !provider?.[method]) {
      throw new ConflictError(
        `${parameters.type} is not available for ${
          engineDefinition(request.type).title
        } on provider "${request.provider}" (request ${request.id})${
          provider?.unsupported?.[parameters.type]
            ? `: ${provider.unsupported[parameters.type]}`
            : ''
        }`,
      );
    }
    let plannedChange: string | undefined;
    if (parameters.type === 'resize' && provider?.planResize) {
      plannedChange = (
        await provider.planResize(
          request,
          this.resizeTarget(request, parameters),
        )
      ).diff;
    } else if (snapshot && provider?.planRestore) {
      plannedChange = (await provider.planRestore(request, snapshot)).diff;
    }
    const approvalReasons = this.approvalReasons(request, parameters);
    return {
      parameters,
      approvalRequired: approvalReasons.length > 0,
      approvalReasons,
      ...(plannedChange !== undefined ? { plannedChange } : {}),
    };
  }

  /**
   * The rules that make an operation wait for an approval, as config keys; none means it runs at
   * once. The one place that decides it, so further rules (per-environment approval rules, cost)
   * are added here.
   */
  approvalReasons(
    request: DatabaseRequest,
    parameters: DatabaseOperationParameters,
  ): string[] {
    const reasons: string[] = [];
    const env = this.options.guardrails.environmentPolicy(request.environment);
    if (parameters.type === 'resize' || parameters.type === 'restore') {
      if (env?.requiresApproval) {
        reasons.push(`environments.${request.environment}.requiresApproval`);
      }
    }
    if (
      parameters.type === 'resize' &&
      parameters.size &&
      parameters.size !== request.size &&
      this.options.guardrails.policy.sizesRequiringApproval.includes(
        parameters.size,
      )
    ) {
      reasons.push('sizesRequiringApproval');
    }
    return reasons;
  }

  /** Size and storage after a resize: what is not named stays. */
  resizeTarget(
    request: DatabaseRequest,
    parameters: { size?: DatabaseSize; storageGB?: number },
  ): { size: DatabaseSize; storageGB: number } {
    return {
      size: parameters.size ?? request.size,
      storageGB: parameters.storageGB ?? request.storageGB,
    };
  }

  private async resizeViolations(
    request: DatabaseRequest,
    parameters: { size?: DatabaseSize; storageGB?: number },
  ): Promise<Violation[]> {
    const violations: Violation[] = [];
    const rule = (key: string) => `environments.${request.environment}.${key}`;
    if (parameters.size === undefined && parameters.storageGB === undefined) {
      return [
        {
          field: 'size',
          problem: 'name a new size, storageGB or both',
          rule: 'resize changes something',
        },
      ];
    }
    const target = this.resizeTarget(request, parameters);
    if (
      target.size === request.size &&
      target.storageGB === request.storageGB
    ) {
      violations.push({
        field: 'size',
        problem: `the database is already ${request.size} with ${request.storageGB} GB`,
        rule: 'resize changes something',
      });
    }
    const env = this.options.guardrails.environmentPolicy(request.environment)!;
    if (!env.sizes.includes(target.size)) {
      violations.push({
        field: 'size',
        problem: `"${target.size}" is not allowed in ${
          request.environment
        }, allowed: ${env.sizes.join(', ')}`,
        rule: rule('sizes'),
      });
    }
    if (parameters.storageGB !== undefined) {
      if (
        target.storageGB < env.storageGB.min ||
        target.storageGB > env.storageGB.max
      ) {
        violations.push({
          field: 'storageGB',
          problem: `${target.storageGB} is outside ${env.storageGB.min}..${env.storageGB.max} GB for ${request.environment}`,
          rule: rule('storageGB'),
        });
      }
      if (target.storageGB < request.storageGB) {
        // Cloud volumes (RDS, Cloud SQL, Azure) cannot shrink in place.
        violations.push({
          field: 'storageGB',
          problem: `${target.storageGB} is less than the current ${request.storageGB} GB`,
          rule: 'storage only grows',
        });
      }
      const quota = this.options.guardrails.quotaFor(request.owner);
      const usage = await this.options.requests.getUsage(request.owner);
      const after = usage.storageGB - request.storageGB + target.storageGB;
      if (after > quota.maxStorageGB) {
        violations.push({
          field: 'storageGB',
          problem: `${target.storageGB} GB would bring ${request.owner} to ${after} GB, over its ${quota.maxStorageGB} GB quota`,
          rule: 'quota.maxStorageGB',
        });
      }
    }
    return violations;
  }

  /**
   * When an ephemeral database would expire if extended by `hours` from now (default: its own
   * time to live, capped by the environment's maximum), or why it cannot be.
   */
  extensionTarget(
    request: DatabaseRequest,
    hours: number | undefined,
  ): { expiresAt?: Date; hours: number; violations: Violation[] } {
    const policy = this.options.guardrails.environmentPolicy(
      request.environment,
    );
    const max = policy?.maxTtlHours ?? 72;
    const extension = hours ?? Math.min(request.ttlHours ?? max, max);
    if (request.environment !== 'ephemeral' || !request.expiresAt) {
      return {
        hours: extension,
        violations: [
          {
            field: 'id',
            problem: 'only ephemeral databases can be extended',
            rule: 'extend ephemeral only',
          },
        ],
      };
    }
    if (extension > max) {
      return {
        hours: extension,
        violations: [
          {
            field: 'hours',
            problem: `${extension} exceeds the maximum of ${max} hours`,
            rule: `environments.${request.environment}.maxTtlHours`,
          },
        ],
      };
    }
    const expiresAt = new Date(this.now().getTime() + extension * 3600_000);
    // Extensions never outlive the environment's maximum total lifetime, counted from creation.
    const maxLifetimeHours = policy?.maxLifetimeHours;
    if (maxLifetimeHours !== undefined) {
      const latest = new Date(
        new Date(request.createdAt).getTime() + maxLifetimeHours * 3600_000,
      );
      if (expiresAt.getTime() > latest.getTime()) {
        return {
          hours: extension,
          violations: [
            {
              field: 'hours',
              problem: `would expire at ${expiresAt.toISOString()}, after the maximum lifetime of ${maxLifetimeHours} hours since creation (${latest.toISOString()})`,
              rule: `environments.${request.environment}.maxLifetimeHours`,
            },
          ],
        };
      }
    }
    return { expiresAt, hours: extension, violations: [] };
  }

  private operationsOf(
    request: DatabaseRequest,
  ): DatabaseOperationsProvider | undefined {
    try {
      return this.options.providers.get(request.provider, request.type)
        .operations;
    } catch {
      return undefined;
    }
  }
}
