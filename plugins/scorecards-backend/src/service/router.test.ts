import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { spec } from '../schema/openapi.generated';
import {
  ALEX,
  as,
  PRIYA,
  SAM,
  scaffolderTasks,
  send,
  startBackend,
  statuses,
} from '../__testUtils__/scorecardsBackend';

jest.setTimeout(60_000);

describe('scorecards router', () => {
  const ci = mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:ci-pipelines'),
    targetPluginId: 'scorecards',
  });

  it('answers 401 without credentials on every route of the spec', async () => {
    const server = await startBackend();
    const sample: Record<string, string> = {
      kind: 'component',
      namespace: 'default',
      name: 'payments-api',
      checkId: 'has-docs',
      ref: 'group%3Adefault%2Fpayments',
      id: '6c1c3b0e-5f0a-4a39-8f0e-000000000001',
    };
    let routes = 0;
    for (const [path, item] of Object.entries<any>(spec.paths)) {
      for (const method of ['get', 'post', 'patch', 'delete']) {
        if (!item[method]) continue;
        const url = `/api/scorecards${path.replace(
          /\{(\w+)\}/g,
          (_, p) => sample[p],
        )}`;
        const response = await (request(server) as any)
          [method](url)
          .set('Authorization', mockCredentials.none.header())
          .send({});
        expect([method, url, response.status]).toEqual([method, url, 401]);
        routes += 1;
      }
    }
    expect(routes).toBe(19);
  });

  it("evaluates an entity's checks from catalog facts, and says why a fact is unknown", async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/scorecards/entities/component/default/ledger')
      .set('Authorization', as(SAM));
    expect(response.status).toBe(200);
    expect(statuses(response.body)).toEqual({
      'has-system': 'pass',
      'has-description': 'fail',
      'has-docs': 'fail',
      'memory-limits': 'unknown',
      coverage: 'unknown',
    });
    expect(response.body.scorecards[0]).toMatchObject({
      level: null,
      next: { level: 'bronze', unmet: 1 },
    });
    const coverage = response.body.scorecards[0].checks.find(
      (c: any) => c.checkId === 'coverage',
    );
    expect(coverage.reason).toBe(
      'no value for ci.coverage has been collected yet',
    );
    const facts = Object.fromEntries(
      response.body.facts.map((f: any) => [f.factId, f]),
    );
    expect(facts['catalog.hasSystem']).toMatchObject({
      status: 'known',
      value: true,
      reason: 'part of system:default/checkout',
    });
    expect(facts['catalog.hasDescription']).toMatchObject({ value: false });
    expect(facts['repo.hasRunbook']).toMatchObject({
      status: 'unknown',
      reason:
        'no backstage.io/source-location annotation says where the repository is',
    });
  });

  it('takes coverage and rendered manifests from CI only, and names the container that breaks a policy', async () => {
    const server = await startBackend();
    const body = {
      entityRef: 'component:default/payments-api',
      facts: [{ id: 'ci.coverage', value: 83.5 }],
      manifests: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'payments-api' },
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'api',
                    resources: { limits: { memory: '256Mi', cpu: '1' } },
                  },
                  { name: 'proxy' },
                ],
              },
            },
          },
        },
      ],
    };
    const asUser = await request(server)
      .post('/api/scorecards/facts')
      .set('Authorization', as(SAM))
      .send(body);
    expect(asUser.status).toBe(403);

    const pushed = await request(server)
      .post('/api/scorecards/facts')
      .set('Authorization', ci)
      .send(body);
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      violations: expect.any(Number),
    });

    const facts = await request(server)
      .get('/api/scorecards/entities/component/default/payments-api')
      .set('Authorization', as(SAM));
    const fact = facts.body.facts.find(
      (f: any) => f.factId === 'policy.paved-require-memory-limit',
    );
    expect(fact).toMatchObject({ status: 'known', value: 1 });
    expect(fact.detail[0]).toMatchObject({
      object: 'Deployment/payments-api',
      containers: ['proxy'],
    });
    expect(fact.detail[0].message).toMatch(
      /^container proxy must set resources.limits.memory/,
    );
    const results = statuses(facts.body);
    expect(results).toMatchObject({
      coverage: 'pass',
      'memory-limits': 'fail',
      'has-docs': 'pass',
    });
    expect(facts.body.scorecards[0].level).toBe('bronze');
  });

  // Found by `make fuzz`: a manifest nested thousands of levels deep overflowed the stack while it
  // was turned into CEL values for the policies (a 500).
  it('refuses a manifest nested deeper than any Kubernetes object with 400, naming it', async () => {
    const server = await startBackend();
    const pod = (podSpec: unknown) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'api' },
      spec: podSpec,
    });
    const response = await request(server)
      .post('/api/scorecards/facts')
      .set('Authorization', ci)
      .send(
        `{"entityRef":"component:default/payments-api","manifests":[${JSON.stringify(
          pod({ containers: [{ name: 'api' }] }),
        )},${JSON.stringify(pod({ containers: 'DEEP' })).replace(
          '"DEEP"',
          `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
        )}]}`,
      )
      .type('application/json');
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      name: 'InputError',
      message:
        'manifests[1]: must not nest deeper than 64 levels (rule: max-depth)',
    });

    // Objects and arrays nested `depth` levels, the manifest itself the first.
    const nested = (depth: number) => {
      let value: unknown = 'api';
      for (let level = 2; level <= depth; level++) value = { a: value };
      return pod(value);
    };
    const push = (depth: number) =>
      request(server)
        .post('/api/scorecards/facts')
        .set('Authorization', ci)
        .send({
          entityRef: 'component:default/payments-api',
          manifests: [nested(depth)],
        });
    expect((await push(64)).status).toBe(200);
    expect((await push(65)).body.error.message).toBe(
      'manifests[0]: must not nest deeper than 64 levels (rule: max-depth)',
    );
  });

  // Found by `make fuzz` on PostgreSQL, which fails a statement comparing a text with U+0000 (a 500).
  it('refuses a NUL character in the path or a body with 400', async () => {
    const server = await startBackend();
    const team = await request(server)
      .get('/api/scorecards/teams/%00?days=30')
      .set('Authorization', as(SAM));
    expect(team.status).toBe(400);
    expect(team.body.error.message).toBe(
      'path: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    );
    const exemption = await request(server)
      .post('/api/scorecards/exemptions')
      .set('Authorization', as(SAM))
      .send({
        entityRef: 'component:default/payments-api',
        checkId: 'has-runbook',
        reason: 'The runbook is in the wiki\u0000',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    expect(exemption.status).toBe(400);
    expect(exemption.body.error.message).toBe(
      'reason: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    );
  });

  it('refuses bad input with 400, naming every violation', async () => {
    const server = await startBackend();
    const response = await request(server)
      .post('/api/scorecards/exemptions')
      .set('Authorization', as(SAM))
      .send({
        entityRef: 'not a ref',
        reason: 'short',
        expiresAt: 'tomorrow',
        colour: 'red',
      });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    for (const expected of [
      'entityRef: must match pattern',
      'checkId: is required (rule: required)',
      'reason: must NOT have fewer than 10 characters (rule: minimum)',
      'expiresAt: must match format "date-time" (rule: format)',
      'colour: is not a known field (rule: no-unknown-fields)',
    ]) {
      expect(message).toContain(expected);
    }
    const query = await request(server)
      .get('/api/scorecards/entities?below=platinum')
      .set('Authorization', as(SAM));
    expect(query.status).toBe(400);
    expect(query.body.error.message).toBe(
      'below: must be equal to one of the allowed values: bronze, silver, gold (rule: enum)',
    );
  });

  it('lets an owner ask for an exemption and another platform member approve it', async () => {
    const server = await startBackend();
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const asked = await request(server)
      .post('/api/scorecards/exemptions')
      .set('Authorization', as(SAM))
      .send({
        entityRef: 'component:default/ledger',
        checkId: 'has-description',
        reason: 'Being merged into payments-api',
        expiresAt,
      });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('pending');
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['group:default/platform'] },
      }),
    );

    const bySam = await request(server)
      .post(`/api/scorecards/exemptions/${asked.body.id}/review`)
      .set('Authorization', as(SAM))
      .send({ decision: 'approve' });
    expect(bySam.status).toBe(403);

    const byPriya = await request(server)
      .post(`/api/scorecards/exemptions/${asked.body.id}/review`)
      .set('Authorization', as(PRIYA))
      .send({ decision: 'approve', comment: 'ok until the merge' });
    expect(byPriya.status).toBe(200);
    expect(byPriya.body).toMatchObject({
      status: 'approved',
      reviewedBy: PRIYA,
    });

    const again = await request(server)
      .post(`/api/scorecards/exemptions/${asked.body.id}/review`)
      .set('Authorization', as(ALEX))
      .send({ decision: 'reject' });
    expect(again.status).toBe(409);

    const entity = await request(server)
      .get('/api/scorecards/entities/component/default/ledger')
      .set('Authorization', as(SAM));
    expect(statuses(entity.body)['has-description']).toBe('exempt');
    expect(entity.body.scorecards[0].level).toBe('bronze');
    expect(entity.body.exemptions[0]).toMatchObject({
      id: asked.body.id,
      status: 'approved',
    });
  });

  it('starts "Fix it" through the scaffolder on behalf of the user, once at a time', async () => {
    const server = await startBackend();
    const fix = await request(server)
      .post(
        '/api/scorecards/entities/component/default/ledger/checks/has-docs/fix',
      )
      .set('Authorization', as(SAM));
    expect(fix.status).toBe(201);
    expect(fix.body).toMatchObject({
      fixerId: 'add-techdocs',
      status: 'started',
      url: '/create/tasks/task-1',
      startedBy: SAM,
    });
    expect(scaffolderTasks[0]).toMatchObject({
      templateRef: 'template:default/add-techdocs',
      values: {
        component: 'component:default/ledger',
        title: 'ledger',
        summary: 'Docs',
      },
    });
    // The token is the user's, on behalf of whom the scaffolder then acts.
    expect(scaffolderTasks[0].token).toContain('sam.rivera');

    const twice = await request(server)
      .post(
        '/api/scorecards/entities/component/default/ledger/checks/has-docs/fix',
      )
      .set('Authorization', as(SAM));
    expect(twice.status).toBe(409);
    const passing = await request(server)
      .post(
        '/api/scorecards/entities/component/default/payments-api/checks/has-docs/fix',
      )
      .set('Authorization', as(SAM));
    expect(passing.status).toBe(409);
  });

  it('keeps campaigns to the platform team', async () => {
    const server = await startBackend();
    const body = {
      title: 'Describe everything',
      checkId: 'has-description',
      target: { owners: ['group:default/payments'] },
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    const bySam = await request(server)
      .post('/api/scorecards/campaigns')
      .set('Authorization', as(SAM))
      .send(body);
    expect(bySam.status).toBe(403);
    const byPriya = await request(server)
      .post('/api/scorecards/campaigns')
      .set('Authorization', as(PRIYA))
      .send(body);
    expect(byPriya.status).toBe(201);
    const unknownCheck = await request(server)
      .post('/api/scorecards/campaigns')
      .set('Authorization', as(PRIYA))
      .send({ ...body, checkId: 'nope' });
    expect(unknownCheck.status).toBe(400);
    expect(unknownCheck.body.error.message).toBe(
      'checkId: no check with id nope (rule: known-check)',
    );
  });
});
