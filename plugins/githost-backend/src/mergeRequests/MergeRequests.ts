import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { UserEntity } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { formatViolation, violationsError } from '@paved/backend-platform';
import {
  GITHOST_MERGE_REQUEST_TOPIC,
  MergeRequest,
  MergeRequestEvent,
  MergeRequestState,
  mergeRequestPageUrl,
} from '@paved/plugin-githost-common';
import { GitIdentity, LocalGitHost } from '@paved/plugin-githost-node';
import {
  MergeRequestRecord,
  MergeRequestStore,
} from '../database/MergeRequestStore';
import { BareRepository, RepositoryDiff } from '../git/BareRepository';
import { RepositoryOwners } from '../repositories/RepositoryOwners';

/** A merge request with what its page shows. */
export type MergeRequestDetail = {
  mergeRequest: MergeRequest;
  /** Absent when the commits it compared no longer exist. */
  diff?: RepositoryDiff;
  mergeability: { mergeable: boolean; reason?: string };
};

/** Who a principal is in a merge request: a user entity ref, or the service's subject. */
export function principalName(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  return principal.subject ?? 'unknown';
}

/**
 * Merge requests on the local git host: a source branch proposed for a target branch of one
 * repository, stored by {@link MergeRequestStore}, merged for real in the bare repository. Every
 * change is announced on {@link GITHOST_MERGE_REQUEST_TOPIC}.
 */
export class MergeRequests {
  constructor(
    private readonly deps: {
      store: MergeRequestStore;
      gitHost: LocalGitHost;
      owners: RepositoryOwners;
      catalog: CatalogService;
      events: EventsService;
      auth: AuthService;
      logger: LoggerService;
      /** The committer of merge commits (`scaffolder.defaultAuthor`). */
      committer: GitIdentity;
      appBaseUrl: string;
    },
  ) {}

  private toApi(record: MergeRequestRecord): MergeRequest {
    return {
      repository: record.repository,
      id: record.id,
      title: record.title,
      description: record.description,
      sourceBranch: record.sourceBranch,
      targetBranch: record.targetBranch,
      state: record.state,
      conflicted: record.conflicted,
      author: record.author,
      sourceCommit: record.sourceCommit,
      ...(record.mergeCommit && { mergeCommit: record.mergeCommit }),
      ...(record.mergedBy && { mergedBy: record.mergedBy }),
      ...(record.closedBy && { closedBy: record.closedBy }),
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
      url: mergeRequestPageUrl(
        this.deps.appBaseUrl,
        record.repository,
        record.id,
      ),
    };
  }

  private async record(
    repository: string,
    id: number,
  ): Promise<MergeRequestRecord> {
    const record = await this.deps.store.get(repository, id);
    if (!record) {
      throw new NotFoundError(
        `Merge request !${id} does not exist in repository '${repository}'`,
      );
    }
    return record;
  }

  /**
   * Opens a merge request, or returns the one already open from the same source branch into the
   * same target (`created: false`). Both branches must exist and differ.
   */
  async open(options: {
    repository: string;
    sourceBranch: string;
    targetBranch?: string;
    title: string;
    description?: string;
    conflicted?: boolean;
    credentials: BackstageCredentials;
  }): Promise<{ mergeRequest: MergeRequest; created: boolean }> {
    const repo = await BareRepository.open(
      this.deps.gitHost,
      options.repository,
    );
    const targetBranch = options.targetBranch ?? (await repo.defaultBranch());
    const violations = [];
    const sourceCommit = await repo.branchHead(options.sourceBranch);
    if (!sourceCommit) {
      violations.push({
        field: 'sourceBranch',
        problem: `branch '${options.sourceBranch}' does not exist in '${options.repository}'`,
        rule: 'exists',
      });
    }
    if (!(await repo.branchHead(targetBranch))) {
      violations.push({
        field: 'targetBranch',
        problem: `branch '${targetBranch}' does not exist in '${options.repository}'`,
        rule: 'exists',
      });
    }
    if (targetBranch === options.sourceBranch) {
      violations.push({
        field: 'targetBranch',
        problem: 'must differ from sourceBranch',
        rule: 'distinct-branches',
      });
    }
    if (violations.length > 0 || !sourceCommit) {
      throw violationsError(violations);
    }

    const { mergeRequest, created } = await this.deps.store.open({
      repository: options.repository,
      sourceBranch: options.sourceBranch,
      targetBranch,
      title: options.title,
      description: options.description ?? '',
      author: principalName(options.credentials),
      conflicted: options.conflicted ?? false,
      sourceCommit,
    });
    if (!created && mergeRequest.targetBranch !== targetBranch) {
      throw new ConflictError(
        formatViolation({
          field: 'sourceBranch',
          problem: `'${options.sourceBranch}' already has open merge request !${mergeRequest.id} into '${mergeRequest.targetBranch}'; close it first`,
          rule: 'one-open-merge-request-per-branch',
        }),
      );
    }
    if (created) {
      await this.announce('opened', mergeRequest, options.credentials);
    }
    return { mergeRequest: this.toApi(mergeRequest), created };
  }

