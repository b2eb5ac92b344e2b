export interface Config {
  /** Scorecards: checks on every catalog entity, levels, policies, exemptions, campaigns, fixes. */
  scorecards?: {
    /**
     * Files of check and scorecard definitions (`kind: ScorecardDefinitions`): paths relative to
     * the backend's working directory, or URLs read through the URL readers (a file in a git
     * repository). Re-read on every evaluation run, so a merged change applies without a restart.
     */
    definitions?: string[];
    /** Checks declared inline; same fields as in a definitions file. */
    checks?: Array<{
      id: string;
      title: string;
      description: string;
      fact: string;
      operator: string;
      threshold: boolean | number | string | string[];
      howToFix: string;
      fixer?: { id: string; input?: { [key: string]: unknown } };
      appliesTo?: { kinds?: string[]; types?: string[]; lifecycles?: string[] };
    }>;
    /** Scorecards declared inline: id, title, description, levels (bronze, silver, gold: check ids), appliesTo. */
    scorecards?: Array<{
      id: string;
      title: string;
      description: string;
      levels: { bronze?: string[]; silver?: string[]; gold?: string[] };
      appliesTo?: { kinds?: string[]; types?: string[]; lifecycles?: string[] };
    }>;
    /** Directory of Kubernetes ValidatingAdmissionPolicy files (default `policies/` at the repository root). */
    policiesDirectory?: string;
    /** Entity kinds scorecards measure (default `[Component]`). */
    entityKinds?: string[];
    /**
     * Fixers that start a scaffolder template on the owner's repository, named by checks'
     * `fixer.id`; the check's `fixer.input` becomes the template's values.
     */
    templateFixers?: Array<{
      id: string;
      title: string;
      description: string;
      /** e.g. `template:default/add-techdocs` */
      templateRef: string;
    }>;
    /** How often the catalog is compared with what scorecards track (default 1 minute). */
    catalogSyncMinutes?: number;
    /** How often every entity's facts are collected again (default 60 minutes). */
    refreshMinutes?: number;
    /** How often campaign owners are reminded while their entities still fail (default 7 days). */
    campaignReminderDays?: number;
  };
}
