import request from 'supertest';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { PROVISIONING_REQUEST_TOPIC } from '@paved/plugin-provisioning-common';
import { createTestStores } from '../__testUtils__/testStores';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { exampleOrg } from '../__testUtils__/exampleOrg';
import { ProvisioningActorKind } from '../database/PlatformMeasuresStore';
import { provisioningActorKind } from '../ingest/platformTopics';
import { provisioningWeeks } from './provisioningWeeks';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

// Monday 2026-11-30 starts ISO week 2026-W49; W50 starts 2026-12-07.
const W49 = Date.parse('2026-11-30T00:00:00Z');
const day = (n: number, hour = 10) => W49 + n * 86_400_000 + hour * 3_600_000;

type Step = [
  string,
  'awaiting-approval' | 'provisioning' | 'ready' | 'failed' | 'deprovisioning',
  string,
  ProvisioningActorKind,
  boolean,
  number,
];

/**
 * W49: a sandbox self-served (requester files, platform provisions), a production database
 * approved by a person, one that failed. W50: one self-served; the W49 sandbox fails to
 * deprovision (a later operation, not a failed provisioning); one still waits for approval.
 */
const steps: Step[] = [
  ['sandbox', 'provisioning', 'created', 'requester', false, day(0)],
  ['sandbox', 'ready', 'provisioned', 'platform', false, day(0, 11)],
  ['prod', 'awaiting-approval', 'created', 'requester', false, day(1)],
  ['prod', 'provisioning', 'approved', 'person', true, day(2)],
  ['prod', 'ready', 'provisioned', 'platform', true, day(2, 11)],
  ['broken', 'provisioning', 'created', 'requester', false, day(3)],
  ['broken', 'failed', 'failed', 'platform', false, day(3, 11)],
  ['second', 'provisioning', 'created', 'requester', false, day(7)],
  ['second', 'ready', 'provisioned', 'platform', false, day(8)],
  ['sandbox', 'deprovisioning', 'delete', 'requester', false, day(8)],
  ['sandbox', 'failed', 'failed', 'platform', false, day(8, 11)],
  ['waiting', 'awaiting-approval', 'created', 'requester', false, day(9)],
];

describe.each(ids)('provisioning per week on %s', databaseId => {
  it('counts outcomes and actions in the week they happened (hand-computed)', async () => {
    const { measures } = await createTestStores(
      await databases.init(databaseId),
    );
    // Out of order and redelivered: the result is the same.
    for (const [requestId, status, name, actorKind, humanStep, at] of [
      ...steps.slice().reverse(),
      steps[1],
    ]) {
      await measures.recordProvisioningRequest({
        requestId,
        status,
        humanStep,
        occurredAt: at,
        action: { name, actorKind },
      });
    }
    const report = await provisioningWeeks({
      measures,
      window: { from: W49, to: day(14, 0) },
      timeZone: 'UTC',
    });
    expect(report.weeks).toEqual([
      {
        week: '2026-W49',
        start: '2026-11-30T00:00:00.000Z',
        succeeded: 2,
        failed: 1,
        successRate: 2 / 3,
        automated: 1,
        manual: 1,
        automatedRatio: 0.5,
        actions: { platform: 3, requester: 3, person: 1 },
      },
      {
        week: '2026-W50',
        start: '2026-12-07T00:00:00.000Z',
        succeeded: 1,
        failed: 0,
        successRate: 1,
        automated: 1,
        manual: 0,
        automatedRatio: 1,
        actions: { platform: 2, requester: 3, person: 0 },
      },
    ]);
    expect(report).toMatchObject({
      succeeded: 3,
      failed: 1,
      successRate: 0.75,
      automated: 2,
      manual: 1,
      actions: { platform: 5, requester: 6, person: 1 },
    });
  });
});

describe('who acted on a request', () => {
  it('tells the platform, the requester and other people apart', () => {
    const sam = 'user:default/sam.rivera';
    expect(provisioningActorKind('plugin:provisioning', sam)).toBe('platform');
    expect(provisioningActorKind('user:default/Sam.Rivera', sam)).toBe(
      'requester',
    );
    expect(provisioningActorKind('user:default/priya.natarajan', sam)).toBe(
      'person',
    );
  });
});

describe('GET /provisioning/weeks', () => {
  it('reports what provisioning published on the events service', async () => {
    const backend = await startDevexTestBackend({ entities: exampleOrg });
    const event = (
      status: string,
      action: string,
      actor: string,
      humanStep: boolean,
      occurredAt: string,
    ) => ({
      requestId: 'req-1',
      status,
      action,
      actor,
      owner: 'group:default/payments',
      environment: 'production',
      provider: 'sandbox',
      requestedBy: 'user:default/sam.rivera',
      humanStep,
      occurredAt,
    });
    const sam = 'user:default/sam.rivera';
    await backend.publish(
      PROVISIONING_REQUEST_TOPIC,
      event('awaiting-approval', 'created', sam, false, '2026-12-01T09:00:00Z'),
    );
    await backend.publish(
      PROVISIONING_REQUEST_TOPIC,
      event(
        'provisioning',
        'approved',
        'user:default/priya.natarajan',
        true,
        '2026-12-01T10:00:00Z',
      ),
    );
    await backend.publish(
      PROVISIONING_REQUEST_TOPIC,
      event(
        'ready',
        'provisioned',
        'plugin:provisioning',
        true,
        '2026-12-01T10:05:00Z',
      ),
    );
    const res = await request(backend.server)
      .get(
        '/api/devex/provisioning/weeks?from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.weeks).toEqual([
      expect.objectContaining({
        week: '2026-W49',
        succeeded: 1,
        failed: 0,
        manual: 1,
        automated: 0,
        actions: { platform: 1, requester: 1, person: 1 },
      }),
    ]);
    await backend.stop();
  });
});
