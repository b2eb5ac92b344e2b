export interface Config {
  /** DevEx and DORA (plugin id `devex`). */
  devex?: {
    /** IANA time zone for weekly series when the request names none (default UTC). */
    timeZone?: string;
    /** Per team (group entity ref) IANA time zone for weekly series. */
    teamTimeZones?: Array<{ group: string; timeZone: string }>;
    /** Seconds the catalog snapshot (groups, components) is cached (default 60). */
    catalogCacheSeconds?: number;
    /**
     * Level bands; defaults follow the DORA 2023 report. Deployment frequency: per week, level
     * reached at or above. Lead and recovery time: hours, level reached below. Change failure
     * rate: ratio, level reached at or below.
     */
    levelBands?: {
      /**
       * The DORA report whose bands judge levels until the platform team chooses another in the
       * portal: dora-2023 (default), dora-2024, or none (DORA 2025 dropped tiers: values only).
       * The thresholds below override the chosen report's.
       */
      report?: 'dora-2023' | 'dora-2024' | 'none';
      deploymentFrequency?: { elite?: number; high?: number; medium?: number };
      leadTime?: { elite?: number; high?: number; medium?: number };
      changeFailureRate?: { elite?: number; high?: number; medium?: number };
      recoveryTime?: { elite?: number; high?: number; medium?: number };
    };
    github?: {
      /**
       * Secret GitHub signs webhook deliveries with (X-Hub-Signature-256). Without it every
       * delivery is refused.
       * @visibility secret
       */
      webhookSecret?: string;
      /**
       * Largest delivery body read, in bytes (default 10 MiB). Reading stops there, signed or
       * not; GitHub's own deliveries stay far below it.
       */
      maxPayloadBytes?: number;
      /** Regular expression (case-insensitive) of workflow names that deploy (default `deploy|release|cd`). */
      deploymentWorkflowPattern?: string;
      /** Deployment environment names that mean production (default production, prod). */
      productionEnvironments?: string[];
    };
    surveys?: {
      /**
       * Key of the HMAC that pseudonymises survey respondents. Keep it stable: changing it makes
       * every respondent new.
       * @visibility secret
       */
      pseudonymSecret?: string;
      /**
       * Scores of a breakdown (the organisation, each team) are shown only with at least this
       * many respondents; comments likewise (default 5).
       */
      minimumRespondents?: number;
      /** A summary's window must span at least this many days (default 7). */
      minimumWindowDays?: number;
      /**
       * One answer per person per period counts; a second answer in the same period replaces the
       * first (default month; UTC calendar months, ISO weeks or quarters).
       */
      period?: 'week' | 'month' | 'quarter';
    };
    impact?: {
      /**
       * Golden-path impact: a measure of a cohort (template, template version, no template)
       * with fewer samples than this is withheld and marked "too few samples" (default 5).
       */
      minimumSamples?: number;
    };
    feedback?: {
      /** Most pieces of portal feedback one person may send per hour (default 10). */
      maxPerHour?: number;
    };
    availability?: {
      /**
       * URL the once-a-minute availability probe asks (default: this backend's readiness endpoint,
       * /.backstage/health/v1/readiness, found through discovery). Up means HTTP 200.
       */
      probeUrl?: string;
    };
    demoData?: {
      /** Seed 90 days of demo events (source paved-demo) at start; development only. */
      seed?: boolean;
    };
  };
}
