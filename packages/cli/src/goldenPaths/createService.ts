import {
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  GoldenPathsClient,
} from '@paved/plugin-golden-paths-common';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type { ScaffolderTask } from '@backstage/plugin-scaffolder-common';
import { byNamePath } from '../catalog/entityRefs';
import { CliError, EXIT_BAD_INPUT } from '../errors';
import { Terminal } from '../output/Terminal';
import { PortalClient } from '../portal/PortalClient';
import {
  followDatabaseRequest,
  getDatabaseRequest,
} from '../provisioning/databaseRequests';
import type { CatalogEntity } from '../commands/templates';
import { TaskEvent, taskEvents } from './taskEvents';

export const LANGUAGES = ['typescript', 'python', 'go'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The golden path of each language (templates/<language>-service). */
export function templateRefFor(language: Language): string {
  return `template:default/${language}-service`;
}

export interface CreateServiceInput {
  name: string;
  language: Language;
  owner: string;
  system?: string;
  description?: string;
  api: 'http' | 'grpc';
  database?: 'postgresql';
}

/** What really happened, read back from the task, the catalog and provisioning. */
export interface ServiceCreationResult {
  taskId: string;
  status: 'completed' | 'failed' | 'cancelled';
  error?: string;
  template: string;
  templateVersion: string | null;
  repository: string | null;
  entityRef: string | null;
  inCatalog: boolean;
  owner: string | null;
  system: string | null;
  docsUrl: string | null;
  /** The database the golden path requested (`--db`), read back from provisioning. */
  database: DatabaseRequest | null;
  /** The component's `spec.dependsOn` in the catalog (the database's Resource, with `--db`). */
  dependsOn: string[];
  links: Array<{ title?: string; url?: string; entityRef?: string }>;
}

async function findEntity(
  portal: PortalClient,
  ref: string,
): Promise<CatalogEntity | undefined> {
  const { status, body } = await portal.request<CatalogEntity>(
    'catalog',
    byNamePath(ref),
    { accept: [404] },
  );
  return status === 404 ? undefined : body;
}

/**
 * The checks the portal form makes before "Create", with its messages: the name (the golden
 * paths' own service-name answer), the owner and the system (the catalog). Nothing is created
 * when one fails. Without `--system`, the team's only system is used.
 */
export async function checkServiceInput(
  portal: PortalClient,
  input: CreateServiceInput,
): Promise<{ system: string }> {
  if (!(await findEntity(portal, input.owner))) {
    throw new CliError(
      `owner: ${input.owner} does not exist in the catalog`,
      EXIT_BAD_INPUT,
    );
  }
  let system = input.system;
  if (system) {
    if (!(await findEntity(portal, system))) {
      throw new CliError(
        `system: ${system} does not exist in the catalog`,
        EXIT_BAD_INPUT,
      );
    }
  } else {
    const { items } = await portal.get<{ items: CatalogEntity[] }>(
      'catalog',
      '/entities/by-query',
      { filter: `kind=system,relations.ownedBy=${input.owner}`, limit: '20' },
    );
    if (items.length !== 1) {
      const names = items.map(item => item.metadata.name);
      throw new CliError(
        `system: required (--system): ${input.owner} owns ${
          names.length ? `several systems: ${names.join(', ')}` : 'no system'
        }`,
        EXIT_BAD_INPUT,
      );
    }
    system = `system:${items[0].metadata.namespace ?? 'default'}/${
      items[0].metadata.name
    }`;
  }
  const goldenPaths = new GoldenPathsClient(portal.clientOptions());
  const answer = await portal.viaClient(() =>
    goldenPaths.getServiceName(input.name),
  );
  if (!answer.available) {
    throw new CliError(
      answer.problem ?? `name: '${input.name}' is not available`,
      EXIT_BAD_INPUT,
    );
  }
  return { system };
}

/** Shows a task's steps as they start and finish. */
function showStep(
  terminal: Terminal,
  stepNames: Map<string, string>,
  event: TaskEvent,
): void {
  const { stepId, status } = event.body;
  if (!stepId || !status) return;
  const name = stepNames.get(stepId) ?? stepId;
  if (status === 'processing') terminal.note(`▸ ${name}`);
  if (status === 'completed') terminal.note(`  ✓ ${name}`);
  if (status === 'failed') terminal.note(`  ✗ ${name}`);
  // The scaffolder opens a step before deciding its `if:`; say why nothing followed.
  if (status === 'skipped') terminal.note(`  – ${name} (skipped)`);
}

/**
 * Runs the golden path through the scaffolder API, streams its progress to stderr, and reads
 * back what it made: the repository and entity from the task's output, the entity itself from
 * the catalog, and, with `--db postgresql`, the development database the golden path requested
 * for the service (ready, or waiting for an approval) and the component's dependency on it.
 */
export async function createService(options: {
  portal: PortalClient;
  terminal: Terminal;
  input: CreateServiceInput;
  appUrl: string;
}): Promise<ServiceCreationResult> {
  const { portal, terminal, input } = options;
  const { system } = await checkServiceInput(portal, input);
  const templateRef = templateRefFor(input.language);

  const { body: created } = await portal.request<{ id: string }>(
    'scaffolder',
    '/v2/tasks',
    {
      method: 'POST',
      body: {
        templateRef,
        values: {
          name: input.name,
          owner: input.owner,
          system,
          description:
            input.description ??
            `${input.name}, a ${
              input.language
            } service of ${input.owner.replace(/^group:[^/]+\//, '')}`,
          api: input.api,
          database: input.database ? 'postgres' : 'none',
        },
      },
    },
  );
  const taskId = created.id;
  terminal.note(
    `Creating ${input.name} from ${templateRef}; follow it in the portal: ${options.appUrl}/create/tasks/${taskId}`,
  );

  const task = await portal.get<ScaffolderTask>(
    'scaffolder',
    `/v2/tasks/${encodeURIComponent(taskId)}`,
  );
  const steps = (task.spec as { steps?: Array<{ id: string; name: string }> })
    .steps;
  const stepNames = new Map((steps ?? []).map(step => [step.id, step.name]));

  let completion: TaskEvent | undefined;
  for await (const event of taskEvents(portal, taskId)) {
    showStep(terminal, stepNames, event);
    if (event.type === 'completion') completion = event;
  }
  const finished = await portal.get<ScaffolderTask>(
    'scaffolder',
    `/v2/tasks/${encodeURIComponent(taskId)}`,
  );
  const output = completion?.body.output ?? {};
  let status: ServiceCreationResult['status'] = 'failed';
  if (finished.status === 'completed' || finished.status === 'cancelled') {
    status = finished.status;
  }
  const entityRef =
    typeof output.entityRef === 'string' ? output.entityRef : null;
  const entity = entityRef ? await findEntity(portal, entityRef) : undefined;

  // With --db the golden path itself requested the database (as this user, before publishing)
  // and waited for it; read back what provisioning holds, following it if it is still working.
  let database: DatabaseRequest | null = null;
  const databaseRequestId =
    typeof output.databaseRequestId === 'string'
      ? output.databaseRequestId
      : '';
  if (input.database && databaseRequestId) {
    database = await followDatabaseRequest({
      portal,
      request: await getDatabaseRequest(portal, databaseRequestId),
      terminal,
    });
  }

  const annotations = entity?.metadata.annotations ?? {};
  const docsUrl =
    entity && annotations['backstage.io/techdocs-ref']
      ? `${options.appUrl}/docs/${
          entity.metadata.namespace ?? 'default'
        }/component/${entity.metadata.name}`
      : null;
  return {
    taskId,
    status,
    error:
      status === 'completed'
        ? undefined
        : completion?.body.error?.message ?? completion?.body.message,
    template: annotations[ANNOTATION_TEMPLATE] ?? templateRef,
    templateVersion: annotations[ANNOTATION_TEMPLATE_VERSION] ?? null,
    repository: typeof output.remoteUrl === 'string' ? output.remoteUrl : null,
    entityRef,
    inCatalog: Boolean(entity),
    owner: (entity?.spec?.owner as string | undefined) ?? null,
    system: (entity?.spec?.system as string | undefined) ?? null,
    docsUrl,
    database,
    dependsOn: (entity?.spec?.dependsOn as string[] | undefined) ?? [],
    links: (output.links ?? []) as ServiceCreationResult['links'],
  };
}
