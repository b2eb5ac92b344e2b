import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PluginActionCall } from '@paved/backend-platform';
import type { z as zod } from 'zod/v3';
import {
  DATABASE_REQUEST_STATUSES,
  DATABASE_SIZES,
  DATABASE_TYPES,
  DNS_LABEL_PATTERN,
  ENVIRONMENTS,
  type DatabaseRequest,
  type DatabaseRequestWithEvents,
  requestPagePath,
} from '@paved/plugin-provisioning-common';
import { idempotencyHeaders, idempotencyKeyInput } from './idempotency';

/*
 * What agents may do with databases: file a request and read requests. Deleting, approving,
 * rejecting and revealing credentials are deliberately not actions: an agent never destroys,
 * never approves (a request that needs approval waits for a person), and secrets stay out of
 * model context. Every action calls provisioning's own HTTP API as the caller, so the portal's
 * guardrails, quotas, permissions, approvals and audit trail apply unchanged.
 */

const requestSummary = (z: typeof zod) =>
  z.object({
    id: z.string().describe('Request id (UUID)'),
    name: z.string(),
    type: z.string(),
    owner: z.string().describe('Owning group entity ref'),
    environment: z.string(),
    size: z.string(),
    storageGB: z.number(),
    status: z
      .string()
      .describe(
        `One of ${DATABASE_REQUEST_STATUSES.join(
          ', ',
        )}; awaiting-approval waits for a platform-team member`,
      ),
    approvalRequired: z.boolean(),
    requestedBy: z.string(),
    component: z.string().optional(),
    system: z.string().optional(),
    createdAt: z.string(),
    failureReason: z.string().optional(),
    resourceEntityRef: z.string().optional(),
    connection: z
      .string()
      .optional()
      .describe('user@host:port/database once ready (never the password)'),
    portalPath: z.string().describe('The request page in the portal'),
  });

function summarise(request: DatabaseRequest) {
  const outputs = request.outputs;
  return {
    id: request.id,
    name: request.name,
    type: request.type,
    owner: request.owner,
    environment: request.environment,
    size: request.size,
    storageGB: request.storageGB,
    status: request.status,
    approvalRequired: request.approvalRequired,
    requestedBy: request.requestedBy,
    component: request.component,
    system: request.system,
    createdAt: request.createdAt,
    failureReason: request.failureReason,
    resourceEntityRef: request.resourceEntityRef,
    connection: outputs
      ? `${outputs.username}@${outputs.host}:${outputs.port}/${outputs.database}`
      : undefined,
    portalPath: requestPagePath(request.id),
  };
}

export function registerDatabaseActions(
  actionsRegistry: ActionsRegistryService,
  callProvisioning: PluginActionCall,
): void {
  actionsRegistry.register({
    name: 'request-database',
    title: 'Request a database',
    description: `Files a self-service database request for a team, exactly as the portal's form does, as the calling user (who must belong to the team). The platform's guardrails apply: sizes and storage per environment, the team's quota, a name unique per team and environment; a violation is refused naming the field and the rule. Development and staging databases are created at once; production and large ones start in "awaiting-approval" and wait for a person of the platform team — agents cannot approve. Follow the request with get-database-request. Credentials are never returned to agents: the owner reveals them in the portal or with \`platform db credentials\`.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          name: z
            .string()
            .regex(DNS_LABEL_PATTERN)
            .max(63)
            .describe('Database name: a lowercase DNS label, e.g. orders'),
          owner: z
            .string()
            .describe(
              'Owning team as a group entity ref, e.g. group:default/payments',
            ),
          environment: z
            .enum(ENVIRONMENTS)
            .default('development')
            .describe('production waits for an approval'),
          size: z.enum(DATABASE_SIZES).default('small'),
          storageGB: z.number().int().positive().default(10),
          type: z.enum(DATABASE_TYPES).default(DATABASE_TYPES[0]),
          version: z
            .string()
            .optional()
            .describe('Engine major version, e.g. 16'),
          ttlHours: z
            .number()
            .int()
            .positive()
            .optional()
            .describe('Required for ephemeral: hours until it is deleted'),
          system: z
            .string()
            .optional()
            .describe('System entity ref it belongs to'),
          component: z
            .string()
            .optional()
            .describe(
              'Component entity ref that uses it, e.g. component:default/payments-api',
            ),
          idempotencyKey: idempotencyKeyInput(z, 'request'),
        }),
      output: z => z.object({ request: requestSummary(z) }),
    },
    action: async ({ input, credentials }) => {
      const { idempotencyKey, ...body } = input;
      const { body: request } = await callProvisioning<DatabaseRequest>(
        credentials,
        'request-database',
        {
          path: '/requests',
          method: 'POST',
          body,
          headers: idempotencyHeaders(idempotencyKey),
        },
      );
      return { output: { request: summarise(request) } };
    },
  });

  actionsRegistry.register({
    name: 'list-database-requests',
    title: 'List database requests',
    description:
      'Lists the database requests the calling user may see, newest first, optionally for some teams, states or requester.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe(
              'Group entity refs, comma-separated, e.g. group:default/payments',
            ),
          status: z
            .string()
            .optional()
            .describe(
              `Comma-separated: ${DATABASE_REQUEST_STATUSES.join(', ')}`,
            ),
          requestedBy: z.string().optional().describe('User entity ref'),
        }),
      output: z => z.object({ requests: z.array(requestSummary(z)) }),
    },
    action: async ({ input, credentials }) => {
      const { body } = await callProvisioning<{ items: DatabaseRequest[] }>(
        credentials,
        'list-database-requests',
        {
          path: '/requests',
          query: input,
        },
      );
      return { output: { requests: body.items.map(summarise) } };
    },
  });

  actionsRegistry.register({
    name: 'get-database-request',
    title: 'Show a database request',
    description:
      'Shows one database request: its state, connection facts once ready (never the password) and its audit trail (who did what, when).',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ id: z.string().uuid().describe('Request id') }),
      output: z =>
        z.object({
          request: requestSummary(z),
          events: z.array(
            z.object({
              at: z.string(),
              actor: z.string(),
              action: z.string(),
              toStatus: z.string().optional(),
              message: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { body } = await callProvisioning<DatabaseRequestWithEvents>(
        credentials,
        'get-database-request',
        {
          path: `/requests/${encodeURIComponent(input.id)}`,
        },
      );
      return {
        output: {
          request: summarise(body),
          events: (body.events ?? []).map(event => ({
            at: event.createdAt,
            actor: event.actor,
            action: event.action,
            toStatus: event.toStatus,
            message: event.message,
          })),
        },
      };
    },
  });
}
