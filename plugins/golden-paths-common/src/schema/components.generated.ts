// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************
/* eslint-disable */

export interface components {
  schemas: {
    ComponentDrift: {
      entityRef: string;
      owner?: string;
      /** @enum {string} */
      state:
        | 'current'
        | 'outdated'
        | 'proposed'
        | 'needs-attention'
        | 'unknown';
      title?: string;
      upgrade?: components['schemas']['Upgrade'];
      /** @description `paved.dev/template-version` of the component. */
      version?: string;
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
    /** @description May a new golden-path service take the name? */
    ServiceNameAnswer: {
      available: boolean;
      /** @description The name asked about. */
      name: string;
      /** @description Why not, when `available` is false: the pattern the name breaks, a component of that name in the catalog, or a repository of that name on the local git host. */
      problem?: string;
    };
    TemplateDrift: {
      components: components['schemas']['ComponentDrift'][];
      latestVersion?: string;
      templateRef: string;
      title?: string;
      /** @description How many components are at each version. */
      versions: {
        [key: string]: number;
      };
    };
    /** @description A proposal to upgrade a component to its template's latest version. */
    Upgrade: {
      /** @description The change request's page (local merge request, GitHub pull request, GitLab merge request). */
      changeUrl?: string;
      /** @description Files committed with conflict markers. */
      conflicts: string[];
      /** Format: date-time */
      createdAt: string;
      /** @description A user entity ref, or `plugin:golden-paths` for the scheduled run. */
      createdBy: string;
      /** @description The component, e.g. `component:default/orders`. */
      entityRef: string;
      /** @description Why a `failed` proposal failed. */
      error?: string;
      /** @description The version recorded in the repository when proposed. */
      fromVersion: string;
      /** Format: uuid */
      id: string;
      /** @description Inputs the new version needs that `.paved/template.yaml` does not record and that have no default in the template's parameter schema. Until they are added under `inputs:`, the proposal waits (no change request); proposing again takes it up. */
      missingInputs?: string[];
      /**
       * @description `needs-attention`: the change request is open but its branch holds conflicts, committed with their markers, or (with `missingInputs`) no change request yet: the new version needs inputs the repository never recorded. `merged`/`closed` follow the change request.
       * @enum {string}
       */
      status:
        | 'proposing'
        | 'open'
        | 'needs-attention'
        | 'merged'
        | 'closed'
        | 'failed';
      templateRef: string;
      toVersion: string;
      /** Format: date-time */
      updatedAt: string;
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
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
