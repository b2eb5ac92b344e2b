// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************
/* eslint-disable */
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
export type webhooks = Record<string, never>;
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
      /**
       * @description `needs-attention`: the change request is open but its branch holds conflicts, committed with their markers. `merged`/`closed` follow the change request.
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
export type $defs = Record<string, never>;
export interface operations {
  GetDrift: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Templates and their components. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['TemplateDrift'][];
          };
        };
      };
      401: components['responses']['Error'];
    };
  };
  GetServiceName: {
    parameters: {
      query?: {
        /** @description Catalog namespace of the new component. */
        namespace?: string;
      };
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The answer. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceNameAnswer'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
    };
  };
  ListUpgrades: {
    parameters: {
      query?: {
        entityRef?: string;
        limit?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The proposals. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Upgrade'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
    };
  };
  ProposeUpgrade: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          entityRef: string;
        };
      };
    };
    responses: {
      /** @description The proposal. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Upgrade'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      409: components['responses']['Error'];
    };
  };
  GetUpgrade: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The proposal. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Upgrade'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
  RunUpgradeProposals: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What the run did. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Milliseconds each proposal took. */
            durationsMs: number[];
            failed: {
              entityRef: string;
              error: string;
            }[];
            proposed: string[];
            /** @description Components whose upgrade to the latest version is already proposed. */
            skipped: number;
            totalMs: number;
          };
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
    };
  };
}
