// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/provisioning-weeks` routes of the spec, and the schemas only they use. */
export const provisioningWeeksPaths = {
  '/provisioning/weeks': {
    get: {
      operationId: 'GetProvisioningWeeks',
      summary:
        'Provisioning success rate and automated vs manual work, per week.',
      description:
        "From provisioning's request events. A request succeeds in the week it first reaches ready and fails in the week its provisioning fails (before ever being ready); the success rate is succeeded over both. Automated requests reached ready with no person other than the requester acting; every state change is an action, counted by who took it (the platform itself, the requester, or another person).\n",
      parameters: [
        {
          $ref: '#/components/parameters/from',
        },
        {
          $ref: '#/components/parameters/to',
        },
        {
          name: 'tz',
          in: 'query',
          allowReserved: true,
          description:
            'IANA time zone the weeks are cut in (default devex.timeZone).',
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
        },
      ],
      responses: {
        '200': {
          description: 'Per ISO week and in total.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProvisioningWeeksResponse',
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
} as const;

export const provisioningWeeksSchemas = {
  ProvisioningPeriod: {
    type: 'object',
    required: [
      'succeeded',
      'failed',
      'successRate',
      'automated',
      'manual',
      'automatedRatio',
      'actions',
    ],
    properties: {
      succeeded: {
        type: 'integer',
        description: 'Requests that first reached ready.',
      },
      failed: {
        type: 'integer',
        description:
          'Requests whose provisioning failed before ever being ready.',
      },
      successRate: {
        description: 'succeeded over succeeded + failed; null when none ended.',
        $ref: '#/components/schemas/NullableNumber',
      },
      automated: {
        type: 'integer',
        description:
          'Succeeded with no person other than the requester acting.',
      },
      manual: {
        type: 'integer',
        description:
          'Succeeded after a person other than the requester acted (approval, manual step).',
      },
      automatedRatio: {
        $ref: '#/components/schemas/NullableNumber',
      },
      actions: {
        type: 'object',
        description: 'State changes by who took them.',
        required: ['platform', 'requester', 'person'],
        properties: {
          platform: {
            type: 'integer',
            description: 'The platform acting by itself (automated).',
          },
          requester: {
            type: 'integer',
            description: 'The requester (self-service).',
          },
          person: {
            type: 'integer',
            description: 'Another person (manual).',
          },
        },
      },
    },
  },
  ProvisioningWeeksResponse: {
    allOf: [
      {
        $ref: '#/components/schemas/ProvisioningPeriod',
      },
      {
        type: 'object',
        required: ['window', 'timeZone', 'weeks'],
        properties: {
          window: {
            $ref: '#/components/schemas/Window',
          },
          timeZone: {
            type: 'string',
          },
          weeks: {
            type: 'array',
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/ProvisioningPeriod',
                },
                {
                  type: 'object',
                  required: ['week', 'start'],
                  properties: {
                    week: {
                      type: 'string',
                    },
                    start: {
                      type: 'string',
                    },
                  },
                },
              ],
            },
          },
        },
      },
    ],
  },
} as const;
