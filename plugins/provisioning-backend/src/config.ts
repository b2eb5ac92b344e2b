import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  ApprovalRule,
  DATABASE_SIZES,
  DATABASE_TYPES,
  ENGINE_DEFINITIONS,
  EnginePolicy,
  DatabaseProviderId,
  DatabaseSize,
  Environment,
  ENVIRONMENTS,
  EnvironmentPolicy,
  PriceTable,
  PROVIDER_ID_PATTERN,
  ProviderPrices,
  ProvisioningPolicy,
  TeamQuota,
} from '@paved/plugin-provisioning-common';
import type { PlatformSettings } from '@paved/backend-platform';
import { readEncryptionKey } from './secretsKey';

/** Tuning of the processing loop; see config.d.ts for meanings. */
export interface ProcessingSettings {
  frequencySeconds: number;
  leaseSeconds: number;
  /** How long transient failures are retried, from the first failure of a run, in ms. */
  retryDeadlineMs: number;
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
  /** Monthly prices per provider, size and storage (`provisioning.cost`). */
  prices: PriceTable;
  /** Base URL of the frontend, for links in notifications. */
  appBaseUrl: string;
}

const DEFAULT_ENVIRONMENTS: Record<
  Environment,
  Omit<EnvironmentPolicy, 'environment' | 'allowedProviders' | 'approval'>
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

function readQuota(
  config: Config | undefined,
  fallback: TeamQuota,
  key: string,
): TeamQuota {
  const monthlyBudget =
    config?.getOptionalNumber('monthlyBudget') ?? fallback.monthlyBudget;
  if (monthlyBudget !== undefined && !(monthlyBudget >= 0)) {
    throw new Error(
      `Invalid provisioning config at ${key}.monthlyBudget: ${monthlyBudget} is not a non-negative amount`,
    );
  }
  return {
    maxRequests:
      config?.getOptionalNumber('maxRequests') ?? fallback.maxRequests,
    maxStorageGB:
      config?.getOptionalNumber('maxStorageGB') ?? fallback.maxStorageGB,
    ...(monthlyBudget !== undefined ? { monthlyBudget } : {}),
  };
}

/** A group entity ref as approvers, owners and quotas name teams: `group:<namespace>/<name>`. */
export const GROUP_REF_PATTERN =
  /^group:[a-z0-9][-a-z0-9_.]*\/[a-z0-9][-a-z0-9_.]*$/;

/** `environments.<env>.approval`: default one approval by the platform team. */
function readApprovalRule(
  config: Config | undefined,
  key: string,
  platformTeam: string,
): ApprovalRule {
  const required = config?.getOptionalNumber('required') ?? 1;
  if (!Number.isInteger(required) || required < 1) {
    throw new Error(
      `Invalid provisioning config at ${key}.required: ${required} is not a whole number of at least 1`,
    );
  }
  const approvers = (
    config?.getOptionalStringArray('approvers') ?? [platformTeam]
  ).map(ref => ref.toLocaleLowerCase('en-US'));
  const invalid = approvers.filter(ref => !GROUP_REF_PATTERN.test(ref));
  if (approvers.length === 0 || invalid.length) {
    throw new Error(
      `Invalid provisioning config at ${key}.approvers: need group entity refs such as group:default/platform${
        invalid.length ? `, got ${invalid.join(', ')}` : ''
      }`,
    );
  }
  return { required, approvers };
}

/** Illustrative list prices (EUR per month) for providers the price table does not name. */
const DEFAULT_PRICES: ProviderPrices = {
  sizes: { small: 30, medium: 90, large: 250 },
  storageGBMonthly: 0.12,
};