  async list(
    repository: string,
    state?: MergeRequestState,
  ): Promise<MergeRequest[]> {
    if (!(await this.deps.gitHost.exists(repository))) {
      throw new NotFoundError(
        `Repository '${repository}' does not exist on the local git host`,
      );
    }
    return (await this.deps.store.list(repository, { state })).map(record =>
      this.toApi(record),
    );
  }

  /** The commits a merge request compares: the merge's parents once merged, else the branches. */
  private async comparedCommits(
    repo: BareRepository,
    record: MergeRequestRecord,
  ): Promise<{ target: string; source: string } | undefined> {
    if (record.state === 'merged' && record.mergeCommit) {
      const [target, source] = (
        await repo.text([
          'rev-list',
          '--parents',
          '-n',
          '1',
          record.mergeCommit,
        ])
      )
        .split(' ')
        .slice(1);
      // Merged without a merge commit (the target already contained the source).
      if (!source) {
        return (await repo.hasCommit(record.sourceCommit))
          ? { target: record.sourceCommit, source: record.sourceCommit }
          : undefined;
      }
      return { target, source };
    }
    const target = await repo.branchHead(record.targetBranch);
    const source =
      (await repo.branchHead(record.sourceBranch)) ??
      ((await repo.hasCommit(record.sourceCommit))
        ? record.sourceCommit
        : undefined);
    return target && source ? { target, source } : undefined;
  }

  /** A merge request with its diff and whether these credentials could merge it now. */
  async get(
    repository: string,
    id: number,
    credentials: BackstageCredentials,
  ): Promise<MergeRequestDetail> {
    const repo = await BareRepository.open(this.deps.gitHost, repository);
    const record = await this.record(repository, id);
    const compared = await this.comparedCommits(repo, record);
    const diff =
      compared && (await repo.diff(compared.target, compared.source));
    let mergeability: MergeRequestDetail['mergeability'];
    try {
      await this.plan(repo, record, credentials);
      mergeability = { mergeable: true };
    } catch (error) {
      if (
        error instanceof NotAllowedError ||
        error instanceof ConflictError ||
        error instanceof InputError
      ) {
        mergeability = { mergeable: false, reason: error.message };
      } else {
        throw error;
      }
    }
    return {
      mergeRequest: this.toApi(record),
      ...(diff && { diff }),
      mergeability,
    };
  }

  /**
   * Everything that must hold for a merge, checked without writing: the merge request is open,
   * the user may write to the repository, both branches exist, a conflicted merge request has been
   * resolved, and the source merges cleanly into the target as it is now.
   */
  private async plan(
    repo: BareRepository,
    record: MergeRequestRecord,
    credentials: BackstageCredentials,
    expectedSource?: string,
  ): Promise<
    | { kind: 'merge'; target: string; source: string; tree: string }
    | { kind: 'already-merged'; target: string }
  > {
    if (record.state !== 'open') {
      throw new ConflictError(
        formatViolation({
          field: 'state',
          problem: `merge request !${record.id} is ${record.state}`,
          rule: 'open',
        }),
      );
    }
    await this.deps.owners.assertMayWrite(
      record.repository,
      credentials,
      `merge into repository '${record.repository}'`,
    );
    const target = await repo.branchHead(record.targetBranch);
    const source = await repo.branchHead(record.sourceBranch);
    if (!target || !source) {
      throw new ConflictError(
        formatViolation({
          field: target ? 'sourceBranch' : 'targetBranch',
          problem: `branch '${
            target ? record.sourceBranch : record.targetBranch
          }' no longer exists`,
          rule: 'exists',
        }),
      );
    }
    if (expectedSource && expectedSource !== source) {
      throw new ConflictError(
        formatViolation({
          field: 'sourceCommit',
          problem: `'${record.sourceBranch}' moved to ${source} since ${expectedSource} was reviewed`,
          rule: 'unchanged-source',
        }),
      );
    }
    if (await repo.isAncestor(source, target)) {
      return { kind: 'already-merged', target };
    }
    if (record.conflicted) {
      if (source === record.sourceCommit) {
        throw new ConflictError(
          formatViolation({
            field: 'conflicted',
            problem: `'${record.sourceBranch}' holds unresolved conflicts: resolve them, commit and push to the branch, then merge`,
            rule: 'conflicts-resolved',
          }),
        );
      }
      const marked = await repo.filesWithConflictMarkers(target, source);
      if (marked.length > 0) {
        throw new ConflictError(
          formatViolation({
            field: 'conflicted',
            problem: `conflict markers are left in ${marked.join(', ')}`,
            rule: 'conflicts-resolved',
          }),
        );
      }
    }
    const merge = await repo.mergeTrees(target, source);
    if (!merge.clean) {
      throw new ConflictError(
        formatViolation({
          field: 'targetBranch',
          problem: `'${record.sourceBranch}' conflicts with '${
            record.targetBranch
          }' as it is now (${merge.conflictedFiles.join(', ')}): merge '${
            record.targetBranch
          }' into '${record.sourceBranch}' and resolve them`,
          rule: 'merges-cleanly',
        }),
      );
    }
    return { kind: 'merge', target, source, tree: merge.tree };
  }

