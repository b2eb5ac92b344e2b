// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/surveys` routes of the spec, and the schemas only they use. */
export const surveysPaths = {
  '/surveys': {
    post: {
      operationId: 'PostSurvey',
      summary: "The signed-in user's pulse survey answer.",
      description:
        'Signed-in users only. One answer per person per survey period (devex.surveys.period): a second answer in the same period replaces the first. Stored under a pseudonym.\n',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/SurveySubmission',
            },
          },
        },
      },
      responses: {
        '201': {
          description: 'Stored.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveySubmissionResponse',
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
      },
    },
  },
} as const;

export const surveysSchemas = {
  SurveySubmission: {
    type: 'object',
    additionalProperties: false,
    required: ['score'],
    properties: {
      score: {
        type: 'integer',
        minimum: 0,
        maximum: 10,
        description:
          'How likely the user is to recommend the platform to a colleague.',
      },
      comment: {
        type: 'string',
        maxLength: 2000,
      },
    },
  },
  SurveySubmissionResponse: {
    type: 'object',
    required: ['period', 'replaced'],
    properties: {
      period: {
        type: 'string',
        description:
          'The survey period the answer counts for, e.g. 2026-12 or 2026-W49.',
      },
      replaced: {
        type: 'boolean',
        description:
          'The user had answered in this period before; this answer replaces it.',
      },
    },
  },
} as const;
