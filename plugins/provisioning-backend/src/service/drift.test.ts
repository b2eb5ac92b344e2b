import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import provisioningCrossplaneModule from '@paved/plugin-provisioning-backend-module-crossplane';
import { databaseDriftSchema } from '@paved/plugin-provisioning-common';
import { GitRepository } from '@paved/plugin-provisioning-node';
import request from 'supertest';
import {
  OUTSIDER,
  SAM,
  createRequest,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

/*
 * Unapproved drift through HTTP, on real data: the real crossplane module commits a request's
 * PostgreSQLInstance to a GitOps repository on disk; a colleague then edits that file outside
 * Paved, and GET /requests/:id/drift says so, with the diff. The sandbox module answers
 * `untracked` (it keeps no declared state).
 */
describe('GET /requests/:id/drift', () => {
  let tmp: string;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-drift-'));
  });
  afterAll(async () => {
    // The backend's processing loop commits to tmp/git: it stops before the folder goes, and a
    // git process it started may still be finishing (hence the retries).
    await stop?.();
    await fs.rm(tmp, { recursive: true, force: true, maxRetries: 10 });
  });

  it('follows a crossplane request from in sync to drifted, for those who may read it', async () => {
    const gitDir = path.join(tmp, 'git');
    const started = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:1/postgres',
      features: [provisioningCrossplaneModule],
      environments: {
        staging: { provider: 'crossplane' },
      },
      config: {
        paved: {
          platformTeam: 'group:default/platform',
          dataDirectory: path.join(tmp, 'data'),
          gitHost: { directory: gitDir },
        },
      },
    });
    const { server, owners } = started;
    stop = started.stop;
    const sam = mockCredentials.user.header(SAM);
    const drift = async (id: string, auth = sam) =>
      request(server)
        .get(`/api/provisioning/requests/${id}/drift`)
        .set('Authorization', auth);

    const created = await createRequest(server, owners, {
      name: 'ledger',
      environment: 'staging',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    // The first run commits the manifest; the request then waits for a cluster that is not there.
    let first;
    for (let i = 0; i < 200; i++) {
      first = await drift(id);
      if (first.body.state === 'in-sync') break;
      await new Promise(r => setTimeout(r, 250));
    }
    expect(first!.status).toBe(200);
    expect(databaseDriftSchema.parse(first!.body)).toMatchObject({
      requestId: id,
      state: 'in-sync',
      detail:
        'databases/payments/ledger-staging.yaml matches the approved request',
    });

    const colleague = new GitRepository({
      url: path.join(gitDir, 'infrastructure-gitops.git'),
      branch: 'main',
      authorName: 'Lee Chen',
      authorEmail: 'lee.chen@example.com',
      createIfMissing: false,
    });
    const file = 'databases/payments/ledger-staging.yaml';
    const committed = (await colleague.readFile(file))!;
    await colleague.commitFiles(
      [
        {
          path: file,
          content: committed.replace('size: small', 'size: large'),
        },
      ],
      'Bigger, now',
    );
    const drifted = await drift(id);
    expect(drifted.body).toMatchObject({
      state: 'drifted',
      detail: `${file} differs from the approved request in spec.size`,
    });
    expect(drifted.body.diff).toMatch(/^\+ {2}size: large$/m);

    // Read permission as for the request itself (this test's policy lets everyone read).
    const outsider = mockCredentials.user.header(OUTSIDER);
    expect((await drift(id, outsider)).status).toBe(
      (
        await request(server)
          .get(`/api/provisioning/requests/${id}`)
          .set('Authorization', outsider)
      ).status,
    );
    expect((await drift(id, mockCredentials.none.header())).status).toBe(401);
    expect((await drift('00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });
});
