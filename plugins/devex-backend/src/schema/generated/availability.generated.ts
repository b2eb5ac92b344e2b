// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/availability` routes of the spec, and the schemas only they use. */
export const availabilityPaths = {
  '/availability': {
    get: {
      operationId: 'GetAvailability',
      summary:
        "The portal's uptime per week, from its own readiness probed every minute.",
      description:
        "The scheduler probes the backend's readiness endpoint once a minute (one replica at a time). Uptime is the minutes found up over the minutes measured, from the first probe ever recorded to the last minute that is over; a minute without a probe counts as down.\n",
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
          description: 'Uptime per ISO week and in total.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AvailabilityResponse',
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

export const availabilitySchemas = {
  AvailabilityMinutes: {
    type: 'object',
    required: [
      'measuredMinutes',
      'upMinutes',
      'probedDownMinutes',
      'missingMinutes',
      'uptime',
    ],
    properties: {
      measuredMinutes: {
        type: 'integer',
        description: 'Minutes from the first probe on that are over.',
      },
      upMinutes: {
        type: 'integer',
      },
      probedDownMinutes: {
        type: 'integer',
        description: 'Minutes whose probe got no 200 answer in time.',
      },
      missingMinutes: {
        type: 'integer',
        description: 'Minutes without a probe; counted as down.',
      },
      uptime: {
        description:
          'upMinutes over measuredMinutes; null when nothing was measured.',
        $ref: '#/components/schemas/NullableNumber',
      },
    },
  },
  AvailabilityResponse: {
    allOf: [
      {
        $ref: '#/components/schemas/AvailabilityMinutes',
      },
      {
        type: 'object',
        required: ['window', 'timeZone', 'firstProbeAt', 'weeks'],
        properties: {
          window: {
            $ref: '#/components/schemas/Window',
          },
          timeZone: {
            type: 'string',
          },
          firstProbeAt: {
            type: ['string', 'null'],
          },
          weeks: {
            type: 'array',
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/AvailabilityMinutes',
                },
                {
                  type: 'object',
                  required: ['week', 'start'],
                  properties: {
                    week: {
                      type: 'string',
                      description: 'ISO week, e.g. 2026-W49.',
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
