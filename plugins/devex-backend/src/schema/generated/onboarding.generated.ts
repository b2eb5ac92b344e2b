// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/onboarding` routes of the spec, and the schemas only they use. */
export const onboardingPaths = {
  '/onboarding': {
    get: {
      operationId: 'GetOnboarding',
      summary: 'Time to onboard of the people who started in a window.',
      description:
        "For each person (a User in the catalog, of the group or its sub-groups when `group` is given) whose start lies in the window: the hours from the start to their first merged change (as author) and to their first successful production deployment (as the one who triggered it), each at or after the start. The start is the user's paved.dev/start-date annotation, else the first time DevEx saw the user in the catalog; people already in the catalog when DevEx began tracking have no known start without the annotation and are only counted in unknownStart. `people` counts those whose start lies in the window; each milestone's samples are those who reached it, and notYet those who have not (not in the median). Without samples the values are null.\n",
      parameters: [
        {
          $ref: '#/components/parameters/from',
        },
        {
          $ref: '#/components/parameters/to',
        },
        {
          $ref: '#/components/parameters/group',
        },
      ],
      responses: {
        '200': {
          description: 'Time to onboard.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OnboardingResponse',
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
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
} as const;

export const onboardingSchemas = {
  OnboardingMilestoneSummary: {
    type: 'object',
    required: ['medianHours', 'p75Hours', 'samples', 'notYet'],
    properties: {
      medianHours: {
        $ref: '#/components/schemas/NullableNumber',
      },
      p75Hours: {
        $ref: '#/components/schemas/NullableNumber',
      },
      samples: {
        type: 'integer',
      },
      notYet: {
        type: 'integer',
        description:
          'People who started in the window and have not reached it yet (not in the median).',
      },
    },
  },
  OnboardingResponse: {
    type: 'object',
    required: [
      'group',
      'window',
      'people',
      'unknownStart',
      'firstMerge',
      'firstDeploy',
    ],
    properties: {
      group: {
        type: ['string', 'null'],
        description:
          'The group whose members (sub-groups included) are counted; null for everyone.',
      },
      window: {
        $ref: '#/components/schemas/Window',
      },
      people: {
        type: 'integer',
      },
      unknownStart: {
        type: 'integer',
        description:
          'People in scope without a known start (in the catalog before DevEx began tracking and without paved.dev/start-date): in no cohort.\n',
      },
      firstMerge: {
        $ref: '#/components/schemas/OnboardingMilestoneSummary',
      },
      firstDeploy: {
        $ref: '#/components/schemas/OnboardingMilestoneSummary',
      },
    },
  },
} as const;
