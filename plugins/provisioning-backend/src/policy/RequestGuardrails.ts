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
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createDatabaseRequestSchema,
  EnvironmentPolicy,
  ProvisioningPolicy,
  TeamQuota,
} from '@paved/plugin-provisioning-common';
import { ZodError } from 'zod/v3';
import { NewDatabaseRequest } from '../database';

function zodToInputError(error: ZodError): InputError {
  const issues = error.issues.map(issue => {
    const field = issue.path.join('.') || 'body';
    return `${field}: ${issue.message}`;
  });
  return new InputError(`${issues.join('; ')} (rule: request schema)`);
}

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
      catalog: CatalogService;
      now?: () => Date;
    },
  ) {}

  get policy(): ProvisioningPolicy {
    return this.options.policy;
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

  async evaluate(
    body: unknown,
    context: { credentials: BackstageCredentials; userInfo: BackstageUserInfo },
  ): Promise<NewDatabaseRequest> {
    const parsed = createDatabaseRequestSchema.safeParse(body);
    if (!parsed.success) throw zodToInputError(parsed.error);
    const input = parsed.data;

    const env = this.environmentPolicy(input.environment)!;
    const rule = (key: string) =>
      `rule: environments.${input.environment}.${key}`;

    if (!env.sizes.includes(input.size)) {
      throw new InputError(
        `size: "${input.size}" is not allowed in ${
          input.environment
        }; allowed: ${env.sizes.join(', ')} (${rule('sizes')})`,
      );
    }
    if (
      input.storageGB < env.storageGB.min ||
      input.storageGB > env.storageGB.max
    ) {
      throw new InputError(
        `storageGB: ${input.storageGB} is outside ${env.storageGB.min}..${
          env.storageGB.max
        } GB for ${input.environment} (${rule('storageGB')})`,
      );
    }
    const provider = input.provider ?? env.provider;
    if (!env.allowedProviders.includes(provider)) {
      throw new InputError(
        `provider: "${provider}" is not allowed in ${
          input.environment
        }; allowed: ${env.allowedProviders.join(', ')} (${rule(
          'allowedProviders',
        )})`,
      );
    }
    const version = input.version ?? this.policy.defaultVersion;
    if (!this.policy.versions.includes(version)) {
      throw new InputError(
        `version: "${version}" is not offered; offered: ${this.policy.versions.join(
          ', ',
        )} (rule: postgresql.versions)`,
      );
    }
    let expiresAt: Date | undefined;
    if (input.environment === 'ephemeral') {
      if (input.ttlHours === undefined) {
        throw new InputError(
          `ttlHours: required for ephemeral databases (${rule('maxTtlHours')})`,
        );
      }
      const max = env.maxTtlHours ?? 72;
      if (input.ttlHours > max) {
        throw new InputError(
          `ttlHours: ${
            input.ttlHours
          } exceeds the maximum of ${max} hours (${rule('maxTtlHours')})`,
        );
      }
      const now = this.options.now?.() ?? new Date();
      expiresAt = new Date(now.getTime() + input.ttlHours * 3600_000);
    } else if (input.ttlHours !== undefined) {
      throw new InputError(
        `ttlHours: only ephemeral databases expire; remove ttlHours or use environment "ephemeral" (rule: ttlHours only for ephemeral)`,
      );
    }

    const owner = this.normaliseRef('owner', input.owner, 'group');
    if (owner.kind !== 'group') {
      throw new InputError(
        `owner: must be a group, got kind "${owner.kind}" (rule: owner is a group)`,
      );
    }
    const ownerRef = stringifyEntityRef(owner);
    const ownerEntity = await this.options.catalog.getEntityByRef(ownerRef, {
      credentials: context.credentials,
    });
    if (!ownerEntity) {
      throw new InputError(
        `owner: ${ownerRef} does not exist in the catalog (rule: owner exists in the catalog)`,
      );
    }
    const claims = await this.claimsOf(context);
    if (
      !claims.includes(ownerRef) &&
      !claims.includes(this.policy.platformTeam)
    ) {
      throw new InputError(
        `owner: ${context.userInfo.userEntityRef} is not a member of ${ownerRef} (rule: requester belongs to the owner or the platform team)`,
      );
    }

    const system = input.system
      ? await this.existingRef(
          'system',
          input.system,
          'system',
          context.credentials,
        )
      : undefined;
    const component = input.component
      ? await this.existingRef(
          'component',
          input.component,
          'component',
          context.credentials,
        )
      : undefined;

    return {
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
      approvalRequired:
        env.requiresApproval ||
        this.policy.sizesRequiringApproval.includes(input.size),
      expiresAt,
    };
  }

  /**
   * The user's ownership refs from their token, plus the groups the catalog lists them as a member
   * of: sign-in resolvers differ in what they put into the token (the guest provider puts only the
   * user), while the catalog's `memberOf` relations are the organisation's source of truth.
   */
  private async claimsOf(context: {
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
    field: string,
    ref: string,
    defaultKind: string,
  ): CompoundEntityRef {
    try {
      const parsed = parseEntityRef(ref.toLocaleLowerCase('en-US'), {
        defaultKind,
        defaultNamespace: 'default',
      });
      return parsed;
    } catch (error) {
      throw new InputError(
        `${field}: "${ref}" is not an entity ref (rule: entity ref)`,
      );
    }
  }

  private async existingRef(
    field: string,
    ref: string,
    kind: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const parsed = this.normaliseRef(field, ref, kind);
    if (parsed.kind !== kind) {
      throw new InputError(
        `${field}: must be a ${kind}, got kind "${parsed.kind}" (rule: ${field} is a ${kind})`,
      );
    }
    const entityRef = stringifyEntityRef(parsed);
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new InputError(
        `${field}: ${entityRef} does not exist in the catalog (rule: ${field} exists in the catalog)`,
      );
    }
    return entityRef;
  }
}
