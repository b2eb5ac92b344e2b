// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'golden-paths',
    version: '1',
    description:
      "Paved's golden paths (plugin id golden-paths, mounted at /api/golden-paths). Every route needs a Backstage token. Errors are Backstage's error body; the message names every broken rule as `<field>: <problem> (rule: <rule>)`.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    schemas: {
      ServiceNameAnswer: {
        type: 'object',
        description: 'May a new golden-path service take the name?',
        required: ['name', 'available'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            description: 'The name asked about.',
          },
          available: {
            type: 'boolean',
          },
          problem: {
            type: 'string',
            description:
              'Why not, when `available` is false: the pattern the name breaks, a component of that name in the catalog, or a repository of that name on the local git host.',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
                description:
                  '`<field>: <problem> (rule: <rule>)`, every violation named, separated by `; `.',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
    },
    responses: {
      Error: {
        description: "Backstage's error body.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
  },
  paths: {
    '/service-names/{name}': {
      get: {
        operationId: 'GetServiceName',
        summary: 'Whether a new golden-path service may take a name.',
        description:
          'The `ServiceName` form field asks as the form is filled; `paved:service:validate` runs the same check before anything is published. A name that breaks the pattern is a valid question: the answer is `available: false` with the rule it breaks.',
        parameters: [
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
          {
            name: 'namespace',
            in: 'query',
            required: false,
            description: 'Catalog namespace of the new component.',
            schema: {
              type: 'string',
              default: 'default',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 63,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The answer.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceNameAnswer',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
