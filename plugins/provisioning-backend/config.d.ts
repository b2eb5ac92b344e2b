import { HumanDuration } from '@backstage/types';

/** The guardrails of one environment; every environment has the same settings. */
interface EnvironmentGuardrails {
  /** Provider used when a request names none: the id a provider module registers (sandbox, crossplane, terraform, ...). */
  provider?: string;
  /** Providers a request may choose explicitly (the default provider is always allowed). */
  allowedProviders?: string[];
  /** Sizes allowed in this environment. */
  sizes?: Array<'small' | 'medium' | 'large'>;
  /** Storage bounds in GB. */
  storageGB?: { min?: number; max?: number };
  /** Whether every request here needs approval. */
  requiresApproval?: boolean;
  /**
   * Who approves changes here, when they need approval (environment, size or budget):
   * `required` approvals by distinct people (default 1), members of `approvers` (group
   * entity refs; default the platform team). The permission policy must let them approve too
   * (`permission.paved.approvers`). Four eyes always holds: nobody approves what they filed.
   */
  approval?: { required?: number; approvers?: string[] };
  /** Longest time to live in hours (ephemeral only; default 72). */
  maxTtlHours?: number;
  /** Longest total lifetime in hours, from the request's creation; extensions stop there (ephemeral only; default 168). */
  maxLifetimeHours?: number;
}

/** Monthly prices of one provider: per size, and per GB of storage. */
interface ProviderPrices {
  sizes?: { small?: number; medium?: number; large?: number };
  storageGBMonthly?: number;
}

export interface Config {
  /** Self-service databases (plugin id `provisioning`); see README.md. */
  provisioning?: {
    /**
     * Guardrails per environment. Defaults: development small/medium 1-20 GB; staging all sizes
     * 1-100 GB; production all sizes 10-1000 GB with approval; ephemeral small 1-10 GB, 72 h max.
     */
    environments?: {
      development?: EnvironmentGuardrails;
      staging?: EnvironmentGuardrails;
      production?: EnvironmentGuardrails;
      ephemeral?: EnvironmentGuardrails;
    };
    /** Sizes that need approval in any environment (default [large]). */
    sizesRequiringApproval?: Array<'small' | 'medium' | 'large'>;
    /** Per-team quotas over live requests (awaiting approval, provisioning, ready, failed, deprovisioning). */
    quotas?: {
      /**
       * Default 10 databases and 200 GB per team, no budget. `monthlyBudget` (in the price table's
       * currency): a request that would take the team's live databases above it needs approval.
       */
      default?: {
        maxRequests?: number;
        maxStorageGB?: number;
        monthlyBudget?: number;
      };
      /** Overrides per group entity ref. */
      teams?: Array<{
        owner: string;
        maxRequests?: number;
        maxStorageGB?: number;
        monthlyBudget?: number;
      }>;
    };
    /**
     * The price table: monthly prices per provider, size and GB of storage. A request's cost is
     * its size's price plus storage; providers not listed use `default` (built in: EUR, small 30,
     * medium 90, large 250, 0.12 per GB).
     */
    cost?: {
      /** ISO 4217 code of every price (default EUR). */
      currency?: string;
      /** Prices of providers not listed under `providers`. */
      default?: ProviderPrices;
      /** Prices per provider id; missing entries fall back to `default`. */
      providers?: {
        [providerId: string]: ProviderPrices;
      };
    };
    postgresql?: {
      /** Major versions offered (default 15, 16, 17). */
      versions?: string[];
      /** Version when a request names none (default 16). */
      defaultVersion?: string;
    };
    redis?: {
      /** Versions offered (default 7.0, 7.2). */
      versions?: string[];
      /** Version when a request names none (default 7.0). */
      defaultVersion?: string;
    };
    /** The processing loop (scheduled task, one runner across replicas). */
    processing?: {
      /** How often due requests are processed, in seconds (default 5). */
      frequencySeconds?: number;
      /**
       * How long a processor's lease on a request or operation lasts, in seconds (default 300). A
       * working processor renews it every third of that; a crashed one's runs out and another
       * processor resumes.
       */
      leaseSeconds?: number;
      /**
       * How long transient failures (the provider unreachable, connection errors, failures the
       * provider marks retryable) are retried with backoff, counted from the first failure of a
       * run, before the request or operation ends `failed` (default 30 minutes). A duration:
       * `30m`, ISO 8601 `PT30M`, or `{ minutes: 30 }`.
       */
      retryDeadline?: HumanDuration | string;
      /** First retry delay in seconds, doubled per attempt, less up to half at random (default 5). */
      backoffBaseSeconds?: number;
      /** Longest retry delay in seconds (default 300). */
      backoffMaxSeconds?: number;
      /** How often a pending provider is polled, in seconds (default 10). */
      pollIntervalSeconds?: number;
      /** Longest wait for a pending provider, in minutes (default 60). */
      timeoutMinutes?: number;
    };
    /** Expiry of ephemeral databases. */
    expiry?: {
      /**
       * When the owners are reminded before expiry, in minutes, each with a link that extends the
       * database (default [10080, 1440, 60]: 7 days, 1 day and 1 hour before).
       */
      remindBeforeMinutes?: number[];
      /** One reminder this many minutes before expiry (older form of remindBeforeMinutes). */
      notifyBeforeMinutes?: number;
      /** How often expiries are checked, in seconds (default 60). */
      frequencySeconds?: number;
    };
    /** Operations on ready databases (resize, rotate credentials, extend, snapshot, restore). */
    operations?: {
      rotation?: {
        /** How long the replaced credentials keep working after a rotation, in minutes (default 60). */
        graceMinutes?: number;
      };
      snapshots?: {
        /** Days a snapshot is kept before it is removed (default 14). */
        retentionDays?: number;
      };
    };
    secrets?: {
      /**
       * Key for AES-256-GCM encryption of generated credentials (any string; hashed to 32 bytes).
       * Without it a key is generated into the plugin database (development only).
       * @visibility secret
       */
      encryptionKey?: string;
    };
  };
}
