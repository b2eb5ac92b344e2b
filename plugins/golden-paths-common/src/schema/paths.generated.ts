// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************
/* eslint-disable */
import type { operations } from './operations.generated';

export interface paths {
  '/drift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Template drift.
     * @description Per golden-path template, its latest version and, per component made from it, the component's version and upgrade state. The catalog is read with the caller's credentials.
     */
    get: operations['GetDrift'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/service-names/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether a new golden-path service may take a name.
     * @description The `ServiceName` form field asks as the form is filled; `paved:service:validate` runs the same check before anything is published. A name that breaks the pattern is a valid question: the answer is `available: false` with the rule it breaks.
     */
    get: operations['GetServiceName'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/upgrades': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Upgrade proposals, newest first. */
    get: operations['ListUpgrades'];
    put?: never;
    /**
     * Propose upgrading a component to its template's latest version.
     * @description Renders the latest version with the inputs recorded in the repository's `.paved/template.yaml` onto `paved/template`, merges it into `paved/upgrade-<version>` off the default branch (three-way; conflicts committed with markers, status `needs-attention`) and opens a change request. Only the component's owners, their members and the platform team may propose. 409 when the component is already at the latest version, or when an upgrade to it is already proposed (one per component and version).
     */
    post: operations['ProposeUpgrade'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/upgrades/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One upgrade proposal. */
    get: operations['GetUpgrade'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/upgrades/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Propose every due upgrade now (platform team).
     * @description What the scheduled task does every `goldenPaths.upgrades.frequency`: proposes the upgrade of every component made from an older template version that has no active proposal for the latest version. Members of the platform team only. Answers when the run is done.
     */
    post: operations['RunUpgradeProposals'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
