/*
 * Every command that works on the portal's data, against a test portal with the real plugins:
 * a service created end to end on the local git host (with its development database on the local
 * PostgreSQL), databases requested to ready, DORA, templates; JSON and human output; bad input.
 */
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { startTestPortal, TestPortal, waitForEntity } from '@paved/test-portal';
import { TestUserMachine } from '../__testUtils__/runCli';

jest.setTimeout(240_000);

const suffix = Date.now().toString(36);

describe('platform commands against a portal', () => {
  let portal: TestPortal;
  let sam: TestUserMachine;
  const createdDatabases: string[] = [];

  beforeAll(async () => {
    portal = await startTestPortal();
    await waitForEntity(portal, 'user:default/sam.rivera');
    await waitForEntity(portal, 'system:default/payments');
    await waitForEntity(portal, 'template:default/typescript-service');
    sam = new TestUserMachine();
    const login = await sam.run(['login', '--url', portal.url, '--guest']);
    if (login.code !== 0)
      throw new Error(`guest login failed: ${login.stderr}`);
  });

  afterAll(async () => {
    // Sandbox databases live on the shared PostgreSQL: remove what this run made.
    for (const id of createdDatabases) {
      await sam.run(['db', 'delete', id, '--yes']);
    }
    sam?.cleanUp();
    await portal?.stop();
  });

  describe('templates', () => {
    it('lists the golden paths with their versions', async () => {
      const json = await sam.run(['templates', '--json']);
      expect(json.code).toBe(0);
      expect(json.json()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ref: 'template:default/go-service',
            type: 'service',
            version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
          }),
        ]),
      );
      const human = await sam.run(['templates']);
      expect(human.stdout).toMatch(/^TEMPLATE\s+TYPE\s+VERSION\s+TITLE$/m);
      expect(human.stdout).toMatch(/^typescript-service\s+service\s+\d/m);
    });
  });

  describe('create service', () => {
    it('creates a service end to end: repository, catalog, docs and a ready development database', async () => {
      const name = `cli-orders-${suffix}`;
      const run = await sam.run([
        'create',
        'service',
        name,
        '--language',
        'typescript',
        '--team',
        'payments',
        '--db',
        'postgresql',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const result = run.json();
      if (result.database) createdDatabases.push(result.database.id);
      expect(result).toMatchObject({
        status: 'completed',
        entityRef: `component:default/${name}`,
        inCatalog: true,
        owner: 'group:default/payments',
        system: 'system:default/payments',
        template: 'template:default/typescript-service',
        docsUrl: `${portal.url}/docs/default/component/${name}`,
        database: {
          status: 'ready',
          name,
          environment: 'development',
          requestedBy: 'user:default/sam.rivera',
        },
      });
      // The golden path requested it: one request, and the component depends on its Resource.
      expect(result.dependsOn).toEqual([result.database.resourceEntityRef]);
      expect(result.database.resourceEntityRef).toMatch(
        new RegExp(`^resource:default/${name}-development`),
      );
      // Progress went to stderr, step by step; stdout holds only the JSON.
      expect(run.stderr).toContain('▸ Check name, owner and system');
      expect(run.stderr).toContain('✓ Wait for the catalog');

      // The repository is real: it clones from the local git host with the user's token.
      const token = (await sam.run(['token'])).stdout.trim();
      const listing = execFileSync(
        'git',
        [
          '-c',
          `http.extraHeader=Authorization: Bearer ${token}`,
          'ls-remote',
          result.repository,
        ],
        { encoding: 'utf8' },
      );
      expect(listing).toMatch(/refs\/heads\/main/);

      // So is the database: its owner role connects to it on the local PostgreSQL.
      const credentials = await sam.run([
        'db',
        'credentials',
        result.database.id,
        '--json',
      ]);
      const client = new Client({
        connectionString: credentials.json().connectionString,
      });
      await client.connect();
      const { rows } = await client.query('select current_database() as db');
      await client.end();
      expect(rows[0].db).toBe(result.database.outputs.database);
    });

    it('ends with a checklist read back from what happened', async () => {
      const name = `cli-ledger-${suffix}`;
      const run = await sam.run([
        'create',
        'service',
        name,
        '--language',
        'python',
        '--team',
        'group:default/payments',
        '--system',
        'payments',
        '--api',
        'grpc',
        '--description',
        'Keeps the ledger',
      ]);
      expect(run.code).toBe(0);
      // The local git host's clone URL (what the task's output names, whatever the host).
      expect(run.stdout).toMatch(
        new RegExp(`^✓ Repository: \\S+/${name}(\\.git)?$`, 'm'),
      );
      expect(run.stdout).toContain(
        `✓ Registered in the catalog: component:default/${name} (owner group:default/payments, system system:default/payments; template:default/python-service`,
      );
      expect(run.stdout).toContain(
        `✓ Docs: ${portal.url}/docs/default/component/${name}`,
      );
      expect(run.stdout).not.toContain('Database');
    });

    it("refuses a taken name and an unknown team before anything is created, with the form's messages", async () => {
      const tasksBefore = await listTasks(portal, sam);

      const taken = await sam.run([
        'create',
        'service',
        'payments-api',
        '--language',
        'go',
        '--team',
        'payments',
      ]);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toContain(
        'name: component:default/payments-api already exists in the catalog',
      );

      const badTeam = await sam.run([
        'create',
        'service',
        `cli-x-${suffix}`,
        '--language',
        'go',
        '--team',
        'no-such-team',
      ]);
      expect(badTeam.code).toBe(2);
      expect(badTeam.stderr).toContain(
        'owner: group:default/no-such-team does not exist in the catalog',
      );

      const badName = await sam.run([
        'create',
        'service',
        'Bad_Name',
        '--language',
        'go',
        '--team',
        'payments',
      ]);
      expect(badName.code).toBe(2);
      expect(badName.stderr).toMatch(/^error: name: /m);

      const badLanguage = await sam.run([
        'create',
        'service',
        `cli-y-${suffix}`,
        '--language',
        'cobol',
        '--team',
        'payments',
      ]);
      expect(badLanguage.code).toBe(2);
      expect(badLanguage.stderr).toContain(
        "option '--language <language>' argument 'cobol' is invalid",
      );

      expect(await listTasks(portal, sam)).toEqual(tasksBefore);
    });
  });

  describe('db', () => {
    it('requests a database and follows it to ready; list, show and json agree', async () => {
      const name = `cli-db-${suffix}`;
      const request = await sam.run([
        'db',
        'request',
        name,
        '--team',
        'payments',
        '--storage',
        '5',
      ]);
      expect(request.code).toBe(0);
      expect(request.stdout).toMatch(
        new RegExp(
          `^✓ Database ${name} \\(development, small, 5 GB\\) is ready: paved_`,
        ),
      );
      const id = /platform db credentials ([0-9a-f-]{36})/.exec(
        request.stdout,
      )![1];
      createdDatabases.push(id);

      const list = await sam.run([
        'db',
        'list',
        '--team',
        'payments',
        '--json',
      ]);
      expect(list.json()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id, status: 'ready' }),
        ]),
      );
      const table = await sam.run([
        'db',
        'list',
        '--mine',
        '--status',
        'ready',
      ]);
      expect(table.stdout).toMatch(
        /^ID\s+NAME\s+TEAM\s+ENV\s+SIZE\s+STATUS\s+CREATED$/m,
      );
      expect(table.stdout).toContain(id);

      const show = await sam.run(['db', 'show', id]);
      expect(show.stdout).toContain(`${name}  ready`);
      expect(show.stdout).toMatch(/user:default\/sam\.rivera\s+created/);
      const shown = (await sam.run(['db', 'show', id, '--json'])).json();
      expect(shown).toMatchObject({
        id,
        status: 'ready',
        owner: 'group:default/payments',
      });
      expect(JSON.stringify(shown)).not.toMatch(/password/i);
    });

    it("passes the guardrails' 400 through, naming the field and the rule", async () => {
      const run = await sam.run([
        'db',
        'request',
        `cli-big-${suffix}`,
        '--team',
        'payments',
        '--size',
        'large',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'size: "large" is not allowed in development',
      );
      expect(run.stderr).toContain('(rule: ');
    });

    it('leaves a production request waiting for a person', async () => {
      const run = await sam.run([
        'db',
        'request',
        `cli-prod-${suffix}`,
        '--team',
        'payments',
        '--environment',
        'production',
        '--storage',
        '10',
        '--json',
      ]);
      expect(run.code).toBe(0);
      expect(run.json()).toMatchObject({
        status: 'awaiting-approval',
        approvalRequired: true,
      });
      createdDatabases.push(run.json().id);
    });

    it('refuses bad input before calling the portal, and a delete without --yes off a terminal', async () => {
      const badId = await sam.run(['db', 'show', 'not-an-id']);
      expect(badId.code).toBe(2);
      expect(badId.stderr).toContain(
        "value 'not-an-id' is invalid for argument 'id'. must be a request id",
      );

      const badStorage = await sam.run([
        'db',
        'request',
        'x',
        '--team',
        'payments',
        '--storage',
        '0',
      ]);
      expect(badStorage.code).toBe(2);

      const badTeam = await sam.run([
        'db',
        'list',
        '--team',
        'system:default/payments',
      ]);
      expect(badTeam.code).toBe(2);
      expect(badTeam.stderr).toContain(
        "--team: 'system:default/payments' must refer to a group",
      );

      const id = createdDatabases[0];
      const noYes = await sam.run(['db', 'delete', id]);
      expect(noYes.code).toBe(2);
      expect(noYes.stderr).toContain(
        '--yes: required to delete without a terminal',
      );

      const missing = await sam.run([
        'db',
        'show',
        '00000000-0000-4000-8000-000000000000',
      ]);
      expect(missing.code).toBe(1);
    });
  });

  describe('dora', () => {
    it('reports a team\'s DORA measures, "no data" where nothing was measured', async () => {
      const ci = {
        Authorization: 'Bearer cli-test-ci-token',
        'Content-Type': 'application/json',
      };
      const finishedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const posted = await fetch(`${portal.url}/api/devex/events`, {
        method: 'POST',
        headers: ci,
        body: JSON.stringify({
          events: [
            {
              id: `cli-dora-${suffix}`,
              source: 'cli-tests',
              type: 'deployment',
              subject: 'component:default/payments-api',
              data: {
                environment: 'production',
                status: 'success',
                finishedAt,
                commits: [
                  {
                    sha: 'abc1234',
                    committedAt: new Date(
                      Date.now() - 3 * 86_400_000,
                    ).toISOString(),
                  },
                ],
              },
            },
          ],
        }),
      });
      expect(posted.status).toBe(202);

      const json = await sam.run([
        'dora',
        '--service',
        'payments-api',
        '--window',
        '30d',
        '--json',
      ]);
      expect(json.code).toBe(0);
      expect(json.json()).toMatchObject({
        scope: { kind: 'entity', entityRef: 'component:default/payments-api' },
        deploymentFrequency: { deployments: 1 },
        leadTime: { medianHours: 24, samples: 1 },
        recoveryTime: { medianHours: null },
        demo: false,
      });

      const human = await sam.run(['dora', '--team', 'payments']);
      expect(human.code).toBe(0);
      expect(human.stdout).toContain('DORA for group:default/payments');
      expect(human.stdout).toMatch(/Lead time \(median\)\s+24\.0 h/);
      expect(human.stdout).toMatch(/Recovery time \(median\)\s+no data/);

      const both = await sam.run([
        'dora',
        '--team',
        'payments',
        '--service',
        'x',
      ]);
      expect(both.code).toBe(2);
      const badWindow = await sam.run(['dora', '--window', '90x']);
      expect(badWindow.code).toBe(2);
      expect(badWindow.stderr).toContain(
        'must be a number of hours, days or weeks',
      );
    });
  });
});

async function listTasks(portal: TestPortal, user: TestUserMachine) {
  const token = (await user.run(['token'])).stdout.trim();
  const response = await fetch(`${portal.url}/api/scaffolder/v2/tasks`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { tasks } = await response.json();
  return tasks.map((task: { id: string }) => task.id).sort();
}
