import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import provisioningCrossplaneModule from '@paved/plugin-provisioning-backend-module-crossplane';
import { createRequest, startBackend } from './__testUtils__/testBackend';

jest.setTimeout(120_000);

/** A platform rule for staging: no PostgreSQL instance above 50 GB. */
const STORAGE_POLICY = `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: staging-storage-cap
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ["database.paved.dev"]
        apiVersions: ["v1alpha1"]
        operations: ["CREATE"]
        resources: ["postgresqlinstances"]
  validations:
    - expression: object.spec.environment != 'staging' || object.spec.storageGB <= 50
      messageExpression: "'staging databases hold at most 50 GB, not ' + string(object.spec.storageGB)"
      fieldPath: spec.storageGB
`;

/*
 * POST /requests with the real crossplane module: what the provider would render is checked
 * against the admission policies before the request is stored, so a violation is a 400 naming
 * the policy's message and the field, not a failure after approval.
 */
describe('provider admission of a new request', () => {
  let tmp: string;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-admission-'));
  });
  afterAll(async () => {
    // The backend's processing loop commits to tmp/git: it stops before the folder goes, and a
    // git process it started may still be finishing (hence the retries).
    await stop?.();
    await fs.rm(tmp, { recursive: true, force: true, maxRetries: 10 });
  });

  it('refuses a request whose Crossplane manifest a policy rejects, and accepts a compliant one', async () => {
    const policies = path.join(tmp, 'policies');
    await fs.mkdir(policies);
    await fs.writeFile(path.join(policies, 'storage.yaml'), STORAGE_POLICY);
    const started = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:1/postgres',
      features: [provisioningCrossplaneModule],
      environments: { staging: { provider: 'crossplane' } },
      config: {
        paved: {
          platformTeam: 'group:default/platform',
          dataDirectory: path.join(tmp, 'data'),
          gitHost: { directory: path.join(tmp, 'git') },
        },
      },
      providers: { crossplane: { policiesDirectory: policies } },
    });
    const { server, owners } = started;
    stop = started.stop;
    const refused = await createRequest(server, owners, {
      name: 'ledger',
      environment: 'staging',
      storageGB: 60,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      name: 'InputError',
      message:
        'spec.storageGB: staging databases hold at most 50 GB, not 60 (in the rendered PostgreSQLInstance/ledger-staging) (rule: policy staging-storage-cap)',
    });

    const accepted = await createRequest(server, owners, {
      name: 'ledger',
      environment: 'staging',
      storageGB: 40,
    });
    expect(accepted.status).toBe(201);
  });
});
