// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests-reject` routes of the spec, and the schemas only they use. */
export const requestsRejectPaths = {
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
} as const;

export const requestsRejectSchemas = {} as const;
