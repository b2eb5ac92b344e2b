// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************
/* eslint-disable */
import type { components } from './components.generated';

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
        /** @description Number of the merge request within its repository; at most nine digits, within the range of its integer column on every database. */
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
        /** @description Number of the merge request within its repository; at most nine digits, within the range of its integer column on every database. */
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
        /** @description Number of the merge request within its repository; at most nine digits, within the range of its integer column on every database. */
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
