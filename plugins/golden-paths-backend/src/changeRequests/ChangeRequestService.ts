/** The repository a component lives in, and so where its change requests go. */
export type RepositoryTarget =
  | { kind: 'local'; repository: string }
  | { kind: 'github'; host: string; owner: string; repo: string }
  | { kind: 'gitlab'; host: string; project: string };

/** A change request to open: merge `sourceBranch` into `targetBranch`. */
export type ChangeRequestInput = {
  target: RepositoryTarget;
  sourceBranch: string;
  targetBranch: string;
  title: string;
  /** Markdown. */
  description: string;
  /** The source branch holds conflict markers: the change needs attention before it merges. */
  conflicted: boolean;
};

/** An opened (or already open) change request. */
export type OpenedChangeRequest = {
  /**
   * Identifies the change request across its events: `local:<repository>!<id>`,
   * `github:<host>/<owner>/<repo>#<number>`, `gitlab:<host>/<project>!<iid>`.
   */
  key: string;
  /** Its page. */
  url: string;
  /** False when one was already open for the source branch (a retried proposal). */
  created: boolean;
};

/**
 * Opens change requests where a repository lives: a merge request Paved stores on the local git
 * host, a pull request on GitHub, a merge request on GitLab. Opening is idempotent per source
 * branch: an open one is answered instead of a second.
 */
export interface ChangeRequestService {
  open(input: ChangeRequestInput): Promise<OpenedChangeRequest>;
}

/** Label put on a change request whose branch holds conflict markers. */
export const NEEDS_ATTENTION_LABEL = 'paved: needs attention';

/** One service per kind of repository target. */
export class ChangeRequestRouter implements ChangeRequestService {
  constructor(
    private readonly services: Partial<
      Record<RepositoryTarget['kind'], ChangeRequestService>
    >,
  ) {}

  open(input: ChangeRequestInput): Promise<OpenedChangeRequest> {
    const service = this.services[input.target.kind];
    if (!service) {
      throw new Error(
        `change requests on ${input.target.kind} are not configured`,
      );
    }
    return service.open(input);
  }
}
