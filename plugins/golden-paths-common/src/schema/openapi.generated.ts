// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************
/* eslint-disable */
export interface paths {
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
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
}
