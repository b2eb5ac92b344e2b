export interface Config {
  /** Self-service databases (plugin id `provisioning`); see README.md. */
  provisioning?: {
    /**
     * Guardrails per environment. Defaults: development small/medium 1-20 GB; staging all sizes
     * 1-100 GB; production all sizes 10-1000 GB with approval; ephemeral small 1-10 GB, 72 h max.
     */
    environments?: {
      development?: {
        /** Provider used when a request names none. */
        provider?: 'sandbox' | 'crossplane' | 'terraform';
        /** Providers a request may choose explicitly (the default provider is always allowed). */
        allowedProviders?: Array<'sandbox' | 'crossplane' | 'terraform'>;
        /** Sizes allowed in this environment. */
        sizes?: Array<'small' | 'medium' | 'large'>;
        /** Storage bounds in GB. */
        storageGB?: { min?: number; max?: number };
        /** Whether every request here needs a platform-team approval. */
        requiresApproval?: boolean;
        /** Longest time to live in hours (ephemeral only; default 72). */
        maxTtlHours?: number;
      };
      staging?: {
        /** Provider used when a request names none. */
        provider?: 'sandbox' | 'crossplane' | 'terraform';
        /** Providers a request may choose explicitly (the default provider is always allowed). */
        allowedProviders?: Array<'sandbox' | 'crossplane' | 'terraform'>;
        /** Sizes allowed in this environment. */
        sizes?: Array<'small' | 'medium' | 'large'>;
        /** Storage bounds in GB. */
        storageGB?: { min?: number; max?: number };
        /** Whether every request here needs a platform-team approval. */
        requiresApproval?: boolean;
        /** Longest time to live in hours (ephemeral only; default 72). */
        maxTtlHours?: number;
      };
      production?: {
        /** Provider used when a request names none. */
        provider?: 'sandbox' | 'crossplane' | 'terraform';
        /** Providers a request may choose explicitly (the default provider is always allowed). */
        allowedProviders?: Array<'sandbox' | 'crossplane' | 'terraform'>;
        /** Sizes allowed in this environment. */
        sizes?: Array<'small' | 'medium' | 'large'>;
        /** Storage bounds in GB. */
        storageGB?: { min?: number; max?: number };
        /** Whether every request here needs a platform-team approval. */
        requiresApproval?: boolean;
        /** Longest time to live in hours (ephemeral only; default 72). */
        maxTtlHours?: number;
      };
      ephemeral?: {
        /** Provider used when a request names none. */
        provider?: 'sandbox' | 'crossplane' | 'terraform';
        /** Providers a request may choose explicitly (the default provider is always allowed). */
        allowedProviders?: Array<'sandbox' | 'crossplane' | 'terraform'>;
        /** Sizes allowed in this environment. */
        sizes?: Array<'small' | 'medium' | 'large'>;
        /** Storage bounds in GB. */
        storageGB?: { min?: number; max?: number };
        /** Whether every request here needs a platform-team approval. */
        requiresApproval?: boolean;
        /** Longest time to live in hours (ephemeral only; default 72). */
        maxTtlHours?: number;
      };
    };
    /** Sizes that need approval in any environment (default [large]). */
    sizesRequiringApproval?: Array<'small' | 'medium' | 'large'>;
    /** Per-team quotas over live requests (awaiting approval, provisioning, ready, failed, deprovisioning). */
    quotas?: {
      /** Default 10 databases and 200 GB per team. */
      default?: { maxRequests?: number; maxStorageGB?: number };
      /** Overrides per group entity ref. */
      teams?: Array<{
        owner: string;
        maxRequests?: number;
        maxStorageGB?: number;
      }>;
    };
    postgresql?: {
      /** Major versions offered (default 15, 16, 17). */
      versions?: string[];
      /** Version when a request names none (default 16). */
      defaultVersion?: string;
    };
    /** The processing loop (scheduled task, one runner across replicas). */
    processing?: {
      /** How often due requests are processed, in seconds (default 5). */
      frequencySeconds?: number;
      /** How long a processor owns a request before another may take over, in seconds (default 300). */
      leaseSeconds?: number;
      /** Failed provider calls before a request ends in `failed` (default 5). */
      maxAttempts?: number;
      /** First retry delay in seconds, doubled per attempt (default 5). */
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
      /** How long before expiry the owners are notified, in minutes (default 60). */
      notifyBeforeMinutes?: number;
      /** How often expiries are checked, in seconds (default 60). */
      frequencySeconds?: number;
    };
    secrets?: {
      /**
       * Key for AES-256-GCM encryption of generated credentials (any string; hashed to 32 bytes).
       * Without it a key is generated into the plugin database (development only).
       * @visibility secret
       */
      encryptionKey?: string;
    };
    providers?: {
      sandbox?: {
        /**
         * Admin connection of the PostgreSQL server that hosts sandbox databases
         * (default postgresql://postgres@127.0.0.1:5432/postgres). Needs CREATEROLE and CREATEDB.
         * @visibility secret
         */
        connection?: string;
        /** Host name handed to users when it differs from the admin connection's host. */
        host?: string;
        /** Port handed to users when it differs from the admin connection's port. */
        port?: number;
        /** Operations run against the admin server at once, to stay under its max_connections (default 4). */
        maxConcurrency?: number;
      };
      crossplane?: {
        /** `composite` (Crossplane v2 namespaced XR, default) or `claim` (legacy v1 claim). */
        mode?: 'composite' | 'claim';
        /** `gitops` (default without a cluster) commits manifests; `apply` uses server-side apply. */
        delivery?: 'gitops' | 'apply';
        /** Folder with xrd.yaml and legacy/xrd.yaml; defaults to the repository's infrastructure/crossplane. */
        definitionsDirectory?: string;
        namespaces?: {
          /** Prefix before the owning group's name, e.g. `team-`. */
          prefix?: string;
          /** Namespace per owner entity ref, e.g. `group:default/payments: payments-db`. */
          overrides?: { [ownerRef: string]: string };
        };
        gitops?: {
          /** Defaults to `<paved.gitHost.directory>/infrastructure-gitops.git`, created when missing. */
          repository?: string;
          branch?: string;
          directory?: string;
          authorName?: string;
          authorEmail?: string;
        };
        cluster?: {
          /** API server URL, or `in-cluster`. */
          url: string;
          /** @visibility secret */
          token?: string;
          caData?: string;
          skipTLSVerify?: boolean;
        };
        fieldManager?: string;
        defaultVersion?: string;
      };
      terraform?: {
        /** Folder of the PostgreSQL module whose variables.tf checks every rendered call. */
        moduleDirectory?: string;
        /** `source` of the rendered module call; default `../../../modules/postgresql`. */
        moduleSource?: string;
        repository?: {
          /** Defaults to `<paved.gitHost.directory>/infrastructure.git`, created when missing. */
          url?: string;
          branch?: string;
          directory?: string;
          authorName?: string;
          authorEmail?: string;
        };
        terraformCloud?: {
          /** Default https://app.terraform.io */
          baseUrl?: string;
          /** @visibility secret */
          token: string;
          workspaceId: string;
          autoApply?: boolean;
        };
        defaultVersion?: string;
      };
    };
  };
}
