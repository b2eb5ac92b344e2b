// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests-approve` routes of the spec, and the schemas only they use. */
export const requestsApprovePaths = {
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
} as const;

export const requestsApproveSchemas = {} as const;
