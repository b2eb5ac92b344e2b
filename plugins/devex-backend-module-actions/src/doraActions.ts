import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PluginActionCall } from '@paved/backend-platform';
import type {
  DeploymentListResponse,
  DoraMetricsResponse,
} from '@paved/plugin-devex-common';

import {
  scopeQuery,
  serviceInput,
  windowDaysInput,
  windowQuery,
} from './scope';

/*
 * DevEx reads for agents. Both are read-only calls of devex's HTTP API as the caller; writing
 * events stays with CI's tokens.
 */
export function registerDoraActions(
  actionsRegistry: ActionsRegistryService,
  callDevex: PluginActionCall,
): void {
  actionsRegistry.register({
    name: 'get-dora-metrics',
    title: 'DORA metrics',
    description:
      'The five DORA measures for a service, a team (its services and sub-teams) or the whole organisation over a window: deployment frequency, lead time for changes (median and p90 hours), change failure rate, failed deployment recovery time (median hours) and rework rate, each with its DORA level. A measure with no samples is null ("no data"), never 0. `demo: true` means demo data contributed.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: serviceInput(z),
          team: z
            .string()
            .optional()
            .describe('Group entity ref, e.g. group:default/payments'),
          windowDays: windowDaysInput(z),
        }),
      output: z =>
        z.object({
          report: z
            .record(z.unknown())
            .describe('The GET /api/devex/dora response (DoraMetricsResponse)'),
        }),
    },
    action: async ({ input, credentials }) => {
      const { body } = await callDevex<DoraMetricsResponse>(
        credentials,
        'get-dora-metrics',
        {
          path: '/dora',
          query: {
            ...scopeQuery(input),
            ...windowQuery(input.windowDays),
          },
        },
      );
      return { output: { report: body as unknown as Record<string, unknown> } };
    },
  });

  actionsRegistry.register({
    name: 'list-deployments',
    title: 'Recent deployments',
    description:
      'The most recent deployments of a service, a team or the organisation, newest first: environment, status, when, how many commits, whether it failed in production and when it recovered.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z.string().optional().describe('Component entity ref'),
          team: z.string().optional().describe('Group entity ref'),
          environment: z.string().optional().describe('e.g. production'),
          limit: z.number().int().min(1).max(500).default(20),
        }),
      output: z =>
        z.object({
          deployments: z.array(
            z.object({
              service: z.string(),
              environment: z.string(),
              status: z.string(),
              finishedAt: z.string(),
              commits: z.number(),
              failed: z.boolean(),
              recoveredAt: z.string().nullable(),
              source: z.string(),
              id: z.string(),
              demo: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { body } = await callDevex<DeploymentListResponse>(
        credentials,
        'list-deployments',
        {
          path: '/deployments',
          query: {
            ...scopeQuery(input),
            environment: input.environment,
            limit: String(input.limit),
          },
        },
      );
      return {
        output: {
          deployments: body.items.map(item => ({
            service: item.service,
            environment: item.environment,
            status: item.status,
            finishedAt: item.finishedAt,
            commits: item.commits,
            failed: item.failed,
            recoveredAt: item.recoveredAt,
            source: item.source,
            id: item.id,
            demo: item.demo,
          })),
        },
      };
    },
  });
}
