/*
 * Agents through the MCP server: an MCP client (the SDK's Streamable HTTP client, as Claude or
 * Cursor use) against a portal with the real plugins, Paved's action modules and
 * @backstage/plugin-mcp-actions-backend, configured as app-config.yaml configures them. The agent
 * signs in as the development guest (Sam Rivera, payments) and acts as Sam: same guardrails,
 * permissions and approvals; it is never offered a way to destroy or approve.
 */
import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import mcpActionsBackend from '@backstage/plugin-mcp-actions-backend';
import devexActions from '@paved/plugin-devex-backend-module-actions';
import provisioningActions from '@paved/plugin-provisioning-backend-module-actions';
import goldenPathActions from '@paved/plugin-golden-paths-backend-module-actions';
import { startTestPortal, TestPortal, waitForEntity } from '@paved/test-portal';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

jest.setTimeout(240_000);

type LogMeta = { [key: string]: unknown };

interface LogEntry {
  message: string;
  meta: Record<string, any>;
}

/** A root logger that keeps every entry, so the test can read the audit events. */
class RecordingLogger implements RootLoggerService {
  constructor(
    readonly entries: LogEntry[],
    private readonly fields: LogMeta = {},
  ) {}
  private record(message: string, meta?: Error | LogMeta) {
    this.entries.push({
      message,
      meta: { ...this.fields, ...(meta instanceof Error ? {} : meta) },
    });
  }
  error(message: string, meta?: Error | LogMeta) {
    this.record(message, meta);
  }
  warn(message: string, meta?: Error | LogMeta) {
    this.record(message, meta);
  }
  info(message: string, meta?: Error | LogMeta) {
    this.record(message, meta);
  }
  debug() {}
  child(fields: LogMeta) {
    return new RecordingLogger(this.entries, { ...this.fields, ...fields });
  }
}

/** The agent-facing settings exactly as the development configuration has them. */
function appConfigFrontDoors() {
  const appConfig = yaml.parse(
    fs.readFileSync(
      path.resolve(__dirname, '../../../app-config.yaml'),
      'utf8',
    ),
  );
  return {
    actions: appConfig.backend.actions,
    mcpActions: appConfig.mcpActions,
  };
}

type ToolResult = {
  isError?: boolean;
  structuredContent?: any;
  content: Array<{ type: string; text?: string }>;
};

const suffix = Date.now().toString(36);

