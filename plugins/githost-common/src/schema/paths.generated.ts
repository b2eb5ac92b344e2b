// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************
/* eslint-disable */
import type { operations } from './operations.generated';

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
