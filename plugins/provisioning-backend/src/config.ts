import { Config } from '@backstage/config';
import {
  DATABASE_SIZES,
  DATABASE_TYPES,
  ENGINE_DEFINITIONS,
  EnginePolicy,
  DatabaseProviderId,
  DatabaseSize,
  Environment,
  ENVIRONMENTS,
  EnvironmentPolicy,
  PROVIDER_ID_PATTERN,
  ProvisioningPolicy,
  TeamQuota,
} from '@paved/plugin-provisioning-common';
import type { PlatformSettings } from '@paved/backend-platform';
import { readEncryptionKey } from './secretsKey';

/** Tuning of the processing loop; see config.d.ts for meanings. */
export interface ProcessingSettings {
  frequencySeconds: number;
  leaseSeconds: number;
  maxAttempts: number;
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  pollIntervalSeconds: number;
  timeoutMinutes: number;
}

export interface ExpirySettings {
  /** How long before expiry the owners are reminded, in minutes, longest first (7 d, 1 d, 1 h). */
  remindBeforeMinutes: number[];
  frequencySeconds: number;
}

/** Operations on ready databases; see config.d.ts for meanings. */
export interface OperationSettings {
  /** How long replaced credentials keep working after a rotation, in minutes. */
  rotationGraceMinutes: number;
  /** How long snapshots are kept, in days. */
  snapshotRetentionDays: number;
}

export interface ProvisioningSettings {
  policy: ProvisioningPolicy;
  processing: ProcessingSettings;
  expiry: ExpirySettings;
  operations: OperationSettings;
  encryptionKey?: string;
  /** Base URL of the frontend, for links in notifications. */
  appBaseUrl: string;
}

const DEFAULT_ENVIRONMENTS: Record<
  Environment,
  Omit<EnvironmentPolicy, 'environment' | 'allowedProviders'>
> = {
  development: {
    provider: 'sandbox',
    sizes: ['small', 'medium'],
    storageGB: { min: 1, max: 20 },
    requiresApproval: false,
  },
  staging: {
    provider: 'sandbox',
    sizes: ['small', 'medium', 'large'],
    storageGB: { min: 1, max: 100 },
    requiresApproval: false,
  },
  production: {
    provider: 'sandbox',
    sizes: ['small', 'medium', 'large'],
    storageGB: { min: 10, max: 1000 },
    requiresApproval: true,
  },
  ephemeral: {
    provider: 'sandbox',
    sizes: ['small'],
    storageGB: { min: 1, max: 10 },
    requiresApproval: false,
    maxTtlHours: 72,
    maxLifetimeHours: 168,
  },
};

const DEFAULT_QUOTA: TeamQuota = { maxRequests: 10, maxStorageGB: 200 };

/** A provider id from config; whether a module registered it is checked when the plugin starts. */
function providerId(value: string, key: string): DatabaseProviderId {
  if (!PROVIDER_ID_PATTERN.test(value)) {
    throw new Error(
      `Invalid provisioning config at ${key}: "${value}" is not a provider id (a lowercase DNS label)`,
    );
  }
  return value;
}

function readEnumList<T extends string>(
  config: Config,
  key: string,
  allowed: readonly T[],
): T[] | undefined {
  const values = config.getOptionalStringArray(key);
  if (values === undefined) return undefined;
  for (const value of values) {
    if (!allowed.includes(value as T)) {
      throw new Error(
        `Invalid provisioning config at ${key}: "${value}" is not one of ${allowed.join(
          ', ',
        )}`,
      );
    }
  }
  return values as T[];
}

function readQuota(config: Config | undefined, fallback: TeamQuota): TeamQuota {
  return {
    maxRequests:
      config?.getOptionalNumber('maxRequests') ?? fallback.maxRequests,
    maxStorageGB:
      config?.getOptionalNumber('maxStorageGB') ?? fallback.maxStorageGB,
  };
}

/** `expiry.remindBeforeMinutes`, or the single `expiry.notifyBeforeMinutes` of older configs. */
function readReminders(config: Config | undefined): number[] {
  const single = config?.getOptionalNumber('notifyBeforeMinutes');
  const reminders =
    config?.getOptional<unknown[]>('remindBeforeMinutes') ??
    (single !== undefined ? [single] : [7 * 24 * 60, 24 * 60, 60]);
  if (
    !Array.isArray(reminders) ||
    reminders.length === 0 ||
    reminders.some(m => typeof m !== 'number' || !(m > 0))
  ) {
    throw new Error(
      'Invalid provisioning config at expiry.remindBeforeMinutes: a list of positive minutes',
    );
  }
  return [...new Set(reminders as number[])].sort((a, b) => b - a);
}