function readProviderPrices(
  config: Config | undefined,
  key: string,
  fallback: ProviderPrices,
): ProviderPrices {
  const price = (
    value: number | undefined,
    fallbackValue: number,
    at: string,
  ) => {
    const result = value ?? fallbackValue;
    if (!Number.isFinite(result) || result < 0) {
      throw new Error(
        `Invalid provisioning config at ${key}.${at}: ${result} is not a non-negative amount`,
      );
    }
    return result;
  };
  const sizes = {} as ProviderPrices['sizes'];
  for (const size of DATABASE_SIZES) {
    sizes[size] = price(
      config?.getOptionalNumber(`sizes.${size}`),
      fallback.sizes[size],
      `sizes.${size}`,
    );
  }
  return {
    sizes,
    storageGBMonthly: price(
      config?.getOptionalNumber('storageGBMonthly'),
      fallback.storageGBMonthly,
      'storageGBMonthly',
    ),
  };
}

/** `provisioning.cost`: the currency, the prices of unnamed providers, and prices per provider. */
function readPriceTable(config: Config | undefined): PriceTable {
  const currency = config?.getOptionalString('currency') ?? 'EUR';
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new Error(
      `Invalid provisioning config at cost.currency: "${currency}" is not an ISO 4217 code such as EUR`,
    );
  }
  const defaults = readProviderPrices(
    config?.getOptionalConfig('default'),
    'cost.default',
    DEFAULT_PRICES,
  );
  const providersConfig = config?.getOptionalConfig('providers');
  const providers: PriceTable['providers'] = {};
  for (const id of providersConfig?.keys() ?? []) {
    const key = `cost.providers.${id}`;
    providers[providerId(id, key)] = readProviderPrices(
      providersConfig!.getConfig(id),
      key,
      defaults,
    );
  }
  return { currency, providers, default: defaults };
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

/** `processing.retryDeadline`: a duration (`30m`, `PT30M`, `{ minutes: 30 }`), default 30 minutes. */
function readRetryDeadline(config: Config | undefined): number {
  if (config?.has('maxAttempts')) {
    throw new Error(
      'Invalid provisioning config at processing.maxAttempts: replaced by processing.retryDeadline, a duration such as 30m (failures are retried until then)',
    );
  }
  if (!config?.has('retryDeadline')) return 30 * 60_000;
  let ms: number;
  try {
    ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'retryDeadline' }),
    );
  } catch (error) {
    throw new Error(
      `Invalid provisioning config at processing.retryDeadline: ${
        (error as Error).message
      }`,
    );
  }
  if (!(ms >= 0)) {
    throw new Error(
      'Invalid provisioning config at processing.retryDeadline: not a non-negative duration',
    );
  }
  return ms;
}

/** Reads the `provisioning:` block, filling in the documented defaults; throws on invalid values. */
export function readProvisioningSettings(
  rootConfig: Config,
  platform: Pick<PlatformSettings, 'platformTeam'>,
): ProvisioningSettings {
  const config = rootConfig.getOptionalConfig('provisioning');

  const { platformTeam } = platform;
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
      approval: readApprovalRule(
        env?.getOptionalConfig('approval'),
        `${key}.approval`,
        platformTeam,
      ),
      ...(maxTtlHours !== undefined ? { maxTtlHours } : {}),
      ...(maxLifetimeHours !== undefined ? { maxLifetimeHours } : {}),
    };
  });

  const defaultQuota = readQuota(
    config?.getOptionalConfig('quotas.default'),
    DEFAULT_QUOTA,
    'quotas.default',
  );
  // A list rather than a map: config keys cannot hold the `:` and `/` of entity refs.
  const teams: Record<string, TeamQuota> = {};
  for (const [i, team] of (
    config?.getOptionalConfigArray('quotas.teams') ?? []
  ).entries()) {
    teams[team.getString('owner').toLocaleLowerCase('en-US')] = readQuota(
      team,
      defaultQuota,
      `quotas.teams[${i}]`,
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
    retryDeadlineMs: readRetryDeadline(processingConfig),
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
    prices: readPriceTable(config?.getOptionalConfig('cost')),
    appBaseUrl: rootConfig.getOptionalString('app.baseUrl') ?? '',
  };
}
