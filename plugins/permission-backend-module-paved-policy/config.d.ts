export interface Config {
  permission?: {
    paved?: {
      /**
       * The platform team: approves infrastructure requests and administers the catalog.
       * Defaults to `group:default/platform`.
       */
      platformTeam?: string;
      /** Further users or groups with the platform team's rights (for example in development). */
      approvers?: string[];
    };
  };
}
