import { ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createDatabaseRequestSchema,
  databaseConnectionSecretName,
  DATABASE_TYPES,
  databaseResourceEntityRef,
  engineDefinition,
  type DatabaseRequest,
  type DatabaseRequestStatus,
  requestPagePath,
} from '@paved/plugin-provisioning-common';
import { ProvisioningApiClient } from './ProvisioningApiClient';

export const REQUEST_DATABASE_ACTION_ID = 'paved:database:request';

const fields = createDatabaseRequestSchema.shape;

/** Documented examples; the tests run each of them. */
export const REQUEST_DATABASE_EXAMPLES: Array<{
  description: string;
  input: Record<string, string | number>;
}> = [
  {
    description: 'A small development database for the payments team',
    input: {
      name: 'orders',
      owner: 'group:default/payments',
      system: 'system:default/payments',
      environment: 'development',
      size: 'small',
      storageGB: 10,
    },
  },
  {
    description: 'A Redis cache with 2 GB of memory for the storefront team',
    input: {
      type: 'redis',
      name: 'sessions',
      owner: 'group:default/storefront',
      environment: 'development',
      size: 'small',
      storageGB: 2,
    },
  },
  {
    description: 'An ephemeral database that expires after a day',
    input: {
      name: 'load-test',
      owner: 'group:default/storefront',
      environment: 'ephemeral',
      size: 'small',
      storageGB: 5,
      ttlHours: 24,
    },
  },
];

function exampleYaml(input: Record<string, string | number>): string {
  return [
    'steps:',
    '  - id: database',
    '    name: Request the database',
    `    action: ${REQUEST_DATABASE_ACTION_ID}`,
    '    input:',
    ...Object.entries(input).map(([key, value]) => `      ${key}: ${value}`),
  ].join('\n');
}

/** States in which the step stops waiting: the database exists, a person must act, or it cannot. */
const SETTLED_STATUSES: DatabaseRequestStatus[] = [
  'ready',
  'awaiting-approval',
  'failed',
  'rejected',
  'deleted',
  'expired',
];

export interface RequestDatabaseActionOptions {
  client: ProvisioningApiClient;
  /** Base URL of the portal, for the links in the step's output. */
  appBaseUrl: string;
  pollIntervalMs?: number;
  /** How long the step waits for a settled state before failing the task. */
  timeoutMs?: number;
}

/** The catalog Resource the provisioning backend delivers for a ready request. */
export function resourceEntityRef(
  request: Pick<
    DatabaseRequest,
    'id' | 'owner' | 'name' | 'environment' | 'resourceEntityRef'
  >,
): string {
  // The backend fixes the ref when the request becomes ready (with a suffix of the request id when
  // another request holds the plain name); before that, the plain name is the best prediction.
  return databaseResourceEntityRef(request);
}

function describeError(error: unknown): string {
  if (error instanceof ResponseError) {
    return `${error.response.status} ${
      error.body?.error?.message ?? error.message
    }`;
  }
  return (error as Error).message;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('The task was cancelled'));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('The task was cancelled'));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `paved:database:request`: files a database request with the provisioning backend as the user
 * who runs the template, then follows it until it is ready, waits for an approval, or failed.
 */
