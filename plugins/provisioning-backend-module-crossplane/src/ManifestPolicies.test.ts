import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { parse as parseYaml } from 'yaml';
import { GitRepository } from '@paved/plugin-provisioning-node';
import { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
import { CROSSPLANE_ENGINES, CrossplaneEngine } from './engines';
import { readCrossplaneProviderConfig } from './config';
import { ManifestPolicies, ManifestPolicyError } from './ManifestPolicies';
import { databaseRequest } from './testRequests';
import { XrdSchemaValidator } from './XrdSchemaValidator';

jest.setTimeout(60_000);

const ctx = {
  logger: mockServices.logger.mock(),
  secrets: {
    getOrCreate: jest.fn(),
    get: jest.fn(),
    put: jest.fn(),
    delete: jest.fn(),
  },
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A team's own rule, configured beside the platform's: no PostgreSQL instance above 100 GB. */
const STORAGE_POLICY = `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: team-storage-cap
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ["database.paved.dev"]
        apiVersions: ["v1alpha1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["postgresqlinstances"]
  validations:
    - expression: object.spec.storageGB <= 100
      messageExpression: "'storage of ' + string(object.spec.storageGB) + ' GB is above the 100 GB cap'"
      fieldPath: spec.storageGB
`;

describe('admission policies on what the crossplane provider renders', () => {
  let root: string;
  const bare = () => path.join(root, 'infrastructure-gitops.git');
  const commits = () => git(bare(), 'rev-list', '--count', 'main');

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-crossplane-vap-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it("commits a production instance that passes the platform's policies/", async () => {
    const crossplane = await CrossplaneDatabaseProvider.fromConfig(
      new ConfigReader({}),
      { gitHostDirectory: root },
    );
    const result = await crossplane.provision(databaseRequest(), ctx);
    expect(result).toMatchObject({ state: 'pending' });
    const file = parseYaml(
      git(bare(), 'show', 'main:databases/payments/orders-production.yaml'),
    );
    expect(file.spec).toMatchObject({
      environment: 'production',
      deletionProtection: true,
    });
  });

  it('refuses to commit a rendering that breaks a policy of policies/, naming the policy, its message and the field', async () => {
    const config = readCrossplaneProviderConfig(new ConfigReader({}), {
      gitHostDirectory: root,
    });
    // A renderer that forgot deletion protection (the mistake the policy exists for).
    const careless: CrossplaneEngine = {
      ...CROSSPLANE_ENGINES.postgresql,
      render: (request, cfg) => {
        const manifest = CROSSPLANE_ENGINES.postgresql.render(request, cfg);
        delete manifest.spec.deletionProtection;
        return manifest;
      },
    };
    const crossplane = new CrossplaneDatabaseProvider({
      config,
      engine: careless,
      validator: await XrdSchemaValidator.fromFile(
        path.join(config.definitionsDirectory, 'xrd.yaml'),
        'composite',
      ),
      policies: await ManifestPolicies.fromDirectory(config.policiesDirectory),
      repository: new GitRepository({
        ...config.gitops,
        createIfMissing: true,
      }),
    });

    const result = await crossplane.provision(databaseRequest(), ctx);
    expect(result).toEqual({
      state: 'failed',
      retryable: false,
      message:
        "The rendered PostgreSQLInstance/orders-production breaks the platform's admission policies, so Paved did not commit it: " +
        'policy paved-database-deletion-protection: PostgreSQLInstance orders-production runs in production and must set spec.deletionProtection: true (Paved sets it for every production request) (field spec.deletionProtection)',
    });
    await expect(fs.access(bare())).rejects.toThrow();

    // Outside production the same rendering is compliant and committed.
    const dev = databaseRequest({ environment: 'development' });
    expect(await crossplane.provision(dev, ctx)).toMatchObject({
      state: 'pending',
    });
    expect(commits()).toBe('1');
  });

  describe('with a policy of its own configured', () => {
    async function provider() {
      const policies = path.join(root, 'policies');
      await fs.mkdir(policies);
      await fs.writeFile(path.join(policies, 'storage.yaml'), STORAGE_POLICY);
      return CrossplaneDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: { crossplane: { policiesDirectory: policies } },
          },
        }),
        { gitHostDirectory: root },
      );
    }

    it('commits what complies and refuses what does not, on create and on resize', async () => {
      const crossplane = await provider();
      const request = databaseRequest({ environment: 'development' });
      expect(await crossplane.provision(request, ctx)).toMatchObject({
        state: 'pending',
      });
      expect(commits()).toBe('1');

      const big = databaseRequest({
        id: '7c1d0f2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
        name: 'ledger',
        environment: 'development',
        storageGB: 200,
      });
      const refused = await crossplane.provision(big, ctx);
      expect(refused).toMatchObject({ state: 'failed', retryable: false });
      expect((refused as { message: string }).message).toContain(
        'policy team-storage-cap: storage of 200 GB is above the 100 GB cap (field spec.storageGB)',
      );

      // A resize past the cap: the plan is refused as bad input (400 where a person asked) ...
      const change = { size: 'large' as const, storageGB: 150 };
      const plan = crossplane.operations.planResize!(request, change);
      await expect(plan).rejects.toBeInstanceOf(ManifestPolicyError);
      await expect(plan).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          'policy team-storage-cap: storage of 150 GB is above the 100 GB cap (field spec.storageGB)',
        ),
      });
      // ... and the resize itself commits nothing.
      expect(
        await crossplane.operations.resize!(request, change, ctx),
      ).toMatchObject({ state: 'failed', retryable: false });
      expect(commits()).toBe('1');

      // Within the cap the resize goes through.
      expect(
        await crossplane.operations.resize!(
          request,
          { size: 'large', storageGB: 80 },
          ctx,
        ),
      ).toMatchObject({ state: 'done' });
      expect(commits()).toBe('2');
    });

    it('still removes a manifest it would no longer admit: deprovisioning is never blocked', async () => {
      const crossplane = await provider();
      const request = databaseRequest({ environment: 'development' });
      await crossplane.provision(request, ctx);
      await crossplane.deprovision({ ...request, storageGB: 500 }, ctx);
      expect(git(bare(), 'ls-tree', '-r', '--name-only', 'main')).toBe('');
    });
  });

  it('fails at start-up, naming the key, when the configured policies cannot be read', async () => {
    await expect(
      CrossplaneDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: {
              crossplane: { policiesDirectory: path.join(root, 'missing') },
            },
          },
        }),
        { gitHostDirectory: root },
      ),
    ).rejects.toThrow(
      /^provisioning\.providers\.crossplane\.policiesDirectory: /,
    );
  });
});
