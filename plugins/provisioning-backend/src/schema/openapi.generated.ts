// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'provisioning',
    version: '1',
    description:
      "Paved's self-service databases (plugin id `provisioning`, base `/api/provisioning`). Every route needs a Backstage token. Errors use Backstage's error body; a 400 names every violation as `<field>: <problem> (rule: <rule>)`, separated by `; `.",
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/requests': {
      post: {
        operationId: 'CreateRequest',
        summary:
          'Files a database request; guardrails apply, approvals where policy says so.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'A retry with the same key and body returns the same request.',
            schema: {
              type: 'string',
              pattern: '^[\\x21-\\x7e]{1,255}$',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateDatabaseRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description:
              'The request (a retry with the same Idempotency-Key returns the first one).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
      get: {
        operationId: 'ListRequests',
        summary: 'Lists requests the caller may read, newest first.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description: 'Owning groups, comma-separated entity refs.',
            schema: {
              type: 'string',
              maxLength: 4000,
            },
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            description: 'Statuses, comma-separated.',
            schema: {
              type: 'string',
              maxLength: 400,
            },
          },
          {
            name: 'requestedBy',
            in: 'query',
            allowReserved: true,
            description: 'User entity ref of the requester.',
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The requests.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/DatabaseRequest',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/requests/{id}': {
      get: {
        operationId: 'GetRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary:
          'One request with its audit trail; `outputs` once ready, never a password.',
        responses: {
          '200': {
            description: 'The request and its events.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseRequestWithEvents',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
      delete: {
        operationId: 'DeleteRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary:
          'Deprovisions (or withdraws a request still awaiting approval).',
        responses: {
          '202': {
            description: 'Deprovisioning started, or the request withdrawn.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/approve': {
      post: {
        operationId: 'ApproveRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary:
          "Adds the caller's approval; with the environment's required number of approvals by distinct people, awaiting-approval → provisioning. Approvers of the environment only, never the requester (four eyes); a second approval by the same person is a 409.",
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewDatabaseRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The request with its approvals (still awaiting approval until enough).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/reject': {
      post: {
        operationId: 'RejectRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary:
          'awaiting-approval → rejected, with a reason. Approvers only, never the requester.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewDatabaseRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The rejected request.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/extend': {
      post: {
        operationId: 'ExtendRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary:
          "Moves an ephemeral database's expiry, within the environment's maximum lifetime.",
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ExtendDatabaseRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The request with its new expiry.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/credentials': {
      get: {
        operationId: 'GetCredentials',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary:
          'The password of a ready database whose credentials Paved keeps; audited, no-store.',
        responses: {
          '200': {
            description: 'The credentials.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseCredentials',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/operations': {
      post: {
        operationId: 'CreateOperation',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'A retry with the same key and body returns the same operation.',
            schema: {
              type: 'string',
              pattern: '^[\\x21-\\x7e]{1,255}$',
            },
          },
        ],
        summary:
          'Asks for an operation on a ready database (owners and the platform team). Guardrails apply; it awaits approval where policy says so (resize and restore in production), else it starts. One unfinished operation per database (a rotation in its grace period blocks only another rotation).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateDatabaseOperation',
              },
            },
          },
        },
        responses: {
          '201': {
            description:
              'The operation (a retry with the same Idempotency-Key returns the first one).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseOperation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
      get: {
        operationId: 'ListOperations',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary: "The operations on a request's database, newest first.",
        responses: {
          '200': {
            description: 'The operations.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/DatabaseOperation',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/requests/{id}/operations/{operationId}': {
      get: {
        operationId: 'GetOperation',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
          {
            $ref: '#/components/parameters/OperationId',
          },
        ],
        summary: 'One operation.',
        responses: {
          '200': {
            description: 'The operation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseOperation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/requests/{id}/operations/{operationId}/approve': {
      post: {
        operationId: 'ApproveOperation',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
          {
            $ref: '#/components/parameters/OperationId',
          },
        ],
        summary:
          "Adds the caller's approval; with the environment's required number of approvals by distinct people, awaiting-approval → in-progress. Approvers of the environment only, never who asked for it (four eyes); a second approval by the same person is a 409.",
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewDatabaseRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The approved operation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseOperation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/operations/{operationId}/reject': {
      post: {
        operationId: 'RejectOperation',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
          {
            $ref: '#/components/parameters/OperationId',
          },
        ],
        summary:
          'awaiting-approval → rejected, with a reason. Approvers only, never who asked for it.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewDatabaseRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The rejected operation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatabaseOperation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/requests/{id}/snapshots': {
      get: {
        operationId: 'ListSnapshots',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        summary:
          "The database's snapshots that are kept, newest first, with size and expiry.",
        responses: {
          '200': {
            description: 'The snapshots.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/DatabaseSnapshot',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/approvals': {
      get: {
        operationId: 'ListApprovals',
        summary:
          'The approvals inbox: pending requests in environments the caller approves, each with what it would create, its monthly cost, the approvals so far and whether the caller may approve.',
        responses: {
          '200': {
            description: 'Oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items', 'environments'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ApprovalInboxItem',
                      },
                    },
                    environments: {
                      type: 'array',
                      description:
                        'The environments the caller approves in (empty for non-approvers).',
                      items: {
                        $ref: '#/components/schemas/Environment',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/prices': {
      get: {
        operationId: 'GetPrices',
        summary:
          'The price table (monthly prices per provider, size and GB of storage).',
        responses: {
          '200': {
            description: 'The price table.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PriceTable',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/costs': {
      get: {
        operationId: 'GetCosts',
        summary:
          "Monthly totals per team over the live requests the caller may read, with each team's budget where one is configured.",
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description: 'Owning groups, comma-separated entity refs.',
            schema: {
              type: 'string',
              maxLength: 4000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The totals, by owner.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['currency', 'items'],
                  properties: {
                    currency: {
                      type: 'string',
                    },
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/TeamCost',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/policy': {
      get: {
        operationId: 'GetPolicy',
        summary:
          "The effective guardrails; with `owner`, that team's usage and remaining quota.",
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description: 'A group entity ref.',
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The policy.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProvisioningPolicy',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      RequestId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The request id (UUID).',
        schema: {
          type: 'string',
          pattern:
            '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
        },
      },
      OperationId: {
        name: 'operationId',
        in: 'path',
        required: true,
        description: 'The operation id (UUID).',
        schema: {
          type: 'string',
          pattern:
            '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
        },
      },
    },
    responses: {
      BadRequest: {
        description: 'Every violation, as `<field>: <problem> (rule: <rule>)`.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid Backstage token.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Forbidden: {
        description:
          'The permission policy or a rule (four eyes) refuses, naming it.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotFound: {
        description: 'No such request, or credentials kept outside Paved.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Conflict: {
        description:
          'The request is not in a state for this action, or an Idempotency-Key reused.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        description: "Backstage's error body.",
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
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
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
      Environment: {
        type: 'string',
        enum: ['development', 'staging', 'production', 'ephemeral'],
      },
      DatabaseSize: {
        type: 'string',
        enum: ['small', 'medium', 'large'],
      },
      DatabaseType: {
        description:
          'The engine (ENGINE_DEFINITIONS of @paved/plugin-provisioning-common).',
        type: 'string',
        enum: ['postgresql', 'redis'],
      },
      DatabaseRequestStatus: {
        type: 'string',
        enum: [
          'awaiting-approval',
          'provisioning',
          'ready',
          'failed',
          'rejected',
          'deprovisioning',
          'deleted',
          'expired',
        ],
      },
      ProviderId: {
        type: 'string',
        description: 'Id of a provider module, a lowercase DNS label.',
        pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
      },
      CreateDatabaseRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'name', 'owner', 'environment', 'size', 'storageGB'],
        properties: {
          type: {
            $ref: '#/components/schemas/DatabaseType',
          },
          name: {
            type: 'string',
            maxLength: 63,
            pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
            description:
              'A lowercase DNS label, unique per owner and environment among live requests.',
          },
          owner: {
            type: 'string',
            maxLength: 255,
            description:
              'Entity ref of the owning group, e.g. group:default/payments.',
          },
          system: {
            type: 'string',
            maxLength: 255,
          },
          component: {
            type: 'string',
            maxLength: 255,
          },
          environment: {
            $ref: '#/components/schemas/Environment',
          },
          size: {
            $ref: '#/components/schemas/DatabaseSize',
          },
          storageGB: {
            type: 'integer',
            minimum: 1,
          },
          version: {
            type: 'string',
            pattern: '^[0-9]{1,3}(\\.[0-9]{1,3})?$',
          },
          ttlHours: {
            type: 'integer',
            minimum: 1,
          },
          provider: {
            $ref: '#/components/schemas/ProviderId',
          },
        },
      },
      ReviewDatabaseRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      ExtendDatabaseRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          hours: {
            type: 'integer',
            minimum: 1,
          },
        },
      },
      DatabaseRequestOutputs: {
        type: 'object',
        description: 'Connection facts; never a password.',
        required: ['host', 'port', 'database', 'username', 'credentialsRef'],
        additionalProperties: true,
        properties: {
          host: {
            type: 'string',
          },
          port: {
            type: 'integer',
          },
          database: {
            type: 'string',
          },
          username: {
            type: 'string',
          },
          credentialsRef: {
            type: 'string',
          },
          connectionSecret: {
            type: 'string',
            description:
              "The Kubernetes Secret (owning team's namespace) with the keys host, port, username and password.",
          },
        },
      },
      DatabaseRequest: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'type',
          'name',
          'owner',
          'environment',
          'size',
          'storageGB',
          'provider',
          'status',
          'requestedBy',
          'approvalRequired',
          'humanStep',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          type: {
            $ref: '#/components/schemas/DatabaseType',
          },
          name: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          component: {
            type: 'string',
          },
          environment: {
            $ref: '#/components/schemas/Environment',
          },
          size: {
            $ref: '#/components/schemas/DatabaseSize',
          },
          storageGB: {
            type: 'integer',
          },
          version: {
            type: 'string',
          },
          ttlHours: {
            type: 'integer',
          },
          provider: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/DatabaseRequestStatus',
          },
          requestedBy: {
            type: 'string',
          },
          approvalRequired: {
            type: 'boolean',
          },
          humanStep: {
            type: 'boolean',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          outputs: {
            $ref: '#/components/schemas/DatabaseRequestOutputs',
          },
          resourceEntityRef: {
            type: 'string',
          },
          failureReason: {
            type: 'string',
          },
          cost: {
            $ref: '#/components/schemas/Cost',
          },
          approval: {
            $ref: '#/components/schemas/ApprovalState',
          },
        },
      },
      DatabaseRequestEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'requestId', 'actor', 'action', 'createdAt'],
        properties: {
          id: {
            type: 'integer',
          },
          requestId: {
            type: 'string',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
          },
          fromStatus: {
            $ref: '#/components/schemas/DatabaseRequestStatus',
          },
          toStatus: {
            $ref: '#/components/schemas/DatabaseRequestStatus',
          },
          message: {
            type: 'string',
          },
          operationId: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      DatabaseRequestWithEvents: {
        type: 'object',
        additionalProperties: false,
        required: [
          'events',
          'id',
          'type',
          'name',
          'owner',
          'environment',
          'size',
          'storageGB',
          'provider',
          'status',
          'requestedBy',
          'approvalRequired',
          'humanStep',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          type: {
            $ref: '#/components/schemas/DatabaseType',
          },
          name: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          component: {
            type: 'string',
          },
          environment: {
            $ref: '#/components/schemas/Environment',
          },
          size: {
            $ref: '#/components/schemas/DatabaseSize',
          },
          storageGB: {
            type: 'integer',
          },
          version: {
            type: 'string',
          },
          ttlHours: {
            type: 'integer',
          },
          provider: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/DatabaseRequestStatus',
          },
          requestedBy: {
            type: 'string',
          },
          approvalRequired: {
            type: 'boolean',
          },
          humanStep: {
            type: 'boolean',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          outputs: {
            $ref: '#/components/schemas/DatabaseRequestOutputs',
          },
          resourceEntityRef: {
            type: 'string',
          },
          failureReason: {
            type: 'string',
          },
          cost: {
            $ref: '#/components/schemas/Cost',
          },
          approval: {
            $ref: '#/components/schemas/ApprovalState',
          },
          events: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DatabaseRequestEvent',
            },
          },
        },
      },
      DatabaseCredentials: {
        type: 'object',
        additionalProperties: false,
        required: [
          'host',
          'port',
          'database',
          'username',
          'password',
          'connectionString',
        ],
        properties: {
          host: {
            type: 'string',
          },
          port: {
            type: 'integer',
          },
          database: {
            type: 'string',
          },
          username: {
            type: 'string',
          },
          password: {
            type: 'string',
          },
          connectionString: {
            type: 'string',
          },
          keyPrefix: {
            description: 'Redis only; every key of the user starts with it.',
            type: 'string',
          },
        },
      },
      EnginePolicy: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'versions', 'defaultVersion'],
        properties: {
          type: {
            $ref: '#/components/schemas/DatabaseType',
          },
          versions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          defaultVersion: {
            type: 'string',
          },
        },
      },
      TeamQuota: {
        type: 'object',
        additionalProperties: false,
        required: ['maxRequests', 'maxStorageGB'],
        properties: {
          maxRequests: {
            type: 'integer',
          },
          maxStorageGB: {
            type: 'integer',
          },
          monthlyBudget: {
            type: 'number',
          },
        },
      },
      EnvironmentPolicy: {
        type: 'object',
        additionalProperties: false,
        required: [
          'environment',
          'provider',
          'allowedProviders',
          'sizes',
          'storageGB',
          'requiresApproval',
          'approval',
        ],
        properties: {
          environment: {
            $ref: '#/components/schemas/Environment',
          },
          provider: {
            type: 'string',
          },
          allowedProviders: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          sizes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DatabaseSize',
            },
          },
          storageGB: {
            type: 'object',
            additionalProperties: false,
            required: ['min', 'max'],
            properties: {
              min: {
                type: 'integer',
              },
              max: {
                type: 'integer',
              },
            },
          },
          requiresApproval: {
            type: 'boolean',
          },
          approval: {
            $ref: '#/components/schemas/ApprovalRule',
          },
          maxTtlHours: {
            type: 'integer',
          },
          maxLifetimeHours: {
            type: 'integer',
          },
        },
      },
      ProvisioningPolicy: {
        type: 'object',
        additionalProperties: false,
        required: [
          'types',
          'versions',
          'defaultVersion',
          'engines',
          'environments',
          'sizesRequiringApproval',
          'platformTeam',
          'quota',
        ],
        properties: {
          types: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DatabaseType',
            },
          },
          versions: {
            description: "PostgreSQL's versions (engines has every engine's).",
            type: 'array',
            items: {
              type: 'string',
            },
          },
          defaultVersion: {
            type: 'string',
          },
          engines: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnginePolicy',
            },
          },
          environments: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentPolicy',
            },
          },
          sizesRequiringApproval: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DatabaseSize',
            },
          },
          platformTeam: {
            type: 'string',
          },
          quota: {
            type: 'object',
            additionalProperties: false,
            required: ['default', 'teams'],
            properties: {
              default: {
                $ref: '#/components/schemas/TeamQuota',
              },
              teams: {
                type: 'object',
                additionalProperties: {
                  $ref: '#/components/schemas/TeamQuota',
                },
              },
            },
          },
          usage: {
            type: 'object',
            additionalProperties: false,
            required: [
              'owner',
              'quota',
              'requests',
              'storageGB',
              'remainingRequests',
              'remainingStorageGB',
              'monthlyCost',
            ],
            properties: {
              owner: {
                type: 'string',
              },
              quota: {
                $ref: '#/components/schemas/TeamQuota',
              },
              requests: {
                type: 'integer',
              },
              storageGB: {
                type: 'integer',
              },
              remainingRequests: {
                type: 'integer',
              },
              remainingStorageGB: {
                type: 'integer',
              },
              monthlyCost: {
                $ref: '#/components/schemas/Cost',
              },
            },
          },
        },
      },
      DatabaseOperationType: {
        type: 'string',
        enum: ['resize', 'rotate-credentials', 'extend', 'snapshot', 'restore'],
      },
      CreateDatabaseOperation: {
        type: 'object',
        description:
          '`type` and its fields: resize `size` and/or `storageGB`; rotate-credentials none; extend `hours` (optional); snapshot `label` (optional); restore `snapshotId`. A field of another type is refused.',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: {
            $ref: '#/components/schemas/DatabaseOperationType',
          },
          size: {
            $ref: '#/components/schemas/DatabaseSize',
          },
          storageGB: {
            type: 'integer',
            minimum: 1,
          },
          hours: {
            type: 'integer',
            minimum: 1,
          },
          label: {
            type: 'string',
            maxLength: 100,
          },
          snapshotId: {
            type: 'string',
            pattern:
              '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
        },
      },
      DatabaseOperation: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'requestId',
          'type',
          'status',
          'parameters',
          'requestedBy',
          'approvalRequired',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          requestId: {
            type: 'string',
          },
          type: {
            $ref: '#/components/schemas/DatabaseOperationType',
          },
          status: {
            type: 'string',
            enum: [
              'awaiting-approval',
              'in-progress',
              'done',
              'failed',
              'rejected',
            ],
          },
          phase: {
            type: 'string',
            enum: ['apply', 'grace'],
            description:
              'Of an in-progress operation; `grace` while replaced credentials still work.',
          },
          parameters: {
            type: 'object',
            description: 'What was asked (CreateDatabaseOperation).',
            additionalProperties: true,
            required: ['type'],
            properties: {
              type: {
                $ref: '#/components/schemas/DatabaseOperationType',
              },
            },
          },
          requestedBy: {
            type: 'string',
          },
          approvalRequired: {
            type: 'boolean',
          },
          approvalReasons: {
            type: 'array',
            description: 'The rules (config keys) that require the approval.',
            items: {
              type: 'string',
            },
          },
          plannedChange: {
            type: 'string',
            description:
              'Unified diff a GitOps provider will commit, shown before approval.',
          },
          result: {
            type: 'object',
            description:
              'The outcome (new expiry, snapshot id, grace end); never a secret.',
            additionalProperties: true,
          },
          failureReason: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          approval: {
            $ref: '#/components/schemas/ApprovalState',
            description:
              "On approve and reject answers, the environment's rule and the approvals given.",
          },
        },
      },
      DatabaseSnapshot: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'requestId',
          'operationId',
          'kind',
          'sizeBytes',
          'createdAt',
          'expiresAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          requestId: {
            type: 'string',
          },
          operationId: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['manual', 'safety'],
          },
          label: {
            type: 'string',
          },
          sizeBytes: {
            type: 'integer',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
            description: 'When the retention policy removes it.',
          },
        },
      },
      Cost: {
        type: 'object',
        additionalProperties: false,
        description:
          'An estimated monthly cost; `change` (operations) is what a change adds.',
        required: ['monthly', 'currency'],
        properties: {
          monthly: {
            type: 'number',
          },
          currency: {
            type: 'string',
            pattern: '^[A-Z]{3}$',
          },
          change: {
            type: 'number',
          },
        },
      },
      ProviderPrices: {
        type: 'object',
        additionalProperties: false,
        required: ['sizes', 'storageGBMonthly'],
        properties: {
          sizes: {
            type: 'object',
            additionalProperties: false,
            required: ['small', 'medium', 'large'],
            properties: {
              small: {
                type: 'number',
              },
              medium: {
                type: 'number',
              },
              large: {
                type: 'number',
              },
            },
          },
          storageGBMonthly: {
            type: 'number',
          },
        },
      },
      PriceTable: {
        type: 'object',
        additionalProperties: false,
        required: ['currency', 'providers', 'default'],
        properties: {
          currency: {
            type: 'string',
          },
          providers: {
            type: 'object',
            additionalProperties: {
              $ref: '#/components/schemas/ProviderPrices',
            },
          },
          default: {
            $ref: '#/components/schemas/ProviderPrices',
          },
        },
      },
      TeamCost: {
        type: 'object',
        additionalProperties: false,
        required: ['owner', 'monthly', 'currency', 'requests'],
        properties: {
          owner: {
            type: 'string',
          },
          monthly: {
            type: 'number',
          },
          currency: {
            type: 'string',
          },
          requests: {
            type: 'integer',
          },
          budget: {
            type: 'number',
          },
        },
      },
      ApprovalRule: {
        type: 'object',
        additionalProperties: false,
        required: ['required', 'approvers'],
        properties: {
          required: {
            type: 'integer',
            minimum: 1,
          },
          approvers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      Approval: {
        type: 'object',
        additionalProperties: false,
        required: ['approver', 'approvedAt'],
        properties: {
          approver: {
            type: 'string',
          },
          comment: {
            type: 'string',
          },
          approvedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ApprovalState: {
        type: 'object',
        additionalProperties: false,
        required: ['required', 'approvers', 'approvals'],
        properties: {
          required: {
            type: 'integer',
          },
          approvers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          approvals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Approval',
            },
          },
        },
      },
      ApprovalInboxItem: {
        type: 'object',
        additionalProperties: false,
        required: [
          'subjectType',
          'id',
          'requestId',
          'request',
          'title',
          'owner',
          'environment',
          'requestedBy',
          'createdAt',
          'diff',
          'approval',
          'canApprove',
        ],
        properties: {
          subjectType: {
            type: 'string',
            enum: ['request', 'operation'],
          },
          id: {
            type: 'string',
          },
          requestId: {
            type: 'string',
          },
          request: {
            $ref: '#/components/schemas/DatabaseRequest',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          requestedBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          cost: {
            $ref: '#/components/schemas/Cost',
          },
          diff: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['field'],
              properties: {
                field: {
                  type: 'string',
                },
                before: {
                  type: 'string',
                },
                after: {
                  type: 'string',
                },
              },
            },
          },
          approval: {
            $ref: '#/components/schemas/ApprovalState',
          },
          canApprove: {
            type: 'boolean',
          },
          reason: {
            type: 'string',
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
