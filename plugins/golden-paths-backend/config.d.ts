import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Paved's golden paths backend (plugin id `golden-paths`). */
  goldenPaths?: {
    upgrades?: {
      /**
       * Propose upgrades of components made from older template versions on a schedule (once
       * across replicas). Default true.
       */
      enabled?: boolean;
      /** How often; default every 30 minutes. */
      frequency?: HumanDuration;
      /** Proposals prepared at the same time; default 4. */
      concurrency?: number;
    };
    /**
     * Development only: on start, publish the example organisation's service made at an earlier
     * template version to the local git host and register it, so template drift shows a real
     * upgrade. Default false; never in production.
     */
    exampleData?: {
      seed?: boolean;
    };
  };
}
