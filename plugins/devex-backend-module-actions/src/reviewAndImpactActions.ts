import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PluginActionCall } from '@paved/backend-platform';
import {
  changeStageDefinitions,
  onboardingMilestoneDefinitions,
  type ChangeFlowResponse,
  type ImpactResponse,
  type OnboardingResponse,
} from '@paved/plugin-devex-common';
import {
  scopeQuery,
  serviceInput,
  windowDaysInput,
  windowQuery,
  type Z,
} from './scope';

const team = (z: Z) =>
  z
    .string()
    .optional()
    .describe(
      'Group entity ref, e.g. group:default/payments (its sub-teams included); omit for the organisation',
    );
const hours = (z: Z) =>
  z.object({
    medianHours: z.number().nullable(),
    p75Hours: z.number().nullable(),
    samples: z.number(),
  });
const window = (z: Z) => z.object({ from: z.string(), to: z.string() });
const stageList = Object.entries(changeStageDefinitions)
  .map(([stage, d]) => `${stage} (${d.description.replace(/\.$/, '')})`)
  .join('; ');
const milestoneList = Object.entries(onboardingMilestoneDefinitions)
  .map(([m, d]) => `${m}: ${d.description}`)
  .join(' ');

/*
 * The review flow, golden-path impact and time to onboard for agents: read-only calls of devex's
 * HTTP API as the caller, so the answer is what the portal shows that person.
 */
export function registerReviewAndImpactActions(
  actionsRegistry: ActionsRegistryService,
  callDevex: PluginActionCall,
): void {
  actionsRegistry.register({
    name: 'get-review-flow',
    title: 'Review flow (pull requests)',
    description: `How long the changes (pull requests) merged in a window spent in each stage, for a service, a team or the organisation: ${stageList}. Each stage is median and p75 hours with its sample count; a stage with no samples is null ("no data"), never 0. Also the merged count, sizes in lines changed (classes XS to XL) and changes opened in the window that are still open.`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: serviceInput(z),
          team: team(z),
          windowDays: windowDaysInput(z),
        }),
      output: z =>
        z.object({
          window: window(z),
          merged: z.number(),
          coding: hours(z),
          pickup: hours(z),
          review: hours(z),
          deploy: hours(z),
          size: z.object({
            medianLines: z.number().nullable(),
            p75Lines: z.number().nullable(),
            samples: z.number(),
            classes: z.array(
              z.object({
                label: z.string(),
                maxLines: z.number().nullable(),
                changes: z.number(),
              }),
            ),
          }),
          open: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { body } = await callDevex<ChangeFlowResponse>(
        credentials,
        'get-review-flow',
        {
          path: '/changes',
          query: { ...scopeQuery(input), ...windowQuery(input.windowDays) },
        },
      );
      const { window: w, merged, coding, pickup, review, deploy } = body;
      return {
        output: {
          window: w,
          merged,
          coding,
          pickup,
          review,
          deploy,
          size: body.size,
          open: body.open,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-golden-path-impact',
    title: 'Golden-path impact',
    description:
      'Whether services made from a golden path deliver better than the rest: for a team (its services) or the organisation over a window, one cohort per template, one per template version, and one of the services made from no template (kind "none"). Each cohort gives deployments per service per week, median lead time (hours), change failure rate (0–1), median recovery time (hours) and median time from creation to first production deployment (hours), each as { value, samples, tooFewSamples }. Below minimumSamples a value is null and tooFewSamples is true: do not compare cohorts on it.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ team: team(z), windowDays: windowDaysInput(z) }),
      output: z => {
        const measure = z.object({
          value: z.number().nullable(),
          samples: z.number(),
          tooFewSamples: z.boolean(),
        });
        return z.object({
          window: window(z),
          minimumSamples: z.number(),
          cohorts: z.array(
            z.object({
              kind: z.enum(['template', 'templateVersion', 'none']),
              templateRef: z.string().nullable(),
              templateVersion: z.string().nullable(),
              services: z.number(),
              deployments: z.number(),
              deploymentFrequency: measure,
              leadTimeHours: measure,
              changeFailureRate: measure,
              recoveryTimeHours: measure,
              timeToFirstDeploymentHours: measure,
            }),
          ),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const { body } = await callDevex<ImpactResponse>(
        credentials,
        'get-golden-path-impact',
        {
          path: '/impact',
          query: { group: input.team, ...windowQuery(input.windowDays) },
        },
      );
      return {
        output: {
          window: body.window,
          minimumSamples: body.minimumSamples,
          cohorts: body.cohorts.map(c => ({
            kind: c.kind,
            templateRef: c.templateRef,
            templateVersion: c.templateVersion,
            services: c.services,
            deployments: c.deployments,
            deploymentFrequency: c.deploymentFrequency,
            leadTimeHours: c.leadTimeHours,
            changeFailureRate: c.changeFailureRate,
            recoveryTimeHours: c.recoveryTimeHours,
            timeToFirstDeploymentHours: c.timeToFirstDeploymentHours,
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-onboarding',
    title: 'Time to onboard',
    description: `Time to onboard of the people (of a team, or everyone) who started in a window. ${milestoneList} Each milestone is median and p75 hours with samples (people who reached it) and notYet (people who have not, not in the median); no samples gives null. unknownStart counts people with no known start (in the catalog before tracking began, without paved.dev/start-date).`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ team: team(z), windowDays: windowDaysInput(z) }),
      output: z => {
        const milestone = hours(z).extend({ notYet: z.number() });
        return z.object({
          window: window(z),
          people: z.number(),
          unknownStart: z.number(),
          firstMerge: milestone,
          firstDeploy: milestone,
        });
      },
    },
    action: async ({ input, credentials }) => {
      const { body } = await callDevex<OnboardingResponse>(
        credentials,
        'get-onboarding',
        {
          path: '/onboarding',
          query: { group: input.team, ...windowQuery(input.windowDays) },
        },
      );
      return {
        output: {
          window: body.window,
          people: body.people,
          unknownStart: body.unknownStart,
          firstMerge: body.firstMerge,
          firstDeploy: body.firstDeploy,
        },
      };
    },
  });
}
