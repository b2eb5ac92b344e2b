// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

/** The `/service-names` routes of the spec, and the schemas only they use. */
export const serviceNamesPaths = {
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
} as const;

export const serviceNamesSchemas = {
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
} as const;
