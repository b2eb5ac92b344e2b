import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { callPluginAsCaller } from '@paved/backend-platform';
import {
  ANNOTATION_TEMPLATE_VERSION,
  serviceNameAnswerSchema,
  upgradeSchema,
} from '@paved/plugin-golden-paths-common';

const LANGUAGES = ['typescript', 'python', 'go'] as const;
const PLUGIN_ID = 'golden-paths';
const TASK_TIMEOUT_MS = 5 * 60_000;

interface TaskEvent {
  id: number;
  type: string;
  body: {
    message?: string;
    output?: Record<string, unknown>;
    error?: { message: string };
  };
}

function ref(value: string, kind: 'group' | 'system', field: string) {
  try {
    const parsed = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
    if (parsed.kind.toLocaleLowerCase('en-US') !== kind) {
      throw new InputError(`${field}: must refer to a ${kind}`);
    }
    return stringifyEntityRef(parsed);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${field}: '${value}' is not an entity reference`);
  }
}

/*
 * Golden paths for agents: which paths exist, whether a name is free, and creating a service.
 * Creating runs the same template through the scaffolder's HTTP API as the caller, after the same
 * checks the portal form makes (with its messages), so an agent cannot do what the user could not.
 */
export function registerGoldenPathActions(options: {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
}): void {
  const { actionsRegistry, catalog } = options;
  const deps = { auth: options.auth, discovery: options.discovery };

  async function checkName(name: string, credentials: BackstageCredentials) {
    const { body } = await callPluginAsCaller(deps, credentials, {
      actionId: `${PLUGIN_ID}:check-service-name`,
      pluginId: PLUGIN_ID,
      path: `/service-names/${encodeURIComponent(name)}`,
    });
    return serviceNameAnswerSchema.parse(body);
  }

  actionsRegistry.register({
    name: 'list-templates',
    title: 'List golden paths',
    description:
      'Lists the golden-path templates of the portal (services in TypeScript, Python and Go, databases, docs) with their versions. golden-paths.create-service runs the service ones.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          templates: z.array(
            z.object({
              ref: z.string(),
              title: z.string(),
              type: z.string(),
              version: z.string().nullable(),
              description: z.string(),
              tags: z.array(z.string()),
            }),
          ),
        }),
    },
    action: async ({ credentials }) => {
      const { items } = await catalog.queryEntities(
        {
          filter: { kind: 'template' },
          orderFields: { field: 'metadata.name', order: 'asc' },
        },
        { credentials },
      );
      return {
        output: {
          templates: items.map(entity => ({
            ref: stringifyEntityRef(entity),
            title: entity.metadata.title ?? entity.metadata.name,
            type: String(entity.spec?.type ?? ''),
            version:
              entity.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION] ??
              null,
            description: (entity.metadata.description ?? '')
              .replace(/\s+/g, ' ')
              .trim(),
            tags: entity.metadata.tags ?? [],
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-template-drift',
    title: 'Show template drift',
    description:
      "Per golden-path template: its latest version and each component made from it with the component's version and upgrade state (current, outdated, proposed, needs-attention), as the caller may see the catalog.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          templates: z.array(
            z.object({
              templateRef: z.string(),
              latestVersion: z.string().optional(),
              components: z.array(
                z.object({
                  entityRef: z.string(),
                  version: z.string().optional(),
                  state: z.string(),
                  changeUrl: z.string().optional(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ credentials }) => {
      const { body } = await callPluginAsCaller<{
        items: Array<{
          templateRef: string;
          latestVersion?: string;
          components: Array<{
            entityRef: string;
            version?: string;
            state: string;
            upgrade?: { changeUrl?: string };
          }>;
        }>;
      }>(deps, credentials, {
        actionId: `${PLUGIN_ID}:get-template-drift`,
        pluginId: PLUGIN_ID,
        path: '/drift',
      });
      return {
        output: {
          templates: body.items.map(t => ({
            templateRef: t.templateRef,
            latestVersion: t.latestVersion,
            components: t.components.map(c => ({
              entityRef: c.entityRef,
              version: c.version,
              state: c.state,
              changeUrl: c.upgrade?.changeUrl,
            })),
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'propose-template-upgrade',
    title: 'Propose a template upgrade',
    description:
      "Proposes upgrading a component made from an older golden-path version to the template's latest version: Paved renders it with the inputs recorded in the repository, merges it three-way into a new branch (local changes kept, conflicts committed as conflicts and marked needs-attention) and opens a change request for the owners to review and merge. Only the component's owners, their members and the platform team may; refused when already current or already proposed.",
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe('The component, e.g. component:default/orders'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.string(),
          fromVersion: z.string(),
          toVersion: z.string(),
          changeUrl: z.string().optional(),
          conflicts: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const { body } = await callPluginAsCaller(deps, credentials, {
        actionId: `${PLUGIN_ID}:propose-template-upgrade`,
        pluginId: PLUGIN_ID,
        path: '/upgrades',
        method: 'POST',
        body: { entityRef: input.entityRef },
      });
      const upgrade = upgradeSchema.parse(body);
      return {
        output: {
          id: upgrade.id,
          status: upgrade.status,
          fromVersion: upgrade.fromVersion,
          toVersion: upgrade.toVersion,
          changeUrl: upgrade.changeUrl,
          conflicts: upgrade.conflicts,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'check-service-name',
    title: 'Check a service name',
    description:
      'Whether a new service may take a name: the naming rule, no component of that name in the catalog, no repository of that name on the git host. The same answer the portal form shows.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ name: z.string().min(1).max(100) }),
      output: z =>
        z.object({
          name: z.string(),
          available: z.boolean(),
          problem: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await checkName(input.name, credentials),
    }),
  });

  actionsRegistry.register({
    name: 'create-service',
    title: 'Create a service from its golden path',
    description:
      "Creates a new service from Paved's golden path for a language, as the calling user: a repository with CI/CD, Dockerfile, Helm chart, docs and a catalog entry owned by the team. Checks first, like the portal form, that the name is free and the team and system exist; nothing is created when one fails. Waits for the template to finish (up to 5 minutes) and returns the repository, the catalog entity and the task id. To give it a database, call provisioning:request-database with component set to the returned entityRef.",
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          name: z
            .string()
            .describe(
              'Service, component and repository name, e.g. payments-api',
            ),
          language: z.enum(LANGUAGES),
          team: z.string().describe('Owning team, e.g. group:default/payments'),
          system: z
            .string()
            .describe('System it belongs to, e.g. system:default/payments'),
          description: z
            .string()
            .max(200)
            .regex(/^[^\r\n]*$/, 'must be one line')
            .describe('What it does, in one sentence'),
          api: z.enum(['http', 'grpc']).default('http'),
        }),
      output: z =>
        z.object({
          taskId: z.string(),
          status: z.enum(['completed', 'failed', 'cancelled', 'processing']),
          entityRef: z.string().optional(),
          repository: z.string().optional(),
          error: z.string().optional(),
          portalPath: z.string().describe('The task page in the portal'),
        }),
    },
    action: async ({ input, credentials }) => {
      const owner = ref(input.team, 'group', 'team');
      const system = ref(input.system, 'system', 'system');
      if (!(await catalog.getEntityByRef(owner, { credentials }))) {
        throw new InputError(`owner: ${owner} does not exist in the catalog`);
      }
      if (!(await catalog.getEntityByRef(system, { credentials }))) {
        throw new InputError(`system: ${system} does not exist in the catalog`);
      }
      const answer = await checkName(input.name, credentials);
      if (!answer.available) {
        throw new InputError(
          answer.problem ?? `name: '${input.name}' is taken`,
        );
      }

      const actionId = `${PLUGIN_ID}:create-service`;
      const { body: task } = await callPluginAsCaller<{ id: string }>(
        deps,
        credentials,
        {
          actionId,
          pluginId: 'scaffolder',
          path: '/v2/tasks',
          method: 'POST',
          body: {
            templateRef: `template:default/${input.language}-service`,
            values: {
              name: input.name,
              owner,
              system,
              description: input.description,
              api: input.api,
              database: 'none',
            },
          },
        },
      );

      // The scaffolder's long-poll: each call answers with new events or, after 30 s, none.
      const deadline = Date.now() + TASK_TIMEOUT_MS;
      let after: number | undefined;
      let completion: TaskEvent | undefined;
      while (!completion && Date.now() < deadline) {
        const { body: events } = await callPluginAsCaller<TaskEvent[]>(
          deps,
          credentials,
          {
            actionId,
            pluginId: 'scaffolder',
            path: `/v2/tasks/${encodeURIComponent(task.id)}/events`,
            query: { after: after === undefined ? undefined : String(after) },
          },
        );
        for (const event of events) {
          after = event.id;
          if (event.type === 'completion') completion = event;
        }
      }
      const { body: finished } = await callPluginAsCaller<{ status: string }>(
        deps,
        credentials,
        {
          actionId,
          pluginId: 'scaffolder',
          path: `/v2/tasks/${encodeURIComponent(task.id)}`,
        },
      );
      const output = completion?.body.output ?? {};
      const status = (['completed', 'failed', 'cancelled'] as const).find(
        s => s === finished.status,
      );
      return {
        output: {
          taskId: task.id,
          status: status ?? ('processing' as const),
          entityRef:
            typeof output.entityRef === 'string' ? output.entityRef : undefined,
          repository:
            typeof output.remoteUrl === 'string' ? output.remoteUrl : undefined,
          error:
            status === 'completed'
              ? undefined
              : completion?.body.error?.message ?? completion?.body.message,
          portalPath: `/create/tasks/${task.id}`,
        },
      };
    },
  });
}
