// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************
/* eslint-disable */
export interface paths {
  '/repositories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The repositories on the local git host. */
    get: operations['ListRepositories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repositories/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A repository, its branches, the entities defined in it and what the asking user may do. */
    get: operations['GetRepository'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repositories/{name}/blob': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file of the repository at a ref (text, at most 1 MiB). */
    get: operations['GetBlob'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repositories/{name}/merge-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The repository's merge requests, newest first. */
    get: operations['ListMergeRequests'];
    put?: never;
    /**
     * Opens a merge request (idempotent on repository and source branch while open).
     * @description Any signed-in user or backend plugin may propose a change. While a merge request from the same source branch into the same target is open, opening it again answers that one with 200 and changes nothing; into another target it is a 409.
     */
    post: operations['OpenMergeRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repositories/{name}/merge-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A merge request with its diff and whether the asking user may merge it now. */
    get: operations['GetMergeRequest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repositories/{name}/merge-requests/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Closes a merge request without merging (its author, the owners, the platform team). */
    post: operations['CloseMergeRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repositories/{name}/merge-requests/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Merges the source branch into the target with a merge commit (owners and the platform team).
     * @description A real `--no-ff` merge in the bare repository. Refused with 403 for anyone but the owners of the repository's components and the platform team (users only), and with 409 when the merge request is not open, still conflicted, conflicts with the target as it is now, or its source moved away from `sourceCommit`. Merging a merge request whose source the target already contains records it as merged without a new commit.
     */
    post: operations['MergeMergeRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repositories/{name}/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A directory of the repository at a ref. */
    get: operations['GetTree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
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
    /** @description Number of the merge request within its repository. */
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
export type $defs = Record<string, never>;
export interface operations {
  ListRepositories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description By name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RepositorySummary'][];
          };
        };
      };
      401: components['responses']['Error'];
    };
  };
  GetRepository: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The repository. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Repository'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
  GetBlob: {
    parameters: {
      query: {
        /** @description Path of the file, without a leading slash. */
        path: string;
        /** @description Branch, tag or commit sha; the default branch when absent. */
        ref?: components['parameters']['Ref'];
      };
      header?: never;
      path: {
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Blob'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
  ListMergeRequests: {
    parameters: {
      query?: {
        state?: 'open' | 'merged' | 'closed' | 'all';
      };
      header?: never;
      path: {
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The merge requests. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['MergeRequest'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
  OpenMergeRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewMergeRequest'];
      };
    };
    responses: {
      /** @description Already open; the existing merge request, unchanged. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeRequest'];
        };
      };
      /** @description Opened. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeRequest'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
      409: components['responses']['Error'];
    };
  };
  GetMergeRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Number of the merge request within its repository. */
        id: components['parameters']['MergeRequestId'];
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The merge request. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeRequestDetail'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
  CloseMergeRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Number of the merge request within its repository. */
        id: components['parameters']['MergeRequestId'];
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Closed (or already closed). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeRequest'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      409: components['responses']['Error'];
    };
  };
  MergeMergeRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Number of the merge request within its repository. */
        id: components['parameters']['MergeRequestId'];
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['MergeOptions'];
      };
    };
    responses: {
      /** @description Merged. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeRequest'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      409: components['responses']['Error'];
    };
  };
  GetTree: {
    parameters: {
      query?: {
        /** @description Path inside the repository, without a leading slash; the root when absent. */
        path?: components['parameters']['FilePath'];
        /** @description Branch, tag or commit sha; the default branch when absent. */
        ref?: components['parameters']['Ref'];
      };
      header?: never;
      path: {
        /** @description Repository name on the local git host. */
        name: components['parameters']['Repository'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The directory's entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Tree'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
}
