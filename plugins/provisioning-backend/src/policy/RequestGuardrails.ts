import {
  BackstageCredentials,
  BackstageUserInfo,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createDatabaseRequestSchema,
  EnvironmentPolicy,
  estimateCost,
  PriceTable,
  ProvisioningPolicy,
  TeamQuota,
  type DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import {
  violationsError,
  violationsFromZod,
  type Violation,
} from '@paved/backend-platform';
import { NewDatabaseRequest } from '../database';

/**
 * Evaluates a create body against the configured policy before anything is stored: the schema,
 * the environment's sizes, storage bounds, providers and TTL, the engine version, and the owner
 * and system/component in the catalog. Quotas and name uniqueness are checked by the store in
 * the transaction that inserts, where concurrent requests cannot slip past them.
 */
export class RequestGuardrails {
  constructor(
    private readonly options: {
      policy: ProvisioningPolicy;
      prices: PriceTable;
      catalog: CatalogService;
      /**
       * The engines a provider serves, or undefined when it is not set up (its requests then
       * fail with the reason while processing).
       */
      providerEngines?: (provider: string) => readonly string[] | undefined;
      /**
       * What the request's provider would refuse to deliver (e.g. a manifest an admission policy
       * rejects), asked once the request passes every other rule.
       */
      providerAdmission?: (request: DatabaseRequest) => Promise<Violation[]>;
      now?: () => Date;
    },
  ) {}

  get policy(): ProvisioningPolicy {
    return this.options.policy;
  }

  get prices(): PriceTable {
    return this.options.prices;
  }

  environmentPolicy(environment: string): EnvironmentPolicy | undefined {
    return this.policy.environments.find(e => e.environment === environment);
  }

  quotaFor(owner: string): TeamQuota {
    return (
      this.policy.quota.teams[owner.toLocaleLowerCase('en-US')] ??
      this.policy.quota.default
    );
  }

  /**
   * The validated request, or an `InputError` naming every violated guardrail at once (the
   * schema first: a body that breaks it is not checked further).
   */
  async evaluate(
    body: unknown,
    context: { credentials: BackstageCredentials; userInfo: BackstageUserInfo },
  ): Promise<NewDatabaseRequest> {
    const parsed = createDatabaseRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw violationsError(violationsFromZod(parsed.error.issues));
    }
    const input = parsed.data;
    const violations: Violation[] = [];
    const violate = (field: string, problem: string, rule: string) =>
      violations.push({ field, problem, rule });

    const env = this.environmentPolicy(input.environment)!;
    const rule = (key: string) => `environments.${input.environment}.${key}`;

    if (!env.sizes.includes(input.size)) {
      violate(
        'size',
        `"${input.size}" is not allowed in ${
          input.environment
        }, allowed: ${env.sizes.join(', ')}`,
        rule('sizes'),
      );
    }
    if (
      input.storageGB < env.storageGB.min ||
      input.storageGB > env.storageGB.max
    ) {
      violate(
        'storageGB',
        `${input.storageGB} is outside ${env.storageGB.min}..${env.storageGB.max} GB for ${input.environment}`,
        rule('storageGB'),
      );
    }
    const provider = input.provider ?? env.provider;
    if (!env.allowedProviders.includes(provider)) {
      violate(
        'provider',
        `"${provider}" is not allowed in ${
          input.environment
        }, allowed: ${env.allowedProviders.join(', ')}`,
        rule('allowedProviders'),
      );
    } else {
      const served = this.options.providerEngines?.(provider);
      if (served && !served.includes(input.type)) {
        violate(
          'type',
          `provider "${provider}" of ${input.environment} does not serve ${
            input.type
          }; it serves ${served.join(', ') || 'nothing'}`,
          'provider-engines',
        );
      }
    }
    const engine = this.policy.engines.find(e => e.type === input.type)!;
    const version = input.version ?? engine.defaultVersion;
    if (!engine.versions.includes(version)) {
      violate(
        'version',
        `"${version}" is not offered for ${
          input.type
        }, offered: ${engine.versions.join(', ')}`,
        `${input.type}.versions`,
      );
    }
    let expiresAt: Date | undefined;
    if (input.environment === 'ephemeral') {
      const max = env.maxTtlHours ?? 72;
      if (input.ttlHours === undefined) {
        violate(
          'ttlHours',
          'required for ephemeral databases',
          rule('maxTtlHours'),
        );
      } else if (input.ttlHours > max) {
        violate(
          'ttlHours',
          `${input.ttlHours} exceeds the maximum of ${max} hours`,
          rule('maxTtlHours'),
        );
      } else {
        const now = this.options.now?.() ?? new Date();
        expiresAt = new Date(now.getTime() + input.ttlHours * 3600_000);
      }
    } else if (input.ttlHours !== undefined) {
      violate(
        'ttlHours',
        'only ephemeral databases expire; remove ttlHours or use environment "ephemeral"',
        'ttlHours only for ephemeral',
      );
    }

    const ownerRef = await this.checkOwner(input.owner, context, violate);
    const system = input.system
      ? await this.existingRef(
          'system',
          input.system,
          context.credentials,
          violate,
        )
      : undefined;
    const component = input.component
      ? await this.existingRef(
          'component',
          input.component,
          context.credentials,
          violate,
        )
      : undefined;

    if (violations.length > 0 || !ownerRef) {
      throw violationsError(violations);
    }
    const approvalReasons = [
      ...(env.requiresApproval ? [rule('requiresApproval')] : []),
      ...(this.policy.sizesRequiringApproval.includes(input.size)
        ? ['sizesRequiringApproval']
        : []),
    ];
    const admitted: NewDatabaseRequest = {
      type: input.type,
      name: input.name,
      owner: ownerRef,
      system,
      component,
      environment: input.environment,
      size: input.size,
      storageGB: input.storageGB,
      version,
      ttlHours: input.ttlHours,
      provider,
      requestedBy: context.userInfo.userEntityRef,
      approvalRequired: approvalReasons.length > 0,
      approvalReasons,
      expiresAt,
      cost: estimateCost(
        this.options.prices,
        provider,
        input.size,
        input.storageGB,
      ),
    };
    await this.checkProviderAdmission(admitted);
    return admitted;
  }

  private async checkProviderAdmission(
    admitted: NewDatabaseRequest,
  ): Promise<void> {
    if (!this.options.providerAdmission) return;
    const now = new Date().toISOString();
    // Not stored yet: a provisional id and status, as the provider will see the request.
    const violations = await this.options.providerAdmission({
      ...admitted,
      id: '00000000-0000-4000-8000-000000000000',
      status: admitted.approvalRequired ? 'awaiting-approval' : 'provisioning',
      expiresAt: admitted.expiresAt?.toISOString(),
      humanStep: false,
      createdAt: now,
      updatedAt: now,
    });
    if (violations.length > 0) throw violationsError(violations);
  }

  /** The owner's normalised ref when it is a group in the catalog that the requester belongs to. */
  private async checkOwner(
    owner: string,
    context: { credentials: BackstageCredentials; userInfo: BackstageUserInfo },
    violate: (field: string, problem: string, rule: string) => void,
  ): Promise<string | undefined> {
    const parsed = this.normaliseRef(owner, 'group');
    if (!parsed) {
      violate('owner', `"${owner}" is not an entity ref`, 'entity ref');
      return undefined;
    }
    if (parsed.kind !== 'group') {
      violate(
        'owner',
        `must be a group, got kind "${parsed.kind}"`,
        'owner is a group',
      );
      return undefined;
    }
    const ownerRef = stringifyEntityRef(parsed);
    const ownerEntity = await this.options.catalog.getEntityByRef(ownerRef, {
      credentials: context.credentials,
    });
    if (!ownerEntity) {
      violate(
        'owner',
        `${ownerRef} does not exist in the catalog`,
        'owner exists in the catalog',
      );
      return ownerRef;
    }
    const claims = await this.claimsOf(context);
    if (
      !claims.includes(ownerRef) &&
      !claims.includes(this.policy.platformTeam)
    ) {
      violate(
        'owner',
        `${context.userInfo.userEntityRef} is not a member of ${ownerRef}`,
        'requester belongs to the owner or the platform team',
      );
    }
    return ownerRef;
  }

  /**
   * The user's ownership refs from their token, plus the groups the catalog lists them as a member
   * of: sign-in resolvers differ in what they put into the token (the guest provider puts only the
   * user), while the catalog's `memberOf` relations are the organisation's source of truth.
   */
  async claimsOf(context: {
    credentials: BackstageCredentials;
    userInfo: BackstageUserInfo;
  }): Promise<string[]> {
    const claims = new Set(
      context.userInfo.ownershipEntityRefs.map(r =>
        r.toLocaleLowerCase('en-US'),
      ),
    );
    const user = await this.options.catalog.getEntityByRef(
      context.userInfo.userEntityRef,
      { credentials: context.credentials },
    );
    for (const relation of user?.relations ?? []) {
      if (relation.type === RELATION_MEMBER_OF) {
        claims.add(relation.targetRef.toLocaleLowerCase('en-US'));
      }
    }
    return [...claims];
  }

  private normaliseRef(
    ref: string,
    defaultKind: string,
  ): CompoundEntityRef | undefined {
    try {
      return parseEntityRef(ref.toLocaleLowerCase('en-US'), {
        defaultKind,
        defaultNamespace: 'default',
      });
    } catch {
      return undefined;
    }
  }

  private async existingRef(
    kind: 'system' | 'component',
    ref: string,
    credentials: BackstageCredentials,
    violate: (field: string, problem: string, rule: string) => void,
  ): Promise<string | undefined> {
    const parsed = this.normaliseRef(ref, kind);
    if (!parsed) {
      violate(kind, `"${ref}" is not an entity ref`, 'entity ref');
      return undefined;
    }
    if (parsed.kind !== kind) {
      violate(
        kind,
        `must be a ${kind}, got kind "${parsed.kind}"`,
        `${kind} is a ${kind}`,
      );
      return undefined;
    }
    const entityRef = stringifyEntityRef(parsed);
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      violate(
        kind,
        `${entityRef} does not exist in the catalog`,
        `${kind} exists in the catalog`,
      );
    }
    return entityRef;
  }
}