/** Reads the `provisioning:` block, filling in the documented defaults; throws on invalid values. */
export function readProvisioningSettings(
  rootConfig: Config,
  platform: Pick<PlatformSettings, 'platformTeam'>,
): ProvisioningSettings {
  const config = rootConfig.getOptionalConfig('provisioning');

  const environments: EnvironmentPolicy[] = ENVIRONMENTS.map(environment => {
    const defaults = DEFAULT_ENVIRONMENTS[environment];
    const env = config?.getOptionalConfig(`environments.${environment}`);
    const key = `environments.${environment}`;
    const configuredProvider = env?.getOptionalString('provider');
    const provider = configuredProvider
      ? providerId(configuredProvider, `${key}.provider`)
      : defaults.provider;
    const allowedProviders = env
      ?.getOptionalStringArray('allowedProviders')
      ?.map(id => providerId(id, `${key}.allowedProviders`)) ?? [provider];
    if (!allowedProviders.includes(provider))
      allowedProviders.unshift(provider);
    const sizes =
      (env && readEnumList<DatabaseSize>(env, 'sizes', DATABASE_SIZES)) ??
      defaults.sizes;
    const storageGB = {
      min: env?.getOptionalNumber('storageGB.min') ?? defaults.storageGB.min,
      max: env?.getOptionalNumber('storageGB.max') ?? defaults.storageGB.max,
    };
    if (storageGB.min < 1 || storageGB.max < storageGB.min) {
      throw new Error(
        `Invalid provisioning config at environments.${environment}.storageGB: need 1 <= min <= max`,
      );
    }
    const maxTtlHours =
      env?.getOptionalNumber('maxTtlHours') ?? defaults.maxTtlHours;
    const maxLifetimeHours =
      env?.getOptionalNumber('maxLifetimeHours') ?? defaults.maxLifetimeHours;
    if (
      maxTtlHours !== undefined &&
      maxLifetimeHours !== undefined &&
      maxLifetimeHours < maxTtlHours
    ) {
      throw new Error(
        `Invalid provisioning config at ${key}.maxLifetimeHours: ${maxLifetimeHours} is less than maxTtlHours (${maxTtlHours})`,
      );
    }
    return {
      environment,
      provider,
      allowedProviders,
      sizes,
      storageGB,
      requiresApproval:
        env?.getOptionalBoolean('requiresApproval') ??
        defaults.requiresApproval,
      ...(maxTtlHours !== undefined ? { maxTtlHours } : {}),
      ...(maxLifetimeHours !== undefined ? { maxLifetimeHours } : {}),
    };
  });

  const defaultQuota = readQuota(
    config?.getOptionalConfig('quotas.default'),
    DEFAULT_QUOTA,
  );
  // A list rather than a map: config keys cannot hold the `:` and `/` of entity refs.
  const teams: Record<string, TeamQuota> = {};
  for (const team of config?.getOptionalConfigArray('quotas.teams') ?? []) {
    teams[team.getString('owner').toLocaleLowerCase('en-US')] = readQuota(
      team,
      defaultQuota,
    );
  }

  // Each engine's versions under `provisioning.<engine>` (e.g. `postgresql.versions`).
  const engines: EnginePolicy[] = DATABASE_TYPES.map(type => {
    const defaults = ENGINE_DEFINITIONS[type].versions;
    const versions = config?.getOptionalStringArray(`${type}.versions`) ?? [
      ...defaults.offered,
    ];
    const defaultVersion =
      config?.getOptionalString(`${type}.defaultVersion`) ?? defaults.default;
    if (!versions.includes(defaultVersion)) {
      throw new Error(
        `Invalid provisioning config at ${type}.defaultVersion: "${defaultVersion}" is not in ${type}.versions`,
      );
    }
    return { type, versions, defaultVersion };
  });
  const postgresql = engines.find(e => e.type === 'postgresql')!;

  const { platformTeam } = platform;

  const policy: ProvisioningPolicy = {
    types: [...DATABASE_TYPES],
    versions: postgresql.versions,
    defaultVersion: postgresql.defaultVersion,
    engines,
    environments,
    sizesRequiringApproval: (config &&
      readEnumList<DatabaseSize>(
        config,
        'sizesRequiringApproval',
        DATABASE_SIZES,
      )) ?? ['large'],
    platformTeam,
    quota: { default: defaultQuota, teams },
  };

  const processingConfig = config?.getOptionalConfig('processing');
  const processing: ProcessingSettings = {
    frequencySeconds:
      processingConfig?.getOptionalNumber('frequencySeconds') ?? 5,
    leaseSeconds: processingConfig?.getOptionalNumber('leaseSeconds') ?? 300,
    maxAttempts: processingConfig?.getOptionalNumber('maxAttempts') ?? 5,
    backoffBaseSeconds:
      processingConfig?.getOptionalNumber('backoffBaseSeconds') ?? 5,
    backoffMaxSeconds:
      processingConfig?.getOptionalNumber('backoffMaxSeconds') ?? 300,
    pollIntervalSeconds:
      processingConfig?.getOptionalNumber('pollIntervalSeconds') ?? 10,
    timeoutMinutes: processingConfig?.getOptionalNumber('timeoutMinutes') ?? 60,
  };

  const expiryConfig = config?.getOptionalConfig('expiry');
  const expiry: ExpirySettings = {
    remindBeforeMinutes: readReminders(expiryConfig),
    frequencySeconds: expiryConfig?.getOptionalNumber('frequencySeconds') ?? 60,
  };

  const operationsConfig = config?.getOptionalConfig('operations');
  const operations: OperationSettings = {
    rotationGraceMinutes:
      operationsConfig?.getOptionalNumber('rotation.graceMinutes') ?? 60,
    snapshotRetentionDays:
      operationsConfig?.getOptionalNumber('snapshots.retentionDays') ?? 14,
  };
  if (
    operations.rotationGraceMinutes < 0 ||
    operations.snapshotRetentionDays <= 0
  ) {
    throw new Error(
      'Invalid provisioning config at operations: rotation.graceMinutes must be >= 0 and snapshots.retentionDays > 0',
    );
  }

  return {
    policy,
    processing,
    expiry,
    operations,
    encryptionKey: readEncryptionKey(rootConfig),
    appBaseUrl: rootConfig.getOptionalString('app.baseUrl') ?? '',
  };
}