describe('agents through the MCP server', () => {
  let portal: TestPortal;
  let agent: Client;
  let token: string;
  const log: LogEntry[] = [];
  const databases: string[] = [];

  const call = async (name: string, args: object) =>
    (await agent.callTool({ name, arguments: args as any })) as ToolResult;
  const text = (result: ToolResult) =>
    result.content.map(part => part.text ?? '').join('\n');

  beforeAll(async () => {
    const { actions, mcpActions } = appConfigFrontDoors();
    const logger = new RecordingLogger(log);
    portal = await startTestPortal({
      features: [
        mcpActionsBackend,
        goldenPathActions,
        provisioningActions,
        devexActions,
      ],
      config: { backend: { actions }, mcpActions },
      rootLogger: createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger,
      }),
    });
    await waitForEntity(portal, 'user:default/sam.rivera');
    await waitForEntity(portal, 'system:default/payments');
    await waitForEntity(portal, 'template:default/typescript-service');
    token = await portal.guestToken();
    agent = new Client({ name: 'paved-test-agent', version: '1.0.0' });
    await agent.connect(
      new StreamableHTTPClientTransport(
        new URL(`${portal.url}/api/mcp-actions/v1`),
        { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
      ),
    );
  });

  afterAll(async () => {
    await agent?.close();
    // Sandbox databases live on the shared PostgreSQL: delete them and wait until they are gone.
    const headers = { Authorization: `Bearer ${token}` };
    for (const id of databases) {
      const url = `${portal.url}/api/provisioning/requests/${id}`;
      await fetch(url, { method: 'DELETE', headers });
      for (let i = 0; i < 60; i++) {
        const { status } = await (await fetch(url, { headers })).json();
        if (status === 'deleted') break;
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    }
    await portal?.stop();
  });

  it('each plugin lists its own actions, with honest attributes', async () => {
    const list = async (pluginId: string) => {
      const response = await fetch(
        `${portal.url}/api/${pluginId}/.backstage/actions/v1/actions`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(200);
      const { actions } = await response.json();
      return Object.fromEntries(
        actions.map((a: { id: string; attributes: object }) => [
          a.id,
          a.attributes,
        ]),
      );
    };
    expect(await list('provisioning')).toEqual({
      'provisioning:request-database': {
        readOnly: false,
        destructive: false,
        idempotent: false,
      },
      'provisioning:list-database-requests': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'provisioning:get-database-request': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'provisioning:request-database-operation': {
        readOnly: false,
        destructive: false,
        idempotent: false,
      },
      'provisioning:list-database-operations': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
    });
    expect(await list('devex')).toEqual({
      'devex:get-dora-metrics': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'devex:list-deployments': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'devex:get-review-flow': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'devex:get-golden-path-impact': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'devex:get-onboarding': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
    });
    expect(await list('golden-paths')).toEqual({
      'golden-paths:list-templates': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'golden-paths:check-service-name': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'golden-paths:create-service': {
        readOnly: false,
        destructive: false,
        idempotent: false,
      },
      'golden-paths:get-template-drift': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'golden-paths:propose-template-upgrade': {
        readOnly: false,
        destructive: false,
        idempotent: true,
      },
    });
  });

  it("lists Paved's operations as tools, and nothing that destroys or approves", async () => {
    const { tools } = await agent.listTools();
    const names = tools.map(tool => tool.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'golden-paths.list-templates',
        'golden-paths.check-service-name',
        'golden-paths.create-service',
        'golden-paths.get-template-drift',
        'golden-paths.propose-template-upgrade',
        'provisioning.request-database',
        'provisioning.list-database-requests',
        'provisioning.get-database-request',
        'provisioning.request-database-operation',
        'provisioning.list-database-operations',
        'devex.get-dora-metrics',
        'devex.list-deployments',
        'devex.get-review-flow',
        'devex.get-golden-path-impact',
        'devex.get-onboarding',
        'catalog.get-catalog-entity',
      ]),
    );
    // Backstage's own destructive actions are filtered out by backend.actions.filter.
    expect(names).not.toContain('scaffolder.execute-template');
    expect(names).not.toContain('catalog.unregister-entity');
    expect(tools.filter(tool => tool.annotations?.destructiveHint)).toEqual([]);
    expect(
      names.filter(name => /delete|approve|reject|credential/.test(name)),
    ).toEqual([]);
  });

  it('creates a service and requests a development database for it, as the signed-in user', async () => {
    const name = `agent-orders-${suffix}`;
    const check = await call('golden-paths.check-service-name', { name });
    expect(check.structuredContent).toEqual({ name, available: true });

    const created = await call('golden-paths.create-service', {
      name,
      language: 'typescript',
      team: 'group:default/payments',
      system: 'system:default/payments',
      description: 'Orders, created by an agent',
    });
    expect(text(created)).not.toMatch(/Error/);
    expect(created.structuredContent).toMatchObject({
      status: 'completed',
      entityRef: `component:default/${name}`,
    });
    const entity = await fetch(
      `${portal.url}/api/catalog/entities/by-name/component/default/${name}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(entity.status).toBe(200);
    expect((await entity.json()).spec.owner).toBe('group:default/payments');

    const requested = await call('provisioning.request-database', {
      name,
      owner: 'group:default/payments',
      component: `component:default/${name}`,
      idempotencyKey: `agent-${suffix}`,
    });
    expect(requested.isError).toBeFalsy();
    const request = requested.structuredContent.request;
    databases.push(request.id);
    expect(request).toMatchObject({
      environment: 'development',
      requestedBy: 'user:default/sam.rivera',
      approvalRequired: false,
    });

    // The same idempotency key returns the same request, never a second database.
    const again = await call('provisioning.request-database', {
      name,
      owner: 'group:default/payments',
      component: `component:default/${name}`,
      idempotencyKey: `agent-${suffix}`,
    });
    expect(again.structuredContent.request.id).toBe(request.id);

    let shown: ToolResult | undefined;
    for (let i = 0; i < 60; i++) {
      shown = await call('provisioning.get-database-request', {
        id: request.id,
      });
      if (shown.structuredContent.request.status === 'ready') break;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    const ready = shown!.structuredContent.request;
    expect(ready.status).toBe('ready');
    expect(ready.connection).toMatch(/^paved_/);
    expect(text(shown!)).not.toMatch(/password/i);

    // Day two: the agent snapshots the database; it may not restore it or rotate its credentials.
    const snapshot = await call('provisioning.request-database-operation', {
      requestId: request.id,
      type: 'snapshot',
      label: 'agent',
    });
    expect(snapshot.isError).toBeFalsy();
    expect(snapshot.structuredContent.operation).toMatchObject({
      type: 'snapshot',
      requestedBy: 'user:default/sam.rivera',
    });
    for (const type of ['restore', 'rotate-credentials']) {
      const refused = await call('provisioning.request-database-operation', {
        requestId: request.id,
        type,
      });
      expect(refused.isError).toBe(true);
    }
    const operations = await call('provisioning.list-database-operations', {
      requestId: request.id,
    });
    expect(
      operations.structuredContent.operations.map(
        (o: { type: string }) => o.type,
      ),
    ).toEqual(['snapshot']);

    // The audit log says the request came through an agent: the MCP server logs the tool call,
    // provisioning logs the creation with the actions registry's User-Agent (a label, not a check).
    const created$ = log.filter(
      e => e.message === 'provisioning.request-create',
    );
    expect(created$.length).toBeGreaterThan(0);
    expect(created$[0].meta.actor).toMatchObject({
      actorId: 'user:default/sam.rivera',
      userAgent:
        'paved-actions-registry (agent action provisioning:request-database)',
    });
    const toolCalls = log.filter(
      e =>
        e.message === 'mcp-actions.tool-execution' &&
        e.meta.meta?.toolName === 'provisioning.request-database',
    );
    expect(toolCalls.length).toBeGreaterThan(0);
    expect(toolCalls[0].meta.actor.actorId).toBe('user:default/sam.rivera');
  });

  it('leaves a production request to a person: the agent cannot approve it, a platform engineer does', async () => {
    const filed = await call('provisioning.request-database', {
      name: `agent-prod-${suffix}`,
      owner: 'group:default/payments',
      environment: 'production',
      storageGB: 10,
    });
    const request = filed.structuredContent.request;
    databases.push(request.id);
    expect(request).toMatchObject({
      status: 'awaiting-approval',
      approvalRequired: true,
    });

    const approve = await call('provisioning.approve-database-request', {
      id: request.id,
    });
    expect(approve.isError).toBe(true);
    expect(text(approve)).toContain('NotFoundError');

    // A person of the platform team approves it in the portal; the agent then sees it move on.
    const priya = await portal.guestToken('guest-platform');
    const approved = await fetch(
      `${portal.url}/api/provisioning/requests/${request.id}/approve`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${priya}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ comment: 'ok for the agent test' }),
      },
    );
    expect(approved.status).toBe(200);
    const after = await call('provisioning.get-database-request', {
      id: request.id,
    });
    expect(['provisioning', 'ready']).toContain(
      after.structuredContent.request.status,
    );
    expect(after.structuredContent.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'user:default/priya.natarajan',
          action: 'approved',
        }),
      ]),
    );
  });

  it("is refused a deletion: no such tool, and Backstage's destructive ones are not served", async () => {
    const [id] = databases;
    const remove = await call('provisioning.delete-database', { id });
    expect(remove.isError).toBe(true);
    expect(text(remove)).toContain(
      'Action "provisioning.delete-database" not found',
    );

    const unregister = await call('catalog.unregister-entity', {
      entityRef: 'component:default/payments-api',
    });
    expect(unregister.isError).toBe(true);
    expect(text(unregister)).toContain('not found');

    const shown = await call('provisioning.get-database-request', { id });
    expect(shown.structuredContent.request.status).toBe('ready');
    const entity = await fetch(
      `${portal.url}/api/catalog/entities/by-name/component/default/payments-api`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(entity.status).toBe(200);
  });

  it("meets the portal's guardrails and checks with the portal's messages", async () => {
    const otherTeam = await call('provisioning.request-database', {
      name: `agent-x-${suffix}`,
      owner: 'group:default/storefront',
    });
    expect(otherTeam.isError).toBe(true);
    expect(text(otherTeam)).toMatch(/^InputError: owner: /);

    const tooBig = await call('provisioning.request-database', {
      name: `agent-y-${suffix}`,
      owner: 'group:default/payments',
      size: 'large',
    });
    expect(text(tooBig)).toContain(
      'size: "large" is not allowed in development',
    );

    const taken = await call('golden-paths.create-service', {
      name: 'payments-api',
      language: 'go',
      team: 'group:default/payments',
      system: 'system:default/payments',
      description: 'Again',
    });
    expect(text(taken)).toContain(
      'name: component:default/payments-api already exists in the catalog',
    );
  });

  it('reads DORA metrics and deployments', async () => {
    const dora = await call('devex.get-dora-metrics', {
      service: 'component:default/payments-api',
      windowDays: 30,
    });
    expect(dora.isError).toBeFalsy();
    expect(dora.structuredContent.report).toMatchObject({
      scope: { kind: 'entity', entityRef: 'component:default/payments-api' },
      leadTime: expect.objectContaining({ samples: expect.any(Number) }),
    });
    const deployments = await call('devex.list-deployments', {
      team: 'group:default/payments',
    });
    expect(deployments.isError).toBeFalsy();
    expect(Array.isArray(deployments.structuredContent.deployments)).toBe(true);

    const both = await call('devex.get-dora-metrics', {
      service: 'component:default/payments-api',
      team: 'group:default/payments',
    });
    expect(text(both)).toContain(
      'InputError: service and team: give one of them',
    );
  });

  it('reads the review flow, golden-path impact and time to onboard', async () => {
    const flow = await call('devex.get-review-flow', {
      team: 'group:default/payments',
      windowDays: 30,
    });
    expect(flow.isError).toBeFalsy();
    expect(flow.structuredContent).toMatchObject({
      merged: expect.any(Number),
      pickup: expect.objectContaining({ samples: expect.any(Number) }),
    });
    const impact = await call('devex.get-golden-path-impact', {});
    expect(impact.isError).toBeFalsy();
    expect(impact.structuredContent.cohorts).toContainEqual(
      expect.objectContaining({ kind: 'none' }),
    );
    const onboarding = await call('devex.get-onboarding', {
      team: 'group:default/payments',
    });
    expect(onboarding.isError).toBeFalsy();
    expect(onboarding.structuredContent).toMatchObject({
      people: expect.any(Number),
      firstMerge: expect.objectContaining({ notYet: expect.any(Number) }),
    });
  });
});