export function createRequestDatabaseAction(
  options: RequestDatabaseActionOptions,
) {
  const { client } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const appBaseUrl = options.appBaseUrl.replace(/\/+$/, '');

  return createTemplateAction({
    id: REQUEST_DATABASE_ACTION_ID,
    description:
      'Requests a PostgreSQL database or a Redis cache from Paved provisioning and waits until it is ready or awaits approval. Guardrails (sizes, storage, quotas, approvals) are applied by the provisioning backend.',
    supportsDryRun: true,
    examples: REQUEST_DATABASE_EXAMPLES.map(({ description, input }) => ({
      description,
      example: exampleYaml(input),
    })),
    schema: {
      // The field rules are the provisioning API's own (createDatabaseRequestSchema), so the
      // form, this step and the backend refuse the same values.
      input: {
        type: () =>
          fields.type
            .default(DATABASE_TYPES[0])
            .describe(
              `Engine: ${DATABASE_TYPES.map(
                t => `${t} (${engineDefinition(t).title})`,
              ).join(', ')}`,
            ),
        name: () =>
          fields.name.describe(
            'Database name: a lowercase DNS label, unique per owner and environment',
          ),
        owner: () =>
          fields.owner.describe('Owning group, e.g. group:default/payments'),
        system: () => fields.system.describe('System the database belongs to'),
        component: () =>
          fields.component.describe('Component that uses the database'),
        environment: () => fields.environment.describe('Environment'),
        size: () => fields.size.describe('T-shirt size'),
        storageGB: () =>
          fields.storageGB.describe(
            'Capacity in GB: storage for PostgreSQL, memory for Redis',
          ),
        version: () =>
          fields.version.describe(
            "Engine version (e.g. 16 for PostgreSQL, 7.0 for Redis); the engine's default when omitted",
          ),
        ttlHours: () =>
          fields.ttlHours.describe('Time to live in hours (ephemeral only)'),
      },
      output: {
        requestId: z => z.string().describe('Id of the provisioning request'),
        status: z =>
          z
            .string()
            .describe(
              'Status when the step finished: ready or awaiting-approval',
            ),
        entityRef: z =>
          z
            .string()
            .describe(
              'The catalog Resource of the database (exists once it is ready)',
            ),
        database: z =>
          z
            .string()
            .describe(
              "The database name: the provider's once ready, else the requested name",
            ),
        connectionSecret: z =>
          z
            .string()
            .describe(
              "The Kubernetes Secret with the connection (keys host, port, username, password) a deployment reads: the provider's once ready, else the predicted name",
            ),
        requestUrl: z =>
          z.string().describe('The request page in the portal (absolute URL)'),
        requestPath: z =>
          z
            .string()
            .describe(
              'The request page as a portal path, for output links that stay in the portal tab',
            ),
        links: z =>
          z
            .array(
              z.object({
                title: z.string(),
                url: z.string().optional(),
                entityRef: z.string().optional(),
              }),
            )
            .describe('Links for the template output'),
      },
    },
    async handler(ctx) {
      const input = {
        type: ctx.input.type ?? DATABASE_TYPES[0],
        name: ctx.input.name,
        owner: ctx.input.owner.toLocaleLowerCase('en-US'),
        environment: ctx.input.environment,
        size: ctx.input.size,
        storageGB: ctx.input.storageGB,
        ...(ctx.input.system ? { system: ctx.input.system } : {}),
        ...(ctx.input.component ? { component: ctx.input.component } : {}),
        ...(ctx.input.version ? { version: ctx.input.version } : {}),
        ...(ctx.input.ttlHours ? { ttlHours: ctx.input.ttlHours } : {}),
      };
      const plannedEntityRef = resourceEntityRef({ ...input, id: '' });

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would request ${input.size} ${
            engineDefinition(input.type).title
          } "${input.name}" (${input.environment}) for ${input.owner}`,
        );
        ctx.output('requestId', 'dry-run');
        ctx.output('status', 'dry-run');
        ctx.output('entityRef', plannedEntityRef);
        ctx.output('database', input.name);
        ctx.output('connectionSecret', databaseConnectionSecretName(input));
        ctx.output('requestUrl', `${appBaseUrl}/provisioning`);
        ctx.output('requestPath', '/provisioning');
        ctx.output('links', []);
        return;
      }

      const credentials = await ctx.getInitiatorCredentials();
      // One key per task and step: a retried or recovered task files the same request again and
      // the backend answers with the existing one.
      const idempotencyKey = `scaffolder:${ctx.task.id}:${(
        ctx.step?.id ?? 'database'
      ).replace(/[^\x21-\x7e]/g, '_')}`;

      let filed: { id: string; status: string };
      try {
        filed = await ctx.checkpoint({
          key: `paved-database-request-${ctx.step?.id ?? 'database'}`,
          fn: async () => {
            const created = await client.createRequest(input, {
              credentials,
              idempotencyKey,
            });
            return { id: created.id, status: created.status };
          },
        });
      } catch (error) {
        throw new Error(
          `The database request was refused: ${describeError(error)}`,
        );
      }
      ctx.logger.info(
        `Filed database request ${filed.id} (${filed.status}) for ${input.name} (${input.environment})`,
      );

      const deadline = Date.now() + timeoutMs;
      let request: DatabaseRequest | undefined;
      let lastStatus = filed.status;
      for (;;) {
        request = await client.getRequest(filed.id, credentials);
        if (request.status !== lastStatus) {
          ctx.logger.info(
            `Request ${filed.id}: ${lastStatus} → ${request.status}`,
          );
          lastStatus = request.status;
        }
        if (SETTLED_STATUSES.includes(request.status)) break;
        if (Date.now() >= deadline) {
          throw new Error(
            `Database request ${filed.id} is still ${
              request.status
            } after ${Math.round(
              timeoutMs / 60_000,
            )} minutes; follow it at ${appBaseUrl}${requestPagePath(filed.id)}`,
          );
        }
        await sleep(pollIntervalMs, ctx.signal);
      }

      if (request.status === 'failed' || request.status === 'rejected') {
        throw new Error(
          `Database request ${filed.id} ${request.status}: ${
            request.failureReason ?? 'no reason given'
          }`,
        );
      }
      if (
        request.status !== 'ready' &&
        request.status !== 'awaiting-approval'
      ) {
        throw new Error(`Database request ${filed.id} is ${request.status}`);
      }
      if (request.status === 'awaiting-approval') {
        ctx.logger.info(
          `Request ${filed.id} needs an approval from the platform team; the database is created once it is approved`,
        );
      } else if (request.outputs) {
        // Connection facts only: the password stays behind the credentials endpoint.
        ctx.logger.info(
          `Database ready at ${request.outputs.host}:${request.outputs.port}/${request.outputs.database}`,
        );
      }

      const requestPath = requestPagePath(filed.id);
      const requestUrl = `${appBaseUrl}${requestPath}`;
      const entityRef = resourceEntityRef(request);
      ctx.output('requestId', filed.id);
      ctx.output('status', request.status);
      ctx.output('entityRef', entityRef);
      ctx.output('database', request.outputs?.database ?? input.name);
      ctx.output(
        'connectionSecret',
        request.outputs?.connectionSecret ??
          databaseConnectionSecretName(input),
      );
      ctx.output('requestUrl', requestUrl);
      ctx.output('requestPath', requestPath);
      ctx.output('links', [
        { title: 'Database request', url: requestUrl },
        ...(request.status === 'ready'
          ? [{ title: 'Database in the catalog', entityRef }]
          : []),
      ]);
    },
  });
}
