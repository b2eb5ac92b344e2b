import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { databaseRequest } from './testRequests';
import { TerraformDatabaseProvider } from './TerraformDatabaseProvider';

jest.setTimeout(60_000);

const ctx = {
  logger: mockServices.logger.mock(),
  // This provider keeps no secrets in Paved: credentials stay with the cluster or the cloud.
  secrets: {
    getOrCreate: jest.fn(),
    get: jest.fn(),
    put: jest.fn(),
    delete: jest.fn(),
  },
};
const request = databaseRequest({ provider: 'terraform' });

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A Terraform Cloud workspace's API: runs that the test moves through their states, and outputs. */
async function startFakeTerraformCloud() {
  const received: Array<{
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: string;
  }> = [];
  const runs: Array<{
    id: string;
    status: string;
    message: string;
    autoApply: boolean;
  }> = [];
  let outputs: Array<{ name: string; value: unknown; sensitive: boolean }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      received.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body,
      });
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/vnd.api+json' });
        res.end(JSON.stringify(payload));
      };
      if (req.headers.authorization !== 'Bearer tfc-token-secret') {
        reply(401, { errors: [{ status: '401', title: 'unauthorized' }] });
        return;
      }
      const runJson = (run: (typeof runs)[number]) => ({
        id: run.id,
        type: 'runs',
        attributes: {
          status: run.status,
          message: run.message,
          'auto-apply': run.autoApply,
        },
      });
      const url = new URL(req.url!, 'http://x');
      if (req.method === 'POST' && url.pathname === '/api/v2/runs') {
        const payload = JSON.parse(body);
        if (payload.data.relationships.workspace.data.id !== 'ws-paved') {
          reply(404, { errors: [{ status: '404', title: 'not found' }] });
          return;
        }
        const run = {
          id: `run-${runs.length + 1}`,
          status: 'pending',
          message: payload.data.attributes.message,
          autoApply: payload.data.attributes['auto-apply'],
        };
        runs.unshift(run);
        reply(201, { data: runJson(run) });
      } else if (
        req.method === 'GET' &&
        url.pathname === '/api/v2/workspaces/ws-paved/runs'
      ) {
        reply(200, { data: runs.map(runJson) });
      } else if (
        req.method === 'GET' &&
        url.pathname.startsWith('/api/v2/runs/')
      ) {
        const run = runs.find(r => r.id === url.pathname.split('/').pop());
        reply(run ? 200 : 404, run ? { data: runJson(run) } : { errors: [] });
      } else if (
        req.method === 'GET' &&
        url.pathname ===
          '/api/v2/workspaces/ws-paved/current-state-version-outputs'
      ) {
        reply(200, {
          data: outputs.map((o, i) => ({
            id: `wsout-${i}`,
            type: 'state-version-outputs',
            attributes: o,
          })),
        });
      } else {
        reply(404, { errors: [{ status: '404', title: 'not found' }] });
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    runs,
    setOutputs(next: typeof outputs) {
      outputs = next;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

describe('TerraformDatabaseProvider', () => {
  let root: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-terraform-test-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  describe('committing to the infrastructure repository (Atlantis style)', () => {
    const provider = () =>
      TerraformDatabaseProvider.fromConfig(new ConfigReader({}), {
        gitHostDirectory: root,
      });

    it('commits a parseable module call once and stays pending until someone applies it', async () => {
      const terraform = await provider();
      const result = await terraform.provision(request, ctx);
      const bare = path.join(root, 'infrastructure.git');
      const commit = git(bare, 'rev-parse', 'main');
      expect(result).toEqual({
        state: 'pending',
        message: `committed databases/payments/production/orders.tf to the infrastructure repository at ${commit}; waiting for the team's terraform plan and apply`,
      });

      const file = git(
        bare,
        'show',
        'main:databases/payments/production/orders.tf',
      );
      const parsed: any = await parseHcl('orders.tf', file);
      expect(parsed.module.postgresql_orders[0]).toMatchObject({
        source: '../../../modules/postgresql',
        storage_gb: 50,
        request_id: request.id,
      });

      expect(await terraform.provision(request, ctx)).toEqual(result);
      expect(git(bare, 'rev-list', '--count', 'main')).toBe('1');
      expect(await terraform.status(request)).toEqual(result);
    });

    it('refuses a request the module would refuse, before committing', async () => {
      const terraform = await provider();
      const result = await terraform.provision(
        { ...request, storageGB: 'fifty' as any },
        ctx,
      );
      expect(result).toEqual({
        state: 'failed',
        retryable: false,
        message: expect.stringContaining(
          'storage_gb must be a number, got "fifty"',
        ),
      });
      await expect(
        fs.stat(path.join(root, 'infrastructure.git')),
      ).rejects.toThrow();
    });

    it('removes the module call on deprovision, once', async () => {
      const terraform = await provider();
      await terraform.provision(request, ctx);
      await terraform.deprovision(request, ctx);
      await terraform.deprovision(request, ctx);
      const bare = path.join(root, 'infrastructure.git');
      expect(git(bare, 'rev-list', '--count', 'main')).toBe('2');
      expect(await terraform.status(request)).toMatchObject({
        state: 'failed',
        message:
          'databases/payments/production/orders.tf is missing from the infrastructure repository',
      });
    });
  });

  describe('with Terraform Cloud', () => {
    let tfc: Awaited<ReturnType<typeof startFakeTerraformCloud>>;

    beforeEach(async () => {
      tfc = await startFakeTerraformCloud();
    });
    afterEach(() => tfc.close());

    const provider = (token = 'tfc-token-secret') =>
      TerraformDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: {
              terraform: {
                terraformCloud: {
                  baseUrl: `${tfc.url}/`,
                  token,
                  workspaceId: 'ws-paved',
                  autoApply: true,
                },
              },
            },
          },
        }),
        { gitHostDirectory: root },
      );

    it('starts one run per commit and follows it to applied, then reads the outputs', async () => {
      const terraform = await provider();
      expect(await terraform.provision(request, ctx)).toEqual({
        state: 'pending',
        message: 'Terraform Cloud run run-1 is pending',
      });

      const post = tfc.received.find(r => r.method === 'POST')!;
      expect(post.url).toBe('/api/v2/runs');
      expect(post.headers['content-type']).toBe('application/vnd.api+json');
      const commit = git(
        path.join(root, 'infrastructure.git'),
        'rev-parse',
        'main',
      );
      expect(JSON.parse(post.body)).toEqual({
        data: {
          type: 'runs',
          attributes: {
            message: `Paved provision request ${request.id} at ${commit.slice(
              0,
              12,
            )}`,
            'auto-apply': true,
          },
          relationships: {
            workspace: { data: { type: 'workspaces', id: 'ws-paved' } },
          },
        },
      });

      // A retry after a crash finds the run instead of starting a second one.
      await terraform.provision(request, ctx);
      expect(tfc.runs).toHaveLength(1);

      tfc.runs[0].status = 'planned';
      expect(await terraform.status(request)).toEqual({
        state: 'pending',
        message:
          'Terraform Cloud run run-1 is planned and waits for someone to confirm the apply',
      });

      tfc.runs[0].status = 'applied';
      expect(await terraform.status(request)).toMatchObject({
        state: 'pending',
        message: expect.stringContaining('has no outputs for orders yet'),
      });

      tfc.setOutputs([
        {
          name: 'postgresql_orders',
          sensitive: false,
          value: {
            host: 'payments-production-orders.abc.eu-west-1.rds.amazonaws.com',
            port: 5432,
            database: 'orders',
            username: 'paved_admin',
            credentials_secret_arn:
              'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1',
          },
        },
        { name: 'other', sensitive: true, value: 'hidden' },
      ]);
      expect(await terraform.status(request)).toEqual({
        state: 'ready',
        message: 'Terraform Cloud run run-1 is applied',
        outputs: {
          host: 'payments-production-orders.abc.eu-west-1.rds.amazonaws.com',
          port: 5432,
          database: 'orders',
          username: 'paved_admin',
          credentialsRef:
            'aws-secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1',
          terraformRun: 'run-1',
        },
      });
    });

    it('reports an errored run as a retryable failure and starts a fresh run on retry', async () => {
      const terraform = await provider();
      await terraform.provision(request, ctx);
      tfc.runs[0].status = 'errored';
      expect(await terraform.status(request)).toEqual({
        state: 'failed',
        retryable: true,
        message: 'Terraform Cloud run run-1 ended errored',
      });
      expect(await terraform.provision(request, ctx)).toMatchObject({
        state: 'pending',
        message: 'Terraform Cloud run run-2 is pending',
      });
    });

    it('starts a run for the removal on deprovision', async () => {
      const terraform = await provider();
      await terraform.provision(request, ctx);
      await terraform.deprovision(request, ctx);
      expect(tfc.runs.map(r => r.message)).toEqual([
        expect.stringMatching(/^Paved deprovision request /),
        expect.stringMatching(/^Paved provision request /),
      ]);
    });

    it('surfaces API errors without the token', async () => {
      const terraform = await provider('wrong-token');
      const result = await terraform.provision(request, ctx);
      expect(result).toEqual({
        state: 'failed',
        retryable: true,
        message: expect.stringContaining(
          'Terraform Cloud GET /api/v2/workspaces/ws-paved/runs answered 401: unauthorized',
        ),
      });
      expect(JSON.stringify(result)).not.toContain('wrong-token');
    });
  });
});
