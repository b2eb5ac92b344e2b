import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { PRIYA, SAM, exampleOrg } from '../__testUtils__/exampleOrg';

jest.setTimeout(60_000);

/** The report behind the levels is the organisation's choice: the platform team's, nobody else's. */
describe('level bands by report year', () => {
  const start = (report?: string) =>
    startDevexTestBackend({
      entities: exampleOrg,
      config: {
        paved: { platformTeam: 'group:default/platform' },
        devex: report ? { levelBands: { report } } : {},
      },
    });
  const dora = (server: any) =>
    request(server)
      .get('/api/devex/dora')
      .set('Authorization', mockCredentials.user.header(SAM));
  const choose = (server: any, userRef: string, report: unknown) =>
    request(server)
      .put('/api/devex/level-bands')
      .set('Authorization', mockCredentials.user.header(userRef))
      .send({ report });

  it('defaults to DORA 2023 and names it in every report', async () => {
    const { server, stop } = await start();
    const res = await dora(server);
    expect(res.status).toBe(200);
    expect(res.body.reportYear).toBe(2023);
    expect(res.body.levelBands).toMatchObject({
      report: 'dora-2023',
      title: 'DORA 2023',
      adjusted: false,
    });
    expect(res.body.bands.changeFailureRate).toEqual({
      elite: 0.05,
      high: 0.1,
      medium: 0.15,
    });
    await stop();
  });

  it('takes the configured report, and the platform team may choose another for everyone', async () => {
    const { server, stop } = await start('dora-2024');
    expect((await dora(server)).body.bands.changeFailureRate).toEqual({
      elite: 0.05,
      high: 0.2,
      medium: 0.2,
    });
    const chosen = await choose(server, PRIYA, 'none');
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({
      selected: { report: 'none', bands: null, reportYear: 2025 },
      chosenBy: PRIYA,
    });
    expect(chosen.body.available.map((s: any) => s.report)).toEqual([
      'dora-2023',
      'dora-2024',
      'none',
    ]);
    const after = (await dora(server)).body;
    expect(after.bands).toBeNull();
    expect(after.levelBands.title).toBe('DORA 2025 (no tiers)');
    expect(after.deploymentFrequency.level).toBeNull();
    await stop();
  });

  it('refuses the choice from anyone outside the platform team, and from services', async () => {
    const { server, stop } = await start();
    const denied = await choose(server, SAM, 'none');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('rule: platform-team');
    const service = await request(server)
      .put('/api/devex/level-bands')
      .set('Authorization', mockCredentials.service.header())
      .send({ report: 'none' });
    expect(service.status).toBe(403);
    const unknown = await choose(server, PRIYA, 'dora-1999');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^report: .+ \(rule: enum\)$/);
    const current = await request(server)
      .get('/api/devex/level-bands')
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(current.body).toMatchObject({
      selected: { report: 'dora-2023' },
      chosenBy: null,
    });
    await stop();
  });
});