  /** The git identity of a user, from their catalog entity. */
  private async identityOf(
    userRef: string,
    credentials: BackstageCredentials,
  ): Promise<GitIdentity> {
    const user = (await this.deps.catalog
      .getEntityByRef(userRef, { credentials })
      .catch(() => undefined)) as UserEntity | undefined;
    const name = user?.metadata.name ?? userRef.replace(/^user:[^/]*\//, '');
    return {
      name: user?.spec?.profile?.displayName ?? name,
      email: user?.spec?.profile?.email ?? `${name}@users.noreply.paved.local`,
    };
  }

  /**
   * Merges the source branch into the target with a merge commit (`--no-ff`) authored by the
   * user. Merging again what is already merged answers the merged merge request.
   */
  async merge(options: {
    repository: string;
    id: number;
    sourceCommit?: string;
    credentials: BackstageCredentials;
  }): Promise<MergeRequest> {
    const { repository, id, credentials } = options;
    const repo = await BareRepository.open(this.deps.gitHost, repository);
    const record = await this.record(repository, id);
    if (record.state === 'merged') {
      return this.toApi(record);
    }
    const plan = await this.plan(
      repo,
      record,
      credentials,
      options.sourceCommit,
    );
    const by = principalName(credentials);
    let mergeCommit: string;
    if (plan.kind === 'already-merged') {
      // Pushed to the target directly, or a merge whose record was interrupted: nothing to commit.
      mergeCommit = plan.target;
    } else {
      const committed = await repo.commitMerge({
        targetBranch: record.targetBranch,
        target: plan.target,
        source: plan.source,
        tree: plan.tree,
        message: `Merge branch '${record.sourceBranch}' into ${record.targetBranch}\n\n${record.title} (!${record.id})\n`,
        author: await this.identityOf(by, credentials),
        committer: this.deps.committer,
      });
      if (!committed) {
        throw new ConflictError(
          formatViolation({
            field: 'targetBranch',
            problem: `'${record.targetBranch}' moved while merging; try again`,
            rule: 'unchanged-target',
          }),
        );
      }
      mergeCommit = committed;
    }
    const merged = await this.deps.store.finish(repository, id, {
      state: 'merged',
      mergeCommit,
      by,
    });
    if (!merged) {
      // Closed or merged by someone else at the same moment.
      const now = await this.record(repository, id);
      if (now.state === 'merged') return this.toApi(now);
      throw new ConflictError(
        formatViolation({
          field: 'state',
          problem: `merge request !${id} was ${now.state} meanwhile`,
          rule: 'open',
        }),
      );
    }
    this.deps.logger.info(
      `Merged ${repository}!${id} (${record.sourceBranch} into ${record.targetBranch}) as ${mergeCommit} by ${by}`,
    );
    await this.announce('merged', merged, credentials);
    return this.toApi(merged);
  }

  /** Closes without merging: its author, the repository's owners and the platform team. */
  async close(options: {
    repository: string;
    id: number;
    credentials: BackstageCredentials;
  }): Promise<MergeRequest> {
    const { repository, id, credentials } = options;
    const record = await this.record(repository, id);
    if (record.state === 'closed') {
      return this.toApi(record);
    }
    if (record.state === 'merged') {
      throw new ConflictError(
        formatViolation({
          field: 'state',
          problem: `merge request !${id} is already merged`,
          rule: 'open',
        }),
      );
    }
    const by = principalName(credentials);
    if (by !== record.author) {
      await this.deps.owners.assertMayWrite(
        repository,
        credentials,
        `close merge request !${id} of '${repository}' (its author may too)`,
      );
    }
    const closed = await this.deps.store.finish(repository, id, {
      state: 'closed',
      by,
    });
    if (!closed) {
      const now = await this.record(repository, id);
      if (now.state === 'closed') return this.toApi(now);
      throw new ConflictError(
        formatViolation({
          field: 'state',
          problem: `merge request !${id} was merged meanwhile`,
          rule: 'open',
        }),
      );
    }
    await this.announce('closed', closed, credentials);
    return this.toApi(closed);
  }

  /**
   * Publishes the change on the events service. A failure to announce is logged, not thrown: the
   * change itself has happened and must not be reported as failed (nor retried into a second one).
   */
  private async announce(
    action: MergeRequestEvent['action'],
    record: MergeRequestRecord,
    credentials: BackstageCredentials,
  ): Promise<void> {
    try {
      const entityRefs = await this.deps.owners.entityRefsOf(
        record.repository,
        await this.deps.auth.getOwnServiceCredentials(),
      );
      const eventPayload: MergeRequestEvent = {
        action,
        mergeRequest: this.toApi(record),
        actor: principalName(credentials),
        entityRefs,
        occurredAt: new Date().toISOString(),
      };
      await this.deps.events.publish({
        topic: GITHOST_MERGE_REQUEST_TOPIC,
        eventPayload,
      });
    } catch (error) {
      this.deps.logger.error(
        `Could not announce that ${record.repository}!${record.id} was ${action}`,
        error as Error,
      );
    }
  }
}
