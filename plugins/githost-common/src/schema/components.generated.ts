// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************
/* eslint-disable */

export interface components {
  schemas: {
    Blob: {
      /** @description True when the file is not text; `content` is then absent. */
      binary: boolean;
      commit: string;
      /** @description The file as UTF-8 text. */
      content?: string;
      path: string;
      ref: string;
      /** @description Bytes of the whole file. */
      size: number;
      /** @description True when the file is larger than the limit (1 MiB); `content` holds its beginning. */
      truncated: boolean;
    };
    Branch: {
      commit: string;
      committedAt: components['schemas']['Timestamp'];
      name: string;
      /** @description First line of the head commit's message. */
      subject: string;
    };
    BranchName: string;
    Diff: {
      /** @description The merge base (or, once merged, the target before the merge). */
      base: string;
      files: {
        additions: number;
        binary: boolean;
        deletions: number;
        path: string;
      }[];
      /** @description The source commit compared. */
      head: string;
      /** @description Unified diff (`git diff target...source`), at most 1 MiB. */
      text: string;
      truncated: boolean;
    };
    Error: {
      error: {
        /** @description `<field>: <problem> (rule: <rule>)`, every violation named, separated by `; `. */
        message: string;
        name: string;
      };
      response: {
        statusCode: number;
      };
    };
    MergeOptions: {
      /** @description The source head the merger reviewed; the merge is refused (409) if the branch has moved since. */
      sourceCommit?: string;
    } & {
      [key: string]: unknown;
    };
    MergeRequest: {
      /** @description A user entity ref, or `plugin:<id>` for a backend plugin. */
      author: string;
      closedBy?: string;
      /** @description Opened with conflicts committed as conflict markers (needs attention). It merges only once the source branch has a new commit and no conflict markers are left. */
      conflicted: boolean;
      createdAt: components['schemas']['Timestamp'];
      /** @description Markdown. */
      description: string;
      /** @description Number within the repository, shown as `!<id>`. */
      id: number;
      mergeCommit?: string;
      mergedBy?: string;
      repository: string;
      sourceBranch: string;
      /** @description Head of the source branch when the merge request was opened. */
      sourceCommit: string;
      /** @enum {string} */
      state: 'open' | 'merged' | 'closed';
      targetBranch: string;
      title: string;
      updatedAt: components['schemas']['Timestamp'];
      /** @description Its page in the portal. */
      url: string;
    };
    MergeRequestDetail: {
      /** @description Absent when the commits it compared no longer exist. */
      diff?: components['schemas']['Diff'];
      mergeability: {
        /** @description Whether the asking user could merge it now. */
        mergeable: boolean;
        /** @description Why not, in Paved's format `<field>: <problem> (rule: <rule>)`. */
        reason?: string;
      };
      mergeRequest: components['schemas']['MergeRequest'];
    };
    NewMergeRequest: {
      /** @default false */
      conflicted: boolean;
      /** @description Markdown. */
      description?: string;
      sourceBranch: components['schemas']['BranchName'];
      /** @description The repository's default branch when absent. */
      targetBranch?: components['schemas']['BranchName'];
      title: string;
    } & {
      [key: string]: unknown;
    };
    Repository: {
      branches: components['schemas']['Branch'][];
      cloneUrl: string;
      /** @description The branch HEAD points at; empty for a repository without commits. */
      defaultBranch: string;
      description: string;
      /** @description Catalog entities defined in this repository (their `backstage.io/managed-by-location` points into it). */
      entityRefs: string[];
      name: string;
      url: string;
      /** @description What the asking user may do here. */
      viewer: {
        /** @description May push and merge (owners of the repository's components and the platform team). */
        mayWrite: boolean;
        /** @description Why not, when `mayWrite` is false. */
        reason?: string;
      };
    };
    RepositorySummary: {
      /** @description `git clone` URL: `<backend>/api/githost/<name>.git`. */
      cloneUrl: string;
      description: string;
      name: string;
      /** @description The repository's page in the portal. */
      url: string;
    };
    /** Format: date-time */
    Timestamp: string;
    Tree: {
      commit: string;
      /** @description Directories first, then files, each by name. */
      entries: components['schemas']['TreeEntry'][];
      path: string;
      ref: string;
    };
    TreeEntry: {
      name: string;
      path: string;
      /** @description Bytes, for files. */
      size?: number;
      /** @enum {string} */
      type: 'file' | 'directory' | 'symlink' | 'submodule';
    };
  };
  responses: {
    /** @description Backstage's error body. */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description Path inside the repository, without a leading slash; the root when absent. */
    FilePath: string;
    /** @description Number of the merge request within its repository; at most nine digits, within the range of its integer column on every database. */
    MergeRequestId: string;
    /** @description Branch, tag or commit sha; the default branch when absent. */
    Ref: string;
    /** @description Repository name on the local git host. */
    Repository: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
