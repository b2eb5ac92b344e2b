/** What "Fix it" started for one check of one entity. */
export interface FixAttempt {
  id: string;
  entityRef: string;
  checkId: string;
  fixerId: string;
  /** `started` until the task or change request ends. */
  status: 'started' | 'completed' | 'failed';
  startedBy: string;
  startedAt: string;
  finishedAt?: string;
  /** Where to follow it: the scaffolder task page or the change request. */
  url?: string;
  /** The fixer's own id for it, e.g. the scaffolder task id. */
  externalId?: string;
  message?: string;
}

/** A fixer as `GET /checks` lists it next to the checks that name it. */
export interface FixerSummary {
  id: string;
  title: string;
  description: string;
}
